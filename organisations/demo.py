"""Demo data from the seed documents: Karlskoga and Degerfors with their joint public-health
committee, and northern Örebro county with its public-health team (their networks and the
partnership of ten municipalities are in `networks.demo`). Running it twice changes nothing."""

from django.contrib.auth import get_user_model
from django.db import transaction

from . import services
from .models import Body, Membership, Organisation, PopulationByAge, PopulationFact
from .roles import Role

DEMO_PASSWORD = "demo"

ORGANISATIONS = [
    # SCB code, name, kind
    ("1883", "Karlskoga kommun", Organisation.Kind.MUNICIPALITY),
    ("1862", "Degerfors kommun", Organisation.Kind.MUNICIPALITY),
    ("1884", "Nora kommun", Organisation.Kind.MUNICIPALITY),
    ("1863", "Hällefors kommun", Organisation.Kind.MUNICIPALITY),
    ("1864", "Ljusnarsbergs kommun", Organisation.Kind.MUNICIPALITY),
    ("1885", "Lindesbergs kommun", Organisation.Kind.MUNICIPALITY),
    ("18", "Region Örebro län", Organisation.Kind.REGION),
    # Named in the seed documents as examples of child-rights work (document 003).
    ("0136", "Haninge kommun", Organisation.Kind.MUNICIPALITY),
    ("1287", "Trelleborgs kommun", Organisation.Kind.MUNICIPALITY),
    ("1980", "Västerås stad", Organisation.Kind.MUNICIPALITY),
    ("1384", "Kungsbacka kommun", Organisation.Kind.MUNICIPALITY),
    ("0581", "Norrköpings kommun", Organisation.Kind.MUNICIPALITY),
    ("1281", "Lunds kommun", Organisation.Kind.MUNICIPALITY),
    ("1280", "Malmö stad", Organisation.Kind.MUNICIPALITY),
    ("1880", "Örebro kommun", Organisation.Kind.MUNICIPALITY),
]

# Inhabitants as the municipalities published them on their Convention page (seed 000).
POPULATION = [
    ("1883", 2018, 30386, "Karlskoga och Degerfors kommuners webbsida om barnkonventionen"),
    ("1862", 2018, 9543, "Karlskoga och Degerfors kommuners webbsida om barnkonventionen"),
]

# Children and young people per age band, to compare who was heard with (participation). No
# seed gives these figures: they are invented, of a plausible order for each municipality's
# size, and every row says so.
DEMO_SOURCE = "Demo – påhittade värden"
POPULATION_BY_AGE_YEAR = 2025
POPULATION_BY_AGE = {
    # scb code: {age band: (girls, boys)}
    "1883": {"0-5": (1020, 1080), "6-12": (1210, 1290), "13-17": (850, 900), "18-25": (1380, 1520)},
    "1862": {"0-5": (290, 310), "6-12": (370, 390), "13-17": (250, 270), "18-25": (380, 420)},
}

COMMITTEES = [
    # Every Swedish municipality has a council and a board (kommunallagen); the four committees
    # below them are invented names of usual committees, not from the sources.
    ("Kommunfullmäktige", Body.Kind.COUNCIL),
    ("Kommunstyrelsen", Body.Kind.BOARD),
    ("Barn- och utbildningsnämnden", Body.Kind.COMMITTEE),
    ("Socialnämnden", Body.Kind.COMMITTEE),
    ("Kultur- och fritidsnämnden", Body.Kind.COMMITTEE),
    ("Teknik- och fastighetsnämnden", Body.Kind.COMMITTEE),
]

PARTNERSHIP = ["1883", "1862", "0136", "1287", "1980", "1384", "0581", "1281", "1280", "1880"]

USERS = [
    # user name, last name, [(SCB code, body name or None, role)], superuser
    (
        "samordnare",
        "Samordnare",
        [("1883", None, Role.COORDINATOR), ("1862", None, Role.COORDINATOR)],
        False,
    ),
    ("handlaggare", "Handläggare", [("1883", None, Role.CASE_OFFICER)], False),
    ("beslutsfattare", "Beslutsfattare", [("1883", None, Role.DECISION_MAKER)], False),
    ("dialogledare", "Dialogledare", [("1883", None, Role.DIALOGUE_LEADER)], False),
    ("lasare", "Läsare", [("1883", None, Role.READER)], False),
    (
        "orgadmin",
        "Organisationsadmin",
        [("1883", None, Role.ORG_ADMIN), ("1862", None, Role.ORG_ADMIN)],
        False,
    ),
    ("degerfors", "Handläggare Degerfors", [("1862", None, Role.CASE_OFFICER)], False),
    (
        "nora",
        "Folkhälsoteamet",
        [("1884", "Folkhälsoteamet norra Örebro län", Role.COORDINATOR)],
        False,
    ),
    ("admin", "Administratör", [], True),
]


