"""The public-health plans of the demo: Region Örebro län's public-health plan, the northern
Örebro county team's plan that builds on it (seed document 004), and the joint public-health
committee's public-health programme in Karlskoga and Degerfors (seed 000). The goals and
activities restate the sources; years, dates and follow-up texts the sources do not give are
invented for the demo and each plan's description says so."""

import datetime

from convention.models import Article
from organisations.models import Body, Organisation
from publichealth.models import TargetArea

from . import services
from .models import ActionPlan

REGIONAL_TITLE = "Regionens folkhälsoplan"
TEAM_TITLE = "Folkhälsoteamets plan för norra Örebro län"
PROGRAMME_TITLE = "Folkhälsopolitiskt program för Karlskoga och Degerfors"
INVENTED = "påhittat för demon"

# area -> [(goal, target areas, articles, [(activity, start, end, status, follow-up)])]
# A follow-up: (period, result, effects for the population, effects for children).
TEAM_PLAN = [
    (
        "Barnets rättigheter och barn i ekonomisk utsatthet",
        [
            (
                "Kommunernas strategier och arbetsplaner för barnets rättigheter genomsyras av "
                "barnkonventionen",
                [7],
                [4, 12],
                [
                    (
                        "Samordna Lindesbergs kommuns arbete med barnrättighetsfrågor och "
                        "ungdomspolitisk strategidag",
                        "2016-03-01",
                        "2016-12-31",
                        "ongoing",
                        None,
                    ),
                    (
                        "Kunskaps- och metodstöd till en barnrättighetsstrategi i "
                        "Ljusnarsbergs kommun och Nora kommun",
                        "2016-03-01",
                        "2017-12-31",
                        "ongoing",
                        None,
                    ),
                ],
            ),
            (
                "Kommunernas arbete mot att barn lever i ekonomisk utsatthet genomsyras av "
                "barnkonventionen",
                [4],
                [26, 27],
                [
                    (
                        "Halvtidstjänst i teamet för barnkonventionen och barnfattigdomsfrågor",
                        "2015-09-01",
                        "2015-12-31",
                        "done",
                        (
                            "2015",
                            "Arbetet sammanfattades i rapporten ”Rapport projekt "
                            "barnkonventionen 2015 norra länsdelen”.",
                            "",
                            "",
                        ),
                    ),
                ],
            ),
        ],
    ),
]

