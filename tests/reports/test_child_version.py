"""Issue 22: the year told to children, from the published figures, LIX-checked, public and
linked from the children's pages."""

from django.urls import reverse
from django.utils import translation

from reports import childfriendly, services
from tests.reports.conftest import AS_OF


def test_the_child_version_tells_the_year_in_short_sentences_children_can_read(
    client, report, cases_2026, coordinator, decision_maker
):
    services.send_for_approval(report, by=coordinator)
    services.approve_report(report, by=decision_maker)
    version = services.publish_report(report, by=coordinator, as_of=AS_OF)
    with translation.override("sv"):
        said = childfriendly.sentences(version.data)
        check = childfriendly.readability(said)
    assert said[0] == "Politikerna beslutade om 2 saker som är viktiga för barn."
    assert check.score is not None and not check.too_hard
    html = client.get(reverse("reports:public_child_version", args=[report.slug, report.year]))
    assert "Det här har vi gjort för barns rättigheter i år" in html.content.decode()
    assert said[0] in html.content.decode()
    public = client.get(reverse("reports:public_report", args=[report.slug, report.year]))
    assert reverse("reports:public_child_version", args=[report.slug, report.year]) in (
        public.content.decode()
    )
    found = client.get(reverse("reports:public_child_version_for", args=[report.organisation_id]))
    assert found["Location"] == reverse(
        "reports:public_child_version", args=[report.slug, report.year]
    )


def test_the_childrens_thanks_page_links_to_the_year(client, karlskoga):
    from participation import services as participation

    consultation = participation.create_consultation(
        karlskoga,
        by=None,
        title="Parken",
        introduction="Vad vill du ha i parken?",
        age_bands=["6-12"],
        channels=["online"],
    )
    participation.add_question(consultation, by=None, kind="text", text="Vad tycker du?")
    consultation = participation.open_consultation(consultation, by=None)
    html = client.get(reverse("participation:child_thanks", args=[consultation.code]))
    link = reverse("reports:public_child_version_for", args=[karlskoga.pk])
    assert link in html.content.decode()
