"""A synthetic, national-scale dataset for the benchmark.

Scale 1.0 is Sweden: 290 municipalities and 21 regions, each with about 15 bodies, joint bodies,
networks and about ten people with roles. Scale 0.1 is a tenth of the organisations with the
same structure per organisation, so a page can be compared at 10x data. Every name is
synthetic ("Benchkommun 0101", "Bench Användare 0101-03"); no real people are invented.

The bench user (`bench-coordinator`) sees exactly the same things at every scale: coordinator
and organisation admin in the first municipality, reader on the first body of the partnership,
and through it the organisations that body serves.

Each domain has one generator function `name(data: Dataset)`, run in its own transaction in
the order of `GENERATORS`. A later domain (cases, consultations, plans) adds a generator at the
end of the list and, if pages need them, ids in `discover_ids`.

    python -m bench.dataset --scale 0.1     # into the configured database; prints JSON

Bulk data gets no audit entries (it is bulk-loaded reference data); only the bench
organisation's objects get a realistic history, so that the history page has something to show.
"""

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

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


def _bulk(model, objects: list) -> list:
    created = model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
    if created and created[0].pk is None:
        raise RuntimeError("This database backend does not return primary keys from bulk inserts.")
    return created


# --- Generators, one per domain --------------------------------------------------------------


def organisations(data: Dataset) -> None:
    """Regions (2-digit codes) and municipalities (4-digit codes, grouped by county)."""
    from organisations.models import Organisation

    n_municipalities, n_regions = sizes(data.scale)
    regions = [
        Organisation(
            name=f"{REGION_PREFIX} {number:02d}",
            kind=Organisation.Kind.REGION,
            scb_code=f"{number:02d}",
            description="Syntetisk region för prestandamätning.",
        )
        for number in range(1, n_regions + 1)
    ]
    municipalities = []
    for number, size in enumerate(county_sizes(n_municipalities, n_regions), start=1):
        for index in range(1, size + 1):
            code = f"{number:02d}{index:02d}"
            municipalities.append(
                Organisation(
                    name=f"{MUNICIPALITY_PREFIX} {code}",
                    kind=Organisation.Kind.MUNICIPALITY,
                    scb_code=code,
                    description="Syntetisk kommun för prestandamätning.",
                )
            )
    _bulk(Organisation, regions + municipalities)
    data.regions, data.municipalities = regions, municipalities
    for region in regions:
        data.counties[region.pk] = [m for m in municipalities if m.county_code == region.scb_code]
    if data.bench_organisation.scb_code != BENCH_MUNICIPALITY_CODE:
        raise RuntimeError("The first municipality must be the bench organisation.")


def population(data: Dataset) -> None:
    """Three years of population figures per organisation."""
    from organisations.models import PopulationFact

    facts = []
    for index, organisation in enumerate(data.organisations):
        inhabitants = 8_000 + (index * 7_919) % 140_000
        for offset, year in enumerate((2022, 2023, 2024)):
            total = inhabitants + offset * 97
            facts.append(
                PopulationFact(
                    organisation=organisation,
                    year=year,
                    inhabitants=total,
                    children=total * 21 // 100,
                    households_with_children_share=Decimal(f"{18 + index % 9}.{offset}"),
                    source="Syntetiska data för prestandamätning",
                )
            )
    _bulk(PopulationFact, facts)


def bodies(data: Dataset) -> None:
    """About 15 bodies per organisation, two joint ones per municipality, one per region,
    and the partnership's bodies in the first region."""
    from organisations.models import Body

    plan = []  # (organisation, name, kind, serves)
    for organisation in data.organisations:
        template = REGION_BODIES if organisation.kind == "region" else MUNICIPALITY_BODIES
        plan.extend((organisation, name, kind, serves) for name, kind, serves in template)
    first_region = data.regions[0]
    plan.extend((first_region, name, kind, serves) for name, kind, serves in PARTNERSHIP_BODIES)

    objects = [
        Body(
            organisation=organisation,
            name=name,
            kind=kind,
            description=f"{name} i {organisation.name}. Syntetiska data för prestandamätning.",
        )
        for organisation, name, kind, _serves in plan
    ]
    _bulk(Body, objects)
    for body in objects:
        data.bodies.setdefault(body.organisation_id, []).append(body)
    data.partnership_bodies = data.bodies[first_region.pk][len(REGION_BODIES) :]

    municipalities = data.municipalities
    position = {m.pk: index for index, m in enumerate(municipalities)}
    served = []
    for body, (organisation, _name, _kind, serves) in zip(objects, plan, strict=True):
        if not serves:
            continue
        if body in data.partnership_bodies:
            targets = municipalities[1 : 1 + serves]
        elif organisation.kind == "region":
            targets = data.counties[organisation.pk][:serves]
        else:
            start = position[organisation.pk]
            targets = [
                municipalities[(start + step) % len(municipalities)]
                for step in range(1, serves + 1)
            ]
        served.extend(
            Body.served_organisations.through(body_id=body.pk, organisation_id=target.pk)
            for target in targets
        )
    _bulk(Body.served_organisations.through, served)


