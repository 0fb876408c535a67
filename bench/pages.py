"""The pages `bench.run` measures, as the bench user.

A path is a template filled in with the ids `bench.inventory.discover_ids` returns, e.g.
"/bodies/{bench_body}/". `expect` is text the page must contain (a cheap check that the page
shows the data and not an empty state). To measure a new page, add a `Page` here (and its id in
`discover_ids` if it needs one).
"""

from dataclasses import dataclass
from urllib.parse import quote

from bench.cases import FULL_ANSWERS, FULL_DECISION, SEARCH_TITLE, SEARCH_WORD

REFERENCE = "bare view"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    expect: str = ""
    # The reference gets more requests than the pages (see --requests / --bare-requests).
    reference: bool = False

    def url(self, ids: dict) -> str:
        return self.path.format(**ids)


PAGES = [
    Page(REFERENCE, "/bench/bare/", expect="ok", reference=True),
    Page("start", "/start/", expect="Benchkommun 0101"),
    Page("organisations", "/organisations/", expect="Benchregion 01"),
    Page("organisation detail", "/organisations/{bench_organisation}/", expect="Socialnämnden"),
    Page("bodies", "/bodies/", expect="Barn- och utbildningsnämnden"),
    Page("bodies ?q=nämnd", "/bodies/?q=n%C3%A4mnd", expect="nämnden"),
    Page("body detail", "/bodies/{bench_body}/", expect="Barn- och utbildningsnämnden"),
    Page("networks", "/networks/", expect="Benchpartnerskapet"),
    Page("partnership detail", "/networks/{partnership}/", expect="Benchkommun 0101"),
    Page("people", "/organisations/{bench_organisation}/people/", expect="bench-0101-01"),
    Page("history (body)", "/history/organisations.body/{history_body}/", expect="ärende 56"),
    Page("convention", "/convention/"),
    Page("convention ?q=barn", "/convention/?q=barn"),
    Page("cases", "/cases/", expect='class="status status--'),
    Page(
        "cases ?status&children",
        "/cases/?status=decided&children_affected=yes",
        expect="status--decided",
    ),
    Page(
        f"cases ?q={SEARCH_WORD}",
        f"/cases/?q={quote(SEARCH_WORD)}",
        expect=SEARCH_TITLE.split("{", 1)[0].strip(),
    ),
    Page("case detail (decided)", "/cases/{full_case}/", expect=FULL_DECISION["outcome"]),
    Page(
        "assessment form",
        "/cases/{form_case}/assessment/",
        expect=FULL_ANSWERS["compensating_measures"][:40],
    ),
    Page(
        "assessment print",
        "/cases/{full_case}/assessment/print/",
        expect=FULL_ANSWERS["views_summary"][:40],
    ),
]


@dataclass(frozen=True)
class Export:
    """A download measured with a few requests (they are slow) against a wall-time target."""

    name: str
    path: str
    content_type: str
    target_seconds: float

    def url(self, ids: dict) -> str:
        return self.path.format(**ids)


EXPORTS = [
    Export(
        "assessment DOCX",
        "/cases/{full_case}/assessment.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        0.5,
    ),
    Export("assessment PDF", "/cases/{full_case}/assessment.pdf", "application/pdf", 3.0),
]
