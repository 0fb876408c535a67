"""The Kolada client against a local HTTP server answering in Kolada's v3 (and v2) format."""

import json

import pytest
from django.core.management import CommandError, call_command

from indicators.imports.client import KoladaClient, KoladaError
from indicators.imports.core import run_import
from indicators.models import IndicatorValue

from .stub_server import StubServer


def page(municipality, *, next_key="next_url", following=None, period=2023):
    """One page of `/v3/data/kpi/N02904/…`: `values[gender, value, status, count]` as in v2."""
    return {
        "count": 1,
        "values": [
            {
                "kpi": "N02904",
                "municipality": municipality,
                "period": period,
                "values": [{"count": 1, "gender": "T", "status": "", "value": 12.5}],
            }
        ],
        next_key: following,
        next_key.replace("next", "previous"): None,
    }


FIRST = "/v3/data/kpi/N02904/municipality/1883,1862,0000"


def three_pages(failure=None):
    """Three v3 pages linked by `next_url`; the second fails once (503) unless told otherwise."""
    second = [(503, None), (200, page("1862", following="{base}/v3/page3"))]
    return {
        FIRST: [(200, page("1883", following="{base}/v3/page2"))],
        "/v3/page2": failure or second,
        "/v3/page3": [(200, page("0000"))],
    }


def client(stub, **kwargs):
    return KoladaClient(stub.base + "/v3", timeout=5, pause=0, **kwargs)


def test_v3_is_the_default_base_url():
    from django.conf import settings

    assert settings.KOLADA_BASE_URL == "https://api.kolada.se/v3"


def test_client_follows_next_url_over_every_page_and_retries_a_failed_page(karlskoga, degerfors):
    with StubServer(three_pages()) as stub:
        data = client(stub, retries=2).fetch(["N02904"], ["1883", "1862", "0000"])
    assert stub.requests == [FIRST, "/v3/page2", "/v3/page2", "/v3/page3"]
    summary, _run = run_import(data, fmt="kolada_json", organisation=karlskoga, by=None)
    assert summary.added == 3
    assert set(IndicatorValue.objects.values_list("area_code", flat=True)) == {
        "1883",
        "1862",
        "0000",
    }


def test_client_follows_v2_next_page_and_relative_links():
    routes = {
        "/v2/data/kpi/N02904": [(200, page("1883", next_key="next_page", following="p2"))],
        "/v2/data/kpi/p2": [(200, page("1862", next_key="next_page"))],
    }
    with StubServer(routes) as stub:
        data = KoladaClient(stub.base + "/v2", timeout=5, retries=0).fetch(["N02904"])
    assert [entry["municipality"] for entry in json.loads(data)["values"]] == ["1883", "1862"]


def test_a_page_that_keeps_failing_fails_the_whole_fetch():
    with (
        StubServer(three_pages(failure=[(500, None)])) as stub,
        pytest.raises(KoladaError, match="page2"),
    ):
        client(stub, retries=1).fetch(["N02904"], ["1883", "1862", "0000"])
    assert "/v3/page3" not in stub.requests


def test_a_page_that_is_not_a_kolada_answer_fails_the_fetch():
    with (
        StubServer(three_pages(failure=[(200, {"error": "maintenance"})])) as stub,
        pytest.raises(KoladaError, match="not a Kolada page"),
    ):
        client(stub, retries=0).fetch(["N02904"], ["1883", "1862", "0000"])


def test_pages_going_round_in_a_circle_fail():
    routes = {"/v3/data/kpi/N02904": [(200, page("1883", following="{base}/v3/data/kpi/N02904"))]}
    with StubServer(routes) as stub, pytest.raises(KoladaError, match="circle"):
        client(stub, retries=0).fetch(["N02904"])


def test_more_than_max_pages_fails_rather_than_stopping_quietly(monkeypatch):
    monkeypatch.setattr("indicators.imports.client.MAX_PAGES", 2)
    endless = three_pages(failure=[(200, page("1862", following="{base}/v3/page3"))])
    with StubServer(endless) as stub, pytest.raises(KoladaError, match="more than 2 pages"):
        client(stub, retries=0).fetch(["N02904"], ["1883", "1862", "0000"])


def test_long_id_lists_are_sent_in_batches_of_25():
    with StubServer({}) as stub:
        kolada = client(stub, retries=0)
        kpis = [f"N{number:05d}" for number in range(30)]
        urls = []
        kolada.pages = lambda url: urls.append(url) or iter(())
        kolada.fetch(kpis, ["1883"], range(1990, 2020))
    assert len(urls) == 4  # 2 KPI batches × 2 year batches
    assert all(len(url.split("/")[-5].split(",")) <= 25 for url in urls)


def test_client_gives_up_on_a_client_error_without_retrying():
    with StubServer({}) as stub, pytest.raises(KoladaError):
        client(stub, retries=3).get_json(stub.base + "/v3/broken")
    assert stub.requests == ["/v3/broken"]


def test_base_url_comes_from_settings(settings):
    settings.KOLADA_BASE_URL = "http://kolada.example/v3/"
    assert KoladaClient().data_url(["N01951"], years=[2024]) == (
        "http://kolada.example/v3/data/kpi/N01951/year/2024"
    )


def test_unreachable_server_raises_after_retries():
    kolada = KoladaClient("http://127.0.0.1:9/v3", timeout=1, retries=1, pause=0)
    with pytest.raises(KoladaError):
        kolada.get_json("http://127.0.0.1:9/v3/kpi")


def test_fetch_kolada_command_imports_every_page(karlskoga, degerfors, settings):
    routes = three_pages()
    routes["/v3/data/kpi/N02904/municipality/1862,1883,0000"] = routes.pop(FIRST)
    with StubServer(routes) as stub:
        settings.KOLADA_BASE_URL = stub.base + "/v3"
        settings.KOLADA_RETRIES = 1
        call_command("fetch_kolada", "--organisation", "1883", "--kpi", "N02904")
    assert IndicatorValue.objects.filter(indicator__source_id="N02904").count() == 3


def test_fetch_kolada_command_imports_nothing_when_a_page_fails(karlskoga, degerfors, settings):
    routes = three_pages(failure=[(502, None)])
    routes["/v3/data/kpi/N02904/municipality/1862,1883,0000"] = routes.pop(FIRST)
    with StubServer(routes) as stub:
        settings.KOLADA_BASE_URL = stub.base + "/v3"
        settings.KOLADA_RETRIES = 0
        with pytest.raises(CommandError, match="page2"):
            call_command("fetch_kolada", "--organisation", "1883", "--kpi", "N02904")
    assert not IndicatorValue.objects.exists()
