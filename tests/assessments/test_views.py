"""Cases and assessments in the browser-facing views: list filters, the form, locking, review,
decision, the start page, and tenancy."""

from django.urls import reverse

from assessments import services
from assessments.models import Assessment, Case
from tests.conftest import FULL_ANSWERS


def test_case_officer_creates_a_case(
    case_officer_client, karlskoga, social_committee, case_officer
):
    response = case_officer_client.post(
        reverse("assessments:case_create", args=[karlskoga.pk]),
        {
            "body": social_committee.pk,
            "case_number": "SN 2026/9",
            "title": "Nytt boende",
            "officer": case_officer.pk,
        },
    )
    case = Case.objects.get(case_number="SN 2026/9")
    assert response.status_code == 302
    assert case.status == Case.Status.DRAFT


def test_case_number_is_unique_per_organisation(
    case_officer_client, karlskoga, social_committee, case
):
    response = case_officer_client.post(
        reverse("assessments:case_create", args=[karlskoga.pk]),
        {"body": social_committee.pk, "case_number": "sn 2026/1", "title": "Dubblett"},
    )
    assert response.status_code == 200
    assert "redan ett ärende med det numret" in response.content.decode()


def test_case_list_filters_by_status_children_and_article(
    coordinator_client, submitted_assessment, karlskoga, social_committee, case_officer
):
    other = services.create_case(
        karlskoga, by=case_officer, body=social_committee, case_number="SN 2026/5", title="Annat"
    )
    url = reverse("assessments:case_list")

    def numbers(params):
        return [c.case_number for c in coordinator_client.get(url, params).context["page"]]

    assert numbers({"children_affected": "yes"}) == ["SN 2026/1"]
    assert numbers({"article": 12}) == ["SN 2026/1"]
    assert numbers({"article": 28}) == []
    assert numbers({"status": "draft"}) == [other.case_number]


def test_case_search_finds_swedish_words_in_any_case(coordinator_client, case):
    response = coordinator_client.get(reverse("assessments:case_list"), {"q": "PARKLEK"})
    assert [c.pk for c in response.context["page"]] == [case.pk]


def test_outsider_sees_no_cases_of_karlskoga(outsider_client, case):
    response = outsider_client.get(reverse("assessments:case_list"))
    assert list(response.context["page"]) == []


def test_joint_committee_cases_are_seen_by_the_organisations_it_serves(
    outsider_client, karlskoga, joint_committee, case_officer
):
    joint_case = services.create_case(
        karlskoga,
        by=case_officer,
        body=joint_committee,
        case_number="FHN 2026/1",
        title="Folkhälsoplan",
    )
    response = outsider_client.get(reverse("assessments:case_detail", args=[joint_case.pk]))
    assert response.status_code == 200


def test_answering_the_assessment_in_the_form(case_officer_client, assessment):
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    response = case_officer_client.post(
        url,
        {
            "lock_version": assessment.lock_version,
            "action": "save",
            "children_affected": "yes",
            "child_groups": ["age_0_5", "disability"],
            "articles": ["3", "23"],
            "consequences__disability__effect": "negative",
            "consequences__disability__size": "large",
            "summary": "Min sammanfattning",
        },
    )
    assert response.status_code == 302
    saved = Assessment.objects.get(pk=assessment.pk)
    assert saved.answers["child_groups"] == ["age_0_5", "disability"]
    assert saved.answers["articles"] == [3, 23]
    assert saved.answers["consequences"] == {"disability": {"effect": "negative", "size": "large"}}
    assert saved.summary == "Min sammanfattning"