def networks(data: Dataset) -> None:
    """A cross-sectoral network per municipality (its bodies), a regional network per county,
    and one partnership of all municipalities convened by the first region."""
    from organisations.models import Network

    plan = []  # (network, member organisations, member bodies)
    for municipality in data.municipalities:
        network = Network(
            organisation=municipality,
            name=f"Tvärsektoriellt barnrättsnätverk i {municipality.name}",
            kind=Network.Kind.CROSS_SECTORAL,
            description="Samtliga nämnder och förvaltningar i kommunen.",
        )
        plan.append((network, [municipality], data.bodies[municipality.pk]))
    for region in data.regions:
        network = Network(
            organisation=region,
            name=f"Barnrättsnätverket i {region.name}",
            kind=Network.Kind.REGIONAL,
            description="Regionen och länets kommuner.",
        )
        plan.append((network, [region, *data.counties[region.pk]], []))
    partnership = Network(
        organisation=data.regions[0],
        name=PARTNERSHIP_NAME,
        kind=Network.Kind.PARTNERSHIP,
        description="Alla kommuner som utbyter erfarenheter och granskar varandras arbete.",
    )
    plan.append((partnership, data.municipalities, data.partnership_bodies))
    _bulk(Network, [network for network, _orgs, _bodies in plan])
    data.partnership = partnership

    org_links, body_links = [], []
    for network, members, member_bodies in plan:
        org_links.extend(
            Network.member_organisations.through(network_id=network.pk, organisation_id=m.pk)
            for m in members
        )
        body_links.extend(
            Network.member_bodies.through(network_id=network.pk, body_id=b.pk)
            for b in member_bodies
        )
    _bulk(Network.member_organisations.through, org_links)
    _bulk(Network.member_bodies.through, body_links)


def people(data: Dataset) -> None:
    """Ten people per organisation with eleven roles between them, some on bodies."""
    from django.contrib.auth import get_user_model

    from organisations.models import Membership

    User = get_user_model()
    users, owners = [], []
    for organisation in data.organisations:
        code = organisation.scb_code
        for number in range(1, PEOPLE_PER_ORGANISATION + 1):
            username = f"bench-{code}-{number:02d}"
            users.append(
                User(
                    username=username,
                    first_name="Bench",
                    last_name=f"Användare {code}-{number:02d}",
                    email=f"{username}@bench.invalid",
                    title=TITLES[number % len(TITLES)],
                    password=data.password_hash,
                )
            )
            owners.append(organisation)
    _bulk(User, users)
    for user, organisation in zip(users, owners, strict=True):
        data.people.setdefault(organisation.pk, []).append(user)

    memberships = []
    for organisation in data.organisations:
        staff, org_bodies = data.people[organisation.pk], data.bodies[organisation.pk]
        for number, role, body_index in ROLE_PLAN:
            memberships.append(
                Membership(
                    organisation=organisation,
                    user=staff[number - 1],
                    body=None if body_index is None else org_bodies[body_index],
                    role=role,
                )
            )
    _bulk(Membership, memberships)


def bench_user(data: Dataset) -> None:
    """`bench-coordinator`: coordinator and organisation admin in the first municipality and
    reader on the partnership's first body; the same at every scale."""
    from django.contrib.auth import get_user_model

    from organisations.models import Membership

    User = get_user_model()
    user = User.objects.create(
        username=BENCH_USERNAME,
        first_name="Bench",
        last_name="Samordnare",
        email=f"{BENCH_USERNAME}@bench.invalid",
        title="Barnrättssamordnare",
        password=data.password_hash,
    )
    home = data.bench_organisation
    partnership_body = data.partnership_bodies[0]
    _bulk(
        Membership,
        [
            Membership(organisation=home, user=user, role="coordinator"),
            Membership(organisation=home, user=user, role="org_admin"),
            Membership(
                organisation_id=partnership_body.organisation_id,
                user=user,
                body=partnership_body,
                role="reader",
            ),
        ],
    )


