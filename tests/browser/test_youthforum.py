"""The youth forum in Chromium: a dialogue leader records a meeting and sends a proposal, and a
coordinator records the committee's answer; axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from youthforum.models import Forum, ForumMeeting, ForumProposal

from .conftest import assert_accessible, log_in, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click_and_check(page, selector):
    page.click(selector)
    page.wait_for_load_state()
    assert_accessible(page)


def test_meeting_proposal_and_the_committees_answer(browser, live_server, demo):
    forum = Forum.objects.get(name="Ungdomsforum Karlskoga")
    leader = browser.new_context(bypass_csp=True, locale="sv-SE").new_page()
    log_in(leader, live_server, "dialogledare")
    assert "Skriv protokollet" in leader.inner_text("main")  # the demo's latest meeting
    assert_accessible(leader)
    click_and_check(leader, menu_link(leader, "Ungdomsforum"))
    click_and_check(leader, "main >> text=Ungdomsforum Karlskoga")
    expect(leader.locator("h1")).to_have_text("Ungdomsforum Karlskoga")
    click_and_check(leader, "main >> a:text-is('Medlemmar')")
    expect(leader.locator("main")).to_contain_text("Fjäril")
    leader.goto(f"{live_server.url}{forum.get_absolute_url()}")

    click_and_check(leader, "text=Nytt möte")
    leader.fill("#id_held_on", "2026-12-03")
    leader.fill("#id_place", "Fritidsgården Kulan")
    leader.fill("#id_agenda", "1. Sommarlovet\n2. Busskort")
    leader.fill("#id_minutes", "Forumet vill ha gratis busskort på sommarlovet.")
    leader.fill("#id_attendance", "9")
    click_and_check(leader, "form.form button[type=submit]")
    expect(leader.locator("h1")).to_have_text("Möte 2026-12-03")
    expect(leader.locator("main")).to_contain_text("gratis busskort")
    meeting = ForumMeeting.objects.get(forum=forum, held_on="2026-12-03")
    assert meeting.attendance == 9

    leader.click("text=Ungdomsforum Karlskoga")
    click_and_check(leader, "text=Nytt förslag")
    leader.select_option("#id_committee", label="Kultur- och fritidsnämnden")
    leader.fill("#id_title", "Gratis busskort på sommarlovet")
    leader.fill("#id_text", "Ungdomsforum föreslår gratis busskort för unga under sommarlovet.")
    click_and_check(leader, "form.form button[type=submit]")
    expect(leader.locator("h1")).to_have_text("Gratis busskort på sommarlovet")
    proposal = ForumProposal.objects.get(title="Gratis busskort på sommarlovet")
    assert proposal.status == ForumProposal.Status.SENT
    nova = forum.members.get(pseudonym="Nova")
    for path in [
        f"/youth-forums/{forum.pk}/members/new/",
        f"/youth-forum-members/{nova.pk}/edit/",
        f"/youth-forum-members/{nova.pk}/end/",
        f"/youth-forums/{forum.pk}/matters/new/",
        f"/youth-forum-meetings/{meeting.pk}/edit/",
        f"/youth-forums/{forum.pk}/edit/",
        f"/organisations/{forum.organisation_id}/youth-forums/new/",
    ]:
        leader.goto(f"{live_server.url}{path}")
        assert leader.locator("h1").count() == 1, path
        assert_accessible(leader)

    coordinator = browser.new_context(bypass_csp=True, locale="sv-SE").new_page()
    log_in(coordinator, live_server, "samordnare")
    click_and_check(coordinator, "text=1 förslag från ungdomsforum väntar på svar")
    expect(coordinator.locator("h2")).to_have_text(["Kultur- och fritidsnämnden"])
    click_and_check(coordinator, "main >> text=Registrera svaret")
    coordinator.check("input[name=outcome][value=partly_accepted]")
    coordinator.fill("#id_answer", "Busskort prövas för gymnasieelever sommaren 2027.")
    coordinator.fill("#id_answered_on", "2026-12-10")
    click_and_check(coordinator, "form.form button[type=submit]")
    expect(coordinator.locator(".message--success")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.status == ForumProposal.Status.PARTLY_ACCEPTED
    assert str(proposal.answered_on) == "2026-12-10"

    coordinator.goto(f"{live_server.url}/youth-forum-proposals/")
    expect(coordinator.locator("main")).to_contain_text("Inget förslag väntar på svar.")
    assert_accessible(coordinator)
    coordinator.select_option("#language-select", "en")
    coordinator.click(".language-form button")
    coordinator.wait_for_selector("html[lang=en]")
    for path in [forum.get_absolute_url(), proposal.get_absolute_url(), meeting.get_absolute_url()]:
        coordinator.goto(f"{live_server.url}{path}")
        assert_accessible(coordinator)
