"""The weight of a page: its HTML and the stylesheets and scripts it links, uncompressed, as a
browser with an empty cache downloads them (icons, images and fonts are not counted)."""

import re
from urllib.parse import urljoin, urlsplit

_TAG = re.compile(r"<(link|script)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def attributes(text: str) -> dict:
    return {
        name.lower(): next((value for value in values if value), "")
        for name, *values in _ATTRIBUTE.findall(text)
    }


def linked_assets(html: str, page_path: str = "/") -> list[str]:
    """The paths of the stylesheets (<link rel=stylesheet href>) and scripts (<script src>) the
    page links, in order, each once, relative links resolved against `page_path`. Links to
    other hosts are left out: the bench contacts 127.0.0.1 only."""
    found = []
    for tag, text in _TAG.findall(html):
        found_attributes = attributes(text)
        if tag.lower() == "link":
            if "stylesheet" not in found_attributes.get("rel", "").lower().split():
                continue
            link = found_attributes.get("href")
        else:
            link = found_attributes.get("src")
        if not link:
            continue
        parts = urlsplit(urljoin(page_path, link))
        if parts.netloc:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path not in found:
            found.append(path)
    return found


def page_weight(html: bytes, page_path: str, fetch) -> dict:
    """{"html_bytes", "asset_bytes", "assets": {path: bytes}, "total_kb"}; `fetch(path)` returns
    an asset's body (uncompressed) and raises if it cannot."""
    assets = {
        path: len(fetch(path)) for path in linked_assets(html.decode("utf-8", "replace"), page_path)
    }
    total = len(html) + sum(assets.values())
    return {
        "html_bytes": len(html),
        "asset_bytes": sum(assets.values()),
        "assets": assets,
        "total_kb": round(total / 1000, 1),
    }
