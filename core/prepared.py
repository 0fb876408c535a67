"""A queryset's SQL compiled once per process, then run with new values on the hot path.

Compiling a queryset (resolving lookups, joins and columns into SQL) costs more CPU than
PostgreSQL needs to answer a primary-key or unique-index lookup. Where one lookup runs on every
request of a page under load (the children's pages), `PreparedValues` compiles it once per
database alias with stand-in values, and each call runs the same SQL with the real values
through Django's cursor, so query logging, `assertNumQueries` and the database error handling
see it as any other query. Rows come back as `values_list()` gives them, converters applied.
"""

import threading

from django.db import connections
from django.db.backends.utils import CursorDebugWrapper, CursorWrapper


class PreparedValues:
    """`build(*stand_ins)` returns a `values_list()` queryset; `rows(*values)` runs its SQL
    with `values` in place of the stand-ins (strings that must reach the SQL unchanged, as an
    `exact` lookup on a text column leaves them)."""

    def __init__(self, build, arity: int = 1):
        self._build = build
        self._stand_ins = [f"\x00prepared-value-{n}\x00" for n in range(arity)]
        self._compiled = {}
        self._lock = threading.Lock()

    def rows(self, *values, using: str = "default") -> list[tuple]:
        sql, slots, fixed, converters = self._prepared(using)
        params = [
            values[slot] if slot is not None else value
            for slot, value in zip(slots, fixed, strict=True)
        ]
        connection = connections[using]
        with cursor(connection) as db_cursor:
            db_cursor.execute(sql, params)
            rows = db_cursor.fetchall()
        if converters:
            rows = [_converted(row, converters, connection) for row in rows]
        return rows

    def _prepared(self, using: str):
        found = self._compiled.get(using)
        if found is None:
            with self._lock:
                found = self._compiled.setdefault(using, self._compile(using))
        return found

    def _compile(self, using: str):
        queryset = self._build(*self._stand_ins).using(using)
        compiler = queryset.query.get_compiler(using)
        sql, params = compiler.as_sql()
        slots = [self._slot(value) for value in params]
        missing = set(range(len(self._stand_ins))) - set(slots)
        if missing:
            raise ValueError(f"stand-in values {sorted(missing)} did not reach the SQL unchanged")
        # The converters (JSON decoding, dates on SQLite, …) of the selected columns, as
        # `results_iter` applies them.
        converters = compiler.get_converters([column for column, *_ in compiler.select])
        return sql, slots, list(params), list(converters.items())

    def _slot(self, value):
        return self._stand_ins.index(value) if value in self._stand_ins else None


def cursor(connection):
    """Django's cursor; on PostgreSQL, over a psycopg cursor that binds values on the server,
    so that psycopg can prepare the statement (settings: `prepare_threshold`) and PostgreSQL
    parses and plans it once per connection. Django's own cursors bind on the client, which
    never prepares: not all SQL the ORM writes can be prepared; these statements can."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw = ServerBindingCursor(connection.connection)
    if connection.queries_logged:
        return _ServerBindingDebugCursor(raw, connection)
    return connection.make_cursor(raw)


class _ServerBindingDebugCursor(CursorDebugWrapper):
    """Logs the statement with its values, as `DEBUG` and `assertNumQueries` show others.
    (Django reads the last query from client-side-binding cursors; this one binds on the
    server, so the values are put in here.)"""

    def execute(self, sql, params=None):
        with self.debug_sql(self.db.ops.compose_sql(sql, params or ())):
            return CursorWrapper.execute(self, sql, params)


def _converted(row, converters, connection) -> tuple:
    row = list(row)
    for position, (functions, expression) in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return tuple(row)