def test_the_second_save_is_refused_and_says_what_changed(
    case_officer_client, coordinator, assessment
):
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    services.save_answers(
        assessment, by=coordinator, answers={"children_affected": "no"}, expected_version=1
    )
    response = case_officer_client.post(
        url,
        {
            "lock_version": 1,
            "action": "save",
            "children_affected": "yes",
            "summary": "",
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Inget skrevs över" in content
    assert "Berör ärendet barn?" in content
    assert Assessment.objects.get(pk=assessment.pk).answers == {"children_affected": "no"}
    # The form now carries the new version: saving again is a deliberate choice.
    assert 'name="lock_version" value="2"' in content


def test_save_and_submit(case_officer_client, assessment):
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    data = {"lock_version": 1, "action": "submit", "summary": ""}
    data.update(FULL_ANSWERS)
    case_officer_client.post(url, data)
    assert Assessment.objects.get(pk=assessment.pk).status == Assessment.Status.SUBMITTED


def test_reviewer_returns_with_comments(client, decision_maker, submitted_assessment):
    client.force_login(decision_maker)
    client.post(
        reverse("assessments:review", args=[submitted_assessment.case_id]),
        {"action": "return", "comments": "Saknar barnens röster"},
    )
    assert Case.objects.get(pk=submitted_assessment.case_id).status == Case.Status.RETURNED


def test_returning_without_comments_shows_a_message_not_an_error(
    client, decision_maker, submitted_assessment
):
    client.force_login(decision_maker)
    response = client.post(
        reverse("assessments:review", args=[submitted_assessment.case_id]),
        {"action": "return", "comments": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert "Ange vad bedömningen saknar" in response.content.decode()
    assert Case.objects.get(pk=submitted_assessment.case_id).status != Case.Status.RETURNED


def test_decision_maker_records_the_decision(client, decision_maker, submitted_assessment):
    services.approve_assessment(submitted_assessment, by=decision_maker)
    client.force_login(decision_maker)
    response = client.post(
        reverse("assessments:decide", args=[submitted_assessment.case_id]),
        {
            "outcome": "Avslag",
            "decided_on": "2026-11-20",
            "follows_best_interests": "False",
            "reasons": "",
            "compensating_measures": "",
        },
    )
    assert response.status_code == 200
    assert "Ange skälen" in response.content.decode()
    client.post(
        reverse("assessments:decide", args=[submitted_assessment.case_id]),
        {
            "outcome": "Avslag",
            "decided_on": "2026-11-20",
            "follows_best_interests": "False",
            "reasons": "Budget",
            "compensating_measures": "Tillfällig lösning",
        },
    )
    assert Case.objects.get(pk=submitted_assessment.case_id).status == Case.Status.DECIDED


def test_deciding_a_case_that_is_not_ready_is_a_message(client, decision_maker, case):
    client.force_login(decision_maker)
    response = client.post(
        reverse("assessments:decide", args=[case.pk]),
        {"outcome": "Bifall", "decided_on": "2026-11-20", "follows_best_interests": "True"},
        follow=True,
    )
    assert response.status_code == 200
    assert Case.objects.get(pk=case.pk).status == Case.Status.DRAFT


def test_start_page_shows_what_waits(
    client, case_officer, decision_maker, submitted_assessment, case
):
    client.force_login(decision_maker)
    assert "Granska bedömningen: SN 2026/1" in client.get(reverse("home:start")).content.decode()


def test_start_page_shows_overdue_follow_ups(case_officer_client, decided_case):
    content = case_officer_client.get(reverse("home:start")).content.decode()
    assert "Följ upp beslutet: SN 2026/1" in content
    assert "försenad" in content


def test_print_view_shows_answers_in_words(case_officer_client, submitted_assessment):
    content = case_officer_client.get(
        reverse("assessments:assessment_print", args=[submitted_assessment.case_id])
    ).content.decode()
    assert "Barn 6–12 år" in content or "6–12" in content
    assert "12. Rätt att säga sin mening och bli lyssnad på" in content


def test_autosave_stores_the_draft_and_returns_the_new_version(case_officer_client, assessment):
    url = reverse("assessments:autosave", args=[assessment.case_id])
    response = case_officer_client.post(
        url, {"lock_version": 1, "children_affected": "yes", "summary": ""}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert "Utkastet sparades" in content
    assert 'name="lock_version" value="2"' in content
    assert Assessment.objects.get(pk=assessment.pk).answers == {"children_affected": "yes"}


def test_autosave_never_overwrites_someone_elses_save(case_officer_client, coordinator, assessment):
    services.save_answers(
        assessment, by=coordinator, answers={"children_affected": "no"}, expected_version=1
    )
    url = reverse("assessments:autosave", args=[assessment.case_id])
    content = case_officer_client.post(
        url, {"lock_version": 1, "children_affected": "yes"}
    ).content.decode()
    assert "Någon annan har sparat" in content
    assert Assessment.objects.get(pk=assessment.pk).answers == {"children_affected": "no"}


def test_a_garbled_lock_version_is_a_conflict_not_an_error(case_officer_client, assessment):
    url = reverse("assessments:autosave", args=[assessment.case_id])
    response = case_officer_client.post(url, {"lock_version": "abc", "children_affected": "yes"})
    assert response.status_code == 200
    assert "Någon annan har sparat" in response.content.decode()
    assert Assessment.objects.get(pk=assessment.pk).answers == {}


def test_case_search_finds_inflected_swedish_words(
    coordinator_client, karlskoga, social_committee, case_officer
):
    services.create_case(
        karlskoga,
        by=case_officer,
        body=social_committee,
        case_number="SN 2026/31",
        title="Barnens budget för fritid",
    )
    url = reverse("assessments:case_list")
    for query in ["barn", "barnens", "budgeten", "Fritiden"]:
        numbers = [c.case_number for c in coordinator_client.get(url, {"q": query}).context["page"]]
        assert numbers == ["SN 2026/31"], query


def test_an_unanswered_best_interests_question_is_not_a_no(
    client, decision_maker, submitted_assessment
):
    """Issue 22: "Följer beslutet barnets bästa?" left blank stays unanswered: the form asks."""
    services.approve_assessment(submitted_assessment, by=decision_maker)
    client.force_login(decision_maker)
    url = reverse("assessments:decide", args=[submitted_assessment.case_id])
    response = client.post(
        url,
        {
            "outcome": "Bifall",
            "decided_on": "2026-11-20",
            "reasons": "x",
            "compensating_measures": "y",
        },
    )
    assert response.status_code == 200
    assert "follows_best_interests" in response.context["form"].errors
    assert Case.objects.get(pk=submitted_assessment.case_id).status != Case.Status.DECIDED


def test_the_decision_date_defaults_to_today_not_the_planned_date(
    client, decision_maker, submitted_assessment
):
    import datetime

    from django.utils import timezone

    case = submitted_assessment.case
    services.update_case(case, by=decision_maker, planned_decision_date=datetime.date(2027, 1, 20))
    services.approve_assessment(submitted_assessment, by=decision_maker)
    client.force_login(decision_maker)
    form = client.get(reverse("assessments:decide", args=[case.pk])).context["form"]
    assert form.initial["decided_on"] == timezone.localdate()
    assert "2027-01-20" not in str(form["decided_on"])


def test_the_summary_follows_the_answers_until_the_officer_edits_it(assessment, case_officer):
    """Issue 22: a summary made from empty answers must not stay after the answers change."""
    saved = services.save_answers(
        assessment, by=case_officer, answers={}, expected_version=assessment.lock_version
    )
    assert "ännu inte bedömts" in saved.summary
    saved = services.save_answers(
        saved, by=case_officer, answers=FULL_ANSWERS, expected_version=saved.lock_version
    )
    assert "ännu inte bedömts" not in saved.summary
    assert "berör barn" in saved.summary
    edited = services.save_answers(
        saved,
        by=case_officer,
        answers=FULL_ANSWERS,
        expected_version=saved.lock_version,
        summary="Min egen text.",
    )
    kept = services.save_answers(
        edited,
        by=case_officer,
        answers=FULL_ANSWERS | {"best_interests": "Annat"},
        expected_version=edited.lock_version,
    )
    assert kept.summary == "Min egen text."


def test_the_form_keeps_an_unedited_summary_fresh_and_reaches_regenerate(
    case_officer_client, assessment
):
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    page = case_officer_client.get(url)
    basis = page.context["summary_basis"]
    assert reverse("assessments:regenerate_summary", args=[assessment.case_id]) in (
        page.content.decode()
    )
    case_officer_client.post(
        url,
        {
            "lock_version": assessment.lock_version,
            "children_affected": "yes",
            "summary": basis,
            "summary_basis": basis,
        },
    )
    assessment.refresh_from_db()
    assert "ännu inte bedömts" not in assessment.summary
    assert assessment.summary.startswith("Ärendet berör barn")


def test_an_edited_summary_shows_what_the_answers_now_say_and_refresh_keeps_the_lost_text(
    case_officer_client, case_officer, assessment
):
    """Issue 22: once edited, the summary is marked out of date when the answers change, the
    page shows what differs, and the one-click refresh says which of the officer's sentences it
    replaced."""
    saved = services.save_answers(
        assessment,
        by=case_officer,
        answers=FULL_ANSWERS,
        expected_version=assessment.lock_version,
        summary="Min egen mening om fritidsgården.",
    )
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    page = case_officer_client.get(url)
    changes = page.context["summary_changes"]
    assert page.context["summary_outdated"]
    assert changes.only_in_own == ["Min egen mening om fritidsgården."]
    assert changes.from_answers and changes.from_answers[0].startswith("Ärendet berör barn")
    content = page.content.decode()
    assert "Det här skiljer från svaren" in content
    assert "Min egen mening om fritidsgården." in content
    refreshed = case_officer_client.post(
        reverse("assessments:regenerate_summary", args=[saved.case_id]), follow=True
    )
    assessment.refresh_from_db()
    assert assessment.summary.startswith("Ärendet berör barn")
    told = [str(m) for m in refreshed.context["messages"]]
    assert any("Min egen mening om fritidsgården." in message for message in told)
    assert not refreshed.context["summary_changes"]


def test_submitting_an_incomplete_assessment_needs_a_confirmation(case_officer_client, assessment):
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    posted = {
        "lock_version": assessment.lock_version,
        "children_affected": "yes",
        "action": "submit",
    }
    response = case_officer_client.post(url, posted, follow=True)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.IN_PROGRESS
    content = response.content.decode()
    assert "confirm_incomplete" in content
    posted |= {"lock_version": assessment.lock_version, "confirm_incomplete": "1"}
    case_officer_client.post(url, posted)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED


def test_a_decision_date_in_another_year_asks_before_it_is_recorded(
    client, decision_maker, submitted_assessment
):
    """Issue 22: a date in another year moves the case to that year's account, so the form
    stops and asks; nothing is recorded until the officer confirms."""
    import datetime

    from django.utils import timezone

    services.approve_assessment(submitted_assessment, by=decision_maker)
    client.force_login(decision_maker)
    url = reverse("assessments:decide", args=[submitted_assessment.case_id])
    year = timezone.localdate().year + 1
    posted = {
        "outcome": "Bifall",
        "decided_on": datetime.date(year, 1, 20).isoformat(),
        "follows_best_interests": "True",
    }
    page = client.post(url, posted)
    assert page.status_code == 200
    assert f"Beslutsdatumet är {year}, inte i år" in page.content.decode()
    assert "count_in_other_year" in page.context["form"].fields
    submitted_assessment.case.refresh_from_db()
    assert submitted_assessment.case.status == Case.Status.READY_FOR_DECISION
    client.post(url, posted | {"count_in_other_year": "on"})
    submitted_assessment.case.refresh_from_db()
    assert submitted_assessment.case.status == Case.Status.DECIDED
    assert submitted_assessment.case.decision_date.year == year


def test_a_decision_date_this_year_asks_nothing_more(client, decision_maker, submitted_assessment):
    from django.utils import timezone

    services.approve_assessment(submitted_assessment, by=decision_maker)
    client.force_login(decision_maker)
    url = reverse("assessments:decide", args=[submitted_assessment.case_id])
    assert "count_in_other_year" not in client.get(url).context["form"].fields
    posted = {
        "outcome": "Bifall",
        "decided_on": timezone.localdate().isoformat(),
        "follows_best_interests": "True",
    }
    client.post(url, posted)
    submitted_assessment.case.refresh_from_db()
    assert submitted_assessment.case.status == Case.Status.DECIDED


def test_the_review_page_shows_the_summary_the_answers_give_now(
    client, decision_maker, case_officer, assessment
):
    """An edited summary is kept, but the reviewer also sees the one made from the answers."""
    saved = services.save_answers(
        assessment,
        by=case_officer,
        answers=FULL_ANSWERS,
        expected_version=assessment.lock_version,
        summary="Det har ännu inte bedömts om ärendet berör barn.",
    )
    services.submit_for_review(saved, by=case_officer)
    client.force_login(decision_maker)
    page = client.get(reverse("assessments:review", args=[assessment.case_id]))
    assert page.context["fresh_summary"].startswith("Ärendet berör barn")
    assert "Ärendet berör barn" in page.content.decode()


def test_the_yearly_accounts_filters_are_named_not_drawn_as_everyday_controls(
    coordinator_client, decided_case
):
    """The case list's own form keeps its everyday filters; a link from the yearly account sets
    the account's filters, which travel as hidden fields and are named above the list."""
    url = reverse("assessments:case_list")
    page = coordinator_client.get(url)
    fields = page.context["filter"].form.fields
    assert "counted" not in fields and "organisation" not in fields and "status" in fields
    assert "Listan visar det som bokslutet räknade" not in page.content.decode()
    year = decided_case.decision.decided_on.year
    linked = coordinator_client.get(
        url,
        {
            "organisation": decided_case.organisation_id,
            "decided_year": year,
            "counted": "follows",
        },
    )
    content = linked.content.decode()
    assert "Listan visar det som bokslutet räknade" in content
    assert "Beslutade i linje med bedömningen av barnets bästa" in content
    assert 'type="hidden" name="counted" value="follows"' in content
    assert f'type="hidden" name="organisation" value="{decided_case.organisation_id}"' in content
    assert [case.pk for case in linked.context["page"].object_list] == [decided_case.pk]
