"""Swedish full-text search over the knowledge bank, with the same behaviour on both databases.

PostgreSQL: a stored tsvector (configuration `swedish`; title weighted A, tags B, description,
results and contact C) with a GIN index, matched with a tsquery of the words' stems and ranked
by `ts_rank`.
SQLite: an FTS5 table (`knowledge_example_fts`, rowid = the example's id) holding the same
Snowball stems in three columns, matched with every word required and ranked by `bm25`.
Both ask for each word with and without the definite endings Snowball keeps
(`core.search.forms`: "nätverket" finds "nätverk", and the other way round).

Both indexes are written by `index_example` from the service functions, in the same
transaction as the change.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, FloatField, Value
from django.db.models.expressions import RawSQL

from core.richtext import plain
from core.search import forms

from .models import Example
from .swedish import MAX_QUERY_WORDS, STOP_WORDS, stem, stemmed, words

FTS_TABLE = "knowledge_example_fts"
CONFIG = "swedish"
# Column weights for bm25 (title, keywords, body), close to ts_rank's A, B and C.
BM25 = "bm25(knowledge_example_fts, 10.0, 4.0, 1.0)"
# At most this many matches are ranked: the most recently added (highest ids). A search with more
# matches says "more than …" (decision 0017).
RANKED = 1000
# SQLite ranks every match when the whole bank has at most this many (cheap in FTS5).
RANKED_ALL = 3000
# SQLite, many matches and a filtered list: when at most this many examples pass the filters
# (success factor, article), they are read first and the full-text match is checked and ranked
# for them only, in one pass over the match (decision 0022).
CANDIDATES = 1000


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def index_parts(example: Example) -> tuple[str, str, str]:
    """The example's text in three parts of falling weight: title; tags; description, results
    and contact. Success factors and articles are filters, not words."""
    keywords = example.tags
    body = f"{plain(example.description)}\n{example.results}\n{example.contact}"
    return example.title, keywords, body


def _vector(title: str, keywords: str, body: str):
    return (
        SearchVector(Value(title), config=CONFIG, weight="A")
        + SearchVector(Value(keywords), config=CONFIG, weight="B")
        + SearchVector(Value(body), config=CONFIG, weight="C")
    )


def stem_row(title: str, keywords: str, body: str) -> tuple[str, str, str]:
    return tuple(" ".join(stemmed(part)) for part in (title, keywords, body))


def index_example(example: Example) -> None:
    """Write the example's entry in the search index (call inside the change's transaction)."""
    parts = index_parts(example)
    if is_postgresql():
        Example.objects.filter(pk=example.pk).update(search_vector=_vector(*parts))
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [example.pk])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, keywords, body) VALUES (%s, %s, %s, %s)",
            [example.pk, *stem_row(*parts)],
        )


def unindex_example(pk: int) -> None:
    """Remove a deleted example from the index (PostgreSQL's goes with the row)."""
    if not is_postgresql():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])


def query_words(query: str) -> list[str]:
    """The words a search asks for: stop words dropped, one word per stem, at most
    MAX_QUERY_WORDS."""
    kept = {}
    for word in words(query):
        if word not in STOP_WORDS:
            kept.setdefault(stem(word), word)
    return list(kept.values())[:MAX_QUERY_WORDS]


def matches(queryset, query: str):
    """`queryset` narrowed to the examples that contain every searched word in some inflected
    form, unordered and unranked (for counting). Without searchable words: all of them."""
    terms = query_words(query)
    if not terms:
        return queryset
    if is_postgresql():
        return queryset.filter(search_vector=_tsquery(terms))
    return _fts_join(queryset, _match(terms))


def _fts_join(queryset, match: str, *, rank: bool = False, where=()):
    # "+ 0" keeps SQLite from probing the FTS table once per example: the full-text match is
    # the outer loop (in rowid order, which FTS5 reads without sorting) and each hit looks its
    # example up by primary key.
    return queryset.extra(
        tables=[FTS_TABLE],
        where=[
            f"knowledge_example.id = {FTS_TABLE}.rowid + 0",
            f"{FTS_TABLE} MATCH %s",
            *where,
        ],
        params=[match],
        select={"rank": f"-{BM25}"} if rank else None,
    )


