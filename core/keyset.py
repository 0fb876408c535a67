"""Keyset paging: "newer" and "older" links keyed on the primary key instead of page numbers.

Page numbers need OFFSET and a COUNT, and both read every matching row: with 20,000 cases a
year in one municipality that is most of a list page's time. A keyset page asks only for the
rows just past a key, in index order, so it costs the same on page 1 and page 800 and whatever
the size of the table.

A user's rows are often the union of a few index ranges (the organisations they work in and the
joint bodies that serve them; see `TenantQuerySet.visible_parts`). No single index gives that
union in order, so the database would sort every visible row to find the first 25. Instead each
part gives its own first rows in index order and only those are merged: `size + 1` rows per
part, whatever the number of rows behind it.

Rows are ordered by primary key, newest first. For a model whose `created_at` is set on insert
this is the order of creation.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Q, QuerySet

NEWER = "newer"
OLDER = "older"


@dataclass(frozen=True)
class KeysetPage:
    object_list: list
    newer_key: int | None = None
    older_key: int | None = None

    @property
    def has_newer(self) -> bool:
        return self.newer_key is not None

    @property
    def has_older(self) -> bool:
        return self.older_key is not None

    @property
    def has_other_pages(self) -> bool:
        return self.has_newer or self.has_older

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def keyset_page(
    queryset: QuerySet,
    params: Mapping,
    *,
    size: int,
    parts: list[Q] | None = None,
    rows: QuerySet | None = None,
) -> KeysetPage:
    """The page of `queryset` that `params` ("newer"/"older" key) asks for, newest first.

    `parts` are filters whose OR the queryset's rows are (or a narrowing of them); without
    them the queryset is read as one part. The page's rows are loaded by id from `rows`
    (default: the queryset): a filter that joins other tables only slows that lookup down.
    """
    newer, older = _key(params.get(NEWER)), _key(params.get(OLDER))
    if newer is not None:
        ids = _first_ids(queryset, parts, Q(pk__gt=newer), "pk", size + 1)
        more_newer, ids = len(ids) > size, ids[:size]
        ids.reverse()
        more_older = True
    else:
        bound = Q(pk__lt=older) if older is not None else Q()
        ids = _first_ids(queryset, parts, bound, "-pk", size + 1)
        more_older, ids = len(ids) > size, ids[:size]
        more_newer = older is not None
    # Loaded by id in a second query: joined to the filters' tables and the scope's OR, the
    # databases tend to pick the scope's indexes and read every visible row again.
    loaded = (queryset if rows is None else rows).in_bulk(ids)
    object_list = [loaded[pk] for pk in ids if pk in loaded]
    return KeysetPage(
        object_list,
        newer_key=ids[0] if ids and more_newer else None,
        older_key=ids[-1] if ids and more_older else None,
    )


def _first_ids(queryset, parts, bound: Q, order: str, limit: int) -> list[int]:
    """The first `limit` ids of `queryset` past `bound`, among the first of each part."""
    if parts is not None and not parts:
        return []
    if not parts or len(parts) == 1:
        part = parts[0] if parts else Q()
        return list(_range(queryset, part, bound, order, limit))
    db = queryset.db
    connection = connections[db]
    try:
        statements = _range_statements(queryset, parts, bound, order, limit)
    except EmptyResultSet:
        # A filter that can match nothing (`pk__in=[]`) compiles to no SQL at all.
        return []
    params = [p for _, part_params in statements for p in part_params]
    direction = "DESC" if order.startswith("-") else "ASC"
    # A row in two parts (a joint body's case of one's own organisation) is listed once: UNION
    # removes it, as does IN.
    if connection.features.supports_slicing_ordering_in_compound:
        sql = " UNION ".join(f"({s})" for s, _ in statements)
        sql = f"{sql} ORDER BY 1 {direction} LIMIT {int(limit)}"
    else:
        # SQLite allows no LIMIT in a compound SELECT's parts but does in an IN subquery, and
        # reads each such subquery once.
        quote = connection.ops.quote_name
        table, pk = quote(queryset.model._meta.db_table), quote(queryset.model._meta.pk.column)
        any_range = " OR ".join(f"{pk} IN ({s})" for s, _ in statements)
        sql = f"SELECT {pk} FROM {table} WHERE {any_range} ORDER BY {pk} {direction}"
        sql = f"{sql} LIMIT {int(limit)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _range(queryset, part: Q, bound: Q, order: str, limit: int):
    return queryset.filter(part, bound).order_by(order).values_list("pk", flat=True)[:limit]


# A value no key has, compiled in place of a part's value and then replaced by it.
_SLOT = -(2**62) + 1883


def _range_statements(queryset, parts, bound, order, limit) -> list[tuple[str, list]]:
    """Each part's range as SQL. Parts of the form Q(column=value), such as one per
    organisation, share one compiled statement: compiling a filtered queryset costs more than
    running its range."""
    compiled, statements = {}, []
    for part in parts:
        lookup = _single_lookup(part)
        if lookup is None:
            statements.append(_sql(_range(queryset, part, bound, order, limit)))
            continue
        field, value = lookup
        if field not in compiled:
            slot = Q(**{field: _SLOT})
            compiled[field] = _sql(_range(queryset, slot, bound, order, limit))
        sql, params = compiled[field]
        statements.append((sql, [value if p == _SLOT else p for p in params]))
    return statements


def _single_lookup(part: Q):
    if part.connector != Q.AND or part.negated or len(part.children) != 1:
        return None
    child = part.children[0]
    if not isinstance(child, tuple) or not isinstance(child[1], int):
        return None
    return child


def _sql(queryset) -> tuple[str, list]:
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    return sql, list(params)


def _key(value) -> int | None:
    try:
        key = int(value)
    except (TypeError, ValueError):
        return None
    # Beyond any real id (and beyond what PostgreSQL's bigint holds): the first page.
    return key if 0 < key < 2**62 else None
