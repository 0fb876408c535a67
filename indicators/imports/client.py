"""A small client for Kolada's API v2: follows `next_page`, with timeouts and retries.

Used by `manage.py fetch_kolada` when the server may reach the internet. The pages it returns
are imported by the same core as a downloaded JSON file.
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

MAX_PAGES = 1000


class KoladaError(Exception):
    pass


class KoladaClient:
    def __init__(self, base_url=None, *, timeout=None, retries=None, pause=0.5):
        self.base_url = (base_url or settings.KOLADA_BASE_URL).rstrip("/")
        self.timeout = settings.KOLADA_TIMEOUT_SECONDS if timeout is None else timeout
        self.retries = settings.KOLADA_RETRIES if retries is None else retries
        self.pause = pause

    def data_url(self, kpis, municipalities=(), years=()) -> str:
        parts = ["data", "kpi", ",".join(kpis)]
        if municipalities:
            parts += ["municipality", ",".join(municipalities)]
        if years:
            parts += ["year", ",".join(str(year) for year in years)]
        return f"{self.base_url}/" + "/".join(urllib.parse.quote(part, safe=",") for part in parts)

    def get_json(self, url: str) -> dict:
        """One page; a timeout, a connection error or a 5xx/429 answer is tried again."""
        last_error = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.pause * attempt)
            request = urllib.request.Request(url, headers={"Accept": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                last_error = error
                if error.code < 500 and error.code != 429:
                    break
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                last_error = error
            except json.JSONDecodeError as error:
                raise KoladaError(f"{url}: not JSON ({error.msg})") from error
        raise KoladaError(f"{url}: {last_error}")

    def pages(self, url: str):
        """Every page from `url` on, following `next_page`."""
        seen = set()
        while url and len(seen) < MAX_PAGES:
            if url in seen:
                raise KoladaError(f"{url}: the pages go round in a circle")
            seen.add(url)
            page = self.get_json(url)
            yield page
            url = page.get("next_page")

    def fetch(self, kpis, municipalities=(), years=()) -> bytes:
        """All pages as one Kolada document (JSON bytes) for the import."""
        values = []
        for page in self.pages(self.data_url(kpis, municipalities, years)):
            values.extend(page.get("values") or [])
        return json.dumps({"count": len(values), "values": values}).encode("utf-8")
