"""Kolada's municipality groups: fetched from a local server in Kolada's v3 shape, stored with
audit entries, and used on the comparison page to place a municipality among similar ones."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.models import AuditEntry
from indicators.imports.core import run_import
from indicators.models import Indicator, MunicipalityGroup
from indicators.services import store_municipality_groups
from organisations.models import Organisation

from .stub_server import StubServer


def group_page(groups, following=None):
    return {"count": len(groups), "values": groups, "next_url": following}


GROUP_A = {
    "id": "G1",
    "title": "Liknande kommuner, prov",
    "members": [{"id": "1883", "title": "Karlskoga"}, {"id": "1862", "title": "Degerfors"}],
}
GROUP_B = {"id": "G2", "title": "Bruksorter", "members": ["1883", "1880"]}


def test_fetch_kolada_groups_follows_pages_and_stores_the_groups(karlskoga, settings):
    routes = {
        "/v3/municipality_groups": [(200, group_page([GROUP_A], "{base}/v3/mg2"))],
        "/v3/mg2": [(200, group_page([GROUP_B]))],
    }
    with StubServer(routes) as stub:
        settings.KOLADA_BASE_URL, settings.KOLADA_RETRIES = stub.base + "/v3", 0
        call_command("fetch_kolada", "--organisation", "1883", "--groups")
    groups = {g.kolada_id: g for g in MunicipalityGroup.objects.all()}
    assert set(groups) == {"G1", "G2"}
    assert sorted(groups["G1"].members.values_list("area_code", flat=True)) == ["1862", "1883"]
    assert AuditEntry.objects.filter(action="create", note="Kolada").count() == 2


def test_fetching_again_changes_only_what_changed(db):
    store_municipality_groups([_plain(GROUP_A), _plain(GROUP_B)])
    renamed = _plain(GROUP_A) | {"title": "Liknande kommuner, ny"}
    counts = store_municipality_groups([renamed])
    assert counts == {"added": 0, "changed": 1, "removed": 1}
    assert list(MunicipalityGroup.objects.values_list("title", flat=True)) == [
        "Liknande kommuner, ny"
    ]
    assert store_municipality_groups([renamed]) == {"added": 0, "changed": 0, "removed": 0}


@pytest.fixture
def group_figures(karlskoga, degerfors):
    Organisation.objects.create(name="Lindesbergs kommun", kind="municipality", scb_code="1885")
    Organisation.objects.create(name="Örebro kommun", kind="municipality", scb_code="1880")
    lines = ["indikator;kod;år;kön;åldersgrupp;värde;status"]
    for code, value in (("1883", "13,6"), ("1862", "16,2"), ("1885", "10,0"), ("1880", "9,0")):
        lines.append(f"barn-ekonomiskt-utsatta;{code};2023;T;;{value};")
    run_import("\n".join(lines).encode(), fmt="template", organisation=karlskoga, by=None)
    store_municipality_groups([_plain(GROUP_A)])
    return Indicator.objects.get(code="barn-ekonomiskt-utsatta")


def test_comparison_places_the_municipality_among_its_group(
    coordinator_client, karlskoga, group_figures
):
    group = MunicipalityGroup.objects.get(kolada_id="G1")
    url = reverse("indicators:comparison", args=[karlskoga.pk, group_figures.pk])
    html = coordinator_client.get(url).content.decode()
    assert "Liknande kommuner, prov" in html  # offered
    assert "Plats 3 av 4" in html  # among all four municipalities
    html = coordinator_client.get(f"{url}?group={group.pk}").content.decode()
    # Among Karlskoga (13.6) and Degerfors (16.2), lower is better.
    assert "Bland kommunerna i ”Liknande kommuner, prov”" in html
    assert "Plats 1 av 2" in html


def test_the_page_reads_as_many_queries_with_one_group_as_with_twenty(
    coordinator_client, karlskoga, group_figures
):
    from tests.test_query_counts import queries_for

    group = MunicipalityGroup.objects.get(kolada_id="G1")
    url = reverse("indicators:comparison", args=[karlskoga.pk, group_figures.pk])
    one = queries_for(coordinator_client, f"{url}?group={group.pk}")
    store_municipality_groups(
        [_plain(GROUP_A)]
        + [{"id": f"X{n}", "title": f"Grupp {n}", "members": ["1883", "1880"]} for n in range(19)]
    )
    assert queries_for(coordinator_client, f"{url}?group={group.pk}") == one


def test_a_group_without_the_municipality_is_not_offered(
    coordinator_client, degerfors, karlskoga, group_figures
):
    store_municipality_groups([_plain(GROUP_A), _plain(GROUP_B)])
    other = MunicipalityGroup.objects.get(kolada_id="G2")
    url = reverse("indicators:comparison", args=[degerfors.pk, group_figures.pk])
    html = coordinator_client.get(f"{url}?group={other.pk}").content.decode()
    assert "Bruksorter" not in html


def _plain(group):
    members = [m["id"] if isinstance(m, dict) else m for m in group["members"]]
    return {"id": group["id"], "title": group["title"], "members": members}
