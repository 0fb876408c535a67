"""The pages `bench.run` measures, as the bench user.

A path is a template filled in with the ids `bench.inventory.discover_ids` returns, e.g.
"/bodies/{bench_body}/". `expect` is text the page must contain (a cheap check that the page
shows the data and not an empty state). To measure a new page, add a `Page` here (and its id in
`discover_ids` if it needs one).
"""

from dataclasses import dataclass

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
    Page("bodies", "/bodies/", expect="Kommunstyrelsen"),
    Page("bodies ?q=nämnd", "/bodies/?q=n%C3%A4mnd", expect="nämnden"),
    Page("body detail", "/bodies/{bench_body}/", expect="Barn- och utbildningsnämnden"),
    Page("networks", "/networks/", expect="Benchpartnerskapet"),
    Page("partnership detail", "/networks/{partnership}/", expect="Benchkommun 0101"),
    Page("people", "/organisations/{bench_organisation}/people/", expect="bench-0101-01"),
    Page("history (body)", "/history/organisations.body/{history_body}/", expect="ärende 56"),
    Page("convention", "/convention/"),
    Page("convention ?q=barn", "/convention/?q=barn"),
]