def audit(data: Dataset) -> None:
    """A realistic history for the bench organisation and one of its bodies (none for the
    bulk data)."""
    from django.contrib.contenttypes.models import ContentType

    from core.models import AuditEntry

    home = data.bench_organisation
    body = next(b for b in data.bodies[home.pk] if b.name == HISTORY_BODY_NAME)
    actors = data.people[home.pk][:2]  # the coordinator and the organisation admin
    neighbour = data.municipalities[1]

    def entry(obj, number, action, changes, note=""):
        actor = actors[number % len(actors)]
        return AuditEntry(
            created_at=AUDIT_START + timedelta(days=3 * number, hours=number % 8),
            actor=actor,
            actor_label=str(actor),
            action=action,
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=str(obj.pk),
            object_repr=str(obj),
            organisation_id=home.pk,
            changes=changes,
            note=note,
        )

    def description(subject, version):
        return f"{subject}. Syntetisk beskrivning, version {version}."

    entries = [
        entry(
            body,
            0,
            AuditEntry.Action.CREATE,
            {
                "organisation": [None, home.pk],
                "name": [None, body.name],
                "kind": [None, body.kind],
                "description": [None, description(body.name, 0)],
            },
        )
    ]
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
        entries.append(entry(body, number, AuditEntry.Action.UPDATE, changes, note))
    for number in range(AUDIT_ENTRIES_ON_ORGANISATION):
        changes = {
            "description": [description(home.name, number), description(home.name, number + 1)]
        }
        entries.append(entry(home, number, AuditEntry.Action.UPDATE, changes))
    AuditEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)


# Run in this order, each in its own transaction. Add new domains at the end.
GENERATORS = [organisations, population, bodies, networks, people, bench_user, audit]


# --- Entry points ---------------------------------------------------------------------------


def already_generated() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=BENCH_USERNAME).exists()


def check_database_is_fresh() -> None:
    """Refuse to mix bench data into a database with other data (the development database)."""
    from organisations.models import Organisation

    if Organisation.objects.exists():
        raise SystemExit(
            "bench.dataset: the database already holds organisations that are not bench data. "
            "Generate into a fresh database (bench.run does: BARNRATT_SQLITE_PATH=bench/...)."
        )


def generate(scale: float, log=None) -> dict:
    """Generate the dataset at `scale` unless it is already there; return the ids pages use.
    Running it twice on the same database changes nothing."""
    from django.db import transaction

    sizes(scale)  # validates the scale before anything is written
    if already_generated():
        if log:
            log("bench data already present; nothing generated")
        return discover_ids()
    check_database_is_fresh()
    data = Dataset(scale=scale)
    for generator in GENERATORS:
        started = time.perf_counter()
        with transaction.atomic():
            generator(data)
        if log:
            log(f"{generator.__name__:<14} {time.perf_counter() - started:6.2f} s")
    return discover_ids()


def discover_ids() -> dict:
    """Primary keys the page specs need, found by natural keys (identical at every scale)."""
    from django.contrib.auth import get_user_model

    from organisations.models import Body, Network, Organisation

    home = Organisation.objects.get(scb_code=BENCH_MUNICIPALITY_CODE)
    return {
        "bench_user": get_user_model().objects.get(username=BENCH_USERNAME).pk,
        "bench_organisation": home.pk,
        "bench_body": Body.objects.get(organisation=home, name=HISTORY_BODY_NAME).pk,
        "history_body": Body.objects.get(organisation=home, name=HISTORY_BODY_NAME).pk,
        "partnership": Network.objects.get(
            organisation__scb_code=FIRST_REGION_CODE, name=PARTNERSHIP_NAME
        ).pk,
    }


def counts() -> dict:
    from django.contrib.auth import get_user_model

    from core.models import AuditEntry
    from organisations.models import Body, Membership, Network, Organisation, PopulationFact

    return {
        "organisations": Organisation.objects.count(),
        "bodies": Body.objects.count(),
        "joint_body_links": Body.served_organisations.through.objects.count(),
        "networks": Network.objects.count(),
        "network_organisation_links": Network.member_organisations.through.objects.count(),
        "network_body_links": Network.member_bodies.through.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "population_facts": PopulationFact.objects.count(),
        "audit_entries": AuditEntry.objects.count(),
    }


def setup_django() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barnratt.settings")
    django.setup()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = national (default)")
    args = parser.parse_args(argv)
    setup_django()

    def log(message):
        print(f"  dataset {args.scale:g}: {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    ids = generate(args.scale, log=log)
    result = {
        "scale": args.scale,
        "ids": ids,
        "counts": counts(),
        "seconds": round(time.perf_counter() - started, 2),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