PROGRAMME = [
    (
        "Barns och ungas delaktighet och inflytande",
        [
            (
                "Barns och ungas delaktighet och inflytande utvecklas genom strukturella och "
                "konkreta åtgärder",
                [7],
                [12, 13],
                [
                    (
                        "Modellen för ungdomsdialog utvecklas till ungdomsforum",
                        "2024-01-01",
                        "2025-12-31",
                        "done",
                        (
                            "2025",
                            f"Ungdomsforum möts regelbundet ({INVENTED}).",
                            f"Fler unga invånare deltar i kommunens demokratiska forum "
                            f"({INVENTED}).",
                            f"Unga har lämnat förslag till nämnderna och fått svar ({INVENTED}).",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        "Kunskap om barns villkor och folkhälsan",
        [
            (
                "Kunskap om barns förhållanden och förutsättningar byggs upp och sprids",
                [1, 2],
                [3, 6],
                [
                    (
                        "Bokslut för folkhälsa och barnkonvention görs varje år",
                        "2024-01-01",
                        "2028-12-31",
                        "ongoing",
                        (
                            "2025",
                            f"Bokslutet för 2024 är publicerat ({INVENTED}).",
                            f"Skillnader i hälsa mellan grupper redovisas per kommun ({INVENTED}).",
                            f"Barns villkor redovisas med egen statistik ({INVENTED}).",
                        ),
                    ),
                    (
                        "Checklista för hållbar utveckling används inför beslut i alla nämnder",
                        "2024-01-01",
                        "2028-12-31",
                        "ongoing",
                        None,
                    ),
                ],
            ),
        ],
    ),
]


def load_demo():
    regional = load_regional_plan()
    load_team_plan(regional)
    load_programme()


def load_regional_plan():
    """The region's plan, which the northern municipalities' plans name (networks.demo shares
    it with their public-health network)."""
    region = Organisation.objects.filter(scb_code="18").first()
    if region is None:
        return None
    existing = ActionPlan.objects.filter(organisation=region, title=REGIONAL_TITLE).first()
    if existing:
        return existing
    # networks.demo shares it with the regional network, which is loaded after this app.
    return services.create_plan(
        region,
        by=None,
        kind=ActionPlan.Kind.REGIONAL_PUBLIC_HEALTH,
        title=REGIONAL_TITLE,
        start_year=2015,
        end_year=2018,
        status=ActionPlan.Status.ADOPTED,
        description="Region Örebro läns folkhälsoplan, utgångspunkt för folkhälsoteamet i norra "
        "Örebro län (källa: seed-dokument 004). Planens period är påhittad för demon.",
    )


def load_team_plan(regional):
    team = Body.objects.filter(name="Folkhälsoteamet norra Örebro län").first()
    if team is None or ActionPlan.objects.filter(body=team, title=TEAM_TITLE).exists():
        return
    plan = services.create_plan(
        team.organisation,
        by=None,
        kind=ActionPlan.Kind.TEAM,
        body=team,
        builds_on=regional,
        title=TEAM_TITLE,
        start_year=2015,
        end_year=2017,
        status=ActionPlan.Status.ADOPTED,
        description="Regionens folkhälsoplan är utgångspunkt för folkhälsoteamets arbete. Målen "
        "och aktiviteterna kommer ur källan; planens period och status är påhittade för demon.",
    )
    _fill(plan, TEAM_PLAN, responsible=team)


def load_programme():
    committee = Body.objects.filter(name="Folkhälsonämnden", organisation__scb_code="1883").first()
    if committee is None:
        return
    if ActionPlan.objects.filter(body=committee, title=PROGRAMME_TITLE).exists():
        return
    plan = services.create_plan(
        committee.organisation,
        by=None,
        kind=ActionPlan.Kind.PUBLIC_HEALTH_PROGRAMME,
        body=committee,
        title=PROGRAMME_TITLE,
        start_year=2024,
        end_year=2028,
        status=ActionPlan.Status.ADOPTED,
        description="Den gemensamma folkhälsonämndens folkhälsopolitiska program. Målen "
        "återger källans beskrivning av arbetet; år, datum och uppföljningstexter är "
        "påhittade för demon.",
    )
    _fill(plan, PROGRAMME, responsible=committee)


def _fill(plan, areas, *, responsible):
    target_areas = {area.number: area for area in TargetArea.objects.all()}
    for position, (area_title, goals) in enumerate(areas, 1):
        area = services.add_area(plan, by=None, title=area_title, position=position)
        for goal_position, (title, numbers, articles, activities) in enumerate(goals, 1):
            tags = [target_areas[number] for number in numbers]
            goal = services.add_goal(
                area,
                by=None,
                title=title,
                position=goal_position,
                target_areas=tags,
                articles=list(Article.objects.filter(number__in=articles)),
            )
            for activity_title, start, end, status, follow_up in activities:
                activity = services.add_activity(
                    goal,
                    by=None,
                    title=activity_title,
                    responsible_body=responsible,
                    starts_on=datetime.date.fromisoformat(start),
                    ends_on=datetime.date.fromisoformat(end),
                    status=status,
                    target_areas=tags,
                )
                if follow_up:
                    period, result, population, children = follow_up
                    services.record_follow_up(
                        activity,
                        by=None,
                        period=period,
                        status=status,
                        result=result,
                        effects_for_population=population,
                        effects_for_children=children,
                        goal_reached="partly",
                    )