def _fts_count(match: str, limit: int) -> int:
    """How many examples contain the words, counted at most to `limit` (the whole bank, before
    any filter: a fraction of a millisecond)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            "LIMIT %s)",
            [match, limit],
        )
        return cursor.fetchone()[0]


def search(queryset, query: str, *, filtered: bool = False, rows=None):
    """`queryset` narrowed to examples that contain every searched word in some inflected form,
    best match first, with `rank` annotated. Without searchable words: all of them, rank 0.

    Only the RANKED most recently added matches (after the visibility and other filters) are
    ranked: a word that is in half of the bank would otherwise rank every example that has it
    (decision 0017). A search with fewer matches ranks them all.

    `filtered`: the caller narrowed the list by success factor or article. On SQLite those
    examples may then be the smaller side and are read first (decision 0022); same result.
    `rows`: where that path reads a page of ranked examples by id, without the filters' joins
    (the model's manager when not given; pass one with the same `select_related`)."""
    queryset = queryset.defer("search_vector")
    terms = query_words(query)
    if not terms:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if is_postgresql():
        tsquery = _tsquery(terms)
        newest = queryset.filter(search_vector=tsquery).order_by("-id").values("pk")[:RANKED]
        return (
            queryset.filter(pk__in=newest)
            .annotate(rank=SearchRank(F("search_vector"), tsquery))
            .order_by("-rank", "-year", "id")
        )
    match = _match(terms)
    if _fts_count(match, RANKED_ALL + 1) > RANKED_ALL:
        candidates = _candidates(queryset) if filtered else None
        if candidates is not None:
            # The filters are the smaller side (at most CANDIDATES against more than
            # RANKED_ALL matches): check and rank the match for them only.
            if rows is None:
                rows = queryset.model._default_manager.all()
            return _rank_candidates(rows.defer("search_vector"), match, candidates)
        # Many matches: read them newest first and stop at RANKED that pass the filters, then
        # let bm25 see only that range of rowids.
        newest = list(
            _fts_join(queryset, match)
            .order_by(RawSQL(f"{FTS_TABLE}.rowid", []).desc())
            .values_list("pk", flat=True)[: RANKED + 1]
        )
        if not newest:
            ranked = queryset.none().annotate(rank=Value(0.0, output_field=FloatField()))
            ranked.found = 0
            return ranked
        where = (f"{FTS_TABLE}.rowid >= {int(min(newest[:RANKED]))}",)
        ranked = _fts_join(queryset, match, rank=True, where=where).order_by("-rank", "-year", "id")
        # The candidates are the count (up to RANKED + 1): no second pass over the matches.
        ranked.found = len(newest)
        return ranked
    return _fts_join(queryset, match, rank=True).order_by("-rank", "-year", "id")


def _candidates(queryset) -> dict[int, int] | None:
    """The examples that pass the filters, as {id: year}, if there are at most CANDIDATES of
    them (else None: the filters are not selective). The join tables and the visibility index
    drive this read; no full-text search."""
    # Unordered: an ORDER BY could make SQLite walk an ordered index past every example.
    years = dict(queryset.order_by().values_list("pk", "year")[: CANDIDATES + 1])
    return years if len(years) <= CANDIDATES else None


class RankedExamples:
    """A ranked list known by id (best first), paged like a queryset: each slice reads only
    its own examples from `rows`, with `rank` set. `found` is the count up to RANKED + 1.

    The ids passed the filters already, so `rows` carries none of them: with the filters'
    joins SQLite may read every filtered example again for a page of 20."""

    ordered = True

    def __init__(self, rows, ranked: list[tuple[int, float]], found: int):
        self.rows, self.ranked, self.found = rows, ranked, found

    def __len__(self):
        return len(self.ranked)

    def count(self):
        return len(self.ranked)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        chosen = self.ranked[index]
        examples = self.rows.in_bulk([pk for pk, _ in chosen])
        page = []
        for pk, rank in chosen:
            example = examples[pk]
            example.rank = rank
            page.append(example)
        return page


def _rank_candidates(rows, match: str, candidates: dict[int, int]):
    """The candidates that contain the words, ranked: one pass over the full-text match, which
    keeps only the candidates' rowids and computes bm25 for them alone. As in the other path,
    only the RANKED newest are ranked, best first (then newer year, then id), and the count
    stops at RANKED + 1."""
    hits = []
    if candidates:
        # "+rowid": test the rowid against the list while FTS5 reads the match once (a rowid
        # lookup per candidate would start the query, and bm25's statistics, each time again).
        listed = ",".join(str(int(pk)) for pk in candidates)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, -{BM25} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                f"AND +rowid IN ({listed}) ORDER BY rowid DESC LIMIT %s",
                [match, RANKED + 1],
            )
            hits = cursor.fetchall()
    ranked = sorted(hits[:RANKED], key=lambda hit: (-hit[1], -candidates[hit[0]], hit[0]))
    return RankedExamples(rows, ranked, len(hits))


def _tsquery(terms):
    # Every word in one of its forms (core.search.forms). The forms are stems already, so the
    # query uses the `simple` configuration, which only case-folds them; the words are \w+ runs
    # (knowledge.swedish.words), so quoting them keeps the raw query well-formed.
    alternatives = (" | ".join(f"'{form}'" for form in forms(term)) for term in terms)
    return SearchQuery(
        " & ".join(f"({either})" for either in alternatives), config="simple", search_type="raw"
    )


def _match(terms) -> str:
    return " AND ".join(
        "(" + " OR ".join(f'"{form}"' for form in forms(term)) + ")" for term in terms
    )
