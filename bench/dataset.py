"""A synthetic, national-scale dataset for the benchmark.

Scale 1.0 is Sweden: 290 municipalities and 21 regions, each with about 15 bodies, joint bodies,
networks and about ten people with roles, and about 300 000 cases with their assessments,
reviews and decisions (`bench.cases`, written by `bench.case_writer`). Scale 0.1 is a tenth of
the organisations with the same structure per organisation, so a page can be compared at 10x
data. Every name is synthetic ("Benchkommun 0101", "Bench Användare 0101-03"); no real people
are invented.

The bench user (`bench-coordinator`) sees exactly the same things at every scale: coordinator
and organisation admin in the first municipality, reader on the first body of the partnership,
and through it the organisations that body serves.

Each domain has one generator function `name(data: Dataset)`, run in its own transaction in
the order of `GENERATORS`. A later domain (consultations, plans) adds a generator at the
end of the list and, if pages need them, ids in `bench.inventory.discover_ids`. The sizes,
templates and names are in `bench.plan` (for the cases in `bench.cases`). Most domains use
`bulk_create`; the cases, with about 1.6 million rows at 1.0, use `bench.plan.insert` (COPY on
PostgreSQL, executemany on SQLite), which is several times faster.

    python -m bench.dataset --scale 0.1     # into the configured database; prints JSON

Bulk data gets no audit entries (it is bulk-loaded reference data); only the bench
organisation's objects get a realistic history, so that the history page has something to show.
"""

import argparse
import json
import sys
import time
from datetime import timedelta
from decimal import Decimal

from bench.case_writer import cases
from bench.common import setup_django
from bench.comparisons import comparisons
from bench.indicators import indicator_values
from bench.inventory import already_generated, check_database_is_fresh, counts, discover_ids
from bench.participation_writer import participation
from bench.plan import (
    AUDIT_START,
    BATCH_SIZE,
    BENCH_MUNICIPALITY_CODE,
    BENCH_USERNAME,
    HISTORY_BODY_NAME,
    MUNICIPALITY_BODIES,
    MUNICIPALITY_PREFIX,
    PARTNERSHIP_BODIES,
    PARTNERSHIP_NAME,
    PEOPLE_PER_ORGANISATION,
    REGION_BODIES,
    REGION_PREFIX,
    ROLE_PLAN,
    TITLES,
    Dataset,
    body_history,
    bulk,
    municipality_codes,
    organisation_history,
    served_by,
    sizes,
)
from bench.planning_data import planning
from bench.report_data import reports
from bench.training_budget import training_budget

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
    municipalities = [
        Organisation(
            name=f"{MUNICIPALITY_PREFIX} {code}",
            kind=Organisation.Kind.MUNICIPALITY,
            scb_code=code,
            description="Syntetisk kommun för prestandamätning.",
        )
        for code in municipality_codes(n_municipalities, n_regions)
    ]
    bulk(Organisation, regions + municipalities)
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
    bulk(PopulationFact, facts)


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
    bulk(Body, objects)
    for body in objects:
        data.bodies.setdefault(body.organisation_id, []).append(body)
    data.partnership_bodies = data.bodies[first_region.pk][len(REGION_BODIES) :]

    position = {m.pk: index for index, m in enumerate(data.municipalities)}
    served = []
    for body, (organisation, _name, _kind, serves) in zip(objects, plan, strict=True):
        if serves:
            served.extend(
                Body.served_organisations.through(body_id=body.pk, organisation_id=target.pk)
                for target in served_by(data, body, organisation, serves, position)
            )
    bulk(Body.served_organisations.through, served)


def networks(data: Dataset) -> None:
    """A cross-sectoral network per municipality (its bodies), a regional network per county,
    and one partnership of all municipalities convened by the first region."""
    from networks.models import Network

    plan = network_plan(data)  # (network, member organisations, member bodies)
    bulk(Network, [network for network, _orgs, _bodies in plan])
    data.partnership = plan[-1][0]

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
    bulk(Network.member_organisations.through, org_links)
    bulk(Network.member_bodies.through, body_links)


