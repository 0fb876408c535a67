"""Small clients for Kolada's API v3 and SCB's PxWebApi 2.0, with timeouts and retries.

Used by `manage.py fetch_kolada` and `manage.py fetch_scb` when the server may reach the
internet. What they return is imported by the same core as a downloaded file. A fetch either
returns every page or raises: a page that fails after its retries, a page that is not an API
answer, or more pages than `MAX_PAGES` all end the fetch with an error, never with a part.
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

MAX_PAGES = 1000
# Kolada refuses longer lists of ids in one request (KPIs, municipalities, years).
KOLADA_BATCH = 25
# v3 names the next page `next_url`; v2 (retired, but in saved files and mirrors) `next_page`.
NEXT_KEYS = ("next_url", "next_page")


class FetchError(Exception):
    pass


class KoladaError(FetchError):
    pass


class ScbError(FetchError):
    pass


class JsonClient:
    """GET JSON with retries: a timeout, a connection error or a 5xx/429 answer is tried again
    with a growing pause; another 4xx is not."""

    error = FetchError

    def __init__(self, base_url, *, timeout, retries, pause=0.5):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.pause = pause

    def get_json(self, url: str):
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
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                raise self.error(f"{url}: not JSON ({error})") from error
        raise self.error(f"{url}: {last_error}")


def _batches(items, size=KOLADA_BATCH):
    items = list(items)
    return [items[start : start + size] for start in range(0, len(items), size)] or [[]]


class KoladaClient(JsonClient):
    error = KoladaError

    def __init__(self, base_url=None, *, timeout=None, retries=None, pause=0.5):
        super().__init__(
            base_url or settings.KOLADA_BASE_URL,
            timeout=settings.KOLADA_TIMEOUT_SECONDS if timeout is None else timeout,
            retries=settings.KOLADA_RETRIES if retries is None else retries,
            pause=pause,
        )

    def data_url(self, kpis, municipalities=(), years=()) -> str:
        parts = ["data", "kpi", ",".join(kpis)]
        if municipalities:
            parts += ["municipality", ",".join(municipalities)]
        if years:
            parts += ["year", ",".join(str(year) for year in years)]
        return f"{self.base_url}/" + "/".join(urllib.parse.quote(part, safe=",") for part in parts)

    def pages(self, url: str):
        """Every page from `url` on, following `next_url` (v3) or `next_page` (v2)."""
        seen = set()
        while url:
            if url in seen:
                raise KoladaError(f"{url}: the pages go round in a circle")
            if len(seen) >= MAX_PAGES:
                raise KoladaError(f"{url}: more than {MAX_PAGES} pages, nothing imported")
            seen.add(url)
            page = self.get_json(url)
            if not isinstance(page, dict) or not isinstance(page.get("values"), list):
                raise KoladaError(f"{url}: not a Kolada page (no “values” list)")
            yield page
            following = next((page[key] for key in NEXT_KEYS if page.get(key)), None)
            url = urllib.parse.urljoin(url, following) if following else None

    def fetch(self, kpis, municipalities=(), years=()) -> bytes:
        """All pages of every batch as one Kolada document (JSON bytes) for the import."""
        values = []
        for kpi_batch in _batches(kpis):
            for area_batch in _batches(municipalities):
                for year_batch in _batches(years):
                    url = self.data_url(kpi_batch, area_batch, year_batch)
                    for page in self.pages(url):
                        values.extend(page["values"])
        return json.dumps({"count": len(values), "values": values}).encode("utf-8")

    def municipality_groups(self) -> list[dict]:
        """Kolada's municipality groups (such as "similar municipalities"): id, title and
        member ids. Members come as objects with an id (v2, v3) or as plain ids."""
        groups = []
        for page in self.pages(f"{self.base_url}/municipality_groups"):
            for group in page["values"]:
                if not isinstance(group, dict) or not group.get("id"):
                    raise KoladaError("a municipality group without an id")
                members = [
                    str(member.get("id", "")) if isinstance(member, dict) else str(member)
                    for member in group.get("members") or []
                ]
                groups.append(
                    {
                        "id": str(group["id"]),
                        "title": str(group.get("title", "")),
                        "members": [member for member in members if member],
                    }
                )
        return groups


class ScbClient(JsonClient):
    """PxWebApi 2.0: `GET /tables/{table}/data?outputFormat=json-stat2&valuecodes[Dim]=…`."""

    error = ScbError

    def __init__(self, base_url=None, *, timeout=None, retries=None, pause=0.5):
        super().__init__(
            base_url or settings.SCB_BASE_URL,
            timeout=settings.SCB_TIMEOUT_SECONDS if timeout is None else timeout,
            retries=settings.SCB_RETRIES if retries is None else retries,
            pause=pause,
        )

    def data_url(self, table: str, selection: dict[str, list[str]], *, lang="sv") -> str:
        query = [("lang", lang), ("outputFormat", "json-stat2")]
        query += [(f"valuecodes[{name}]", ",".join(codes)) for name, codes in selection.items()]
        table = urllib.parse.quote(table, safe="")
        return f"{self.base_url}/tables/{table}/data?{urllib.parse.urlencode(query)}"

    def fetch(self, table: str, selection: dict[str, list[str]]) -> bytes:
        document = self.get_json(self.data_url(table, selection))
        if not isinstance(document, dict) or document.get("class") != "dataset":
            raise ScbError(f"table {table}: the answer is not a json-stat2 dataset")
        return json.dumps(document).encode("utf-8")
