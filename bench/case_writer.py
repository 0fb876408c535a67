"""The cases generator of the bench dataset: about 300 000 cases at scale 1.0 with their
assessments, article links, reviews and decisions, from the specs `bench.cases` draws, written
in chunks with `bench.plan.insert` (COPY on PostgreSQL, executemany on SQLite)."""

from bench.case_showcase import showcase_cases
from bench.cases import (
    CASE_CHUNK,
    anchor_time,
    answer_variants,
    case_counts,
    case_seeds,
    organisation_cases,
)
from bench.plan import BENCH_USERNAME, Dataset, insert, next_ids, reset_sequences


def cases(data: Dataset) -> None:
    """About 300 000 cases at scale 1.0 (see bench.cases): every one but the drafts with an
    assessment on the shipped standard template, its articles, its reviews and, once decided,
    the decision. The bench organisation has 20 000 of them at every scale."""
    from django.contrib.auth import get_user_model

    from assessments.models import TemplateVersion
    from assessments.summary import generate_summary
    from convention.models import Article
    from organisations.access import user_access
    from organisations.models import Body

    home = data.bench_organisation
    bench = get_user_model().objects.get(username=BENCH_USERNAME)
    visible = set(user_access(bench).organisation_ids)
    hosts = Body.served_organisations.through.objects.filter(organisation_id__in=visible)
    neighbours = (visible | set(hosts.values_list("body__organisation_id", flat=True))) - {home.pk}
    counts = case_counts(data.scale, data.municipalities, home.pk, neighbours)

    writer = CaseWriter(
        data,
        version=TemplateVersion.objects.get(
            template__key="standard", template__organisation=None, number=1
        ),
        articles=dict(Article.objects.values_list("number", "pk")),
    )
    anchor = anchor_time()
    variants = answer_variants(lambda answers: generate_summary(None, answers))
    seeds = case_seeds(data.municipalities, neighbours)
    for municipality in data.municipalities:
        extra = showcase_cases(anchor) if municipality.pk == home.pk else ()
        specs = organisation_cases(
            seeds[municipality.pk],
            counts.get(municipality.pk, 0),
            [body.name for body in data.bodies[municipality.pk]],
            anchor,
            variants,
            extra=extra,
        )
        writer.add(municipality, specs)
    writer.flush()


class CaseWriter:
    """Writes case specs (bench.cases.CaseSpec) in chunks of CASE_CHUNK: cases, assessments,
    article links, reviews and decisions, with `insert` (explicit primary keys)."""

    def __init__(self, data: Dataset, *, version, articles: dict):
        from assessments.models import Assessment, Case, Decision, Review

        self.data, self.version, self.articles = data, version, articles
        self.Link = Assessment.articles.through
        self.models = [Case, Assessment, self.Link, Review, Decision]
        self.ids = {model: next_ids(model) for model in self.models}
        self.pending = []  # (organisation, spec)
        self.plain = {}  # description -> its text (core.richtext.plain), made once each

    def add(self, organisation, specs) -> None:
        self.pending.extend((organisation, spec) for spec in specs)
        while len(self.pending) >= CASE_CHUNK:
            self.write(self.pending[:CASE_CHUNK])
            del self.pending[:CASE_CHUNK]

    def flush(self) -> None:
        if self.pending:
            self.write(self.pending)
            self.pending = []
        reset_sequences(self.models)

    def search_text(self, spec) -> str:
        """What Case.save() stores (bulk inserts do not call it)."""
        from core.richtext import plain

        if spec.description not in self.plain:
            self.plain[spec.description] = plain(spec.description)
        return f"{spec.case_number} {spec.title} {self.plain[spec.description]}".casefold()

    def write(self, chunk: list) -> None:
        from assessments.models import Assessment, Case, Decision, Review

        ids, staff, version = self.ids, self.data.people, self.version.pk
        bodies = {}
        cases, assessments, links, reviews, decisions = [], [], [], [], []
        for organisation, spec in chunk:
            org = organisation.pk
            if org not in bodies:
                bodies[org] = {body.name: body.pk for body in self.data.bodies[org]}
            officer = staff[org][spec.officer].pk
            decider = staff[org][4].pk  # the decision-maker (bench.plan.ROLE_PLAN)
            case = next(ids[Case])
            cases.append(
                (
                    case,
                    org,
                    bodies[org][spec.body_name],
                    spec.case_number,
                    spec.title,
                    spec.description,
                    officer,
                    spec.planned_decision_date,
                    spec.decision_date,
                    spec.status,
                    spec.created_at,
                    self.search_text(spec),
                )
            )
            if spec.decision:
                decision = spec.decision
                decisions.append(
                    (
                        next(ids[Decision]),
                        org,
                        case,
                        decider,
                        *(decision[name] for name in DECISION_FIELDS),
                    )
                )
            if not spec.assessment:
                continue
            assessment = next(ids[Assessment])
            a = spec.assessment
            assessments.append(
                (
                    assessment,
                    org,
                    case,
                    version,
                    officer,
                    *(a[name] for name in ASSESSMENT_FIELDS),
                )
            )
            links.extend(
                (next(ids[self.Link]), assessment, self.articles[number])
                for number in spec.articles
            )
            reviews.extend(
                (next(ids[Review]), org, assessment, decider, outcome, comments, created_at)
                for outcome, comments, created_at in spec.reviews
            )
        insert(Case, CASE_FIELDS, cases)
        insert(
            Assessment,
            ["id", "organisation", "case", "template_version", "updated_by", *ASSESSMENT_FIELDS],
            assessments,
        )
        insert(self.Link, ["id", "assessment", "article"], links)
        insert(
            Review,
            ["id", "organisation", "assessment", "reviewer", "outcome", "comments", "created_at"],
            reviews,
        )
        insert(Decision, ["id", "organisation", "case", "decided_by", *DECISION_FIELDS], decisions)


CASE_FIELDS = [
    "id",
    "organisation",
    "body",
    "case_number",
    "title",
    "description",
    "officer",
    "planned_decision_date",
    "decision_date",
    "status",
    "created_at",
    "search_text",
]
ASSESSMENT_FIELDS = [
    "status",
    "answers",
    "summary",
    "children_affected",
    "lock_version",
    "updated_at",
]
DECISION_FIELDS = [
    "outcome",
    "decided_on",
    "follows_best_interests",
    "reasons",
    "compensating_measures",
    "feedback_plan",
    "follow_up_date",
    "follow_up_done_on",
    "follow_up_notes",
]