def _organisation(code):
    return Organisation.objects.get(scb_code=code)


def _body(organisation, name, kind, *, served=(), description=""):
    existing = Body.objects.filter(organisation=organisation, name=name).first()
    if existing:
        return existing
    return services.create_body(
        organisation,
        by=None,
        name=name,
        kind=kind,
        description=description,
        served_organisations=served,
    )


def load_organisations():
    for code, name, kind in ORGANISATIONS:
        if not Organisation.objects.filter(scb_code=code).exists():
            services.create_organisation(by=None, scb_code=code, name=name, kind=kind)
    civil_society = {"name": "Rädda Barnen Örebro", "kind": Organisation.Kind.CIVIL_SOCIETY}
    if not Organisation.objects.filter(**civil_society).exists():
        services.create_organisation(by=None, **civil_society)
    for code, year, inhabitants, source in POPULATION:
        organisation = _organisation(code)
        if not PopulationFact.objects.filter(organisation=organisation, year=year).exists():
            services.add_population_fact(
                organisation, by=None, year=year, inhabitants=inhabitants, source=source
            )


def load_population_by_age():
    for code, bands in POPULATION_BY_AGE.items():
        organisation = _organisation(code)
        known = PopulationByAge.objects.filter(
            organisation=organisation, year=POPULATION_BY_AGE_YEAR
        ).values_list("age_band", flat=True)
        for band, (girls, boys) in bands.items():
            if band in known:
                continue
            services.add_population_by_age(
                organisation,
                by=None,
                year=POPULATION_BY_AGE_YEAR,
                age_band=band,
                total=girls + boys,
                girls=girls,
                boys=boys,
                source=DEMO_SOURCE,
            )


def load_karlskoga_degerfors():
    karlskoga, degerfors = _organisation("1883"), _organisation("1862")
    for organisation in (karlskoga, degerfors):
        for name, kind in COMMITTEES:
            _body(organisation, name, kind)
    _body(
        karlskoga,
        "Folkhälsonämnden",
        Body.Kind.COMMITTEE,
        served=[degerfors],
        description="Gemensam folkhälsonämnd för Karlskoga och Degerfors med övergripande "
        "ansvar för barnkonventions- och folkhälsoarbetet.",
    )
    _body(karlskoga, "Folkhälsoenheten", Body.Kind.TEAM, served=[degerfors])
    # Seed 000: strategies and method development "sker inom ramen för förvaltningsledning och
    # folkhälsoenhet": the joint committee's management group, hosted like the committee.
    _body(
        karlskoga,
        "Förvaltningsledningen för folkhälsa",
        Body.Kind.MANAGEMENT,
        served=[degerfors],
        description="Övergripande strategier och metodutveckling avseende barnkonventionen och "
        "folkhälsa, tillsammans med folkhälsoenheten.",
    )


def load_northern_orebro():
    nora = _organisation("1884")
    others = [_organisation(code) for code in ("1863", "1864", "1885", "18")]
    _body(
        nora,
        "Folkhälsoteamet norra Örebro län",
        Body.Kind.TEAM,
        served=others,
        description="Folkhälsoteam för Nora, Hällefors, Ljusnarsberg och Lindesberg tillsammans "
        "med Region Örebro län, enligt samverkansavtal.",
    )
    _body(
        nora,
        "Styrgruppen för folkhälsoteamet",
        Body.Kind.BOARD,
        served=others,
        description="Kommuncheferna i de fyra kommunerna.",
    )


def load_users():
    User = get_user_model()
    for username, last_name, roles, superuser in USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": "Demo",
                "last_name": last_name,
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        for code, body_name, role in roles:
            organisation = _organisation(code)
            body = (
                Body.objects.get(organisation=organisation, name=body_name) if body_name else None
            )
            if not Membership.objects.filter(
                user=user, organisation=organisation, body=body, role=role
            ).exists():
                services.add_member(organisation, by=None, user=user, role=role, body=body)


@transaction.atomic
def load_demo():
    load_organisations()
    load_karlskoga_degerfors()
    load_population_by_age()
    load_northern_orebro()
    load_users()
