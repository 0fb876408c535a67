"""The shape of the synthetic dataset: how many organisations a scale has, the bodies, roles
and names every organisation gets, and the `Dataset` the generators in `bench.dataset` fill in
and read from one another.

Scale 1.0 is Sweden: 290 municipalities and 21 regions. Every name is synthetic.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

NATIONAL_MUNICIPALITIES = 290
NATIONAL_REGIONS = 21
MIN_SCALE, MAX_SCALE = 0.02, 4.0
BATCH_SIZE = 1000

MUNICIPALITY_PREFIX = "Benchkommun"
REGION_PREFIX = "Benchregion"
BENCH_USERNAME = "bench-coordinator"
# Everybody gets the hash of this password (computed once); nobody needs to log in with it.
BENCH_PASSWORD = "bench-only-not-a-real-password"
# The first municipality by SCB code, the bench user's organisation at every scale.
BENCH_MUNICIPALITY_CODE = "0101"
FIRST_REGION_CODE = "01"
PARTNERSHIP_NAME = "Benchpartnerskapet för barns rättigheter"
HISTORY_BODY_NAME = "Barn- och utbildningsnämnden"
AUDIT_ENTRIES_ON_BODY = 60
AUDIT_ENTRIES_ON_ORGANISATION = 10
# Audit times are fixed so that both scales show identical history pages.
AUDIT_START = datetime(2024, 1, 8, 8, 0, tzinfo=UTC)

# (name, kind, how many organisations a joint body serves). A municipality's joint body serves
# the next municipalities by code (wrapping around); a region's serves the first ones in its
# county. Either way every organisation is served by the same number of joint bodies.
MUNICIPALITY_BODIES = [
    ("Kommunstyrelsen", "board", 0),
    ("Barn- och utbildningsnämnden", "committee", 0),
    ("Socialnämnden", "committee", 0),
    ("Kultur- och fritidsnämnden", "committee", 0),
    ("Tekniska nämnden", "committee", 0),
    ("Miljö- och byggnadsnämnden", "committee", 0),
    ("Valnämnden", "committee", 0),
    ("Gemensamma överförmyndarnämnden", "committee", 1),
    ("Kommunstyrelsens arbetsutskott", "board", 0),
    ("Barn- och utbildningsförvaltningen", "administration", 0),
    ("Socialförvaltningen", "administration", 0),
    ("Kommunledningsförvaltningen", "administration", 0),
    ("Samhällsbyggnadsförvaltningen", "administration", 0),
    ("Folkhälsoteamet", "team", 2),
    ("Barnrättsteamet", "team", 0),
]
REGION_BODIES = [
    ("Regionstyrelsen", "board", 0),
    ("Hälso- och sjukvårdsnämnden", "committee", 0),
    ("Regionala utvecklingsnämnden", "committee", 0),
    ("Kulturnämnden", "committee", 0),
    ("Patientnämnden", "committee", 0),
    ("Trafiknämnden", "committee", 0),
    ("Tandvårdsnämnden", "committee", 0),
    ("Regionstyrelsens arbetsutskott", "board", 0),
    ("Regionledningsförvaltningen", "administration", 0),
    ("Hälso- och sjukvårdsförvaltningen", "administration", 0),
    ("Förvaltningen för regional utveckling", "administration", 0),
    ("Barnhälsovårdsenheten", "team", 0),
    ("Folkhälsoenheten", "team", 2),
    ("Barnrättsstrategerna", "team", 0),
    ("Samverkansgruppen för barn och unga", "team", 0),
]
# Hosted by the first region; the steering group serves the 2nd and 3rd municipality.
PARTNERSHIP_BODIES = [
    ("Partnerskapets styrgrupp", "board", 2),
    ("Partnerskapets kansli", "team", 0),
]

# (person number 1-10, role, index of the body for a body role or None): 11 roles, 10 people.
ROLE_PLAN = [
    (1, "coordinator", None),
    (2, "org_admin", None),
    (3, "case_officer", None),
    (4, "case_officer", 1),
    (5, "decision_maker", 0),
    (6, "dialogue_leader", None),
    (7, "reader", None),
    (8, "reader", 2),
    (9, "decision_maker", 1),
    (10, "reader", None),
    (10, "dialogue_leader", 3),
]
PEOPLE_PER_ORGANISATION = max(number for number, _role, _body in ROLE_PLAN)
TITLES = ["Samordnare", "Handläggare", "Utvecklingsledare", "Strateg", "Enhetschef"]


def sizes(scale: float) -> tuple[int, int]:
    """(municipalities, regions) at `scale`."""
    if not MIN_SCALE <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be between {MIN_SCALE} and {MAX_SCALE}, not {scale}")
    municipalities = round(NATIONAL_MUNICIPALITIES * scale)
    regions = max(1, round(NATIONAL_REGIONS * scale))
    return municipalities, regions


def county_sizes(municipalities: int, regions: int) -> list[int]:
    """Municipalities per region, in contiguous blocks (the first regions get one more)."""
    base, extra = divmod(municipalities, regions)
    return [base + (1 if index < extra else 0) for index in range(regions)]


@dataclass
class Dataset:
    """What the generators created so far, for the generators that follow."""

    scale: float
    municipalities: list = field(default_factory=list)  # in SCB-code order
    regions: list = field(default_factory=list)  # in SCB-code order
    counties: dict = field(default_factory=dict)  # region pk -> its municipalities
    bodies: dict = field(default_factory=dict)  # organisation pk -> bodies in template order
    partnership: object = None
    partnership_bodies: list = field(default_factory=list)
    people: dict = field(default_factory=dict)  # organisation pk -> users 1..10
    _password_hash: str = ""

    @property
    def organisations(self) -> list:
        return [*self.regions, *self.municipalities]

    @property
    def bench_organisation(self):
        return self.municipalities[0]

    @property
    def password_hash(self) -> str:
        if not self._password_hash:
            from django.contrib.auth.hashers import make_password

            self._password_hash = make_password(BENCH_PASSWORD)
        return self._password_hash


def bulk(model, objects: list) -> list:
    created = model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
    if created and created[0].pk is None:
        raise RuntimeError("This database backend does not return primary keys from bulk inserts.")
    return created


# Values of these fields are converted for the database; everything else (numbers, text,
# booleans, None) is passed to the driver as it is.
CONVERTED_FIELDS = {"DateTimeField", "DateField", "JSONField"}


def insert(model, fields: list, rows: list, prepared: frozenset = frozenset()) -> None:
    """INSERT `rows` (tuples of values for `fields`, primary keys included): COPY on
    PostgreSQL, executemany on SQLite.

    For the millions of values of the cases: bulk_create compiles every value through the SQL
    compiler (about 7 µs each), which made the cases take minutes. Dates, times and JSON go
    through their field's get_db_prep_save like bulk_create does; fields not named get their
    default, as with bulk_create (or the database its db_default). The caller sets the primary
    keys (see `next_ids`) and resets the sequences afterwards (`reset_sequences`). Values of the
    fields named in `prepared` are already converted (with `prepare`), for values that many rows
    share."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.utils import timezone

    connection = connections[DEFAULT_DB_ALIAS]  # not the proxy: it is asked for every value
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    named = {column.name for column in columns}
    defaults = []
    for column in meta.concrete_fields:
        if column.name not in named:
            if column.has_db_default() and not column.has_default():
                continue  # left out of the INSERT: the database writes its db_default
            auto = getattr(column, "auto_now", False) or getattr(column, "auto_now_add", False)
            value = timezone.now() if auto else column.get_default()
            defaults.append(column.get_db_prep_save(value, connection))
            columns.append(column)
    convert = [
        (index, column)
        for index, column in enumerate(columns)
        if column.get_internal_type() in CONVERTED_FIELDS
        and column.name in named
        and column.name not in prepared
    ]
    prepared = []
    for row in rows:
        row = [*row, *defaults]
        for index, column in convert:
            row[index] = column.get_db_prep_save(row[index], connection)
        prepared.append(row)
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    names = ", ".join(quote(column.column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        for start in range(0, len(prepared), 10 * BATCH_SIZE):
            cursor.executemany(sql, prepared[start : start + 10 * BATCH_SIZE])


def prepare(model, field: str, value):
    """`value` converted for the database as `insert` would, for insert(..., prepared=...)."""
    from django.db import DEFAULT_DB_ALIAS, connections

    return model._meta.get_field(field).get_db_prep_save(value, connections[DEFAULT_DB_ALIAS])


def next_ids(model):
    """Primary keys for `insert`, after the highest one in the table."""
    from django.db.models import Max

    highest = model.objects.aggregate(highest=Max("pk"))["highest"] or 0
    return iter(range(highest + 1, 2**62))


def reset_sequences(models: list) -> None:
    """After `insert` with explicit keys: PostgreSQL's sequences continue after the highest."""
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


# --- Structure ------------------------------------------------------------------------------


def municipality_codes(municipalities: int, regions: int) -> list[str]:
    """4-digit codes: the county's 2 digits, then the municipality's number in the county."""
    return [
        f"{number:02d}{index:02d}"
        for number, size in enumerate(county_sizes(municipalities, regions), start=1)
        for index in range(1, size + 1)
    ]


def served_by(data: Dataset, body, organisation, serves: int, position: dict) -> list:
    """The `serves` organisations a joint body serves (see MUNICIPALITY_BODIES); `position` is
    each municipality's index in `data.municipalities`."""
    municipalities = data.municipalities
    if body in data.partnership_bodies:
        return municipalities[1 : 1 + serves]
    if organisation.kind == "region":
        return data.counties[organisation.pk][:serves]
    start = position[organisation.pk]
    return [municipalities[(start + step) % len(municipalities)] for step in range(1, serves + 1)]


# --- The bench organisation's history ---------------------------------------------------------


def description(subject, version):
    return f"{subject}. Syntetisk beskrivning, version {version}."


def body_history(home, body, neighbour):
    """(number, action, changes, note): the body's creation, then edits, some of them with
    changed joint-body links or kind and a note."""
    from core.models import AuditEntry

    created = {
        "organisation": [None, home.pk],
        "name": [None, body.name],
        "kind": [None, body.kind],
        "description": [None, description(body.name, 0)],
    }
    yield 0, AuditEntry.Action.CREATE, created, ""
    for number in range(1, AUDIT_ENTRIES_ON_BODY):
        changes = {
            "description": [description(body.name, number - 1), description(body.name, number)]
        }
        if number % 5 == 0:
            changes["served_organisations"] = (
                [[], [neighbour.pk]] if number % 10 else [[neighbour.pk], []]
            )
        if number % 7 == 0:
            changes["kind"] = ["committee", "board"] if number % 14 else ["board", "committee"]
        note = f"Beslut i nämnden, ärende {number}" if number % 4 == 0 else ""
        yield number, AuditEntry.Action.UPDATE, changes, note


def organisation_history(home):
    """(number, changes): edits of the organisation's description."""
    for number in range(AUDIT_ENTRIES_ON_ORGANISATION):
        yield (
            number,
            {"description": [description(home.name, number), description(home.name, number + 1)]},
        )
