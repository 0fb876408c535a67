"""Karlskoga's policies and its action plan for the rights of the child, for the demo. The
facts (the policies' names, the joint public-health committee, the youth forum, the checklist
for sustainable development, the yearly account) come from the seed documents; the plan's text
is written for the demo. Running it twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from convention.models import Article
from organisations.models import Body, Organisation
from publichealth.models import TargetArea

from . import publichealth_demo, services
from .models import ActionPlan, Policy
from .success_factors import SuccessFactor as F

PLAN_TITLE = "Handlingsplan för barnets rättigheter"

POLICIES = [
    # title, kind, adopted, valid until, next revision (in days, or a date), factors, articles
    (
        "Barn- och ungdomspolitisk policy",
        Policy.Kind.POLICY,
        datetime.date(2023, 3, 27),
        datetime.date(2027, 12, 31),
        45,
        [F.CHILD_RIGHTS_PERSPECTIVE, F.LONG_TERM_PLAN, F.CIVIL_SOCIETY],
        [2, 3, 6, 12],
    ),
    (
        "Folkhälsopolitisk policy",
        Policy.Kind.POLICY,
        datetime.date(2022, 10, 24),
        datetime.date(2030, 12, 31),
        datetime.date(2028, 6, 30),
        [F.UNDERSTAND_CONDITIONS, F.COORDINATE],
        [6, 24],
    ),
    (
        "Folkhälsopolitiskt program",
        Policy.Kind.PROGRAMME,
        datetime.date(2024, 2, 19),
        datetime.date(2028, 12, 31),
        datetime.date(2028, 3, 31),
        [F.UNDERSTAND_CONDITIONS, F.LONG_TERM_PLAN, F.TRAINING],
        [3, 6, 24, 31],
    ),
]

# The public-health documents serve target areas of the national public-health policy: the
# policy all eight, the programme those its goals name (publichealth_demo.PROGRAMME).
POLICY_TARGET_AREAS = {
    "Folkhälsopolitisk policy": range(1, 9),
    "Folkhälsopolitiskt program": [1, 2, 7],
}

# area -> [(goal, factors, articles, indicators, [(activity, body, start, end, status, cost)])]
PLAN = [
    (
        "Barns och ungas delaktighet och inflytande",
        [
            (
                "Barn och unga har inflytande i frågor som rör dem",
                [F.CHILD_RIGHTS_PERSPECTIVE, F.CIVIL_SOCIETY],
                [12, 13],
                [],
                [
                    (
                        "Ungdomsforum möts varje månad under terminerna",
                        "Kultur- och fritidsnämnden",
                        "2026-01-15",
                        "2028-12-15",
                        "ongoing",
                        60000,
                    ),
                    (
                        "Barns synpunkter inhämtas inför varje större ombyggnad av skolgårdar",
                        "Teknik- och fastighetsnämnden",
                        "2026-03-01",
                        "2027-06-30",
                        "planned",
                        None,
                    ),
                    (
                        "Återkoppling till barn i begriplig form efter varje dialog",
                        "Kommunstyrelsen",
                        "2026-01-01",
                        "2026-12-31",
                        "done",
                        None,
                    ),
                ],
            ),
        ],
    ),
    (
        "Barnets bästa i beslut",
        [
            (
                "Barnets bästa prövas i alla ärenden som rör barn",
                [F.CHILD_RIGHTS_PERSPECTIVE, F.TRAINING],
                [3],
                [],
                [
                    (
                        "Checklistan för hållbar utveckling används i alla nämnders ärenden",
                        "Kommunstyrelsen",
                        "2026-01-01",
                        "2026-12-31",
                        "ongoing",
                        None,
                    ),
                    (
                        "Utbildning i prövning av barnets bästa för handläggare",
                        "Socialnämnden",
                        "2026-02-01",
                        "2026-05-31",
                        "done",
                        45000,
                    ),
                    (
                        "Uppdaterad mall för barnkonsekvensanalys",
                        "Kommunstyrelsen",
                        "2026-09-01",
                        "2027-03-31",
                        "postponed",
                        None,
                    ),
                ],
            ),
            (
                "Barnrättsfrågor bereds i det tvärsektoriella nätverket",
                [F.COORDINATE],
                [4],
                [],
                [
                    (
                        "Nätverksträffar med alla nämnder fyra gånger om året",
                        "Folkhälsonämnden",
                        "2026-01-01",
                        "2028-12-31",
                        "ongoing",
                        None,
                    ),
                ],
            ),
        ],
    ),
    (
        "Goda uppväxtvillkor",
        [
            (
                "Färre barn lever i ekonomiskt utsatta hushåll",
                [F.UNDERSTAND_CONDITIONS, F.BUDGET],
                [26, 27],
                ["N00945"],
                [
                    (
                        "Kartläggning av barns levnadsvillkor inför bokslutet",
                        "Folkhälsonämnden",
                        "2026-01-01",
                        "2026-04-30",
                        "done",
                        30000,
                    ),
                    (
                        "Avgiftsfria fritidsaktiviteter på loven",
                        "Kultur- och fritidsnämnden",
                        "2026-06-01",
                        "2028-08-31",
                        "ongoing",
                        250000,
                    ),
                    (
                        "Samverkan med föreningslivet om lovaktiviteter",
                        "Kultur- och fritidsnämnden",
                        "2027-01-01",
                        "2027-12-31",
                        "cancelled",
                        None,
                    ),
                ],
            ),
        ],
    ),
]


@transaction.atomic
def load_demo():
    karlskoga = Organisation.objects.filter(scb_code="1883").first()
    coordinator = get_user_model().objects.filter(username="samordnare").first()
    if karlskoga is None or coordinator is None:
        return
    bodies = {body.name: body for body in Body.objects.filter(organisation=karlskoga)}
    load_policies(karlskoga, coordinator, bodies)
    load_plan(karlskoga, coordinator, bodies)
    load_self_assessments(karlskoga, coordinator)
    load_child_friendly(karlskoga, coordinator, bodies)
    publichealth_demo.load_demo()


def load_policies(karlskoga, by, bodies):
    today = timezone.localdate()
    for title, kind, adopted, valid_until, revision, factors, numbers in POLICIES:
        if Policy.objects.filter(organisation=karlskoga, title=title).exists():
            continue
        if isinstance(revision, int):
            revision = today + datetime.timedelta(days=revision)
        services.create_policy(
            karlskoga,
            by=by,
            title=title,
            kind=kind,
            # The documents hold for every committee, so the council adopts them; the joint
            # committee answers for them (seed 000). Dates and paragraphs are invented.
            adopted_by=bodies.get("Kommunfullmäktige"),
            adopted_on=adopted,
            decision_reference=f"KF § {adopted.day + 40}/{adopted.year}",
            valid_until=valid_until,
            next_revision=revision,
            responsible_body=bodies.get("Folkhälsonämnden"),
            success_factors=[str(factor) for factor in factors],
            articles=list(Article.objects.filter(number__in=numbers)),
            target_areas=list(
                TargetArea.objects.filter(number__in=POLICY_TARGET_AREAS.get(title, ()))
            ),
        )


def load_plan(karlskoga, by, bodies):
    if ActionPlan.objects.filter(organisation=karlskoga, title=PLAN_TITLE).exists():
        return
    plan = services.create_plan(
        karlskoga,
        by=by,
        title=PLAN_TITLE,
        start_year=2026,
        end_year=2028,
        status=ActionPlan.Status.ADOPTED,
        description="Planen bygger på Barnombudsmannens sju framgångsfaktorer och följs upp "
        "varje år i bokslutet för folkhälsa och barnkonvention.",
    )
    for position, (area_title, goals) in enumerate(PLAN, 1):
        area = services.add_area(plan, by=by, title=area_title, position=position)
        for goal_position, (goal_title, factors, numbers, codes, activities) in enumerate(goals, 1):
            goal = services.add_goal(
                area,
                by=by,
                title=goal_title,
                position=goal_position,
                success_factors=[str(factor) for factor in factors],
                indicator_codes=codes,
                articles=list(Article.objects.filter(number__in=numbers)),
            )
            for title, body, start, end, status, cost in activities:
                activity = services.add_activity(
                    goal,
                    by=by,
                    title=title,
                    responsible_body=bodies.get(body),
                    starts_on=datetime.date.fromisoformat(start),
                    ends_on=datetime.date.fromisoformat(end),
                    status=status,
                    cost=cost,
                )
                if status == "done":
                    services.record_follow_up(
                        activity,
                        by=by,
                        period="2026",
                        status="done",
                        result="Genomfört enligt plan.",
                        effects_for_children="Fler barn har fått komma till tals och fått svar.",
                        goal_reached="partly",
                        more_measures_needed=True,
                    )


# Five years of self-assessment with a rising trend: (year, levels in the order of
# SuccessFactor, summary). Written for the demo.
# The sources of 2015 and 2018 (seeds 000, 002) describe the policies, the Checklista för hållbar
# utveckling, the youth forum and the cross-sectoral network as established, and say nothing of a
# child budget: the history starts there. The levels and the later years are invented.
SELF_ASSESSMENTS = [
    (
        2021,
        [2, 2, 2, 2, 0, 1, 1],
        "Policyerna, Checklistan för hållbar utveckling, ungdomsforumet och det tvärsektoriella "
        "nätverket finns sedan tidigare; en barnbudget saknas.",
    ),
    (
        2022,
        [2, 2, 3, 2, 0, 1, 1],
        "Folkhälsopolitisk policy reviderad; nätverket med alla nämnder möts regelbundet.",
    ),
    (
        2023,
        [2, 3, 3, 2, 1, 2, 1],
        "Barn- och ungdomspolitisk policy reviderad; ungdomsforumet lämnar förslag till nämnderna.",
    ),
    (2024, [3, 3, 3, 3, 1, 2, 2], "Checklistan för hållbar utveckling används i alla nämnder."),
    (
        2025,
        [3, 3, 3, 3, 1, 3, 2],
        "Handlingsplanen 2026–2028 är antagen och bygger på nulägesanalysen.",
    ),
]
NEXT_STEPS = {
    F.BUDGET: "Pröva en barnbudget i en nämnd och redovisa den i bokslutet.",
    F.CIVIL_SOCIETY: "Bjud in föreningslivet till uppföljningen av handlingsplanen.",
}


def load_self_assessments(karlskoga, by):
    from .models import SelfAssessment
    from .selfassessment_services import save_self_assessment, start_self_assessment

    policies = list(Policy.objects.filter(organisation=karlskoga).order_by("title"))
    plans = list(ActionPlan.objects.filter(organisation=karlskoga, title=PLAN_TITLE))
    for year, levels, summary in SELF_ASSESSMENTS:
        if SelfAssessment.objects.filter(organisation=karlskoga, body=None, year=year).exists():
            continue
        assessment = start_self_assessment(karlskoga, by=by, year=year, summary=summary)
        ratings = {}
        for factor, level in zip(F, levels, strict=True):
            served = [
                p for p in policies if factor in p.success_factors and p.adopted_on.year <= year
            ]
            ratings[factor.value] = {
                "level": level,
                "evidence": f"Se bokslutet för folkhälsa och barnkonvention {year}.",
                "policies": served,
                "plans": plans if factor == F.LONG_TERM_PLAN and year >= 2025 else [],
                "next_steps": NEXT_STEPS.get(factor, "Fortsätt enligt handlingsplanen."),
            }
        save_self_assessment(assessment, by=by, ratings=ratings)


# Seed 001: the agreement means working "i sju steg" but does not name the steps; these names
# are invented, and the agreement's notes on the page say so.
CHILD_FRIENDLY_STEPS = [
    "Överenskommelse och start",
    "Nulägesanalys",
    "Handlingsplan",
    "Utbildning och förankring",
    "Genomförande",
    "Uppföljning",
    "Utvärdering och erkännande",
]


def load_child_friendly(karlskoga, by, bodies):
    """The agreement the joint public-health committee signed with UNICEF Sweden (seed 001: the
    cooperation began on 19 January 2018 and runs until 2019, in seven steps)."""
    from . import childfriendly_services
    from .models import ChildFriendlyAgreement

    if ChildFriendlyAgreement.objects.filter(organisation=karlskoga).exists():
        return
    agreement = childfriendly_services.create_agreement(
        karlskoga,
        by=by,
        body=bodies.get("Folkhälsonämnden"),
        partner="UNICEF Sverige",
        signed_on=datetime.date(2018, 1, 19),
        ends_on=datetime.date(2019, 12, 31),
        decision_reference="FHN § 4/2018",
        steps=CHILD_FRIENDLY_STEPS,
        notes=(
            "Överenskommelsen med UNICEF Sverige om att bli barnrättskommun, i sju steg, i "
            "pilotprojektet 2018–2019 (källa: Karlskoga kommun, 9 januari 2018). Källan "
            "namnger inte stegen: stegens namn och datum, slutdagen och paragrafnumret är "
            "påhittade för demon."
        ),
    )
    steps = list(agreement.steps.order_by("position"))
    start = datetime.date(2018, 1, 19)
    childfriendly_services.update_step(
        steps[0], by=by, started_on=start, completed_on=start, notes="Datumen påhittade."
    )
    childfriendly_services.update_step(
        steps[1],
        by=by,
        started_on=datetime.date(2018, 2, 1),
        completed_on=datetime.date(2018, 9, 30),
        notes="Påhittat för demon: nulägesanalys med statistik om barn och barnens synpunkter.",
    )
    childfriendly_services.update_step(
        steps[2],
        by=by,
        started_on=datetime.date(2018, 10, 1),
        notes="Påhittat för demon: handlingsplanen tas fram med nämnderna och ungdomsforum.",
    )
