"""Rich text from outside (a case-management system's HTML, pasted text) is cleaned with nh3
before it is stored: a short list of harmless tags survives, everything else is removed."""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def sanitise(html: str) -> str:
    """Safe HTML to store and show."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def plain(html: str) -> str:
    """The text alone, for search and for exports."""
    return nh3.clean(html or "", tags=set())
