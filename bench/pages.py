"""The pages `bench.run` measures, as the bench user.

A path is a template filled in with the ids `bench.inventory.discover_ids` returns, e.g.
"/bodies/{bench_body}/". `expect` is text the page must contain (a cheap check that the page
shows the data and not an empty state). To measure a new page, add a `Page` here (and its id in
`discover_ids` if it needs one).
"""

from dataclasses import dataclass
from urllib.parse import quote

from bench.case_showcase import FULL_ANSWERS, FULL_DECISION
from bench.case_texts import SEARCH_TITLE, SEARCH_WORD
from bench.common import CHILDREN_CPU_TARGET, CPU_TARGET
from bench.participation import FIXED_TITLE
from bench.planning_data import AREA_TITLES

REFERENCE = "bare view"
# The same view without the session cookie: the reference of the pages measured anonymously.
ANONYMOUS_REFERENCE = "bare view (anonymous)"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    expect: str = ""
    # The references get more requests than the pages (see --requests / --bare-requests).
    reference: bool = False
    # Requested without the session cookie (the children's pages have no login). Its CPU target
    # is against the bare view as everywhere (with the session cookie); its ratio to the bare
    # view requested anonymously is reported too.
    anonymous: bool = False
    # Targets: CPU at most `cpu_target` times the bare view's; at most `max_queries` queries at
    # every scale; at most `max_kb` kB of HTML and the CSS and JavaScript it links, uncompressed
    # (None: no such target; the size is then not measured).
    cpu_target: float = CPU_TARGET
    max_queries: int | None = None
    max_kb: float | None = None

    def url(self, ids: dict) -> str:
        return self.path.format(**ids)


# The targets of the participation pages (docs/performance.md): few queries and a light page;
# the children's page also CHILDREN_CPU_TARGET, the results page the staff pages' CPU_TARGET.
PARTICIPATION_TARGETS = {"max_queries": 10, "max_kb": 100.0}
# The targets of the planning pages (issue 5): queries that do not grow with the data (a fixed
# ceiling at every scale).
PLANNING_TARGETS = {"max_queries": 20}


PAGES = [
    Page(REFERENCE, "/bench/bare/", expect="ok", reference=True),
    Page(ANONYMOUS_REFERENCE, "/bench/bare/", expect="ok", reference=True, anonymous=True),
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
    Page(
        "children's page",
        "/b/{consultation_code}/",
        expect='name="submission_key"',
        anonymous=True,
        cpu_target=CHILDREN_CPU_TARGET,
        **PARTICIPATION_TARGETS,
    ),
    # The dialogue leader's results of the same consultation (its title is on the page).
    Page(
        "results page",
        "/consultations/{consultation}/results/",
        expect=FIXED_TITLE,
        **PARTICIPATION_TARGETS,
    ),
    # The plan overview (100 activities, timeline, progress per area) and the self-assessment
    # overview (radar, five years' trend, evidence); docs/performance-history.md, "Planning".
    Page("plan overview", "/plans/{plan}/", expect=AREA_TITLES[-1], **PLANNING_TARGETS),
    Page(
        "self-assessment page",
        "/self-assessments/{self_assessment}/",
        expect="selfassessment-radar-title",
        **PLANNING_TARGETS,
    ),
    # One indicator with 311 organisations × 20 years × 3 (bench.indicators): the chart over
    # the years, by gender, and the standing among all municipalities.
    Page(
        "indicator comparison",
        "/organisations/{bench_organisation}/indicators/{bench_indicator}/",
        expect="Bland kommunerna med en siffra",
        max_queries=14,
    ),
    # The network dashboard (comparisons) for the partnership of every municipality, with the
    # bench indicator chosen: five charts and tables of 290 rows, queries that do not grow.
    Page(
        "network dashboard",
        "/networks/{partnership}/dashboard/?indicator={bench_indicator}",
        expect="Benchkommun 0101",
        max_queries=20,
    ),
    Page(
        "children's conditions",
        "/organisations/{bench_organisation}/conditions/",
        expect="ekonomiskt utsatta",
        max_queries=20,
    ),
    # Training coverage and the child budget (issue 5), with five years of data per body.
    Page(
        "training coverage",
        "/organisations/{bench_organisation}/training-coverage/?year=2026",
        expect="Andel utbildade 2026",
        max_queries=15,
    ),
    Page("child budget", "/child-budget/", expect="Barnens andel", max_queries=15),
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


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

EXPORTS = [
    Export(
        "assessment DOCX",
        "/cases/{full_case}/assessment.docx",
        DOCX,
        0.5,
    ),
    Export("assessment PDF", "/cases/{full_case}/assessment.pdf", "application/pdf", 3.0),
    # The yearly report of the largest municipality (issue 7): the staff page under 1 s, the
    # PDF under 10 s, the DOCX under 3 s; the joint report of it and its neighbour no more than
    # the two pages together (bench.report_data).
    Export("report page", "/reports/{report}/", "text/html", 1.0),
    Export("report PDF", "/reports/{report}/preview.pdf", "application/pdf", 10.0),
    Export("report DOCX", "/reports/{report}/preview.docx", DOCX, 3.0),
    Export("report page (neighbour)", "/reports/{neighbour_report}/", "text/html", 1.0),
    Export("report page (joint)", "/reports/{joint_report}/", "text/html", 2.0),
]