def network_plan(data: Dataset) -> list:
    """(network, member organisations, member bodies), the partnership last."""
    from networks.models import Network

    plan = []
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
    return plan


def people(data: Dataset) -> None:
    """Ten people per organisation with eleven roles between them, some on bodies."""
    from django.contrib.auth import get_user_model

    from organisations.models import Membership

    User = get_user_model()
    users, owners = [], []
    for organisation in data.organisations:
        for number in range(1, PEOPLE_PER_ORGANISATION + 1):
            users.append(person(User, organisation.scb_code, number, data.password_hash))
            owners.append(organisation)
    bulk(User, users)
    for user, organisation in zip(users, owners, strict=True):
        data.people.setdefault(organisation.pk, []).append(user)

    memberships = []
    for organisation in data.organisations:
        staff, org_bodies = data.people[organisation.pk], data.bodies[organisation.pk]
        memberships.extend(
            Membership(
                organisation=organisation,
                user=staff[number - 1],
                body=None if body_index is None else org_bodies[body_index],
                role=role,
            )
            for number, role, body_index in ROLE_PLAN
        )
    bulk(Membership, memberships)


def person(User, code: str, number: int, password_hash: str):
    username = f"bench-{code}-{number:02d}"
    return User(
        username=username,
        first_name="Bench",
        last_name=f"Användare {code}-{number:02d}",
        email=f"{username}@bench.invalid",
        title=TITLES[number % len(TITLES)],
        password=password_hash,
    )


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
    bulk(
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
    from core.models import AuditEntry

    home = data.bench_organisation
    body = next(b for b in data.bodies[home.pk] if b.name == HISTORY_BODY_NAME)
    actors = data.people[home.pk][:2]  # the coordinator and the organisation admin
    neighbour = data.municipalities[1]
    entries = [
        audit_entry(home, actors, body, number, action, changes, note)
        for number, action, changes, note in body_history(home, body, neighbour)
    ]
    entries.extend(
        audit_entry(home, actors, home, number, AuditEntry.Action.UPDATE, changes)
        for number, changes in organisation_history(home)
    )
    AuditEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)


def audit_entry(home, actors, obj, number, action, changes, note=""):
    from django.contrib.contenttypes.models import ContentType

    from core.models import AuditEntry

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


# Run in this order, each in its own transaction. Add new domains at the end.
GENERATORS = [
    organisations,
    population,
    bodies,
    networks,
    people,
    bench_user,
    audit,
    cases,
    participation,
    planning,
    indicator_values,
    training_budget,
    reports,
    comparisons,
]


# --- Entry points ---------------------------------------------------------------------------


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
        started, cpu = time.perf_counter(), time.process_time()
        with transaction.atomic():
            generator(data)
        if log:
            # CPU: this process's own (not the database server's); on a busy machine the wall
            # time is several times longer.
            log(
                f"{generator.__name__:<16} {time.perf_counter() - started:7.2f} s, "
                f"{time.process_time() - cpu:7.2f} s CPU"
            )
    analyse(log)
    return discover_ids()


def analyse(log=None) -> None:
    """PostgreSQL: gather planner statistics now, as autovacuum does in production a minute
    after a bulk load (otherwise plans would change in the middle of the measurements).
    SQLite gets none: the app never runs ANALYZE, so a production database has none either."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    if log:
        log(f"{'ANALYZE':<14} {time.perf_counter() - started:6.2f} s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = national (default)")
    args = parser.parse_args(argv)
    setup_django()

    def log(message):
        print(f"  dataset {args.scale:g}: {message}", file=sys.stderr, flush=True)

    started, cpu = time.perf_counter(), time.process_time()
    ids = generate(args.scale, log=log)
    result = {
        "scale": args.scale,
        "ids": ids,
        "counts": counts(),
        "seconds": round(time.perf_counter() - started, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
