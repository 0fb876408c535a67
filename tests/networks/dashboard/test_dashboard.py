"""The network dashboard: the figures are the records', only the network's members see them, and
the number of queries does not grow with the members."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from indicators.models import Indicator
from networks.dashboard.figures import collect
from planning.success_factors import SuccessFactor

from .conftest import YEAR, grow

pytestmark = pytest.mark.django_db


def _url(network, **params):
    url = reverse("networks:network_dashboard", args=[network.pk])
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{url}?{query}" if query else url


def _member(figures, name):
    return next(member for member in figures.members if member.name == name)


def test_the_figures_are_those_of_the_records(partnership):
    indicator = Indicator.objects.get(code="dashboard-test")
    figures = collect(partnership, YEAR, [indicator])
    assert [m.name for m in figures.members] == ["Degerfors kommun", "Karlskoga kommun"]
    karlskoga = _member(figures, "Karlskoga kommun")
    # The latest self-assessment up to the year (YEAR - 1), not the older one of zeros.
    assert karlskoga.rating_year == YEAR - 1
    assert karlskoga.ratings == dict.fromkeys(SuccessFactor.values, 2)
    assert _member(figures, "Degerfors kommun").ratings == dict.fromkeys(SuccessFactor.values, 4)
    assert (karlskoga.decided, karlskoga.affecting, karlskoga.full_assessment) == (4, 4, 3)
    assert karlskoga.full_assessment_share == 75.0
    assert (karlskoga.consultations, karlskoga.with_feedback) == (2, 1)
    assert (karlskoga.participants, karlskoga.headcount) == (12, 40)
    assert karlskoga.coverage == 30.0
    assert karlskoga.indicators == {indicator.pk: 11.0}
    assert figures.indicators[0].year == YEAR - 1


def test_another_year_counts_that_year_only(partnership):
    figures = collect(partnership, YEAR + 1, [])
    karlskoga = _member(figures, "Karlskoga kommun")
    assert (karlskoga.decided, karlskoga.consultations, karlskoga.headcount) == (0, 0, 0)
    assert karlskoga.rating_year == YEAR - 1  # still the latest up to the year
    before = _member(collect(partnership, YEAR - 2, []), "Karlskoga kommun")
    assert before.rating_year == YEAR - 2
    assert set(before.ratings.values()) == {0}


def test_the_page_shows_charts_and_tables(partnership, coordinator_client):
    indicator = Indicator.objects.get(code="dashboard-test")
    response = coordinator_client.get(_url(partnership, year=YEAR, indicator=indicator.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<svg") == 5  # ratings, cases, consultations, training, the indicator
    assert page.count('role="img"') == 5
    assert "<caption>" in page
    assert "Testindikator" in page
    assert "75 %" in page  # Karlskoga's share of decisions with a full assessment
    assert "30 %" in page  # Karlskoga's training coverage


def test_the_csv_export_has_one_row_per_member(partnership, coordinator_client):
    indicator = Indicator.objects.get(code="dashboard-test")
    url = reverse("networks:network_dashboard_export", args=[partnership.pk])
    response = coordinator_client.get(f"{url}?year={YEAR}&indicator={indicator.pk}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 3
    header, *members = rows
    row = next(r for r in members if r[0] == "Karlskoga kommun")
    karlskoga = dict(zip(header, row, strict=True))
    with translation.override("sv"):
        decided = next(h for h in header if h.endswith(": " + translation.gettext("Decided")))
    assert karlskoga[decided] == "4"
    assert karlskoga[header[-1]] == "11"  # a whole number without ".0" (decision 0042)


def test_non_members_get_404(partnership, outsider_client, karlskoga_network):
    # The outsider (Degerfors) is a member of the partnership but not of Karlskoga's own
    # cross-sectoral network.
    assert outsider_client.get(_url(partnership)).status_code == 200
    assert outsider_client.get(_url(karlskoga_network)).status_code == 404
    export = reverse("networks:network_dashboard_export", args=[karlskoga_network.pk])
    assert outsider_client.get(export).status_code == 404


def test_too_many_indicators_fall_back_to_none(partnership, coordinator_client):
    response = coordinator_client.get(_url(partnership, indicator="x"))
    assert response.status_code == 200
    assert response.content.decode().count("<svg") == 4


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_members(partnership, coordinator, standard_version, client):
    client.force_login(coordinator)
    indicator = Indicator.objects.get(code="dashboard-test")
    url = _url(partnership, year=YEAR, indicator=indicator.pk)
    few = _queries(client, url)
    grow(partnership, 12, user=coordinator, version=standard_version)
    many = _queries(client, url)
    assert "Kommun" in client.get(url).content.decode()
    assert many == few
    assert few <= 20


def test_the_drawn_figures_are_cached_per_network_year_and_indicators(
    partnership, coordinator, standard_version, coordinator_client, settings
):
    from django.core.cache import cache

    settings.COMPARISONS_CACHE_SECONDS = 600
    cache.clear()
    url = _url(partnership, year=YEAR)
    coordinator_client.get(url)  # the first request of a session writes its last-seen mark
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        coordinator_client.get(url)
    uncached = len(first)
    grow(partnership, 1, user=coordinator, version=standard_version)
    with CaptureQueriesContext(connection) as captured:
        stale = coordinator_client.get(url).content.decode()
    assert len(captured) < uncached
    assert "Kommun 0" not in stale  # still the cached figures
    assert "Kommun 0" in coordinator_client.get(_url(partnership, year=YEAR - 1)).content.decode()
    cache.clear()
    assert "Kommun 0" in coordinator_client.get(url).content.decode()
