"""Demo data for the networks: the Karlskoga–Degerfors cross-sectoral network, the regional
network of northern Örebro county and the partnership of ten municipalities; contact persons
(the demo's persona users, no invented people), meetings, a joint plan and shared items for the
cross-sectoral network and the partnership. Running it twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from assessments.models import Case
from knowledge.models import Example
from organisations.demo import COMMITTEES
from organisations.demo import PARTNERSHIP as PARTNERSHIP_CODES
from organisations.models import Body, Organisation
from planning import services as planning
from planning.models import ActionPlan, Policy
from planning.publichealth_demo import REGIONAL_TITLE

from . import services
from .models import Network, NetworkContact, NetworkMeeting, SharedItem

CROSS_SECTORAL = "Tvärsektoriellt nätverk för barnkonvention och folkhälsa"
REGIONAL = "Samverkan för folkhälsa i norra Örebro län"
PARTNERSHIP = "Partnerskapet för barns rättigheter i praktiken"
JOINT_PLAN = "Nätverkets gemensamma arbetsplan"

# Seed 000: Folkhälsonämnden invites every committee and board "regelbundet". How often is
# invented: every third month, as the county network in seed 003 meets "ungefär fyra gånger
# per år". The series makes the meetings; the first two get the agenda and notes below.
SERIES = {
    "title": "Tvärsektoriellt nätverk",
    "place": "Folkets hus, Karlskoga",
    "frequency": "monthly",
    "interval": 3,
    "starts_on": datetime.date(2026, 2, 12),
    "ends_on": datetime.date(2026, 12, 31),
}
INVENTED_NOTE = (
    "<p><em>Demo: att nätverket träffas var tredje månad, datum, platser, anteckningar och "
    "ärendet som bereds är påhittade. Källan säger att Folkhälsonämnden bjuder in "
    "”regelbundet”.</em></p>"
)
# Seed 002: Rädda Barnen i Örebro spoke at the partnership's days in 2015.
PARTNERS = {
    PARTNERSHIP: [
        (
            "Rädda Barnen i Örebro",
            "civil_society",
            "Föreläste om FN:s granskning av barnkonventionen i Sverige (partnerskapets "
            "träff 2015).",
        ),
    ],
}

MEETINGS = {
    CROSS_SECTORAL: [
        (
            "Nätverksträff om barnrättsbaserade beslut",
            datetime.date(2026, 2, 12),
            "Folkets hus, Karlskoga",
            "<ol><li>Välkomna och föregående anteckningar</li><li>Checklistan för hållbar "
            "utveckling: erfarenheter från nämnderna</li><li>Gemensam arbetsplan 2026–2027"
            "</li><li>Övriga frågor</li></ol>",
            "<p>Nämnderna berättade hur checklistan används i ärendena. Folkhälsoenheten tar "
            "fram ett förslag till gemensam arbetsplan till nästa träff.</p>",
        ),
        (
            "Nätverksträff om barns delaktighet",
            datetime.date(2026, 5, 12),
            "Kommunhuset, Degerfors",
            "<ol><li>Ungdomsforumets förslag</li><li>Uppföljning av arbetsplanen</li></ol>",
            "",
        ),
    ],
    PARTNERSHIP: [
        (
            "Partnerskapets vårträff",
            datetime.date(2026, 4, 23),
            "Digitalt möte",
            "<ol><li>Kollegial granskning: planering för hösten</li><li>Goda exempel från "
            "medlemmarna</li></ol>",
            "<p>Medlemmarna delar goda exempel i kunskapsbanken och via nätverkets sida.</p>",
        ),
    ],
}

CONTACTS = {
    # network name -> [(SCB code of the member, demo user name, role in the network)]
    CROSS_SECTORAL: [
        ("1883", "samordnare", "Folkhälsostrateg, sammankallande"),
        ("1862", "degerfors", "Kontaktperson för Degerfors kommun"),
    ],
    PARTNERSHIP: [("1883", "samordnare", "Kontaktperson för Karlskoga kommun")],
}


def _create_network(
    convener, name, kind, *, organisations=(), bodies=(), description="", convened_by=None
):
    if Network.objects.filter(organisation=convener, name=name).exists():
        return
    services.create_network(
        convener,
        by=None,
        name=name,
        kind=kind,
        convened_by=convened_by,
        description=description,
        member_organisations=organisations,
        member_bodies=bodies,
    )


def load_networks():
    """The networks between the organisations of `organisations.demo`."""
    organisations = {o.scb_code: o for o in Organisation.objects.exclude(scb_code="")}
    if not {"1884", "1863", "1864", "1885", "18", *PARTNERSHIP_CODES} <= organisations.keys():
        return
    karlskoga, degerfors = organisations["1883"], organisations["1862"]
    committees = Body.objects.filter(
        organisation__in=[karlskoga, degerfors],
        name__in=[name for name, _kind in COMMITTEES] + ["Folkhälsonämnden"],
    )
    _create_network(
        karlskoga,
        CROSS_SECTORAL,
        Network.Kind.CROSS_SECTORAL,
        organisations=[karlskoga, degerfors],
        bodies=list(committees),
        convened_by=committees.get(name="Folkhälsonämnden"),
        description="Folkhälsonämnden bjuder in samtliga nämnder och styrelser i båda kommunerna.",
    )
    northern = [organisations[code] for code in ("1884", "1863", "1864", "1885", "18")]
    _create_network(northern[-1], REGIONAL, Network.Kind.REGIONAL, organisations=northern)
    members = [organisations[code] for code in PARTNERSHIP_CODES]
    _create_network(
        members[0],
        PARTNERSHIP,
        Network.Kind.PARTNERSHIP,
        organisations=members,
        description="Tio kommuner som utbyter erfarenheter och granskar varandras arbete. "
        "Karlskoga, Degerfors och Haninge nämns i källorna; övriga medlemmar i "
        "demodatan är exempel.",
    )


def _network(name):
    return Network.objects.filter(name=name).select_related("organisation").first()


def load_contacts(network, users):
    for code, username, role in CONTACTS[network.name]:
        user = users.get(username)
        organisation = next(
            (o for o in _members(network) if o.scb_code == code),
            None,
        )
        if user is None or organisation is None:
            continue
        if NetworkContact.objects.filter(network=network, organisation=organisation, user=user):
            continue
        services.add_contact(network, organisation, by=None, user=user, role=role)


def _members(network):
    return [network.organisation, *network.member_organisations.all()]


def load_series(network, by):
    """The cross-sectoral network's repeating meetings; the first two get their agenda and
    notes, and the second prepares a case (invented, and said so in its notes)."""
    if network.series.exists():
        return
    series = services.create_series(network, by=by, **SERIES)
    meetings = list(series.meetings.order_by("held_on"))
    case = Case.objects.filter(organisation=network.organisation, case_number="KS 2026/101")
    for meeting, (title, _held_on, place, agenda, notes) in zip(
        meetings, MEETINGS[network.name], strict=False
    ):
        services.update_meeting(
            meeting,
            by=by,
            title=title,
            place=place,
            agenda=agenda,
            notes=notes + INVENTED_NOTE,
            cases=list(case) if meeting == meetings[1] else None,
        )


def load_partners(network, by):
    for name, kind, description in PARTNERS.get(network.name, []):
        if not network.partners.filter(name=name).exists():
            services.add_partner(network, by=by, name=name, kind=kind, description=description)


def load_meetings(network, by):
    if network.kind == Network.Kind.CROSS_SECTORAL:
        load_series(network, by)
        return
    for title, held_on, place, agenda, notes in MEETINGS[network.name]:
        if NetworkMeeting.objects.filter(network=network, title=title).exists():
            continue
        services.create_meeting(
            network, by=by, title=title, held_on=held_on, place=place, agenda=agenda, notes=notes
        )


def load_joint_plan(network, by):
    if ActionPlan.objects.filter(network=network, title=JOINT_PLAN).exists():
        return
    plan = services.create_joint_plan(
        network,
        by=by,
        title=JOINT_PLAN,
        start_year=2026,
        end_year=2027,
        status=ActionPlan.Status.ADOPTED,
        description="Det nämnderna i båda kommunerna gör tillsammans inom nätverket.",
    )
    area = planning.add_area(plan, by=by, title="Barnrättsbaserade beslut i alla nämnder")
    goal = planning.add_goal(
        area, by=by, title="Alla nämnder använder checklistan med barnrättsperspektivet"
    )
    body = Body.objects.filter(organisation=network.organisation, name="Folkhälsonämnden").first()
    planning.add_activity(
        goal,
        by=by,
        title="Gemensam utbildning för nämndsekreterare",
        responsible_body=body,
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 6, 30),
    )


def load_shared(network, by, *, policy=None, example=None):
    if policy and not SharedItem.objects.filter(network=network, policy=policy).exists():
        services.share(
            network,
            policy,
            by=by,
            kind=SharedItem.Kind.POLICY,
            note="Vår policy, som underlag för den gemensamma arbetsplanen.",
        )
    if example and not SharedItem.objects.filter(network=network, example=example).exists():
        services.share(network, example, by=by, kind=SharedItem.Kind.EXAMPLE)


@transaction.atomic
def share_regional_plan():
    """The region's public-health plan (planning's demo) is the regional network's plan."""
    network = _network(REGIONAL)
    plan = ActionPlan.objects.filter(title=REGIONAL_TITLE, network=None).first()
    if network is not None and plan is not None and plan.organisation_id == network.organisation_id:
        planning.update_plan(plan, by=None, network=network)


def load_demo():
    load_networks()
    share_regional_plan()
    users = {user.username: user for user in get_user_model().objects.all()}
    coordinator = users.get("samordnare")
    cross, partnership = _network(CROSS_SECTORAL), _network(PARTNERSHIP)
    if coordinator is None or cross is None or partnership is None:
        return
    karlskoga = cross.organisation
    for network in (cross, partnership):
        load_contacts(network, users)
        load_meetings(network, coordinator)
        load_partners(network, coordinator)
    load_joint_plan(cross, coordinator)
    policy = Policy.objects.filter(organisation=karlskoga).order_by("title", "id").first()
    example = Example.objects.filter(organisation=karlskoga).order_by("id").first()
    load_shared(cross, coordinator, policy=policy)
    load_shared(partnership, coordinator, example=example)
