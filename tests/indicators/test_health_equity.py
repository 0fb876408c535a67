"""Health and equity indicators (issue 20, item 3): the public-health catalogue with real
public ids only, its import like the children's indicators, and the differences between women
and men, age bands and areas read from the stored values."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.equity import equity_areas, equity_rows, health_indicators
from indicators.health_catalogue import HEALTH_CATALOGUE
from indicators.imports.core import run_import
from indicators.models import Indicator
from organisations import services as org_services
from organisations.models import Organisation
from organisations.roles import Role
from tests import world

CSV = (
    "indikator;kod;år;kön;åldersgrupp;värde\n"
    "unga-mar-bra;1883;2025;T;;71\n"
    "unga-mar-bra;1883;2025;K;;62\n"
    "unga-mar-bra;1883;2025;M;;80\n"
    "unga-mar-bra;1883;2025;T;åk 9;66\n"
    "unga-mar-bra;1883;2025;T;åk 7;76\n"
    "unga-mar-bra;1862;2025;T;;64\n"
    "unga-mar-bra;18;2025;T;;70\n"
    "unga-mar-bra;0000;2025;T;;73\n"
    "unga-mar-bra;0000;2024;T;;99\n"
)


def test_the_catalogue_ships_health_indicators_with_public_ids_only(db):
    shipped = Indicator.objects.filter(public_health=True, organisation=None)
    codes = set(shipped.values_list("code", flat=True))
    assert {row[0] for row in HEALTH_CATALOGUE} <= codes
    kolada = dict(
        shipped.filter(source="kolada").exclude(source_id="").values_list("code", "source_id")
    )
    assert kolada["ohalsotal"] == "N00957" and kolada["sjalvmord-25"] == "N61603"
    # Folkhälsomyndigheten and the regions' surveys have no public ids: none is made up.
    assert not shipped.filter(source__in=["fohm", "region"]).exclude(source_id="").exists()
    assert Indicator.objects.get(code="daglig-rokning").target_areas.get().number == 6
    # Children's indicators public-health work follows too.
    assert Indicator.objects.get(code="lupp-paverka").public_health


@pytest.fixture
def served(karlskoga, degerfors, joint_committee):
    Organisation.objects.create(name="Region Örebro län", kind="region", scb_code="18")
    run_import(CSV.encode(), fmt="template", organisation=karlskoga, by=None)
    return joint_committee


def test_equity_rows_give_gaps_by_sex_age_and_area(karlskoga, served, django_user_model):
    areas = equity_areas(karlskoga)
    assert [a.code for a in areas] == ["1883", "1862", "18", "0000"]
    user = world.make_user("reader")
    with CaptureQueriesContext(connection) as queries:
        rows = equity_rows(health_indicators(user, karlskoga).filter(code="unga-mar-bra"), areas)
    # The user's organisations, the indicators, their target areas, the values: not one more
    # per indicator or area.
    assert len(queries) <= 4
    figures = {f.area.code: f for f in rows[0].areas}
    karlskoga_figures = figures["1883"]
    assert (karlskoga_figures.year, karlskoga_figures.total) == (2025, 71)
    assert karlskoga_figures.gender_gap == -18
    assert karlskoga_figures.ages == [("åk 7", 76), ("åk 9", 66)]
    assert karlskoga_figures.gap_to_nation == -2
    assert figures["1862"].gap_to_nation == -9
    assert rows[0].widest.area.code == "1862"


def test_the_page_shows_the_differences(coordinator_client, karlskoga, served):
    response = coordinator_client.get(reverse("indicators:health_equity", args=[karlskoga.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hälsa och jämlikhet i Karlskoga kommun" in html
    assert "Degerfors kommun" in html and "Region Örebro län" in html
    assert "<td>-18 %</td>" in html
    assert "åk 7: 76 %; åk 9: 66 %" in html
    assert "Störst skillnad mot riket: Degerfors kommun, -9 %." in html


def test_a_team_coordinator_imports_for_the_host(client, karlskoga, joint_committee):
    nora_coordinator = world.make_user("team")
    org_services.add_member(
        karlskoga, by=None, user=nora_coordinator, role=Role.COORDINATOR, body=joint_committee
    )
    client.force_login(nora_coordinator)
    url = reverse("indicators:import", args=[karlskoga.pk])
    assert client.get(url).status_code == 200
    reader = world.make_user("reader_only")
    org_services.add_member(karlskoga, by=None, user=reader, role=Role.READER)
    client.force_login(reader)
    assert client.get(url).status_code == 403
