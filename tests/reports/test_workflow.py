"""Draft → approved → published; publishing freezes a version that later changes do not touch."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from reports import services
from reports.document import localised
from reports.models import Report, ReportVersion
from tests.reports.conftest import AS_OF, FULL_ANSWERS, decide


def test_report_goes_from_draft_through_approval_to_published(report, coordinator, decision_maker):
    approved = services.approve_report(report, by=decision_maker)
    assert (approved.status, approved.approved_by) == (Report.Status.APPROVED, decision_maker)
    version = services.publish_report(approved, by=coordinator, as_of=AS_OF)
    assert version.number == 1
    assert Report.objects.get(pk=report.pk).status == Report.Status.PUBLISHED
    actions = set(AuditEntry.objects.for_object(report).values_list("action", flat=True))
    assert actions == {"create", "transition"}
    assert AuditEntry.objects.for_object(version).get().action == "create"


def test_a_draft_cannot_be_published(report, coordinator):
    with pytest.raises(services.TransitionError):
        services.publish_report(report, by=coordinator)
    assert not ReportVersion.objects.exists()


def test_changing_texts_of_an_approved_report_takes_it_back_to_draft(
    report, coordinator, decision_maker
):
    services.approve_report(report, by=decision_maker)
    changed = services.update_texts(report, by=coordinator, foreword="Ett nytt förord")
    assert changed.status == Report.Status.DRAFT
    assert changed.approved_by is None


def test_a_published_version_keeps_its_figures_when_the_records_change(
    report,
    coordinator,
    decision_maker,
    cases_2026,
    karlskoga,
    social_committee,
    case_officer,
    standard_version,
):
    services.approve_report(report, by=decision_maker)
    first = services.publish_report(report, by=coordinator, as_of=AS_OF)
    decide(
        karlskoga,
        social_committee,
        case_officer,
        decision_maker,
        standard_version,
        "SN 9",
        answers=FULL_ANSWERS,
    )
    services.update_texts(report, by=coordinator, foreword="Andra versionen")
    services.approve_report(report, by=decision_maker)
    second = services.publish_report(report, by=coordinator, as_of=AS_OF)
    first.refresh_from_db()
    assert first.data["figures"]["decisions"]["total"]["decided"] == 3
    assert second.data["figures"]["decisions"]["total"]["decided"] == 4
    assert second.number == 2
    assert localised(first.data, "sv")["narrative"]["foreword"] == ""
    assert localised(second.data, "sv")["narrative"]["foreword"] == "Andra versionen"


def test_a_published_version_cannot_be_saved_again(report, coordinator, decision_maker):
    from django.core.exceptions import ValidationError

    services.approve_report(report, by=decision_maker)
    version = services.publish_report(report, by=coordinator, as_of=AS_OF)
    version.data = {}
    with pytest.raises(ValidationError):
        version.save()


def test_own_wording_replaces_a_generated_sentence(report, coordinator, cases_2026):
    services.update_texts(
        report, by=coordinator, overrides={"decisions.decided": "Nämnderna fattade tre beslut."}
    )
    report.refresh_from_db()
    from reports.document import build_document

    sentences = localised(build_document(report, as_of=AS_OF), "sv")["sections"][0]["sentences"]
    assert sentences[0]["text"] == "Nämnderna fattade tre beslut."
    assert sentences[0]["overridden"]
    assert sentences[0]["generated"] == "Under 2026 beslutades 3 ärenden."


# Pages -------------------------------------------------------------------------------------


def test_coordinator_writes_the_texts_on_the_edit_page(coordinator_client, report, cases_2026):
    url = reverse("reports:report_edit", args=[report.pk])
    page = coordinator_client.get(url)
    assert "Under 2026 beslutades 3 ärenden." in page.content.decode()
    response = coordinator_client.post(
        url,
        {
            "title": report.title,
            "foreword": "Året i korthet",
            "priorities": "Fler dialoger",
            "analysis_training": "Alla nämnder har utbildats.",
            "sentence-decisions-decided": "Egen mening.",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.foreword == "Året i korthet"
    assert report.analysis == {"training": "Alla nämnder har utbildats."}
    assert report.overrides == {"decisions.decided": "Egen mening."}


def test_own_wording_of_a_sentence_not_shown_now_is_kept(coordinator_client, report):
    report.overrides = {"decisions.follows": "Alla beslut följde barnets bästa."}
    report.save()
    url = reverse("reports:report_edit", args=[report.pk])
    coordinator_client.post(url, {"title": report.title, "sentence-decisions-decided": "Inga."})
    report.refresh_from_db()
    assert report.overrides == {
        "decisions.follows": "Alla beslut följde barnets bästa.",
        "decisions.decided": "Inga.",
    }


def test_case_officer_may_not_edit_and_decision_maker_approves_by_post(
    client, case_officer, decision_maker, report
):
    client.force_login(case_officer)
    assert client.get(reverse("reports:report_edit", args=[report.pk])).status_code == 403
    assert (
        client.post(reverse("reports:report_transition", args=[report.pk, "approve"])).status_code
        == 403
    )
    client.force_login(decision_maker)
    response = client.post(reverse("reports:report_transition", args=[report.pk, "approve"]))
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).status == Report.Status.APPROVED


def test_coordinator_cannot_approve_their_own_report(coordinator_client, report):
    response = coordinator_client.post(
        reverse("reports:report_transition", args=[report.pk, "approve"])
    )
    assert response.status_code == 403


def test_outsider_gets_404_for_the_report(outsider_client, report):
    assert (
        outsider_client.get(reverse("reports:report_detail", args=[report.pk])).status_code == 404
    )


def test_published_report_is_public_and_unpublished_is_not(
    client, report, coordinator, decision_maker, cases_2026
):
    public = reverse("reports:public_report", args=[report.slug, report.year])
    assert client.get(public).status_code == 404
    services.approve_report(report, by=decision_maker)
    services.publish_report(report, by=coordinator, as_of=AS_OF)
    page = client.get(public).content.decode()
    assert "Under 2026 beslutades 3 ärenden." in page
    assert (
        client.get(reverse("reports:public_version", args=[report.slug, 2026, 1])).status_code
        == 200
    )
    assert (
        client.get(reverse("reports:public_version", args=[report.slug, 2026, 2])).status_code
        == 404
    )


def test_public_page_reads_only_the_snapshot(
    client, report, coordinator, decision_maker, cases_2026, django_assert_max_num_queries
):
    services.approve_report(report, by=decision_maker)
    services.publish_report(report, by=coordinator, as_of=AS_OF)
    url = reverse("reports:public_report", args=[report.slug, report.year])
    client.get(url)
    with django_assert_max_num_queries(3):
        assert client.get(url).status_code == 200


def test_report_list_and_detail_query_counts(
    coordinator_client, report, django_assert_max_num_queries
):
    coordinator_client.get(reverse("reports:report_list"))
    with django_assert_max_num_queries(8):
        assert coordinator_client.get(reverse("reports:report_list")).status_code == 200


def test_coordinator_creates_a_joint_report_on_the_page(
    coordinator_client, karlskoga, joint_committee
):
    url = reverse("reports:report_create", args=[karlskoga.pk])
    response = coordinator_client.post(url, {"year": "2026", "body": joint_committee.pk})
    report = Report.objects.get(body=joint_committee)
    assert response.status_code == 302
    assert report.slug == "folkhalsonamnden"
    assert report.title == "Bokslut för folkhälsa och barnkonvention 2026 – Folkhälsonämnden"
    again = coordinator_client.post(url, {"year": "2026", "body": joint_committee.pk})
    assert "Det finns redan ett bokslut för det året." in again.content.decode()


def test_outsider_served_by_the_joint_body_sees_its_report(
    outsider_client, karlskoga, joint_committee, coordinator
):
    report = services.create_report(karlskoga, by=coordinator, year=2026, body=joint_committee)
    own = services.create_report(karlskoga, by=coordinator, year=2026)
    assert (
        outsider_client.get(reverse("reports:report_detail", args=[report.pk])).status_code == 200
    )
    assert outsider_client.get(reverse("reports:report_detail", args=[own.pk])).status_code == 404


def test_history_of_a_report_lists_its_approval(coordinator_client, report, decision_maker):
    services.approve_report(report, by=decision_maker)
    url = reverse("home:history", args=["reports.report", report.pk])
    response = coordinator_client.get(url)
    assert response.status_code == 200
    assert "godkänt" in response.content.decode().lower()


def test_staff_preview_takes_the_same_queries_with_more_decisions(
    coordinator_client,
    report,
    karlskoga,
    social_committee,
    case_officer,
    decision_maker,
    standard_version,
):
    from tests.test_query_counts import queries_for

    url = reverse("reports:report_detail", args=[report.pk])
    args = (karlskoga, social_committee, case_officer, decision_maker, standard_version)
    decide(*args, "SN 11", answers=FULL_ANSWERS)
    few = queries_for(coordinator_client, url)
    for number in range(12, 16):
        decide(*args, f"SN {number}", answers=FULL_ANSWERS, follows=number % 2 == 0)
    assert queries_for(coordinator_client, url) == few


def test_public_index_lists_published_reports_only(
    client, report, coordinator, decision_maker, karlskoga
):
    draft = services.create_report(karlskoga, by=coordinator, year=2025)
    services.approve_report(report, by=decision_maker)
    services.publish_report(report, by=coordinator, as_of=AS_OF)
    page = client.get(reverse("reports:public_index")).content.decode()
    assert report.public_url() in page
    assert draft.public_url() not in page


def test_a_published_report_is_reopened_for_a_new_version_with_new_figures(
    coordinator_client, report, coordinator, decision_maker, cases_2026
):
    services.approve_report(report, by=decision_maker)
    services.publish_report(report, by=coordinator, as_of=AS_OF)
    url = reverse("reports:report_transition", args=[report.pk, "reopen"])
    assert coordinator_client.post(url).status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT
    services.approve_report(report, by=decision_maker)
    assert services.publish_report(report, by=coordinator, as_of=AS_OF).number == 2
    with pytest.raises(services.TransitionError):
        services.approve_report(report, by=decision_maker)


def test_send_for_approval_waits_on_the_decision_makers_start_page_and_mails_them(
    client,
    coordinator,
    decision_maker,
    case_officer,
    report,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    """Issue 22: "Send for approval" tells the decision-maker, in the start page's waiting list
    and by e-mail (a job through Django's e-mail API); nobody else is told."""
    from core.start import waiting_items

    decision_maker.email = "beslut@karlskoga.se"
    decision_maker.save()
    case_officer.email = "handlaggare@karlskoga.se"
    case_officer.save()
    assert not [i for i in waiting_items(decision_maker) if report.title in i.label]
    client.force_login(coordinator)
    page = client.get(report.get_absolute_url()).content.decode()
    send = reverse("reports:report_transition", args=[report.pk, "send"])
    assert f'action="{send}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send)
    report.refresh_from_db()
    assert report.sent_for_approval_at is not None
    assert AuditEntry.objects.filter(object_id=str(report.pk), action="transition").exists()
    items = [i for i in waiting_items(decision_maker) if report.title in i.label]
    assert [i.url for i in items] == [report.get_absolute_url()]
    assert not [i for i in waiting_items(case_officer) if report.title in i.label]
    assert [m.to for m in mailoutbox] == [["beslut@karlskoga.se"]]
    assert report.title in mailoutbox[0].subject
    assert f"http://testserver{report.get_absolute_url()}" in mailoutbox[0].body
    services.approve_report(report, by=decision_maker)
    assert not [i for i in waiting_items(decision_maker) if report.title in i.label]


def test_the_live_page_of_a_published_report_says_when_its_figures_have_changed(
    coordinator_client,
    report,
    coordinator,
    decision_maker,
    cases_2026,
    karlskoga,
    social_committee,
    case_officer,
    standard_version,
):
    services.approve_report(report, by=decision_maker)
    services.publish_report(report, by=coordinator)
    url = reverse("reports:report_detail", args=[report.pk])
    warning = "skiljer sig från version 1"
    assert warning not in coordinator_client.get(url).content.decode()
    decide(
        karlskoga,
        social_committee,
        case_officer,
        decision_maker,
        standard_version,
        "SN 9",
        answers=FULL_ANSWERS,
    )
    page = coordinator_client.get(url).content.decode()
    assert warning in page
    assert "Förbered en ny version för att publicera dagens siffror." in page


def test_figures_a_new_release_adds_do_not_count_as_changed_records(
    coordinator_client, report, coordinator, decision_maker, cases_2026
):
    """A release that adds a figure (the bodies' ids, a new section) must not make every
    published report say its figures changed; a changed count still does."""
    services.approve_report(report, by=decision_maker)
    version = services.publish_report(report, by=coordinator)
    url = reverse("reports:report_detail", args=[report.pk])
    warning = "skiljer sig från version 1"

    def strip_from(figures, removed):
        if isinstance(figures, dict):
            return {k: strip_from(v, removed) for k, v in figures.items() if k != removed}
        if isinstance(figures, list):
            return [strip_from(item, removed) for item in figures]
        return figures

    # A version is never changed by the application: the test writes the data an older
    # release would have frozen straight to the table.
    versions = type(version).objects.filter(pk=version.pk)
    figures = version.data["figures"]
    older = strip_from(figures, "decisions") | {"dropped_since": 1}
    versions.update(data=version.data | {"figures": older})
    assert warning not in coordinator_client.get(url).content.decode()
    figures["decisions"]["total"]["decided"] += 1
    versions.update(data=version.data | {"figures": figures})
    assert warning in coordinator_client.get(url).content.decode()
