"""The Kolada client against a local HTTP server that answers in Kolada's format."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from indicators.imports.client import KoladaClient, KoladaError
from indicators.imports.core import run_import
from indicators.models import IndicatorValue


class KoladaStub:
    """Two pages for N02904; the first request for page 2 fails once with a 503."""

    def __init__(self):
        self.requests = []
        self.failed_once = False
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                stub.requests.append(self.path)
                base = f"http://127.0.0.1:{self.server.server_port}"
                if self.path.startswith("/v2/data/kpi/N02904/municipality/"):
                    body = stub.page("1883", next_page=f"{base}/v2/page2")
                elif self.path == "/v2/page2":
                    if not stub.failed_once:
                        stub.failed_once = True
                        self.send_response(503)
                        self.end_headers()
                        return
                    body = stub.page("1862", next_page=None)
                elif self.path == "/v2/broken":
                    self.send_response(404)
                    self.end_headers()
                    return
                else:
                    body = {"count": 0, "values": [], "next_page": None}
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @staticmethod
    def page(municipality, next_page):
        return {
            "count": 1,
            "values": [
                {
                    "kpi": "N02904",
                    "municipality": municipality,
                    "period": 2023,
                    "values": [{"count": 1, "gender": "T", "status": "", "value": 12.5}],
                }
            ],
            "next_page": next_page,
            "previous_page": None,
        }

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.server.server_port}/v2"


@pytest.fixture
def kolada():
    stub = KoladaStub()
    stub.thread.start()
    yield stub
    stub.server.shutdown()
    stub.server.server_close()


def test_client_follows_pages_and_retries_a_failed_page(kolada, karlskoga, degerfors):
    client = KoladaClient(kolada.base_url, timeout=5, retries=2, pause=0)
    data = client.fetch(["N02904"], ["1883", "1862"])
    assert kolada.requests == [
        "/v2/data/kpi/N02904/municipality/1883,1862",
        "/v2/page2",
        "/v2/page2",
    ]
    summary, _run = run_import(data, fmt="kolada_json", organisation=karlskoga, by=None)
    assert summary.added == 2
    assert set(IndicatorValue.objects.values_list("area_code", flat=True)) == {"1883", "1862"}


def test_client_gives_up_on_a_client_error_without_retrying(kolada):
    client = KoladaClient(kolada.base_url, timeout=5, retries=3, pause=0)
    with pytest.raises(KoladaError):
        client.get_json(kolada.base_url + "/broken")
    assert kolada.requests == ["/v2/broken"]


def test_base_url_comes_from_settings(settings):
    settings.KOLADA_BASE_URL = "http://kolada.example/v2/"
    assert KoladaClient().data_url(["N01951"], years=[2024]) == (
        "http://kolada.example/v2/data/kpi/N01951/year/2024"
    )


def test_unreachable_server_raises_after_retries():
    client = KoladaClient("http://127.0.0.1:9/v2", timeout=1, retries=1, pause=0)
    with pytest.raises(KoladaError):
        client.get_json("http://127.0.0.1:9/v2/kpi")


def test_fetch_kolada_command_imports_the_catalogues_kpis(kolada, karlskoga, degerfors, settings):
    from django.core.management import call_command

    settings.KOLADA_BASE_URL = kolada.base_url
    settings.KOLADA_RETRIES = 1
    call_command("fetch_kolada", "--organisation", "1883", "--kpi", "N02904")
    assert kolada.requests[0] == "/v2/data/kpi/N02904/municipality/1862,1883,0000"
    assert IndicatorValue.objects.filter(indicator__source_id="N02904").count() == 2
