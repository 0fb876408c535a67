"""A network in Chromium: a member from Degerfors reads the demo network's page, a meeting and
an item Karlskoga shared; the coordinator shares an example and stops sharing it. axe-core
checks every page on the way."""

import pytest
from playwright.sync_api import expect

from networks.models import Network, NetworkMeeting, SharedItem

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CROSS_SECTORAL = "Tvärsektoriellt nätverk för barnkonvention och folkhälsa"


def test_member_reads_the_network_a_meeting_and_a_shared_item(page, live_server, demo):
    network = Network.objects.get(name=CROSS_SECTORAL)
    shared = SharedItem.objects.get(network=network, kind="policy")
    meeting = NetworkMeeting.objects.filter(network=network).first()
    log_in(page, live_server, "degerfors")
    page.goto(f"{live_server.url}{network.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text(CROSS_SECTORAL)
    expect(page.locator("#contacts")).to_contain_text("Kontaktperson för Degerfors kommun")
    expect(page.locator("#plan")).to_contain_text("Nätverkets gemensamma arbetsplan")
    assert_accessible(page)
    page.click(f"#meetings >> text={meeting.title}")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text(meeting.title)
    assert_accessible(page)
    page.goto(f"{live_server.url}{network.get_absolute_url()}")
    page.click(f"#shared >> text={shared.policy.title}")
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Delad av Karlskoga kommun")
    expect(page.locator("main")).not_to_contain_text("Sluta dela")
    assert_accessible(page)


def test_coordinator_shares_and_unshares(page, live_server, demo):
    network = Network.objects.get(name=CROSS_SECTORAL)
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}{network.get_absolute_url()}")
    page.click("text=Dela något med nätverket")
    page.wait_for_load_state()
    assert_accessible(page)
    form = page.locator("form", has=page.locator("input[name=kind][value=example]"))
    form.locator("select").select_option(index=1)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    shared = SharedItem.objects.get(network=network, kind="example")
    expect(page.locator("#shared")).to_contain_text(shared.example.title)
    page.click(f"#shared >> text={shared.example.title}")
    page.wait_for_load_state()
    page.click("text=Sluta dela")
    page.wait_for_load_state()
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert not SharedItem.objects.filter(pk=shared.pk).exists()
    expect(page.locator("#shared")).not_to_contain_text(shared.example.title)


def _karlskoga_template():
    from assessments import template_services
    from assessments.models import AssessmentTemplate
    from organisations.models import Organisation

    karlskoga = Organisation.objects.get(name="Karlskoga kommun")
    shipped = AssessmentTemplate.objects.get(key="standard", organisation=None)
    own = template_services.copy_template(shipped, by=None, organisation=karlskoga)
    own.name = "Karlskogas mall för barnets bästa"
    own.save()
    template_services.publish_version(own.versions.get(), by=None)
    return own


def test_a_template_is_shared_from_its_page_and_copied_by_a_member(page, live_server, demo):
    from assessments.models import AssessmentTemplate

    network = Network.objects.get(name=CROSS_SECTORAL)
    template = _karlskoga_template()
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}{template.get_absolute_url()}")
    sharing = page.locator("#sharing")
    sharing.locator("select").select_option(str(network.pk))
    sharing.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#sharing")).to_contain_text(CROSS_SECTORAL)
    assert_accessible(page)
    shared = SharedItem.objects.get(network=network, template=template)

    page.context.clear_cookies()
    log_in(page, live_server, "degerfors")  # a case officer in Degerfors: reads, may not copy
    page.goto(f"{live_server.url}{network.get_absolute_url()}")
    page.click(f"#shared >> text={template.name}")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text(template.name)
    expect(page.locator("main")).not_to_contain_text("Kopiera till din organisation")
    assert_accessible(page)

    page.context.clear_cookies()
    log_in(page, live_server, "samordnare")  # also Degerfors' coordinator
    page.goto(f"{live_server.url}{shared.get_absolute_url()}")
    page.locator("main select").select_option(label="Degerfors kommun")
    assert_accessible(page)
    page.click("text=Kopiera till din organisation")
    page.wait_for_load_state()
    copy = AssessmentTemplate.objects.get(copied_from=template)
    assert copy.organisation.name == "Degerfors kommun"
    assert_accessible(page)


def test_the_convener_attaches_a_document_to_a_meeting(page, live_server, demo, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    network = Network.objects.get(name=CROSS_SECTORAL)
    meeting = NetworkMeeting.objects.filter(network=network).first()
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.click("#documents >> text=Lägg till ett dokument")
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_title", "Dagordning")
    page.set_input_files(
        "#id_file",
        {"name": "dagordning.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"},
    )
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator("#documents")).to_contain_text("Dagordning")
    assert_accessible(page)
    assert meeting.documents.get().original_name == "dagordning.pdf"
