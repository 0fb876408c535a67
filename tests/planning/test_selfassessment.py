"""The yearly self-assessment: the services (one rating per factor, audited, evidence only the
organisation's own), the one-page form, the overview with radar, trend and tables, the export,
and a fixed number of queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditEntry
from planning import selfassessment_services as services
from planning.maturity import MEANINGS, Level
from planning.models import FactorRating, SelfAssessment
from planning.success_factors import SuccessFactor


@pytest.fixture
def year(karlskoga, coordinator):
    return services.start_self_assessment(karlskoga, by=coordinator, year=2026)


def rate(assessment, by, level, **extra):
    ratings = {factor: {"level": level, **extra} for factor in SuccessFactor.values}
    return services.save_self_assessment(assessment, by=by, ratings=ratings)


def form_data(level="2", **per_factor):
    data = {"summary": "Ett år av arbete"}
    for factor in SuccessFactor.values:
        data[f"{factor}-level"] = level
        data[f"{factor}-evidence"] = "Underlag"
        data[f"{factor}-next_steps"] = "Nästa steg"
    data.update(per_factor)
    return data


def test_every_level_of_every_factor_has_a_meaning():
    assert set(MEANINGS) == set(SuccessFactor)
    for lines in MEANINGS.values():
        assert len(lines) == len(Level.values)
        assert len({str(line) for line in lines}) == len(Level.values)


def test_starting_a_year_creates_one_empty_rating_per_factor_and_audits_it(year, coordinator):
    ratings = FactorRating.objects.filter(assessment=year)
    assert sorted(ratings.values_list("factor", flat=True)) == sorted(SuccessFactor.values)
    assert not ratings.exclude(level=None).exists()
    assert AuditEntry.objects.for_object(year).filter(action="create").exists()
    assert AuditEntry.objects.filter(
        content_type__model="factorrating", action="create"
    ).count() == len(SuccessFactor.values)


def test_a_second_self_assessment_for_the_same_year_is_refused(year, karlskoga, coordinator):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.start_self_assessment(karlskoga, by=coordinator, year=2026)


def test_saving_logs_only_the_ratings_that_changed(year, coordinator):
    before = AuditEntry.objects.count()
    services.save_self_assessment(
        year, by=coordinator, ratings={"budget": {"level": 3, "next_steps": "Barnbudget"}}
    )
    entries = AuditEntry.objects.order_by("pk")[before:]
    assert [(e.content_type.model, e.changes["level"]) for e in entries] == [
        ("factorrating", [None, 3])
    ]


def test_evidence_from_another_organisation_is_refused(year, coordinator, degerfors, outsider):
    from django.core.exceptions import ValidationError

    from planning import services as planning

    foreign = planning.create_policy(degerfors, by=outsider, title="Annans", kind="policy")
    with pytest.raises(ValidationError):
        services.save_self_assessment(
            year, by=coordinator, ratings={"budget": {"policies": [foreign]}}
        )


def test_the_form_saves_all_seven_factors_with_evidence(
    coordinator_client, year, policy, plan, case
):
    data = form_data(
        "3",
        **{
            "budget-policies": [str(policy.pk)],
            "budget-plans": [str(plan.pk)],
            "budget-case_numbers": case.case_number,
            "budget-links": "https://example.org/utbildning",
        },
    )
    response = coordinator_client.post(
        reverse("planning:selfassessment_edit", args=[year.pk]), data
    )
    assert response.status_code == 302
    levels = set(year.ratings.values_list("level", flat=True))
    assert levels == {3}
    budget = year.ratings.get(factor="budget")
    assert list(budget.policies.all()) == [policy]
    assert list(budget.plans.all()) == [plan]
    assert list(budget.cases.all()) == [case]
    assert budget.links == ["https://example.org/utbildning"]
    year.refresh_from_db()
    assert year.summary == "Ett år av arbete"


def test_the_form_refuses_an_unknown_case_number_and_saves_nothing(coordinator_client, year):
    data = form_data("4", **{"budget-case_numbers": "KS 1999/1"})
    response = coordinator_client.post(
        reverse("planning:selfassessment_edit", args=[year.pk]), data
    )
    assert response.status_code == 200
    assert "KS 1999/1" in response.content.decode()
    assert not year.ratings.exclude(level=None).exists()


def test_the_form_shows_what_each_level_means(coordinator_client, year):
    page = coordinator_client.get(reverse("planning:selfassessment_edit", args=[year.pk]))
    html = page.content.decode()
    assert str(MEANINGS[SuccessFactor.BUDGET][4]) in html
    assert html.count('type="radio"') == len(SuccessFactor.values) * (len(Level.values) + 1)


def test_case_officer_may_read_but_not_rate(case_officer_client, year):
    assert case_officer_client.get(year.get_absolute_url()).status_code == 200
    edit = reverse("planning:selfassessment_edit", args=[year.pk])
    assert case_officer_client.get(edit).status_code == 403


def test_outsider_gets_404(outsider_client, year):
    assert outsider_client.get(year.get_absolute_url()).status_code == 404


def test_the_overview_draws_the_radar_the_trend_and_the_tables(
    coordinator_client, karlskoga, coordinator
):
    for number, year in enumerate(range(2022, 2027)):
        rate(
            services.start_self_assessment(karlskoga, by=coordinator, year=year),
            coordinator,
            number // 2,
        )
    latest = SelfAssessment.objects.get(year=2026)
    html = coordinator_client.get(latest.get_absolute_url()).content.decode()
    assert 'id="selfassessment-radar-title"' in html
    assert 'id="selfassessment-trend-title"' in html
    # This year's and last year's series, and a trend row per year.
    assert "Självskattning 2026" in html and "Självskattning 2025" in html
    for year in range(2022, 2027):
        assert f'<th scope="row">{year}</th>' in html


def test_a_peer_rating_on_the_assessment_becomes_its_own_series(
    coordinator_client, year, coordinator
):
    rate(year, coordinator, 2)
    FactorRating.objects.create(
        organisation=year.organisation,
        assessment=year,
        source=FactorRating.Source.PEER,
        factor="budget",
        level=1,
    )
    html = coordinator_client.get(year.get_absolute_url()).content.decode()
    assert "Kollegial granskning 2026" in html


@pytest.fixture
def training_session(karlskoga, coordinator, social_committee):
    import datetime

    from training import services as training

    return training.create_session(
        karlskoga,
        by=coordinator,
        topic="Barnkonventionen för förtroendevalda",
        held_on=datetime.date(2026, 2, 3),
        format="in_person",
        target_group="elected",
        body_counts={social_committee: 9},
    )


def test_a_training_is_evidence_on_the_page_and_in_the_export(
    coordinator_client, year, training_session
):
    edit = reverse("planning:selfassessment_edit", args=[year.pk])
    assert "Barnkonventionen för förtroendevalda (2026-02-03)" in (
        coordinator_client.get(edit).content.decode()
    )
    data = form_data("2", **{"training-trainings": [str(training_session.pk)]})
    assert coordinator_client.post(edit, data).status_code == 302
    rating = year.ratings.get(factor="training")
    assert list(rating.trainings.all()) == [training_session]
    page = coordinator_client.get(year.get_absolute_url()).content.decode()
    assert training_session.get_absolute_url() in page
    export = reverse("planning:selfassessment_export", args=[year.pk, "csv"])
    assert "Barnkonventionen för förtroendevalda (2026-02-03)" in (
        coordinator_client.get(export).content.decode("utf-8-sig")
    )


def test_another_organisations_training_is_refused(year, coordinator, degerfors, outsider):
    import datetime

    from django.core.exceptions import ValidationError

    from organisations import services as organisations
    from training import services as training

    board = organisations.create_body(degerfors, by=None, name="Kommunstyrelsen", kind="board")
    foreign = training.create_session(
        degerfors,
        by=outsider,
        topic="Annans",
        held_on=datetime.date(2026, 1, 1),
        format="digital",
        target_group="staff",
        body_counts={board: 3},
    )
    with pytest.raises(ValidationError):
        services.save_self_assessment(
            year, by=coordinator, ratings={"training": {"trainings": [foreign]}}
        )


def test_the_export_has_a_row_per_year_and_factor(coordinator_client, year, coordinator):
    rate(year, coordinator, 1, evidence="=HYPERLINK(1)")
    url = reverse("planning:selfassessment_export", args=[year.pk, "csv"])
    text = coordinator_client.get(url).content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 1 + len(SuccessFactor.values)
    assert "'=HYPERLINK(1)" in text
    xlsx = coordinator_client.get(reverse("planning:selfassessment_export", args=[year.pk, "xlsx"]))
    assert xlsx.content[:2] == b"PK"


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["planning:selfassessment_detail", "planning:selfassessment_edit"])
def test_the_pages_run_the_same_queries_for_one_year_or_five(
    coordinator_client, karlskoga, coordinator, policy, plan, case, name
):
    first = services.start_self_assessment(karlskoga, by=coordinator, year=2020)
    rate(first, coordinator, 1, policies=[policy], plans=[plan], cases=[case])
    url = reverse(name, args=[first.pk])
    small = _queries(coordinator_client, url)
    for year in range(2021, 2025):
        rate(services.start_self_assessment(karlskoga, by=coordinator, year=year), coordinator, 2)
    services.save_self_assessment(
        first,
        by=coordinator,
        ratings={f: {"links": ["https://a.se", "https://b.se"]} for f in SuccessFactor.values},
    )
    large = _queries(coordinator_client, url)
    assert large == small
    assert small <= 14


def test_the_list_shows_the_mean_level(coordinator_client, year, coordinator):
    rate(year, coordinator, 3)
    html = coordinator_client.get(reverse("planning:selfassessment_list")).content.decode()
    assert year.get_absolute_url() in html
    assert "<td>3</td>" in html  # all seven rated: no note


def test_an_unrated_factor_is_left_out_of_the_mean_and_the_page_says_so(
    coordinator_client, year, coordinator
):
    ratings = {factor: {"level": 3} for factor in SuccessFactor.values}
    ratings[SuccessFactor.values[0]] = {"level": 0}
    ratings[SuccessFactor.values[1]] = {"level": None}
    services.save_self_assessment(year, by=coordinator, ratings=ratings)
    # Six rated: (0 + 5 × 3) / 6 = 2,5, not 15 / 7 = 2,1 (an unrated factor is not a 0).
    html = coordinator_client.get(reverse("planning:selfassessment_list")).content.decode()
    assert "2,5 <span" in html and "medelvärde av 6 bedömda faktorer av 7" in html
    page = coordinator_client.get(year.get_absolute_url()).content.decode()
    assert "medelvärde av 6 bedömda faktorer av 7" in page
    assert "De bedömda faktorernas medelnivå per år" in page
    # The trend line says what its means are over, under the chart and in its text.
    assert "Självskattning, medel av de bedömda faktorerna" in page
    assert "2026: medel av 6 bedömda faktorer av 7." in page


def test_a_ratings_history_shows_the_level_change(coordinator_client, year, coordinator):
    services.save_self_assessment(year, by=coordinator, ratings={"budget": {"level": 2}})
    rating = year.ratings.get(factor="budget")
    page = coordinator_client.get(year.get_absolute_url()).content.decode()
    url = reverse("home:history", args=["planning.factorrating", rating.pk])
    assert url in page
    assert coordinator_client.get(url).status_code == 200


def test_the_factor_sections_show_levels_evidence_and_links_escaped(
    coordinator_client, case_officer, year, coordinator, policy, plan, case
):
    """The factor sections (a loop in planning/selfassessment_detail.html): every
    evidence kind is linked, text from the records is escaped, and the history link follows
    the permission."""
    data = form_data(
        "3",
        **{
            "budget-evidence": "<script>alert(1)</script>\nRad två",
            "budget-policies": [str(policy.pk)],
            "budget-plans": [str(plan.pk)],
            "budget-case_numbers": case.case_number,
            "budget-links": "https://example.org/?a=1&b=2",
        },
    )
    edit = reverse("planning:selfassessment_edit", args=[year.pk])
    assert coordinator_client.post(edit, data).status_code == 302
    FactorRating.objects.create(
        organisation=year.organisation,
        assessment=year,
        source=FactorRating.Source.PEER,
        factor="budget",
        level=1,
        evidence="Granskarnas <b>iakttagelse</b>",
    )
    html = coordinator_client.get(year.get_absolute_url()).content.decode()
    assert html.count('<section class="rating"') == len(SuccessFactor.values)
    budget = html[html.index('id="factor-budget"') :]
    budget = budget[: budget.index("</section>")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Rad två" in budget
    assert "<script>alert" not in html
    assert f'<a href="{policy.get_absolute_url()}">{policy.title}</a>' in budget
    assert f'<a href="{plan.get_absolute_url()}">' in budget
    assert f"{case.case_number} {case.title}" in budget
    assert 'href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer"' in budget
    assert f"{Level(3).label} – {MEANINGS['budget'][3]}" in budget
    assert "Kollegial granskning" in budget and "Granskarnas &lt;b&gt;iakttagelse" in budget
    history = reverse(
        "home:history",
        args=[
            "planning.factorrating",
            year.ratings.get(factor="budget", source=FactorRating.Source.SELF).pk,
        ],
    )
    assert history in budget
    # A case officer reads the page but not the history.
    reader = Client()
    reader.force_login(case_officer)
    assert history not in reader.get(year.get_absolute_url()).content.decode()
