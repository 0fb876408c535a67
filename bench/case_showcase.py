"""The two showcase cases of the bench organisation, which the pages measure: a decided case with
every question of the standard template answered, and one whose assessment is in progress.
`bench.dataset` adds them to the bench organisation's generated cases (bench.cases)."""

from datetime import datetime, timedelta

from bench.case_texts import RETURN_COMMENTS
from bench.cases import CASE_BODIES, CaseSpec

# A decided case with every question of the standard template answered (the case page, the
# print view and the exports), and one being prepared (the assessment form).
FULL_CASE_TITLE = "Ny skolgård och lekplats vid Ekbackens skola"
FORM_CASE_TITLE = "Fritidsgård och mötesplats för unga i Tallåsen"
SHOWCASE_BODY = "Barn- och utbildningsnämnden"
FULL_DESCRIPTION = (
    "<p>Skolgården vid Ekbackens skola är sliten och för liten för de 420 eleverna. "
    "Förvaltningen föreslår en ny skolgård med lekplats, som också är öppen för barn i området "
    "efter skoltid.</p><p>Ärendet har beretts tillsammans med tekniska förvaltningen och "
    "kultur- och fritidsförvaltningen.</p><ul><li>Etapp 1: lekplats och grönytor</li>"
    "<li>Etapp 2: bollplan och belysning</li></ul>"
)
FULL_ANSWERS = {
    "children_affected": "yes",
    "affected_how": "both",
    "child_groups": ["age_0_5", "age_6_12", "age_13_17", "disability"],
    "articles": [2, 3, 6, 12, 15, 23, 29, 31],
    "principles_comment": (
        "Barnets bästa och barnens rätt att säga sin mening är styrande. Skolgården ska vara "
        "tillgänglig för alla barn, också barn med funktionsnedsättning (artikel 2 och 23). "
        "Lek och vila (artikel 31) och barnens utveckling (artikel 6) berörs direkt."
    ),
    "children_heard": "yes",
    "how_heard": (
        "Elevrådet och två klasser i årskurs 4 och 8 har ritat förslag. En enkät besvarades av "
        "312 elever, och förskolebarnen intervjuades av pedagogerna."
    ),
    "views_summary": (
        "Barnen vill ha fler platser att vara på, skugga, en bollplan som inte tar över hela "
        "gården och lekredskap som fungerar för alla. De äldre eleverna vill ha sittplatser "
        "och belysning till kvällen."
    ),
    "facts": (
        "420 elever i förskoleklass till årskurs 9 och 60 barn i förskolan intill. Gården har "
        "12 kvadratmeter per elev; rekommendationen är 30. Sju barn i skolan använder rullstol."
    ),
    "research": (
        "Boverkets vägledning om friytor för lek och utevistelse, forskning om gröna skolgårdar "
        "och barns fysiska aktivitet, och erfarenheter från två grannkommuner."
    ),
    "law": "Barnkonventionen, skollagen 2 kap. 35 §, plan- och bygglagen 8 kap. 9 §.",
    "options": (
        "1. Ny skolgård i två etapper (förslaget). 2. Enbart ny lekplats. 3. Ingen åtgärd, "
        "underhåll av befintlig gård."
    ),
    "consequences": {
        "age_0_5": {"effect": "positive", "size": "moderate", "likelihood": "likely"},
        "age_6_12": {"effect": "positive", "size": "large", "likelihood": "likely"},
        "age_13_17": {"effect": "positive", "size": "moderate", "likelihood": "possible"},
        "disability": {"effect": "uncertain", "size": "large", "likelihood": "possible"},
    },
    "best_interests": (
        "En större, grönare och tillgänglig skolgård som också kan användas efter skoltid. "
        "Barnen har själva pekat ut vad som behövs."
    ),
    "other_interests": (
        "Kostnaden (4,2 miljoner kronor) och grannarnas önskemål om lugn på kvällar vägs mot "
        "nyttan för barnen; belysningen släcks klockan 22."
    ),
    "proposal": "Skolgården byggs om i två etapper 2027–2028.",
    "against_best_interests": "yes",
    "reasons_against": (
        "Bollplanen i etapp 2 blir mindre än barnen önskade, för att spara träd och av bullerskäl."
    ),
    "compensating_measures": (
        "Eleverna får använda idrottsplatsen intill under rasterna, och skolan ordnar "
        "rastaktiviteter under byggtiden."
    ),
    "feedback_plan": (
        "Elevrådet får beslutet på sitt nästa möte och förklarar det för klasserna. Barnen som "
        "ritade får ett brev med ritningen och varför bollplanen blev mindre."
    ),
    "follow_up": "Barnrättsteamet följer upp med en ny enkät ett år efter etapp 2.",
}
FULL_SUMMARY = (
    "Ärendet berör barn, särskilt barn 0–5 år, barn 6–12 år, unga 13–17 år och barn med "
    "funktionsnedsättning. Barnen har fått komma till tals genom elevråd, klasser och en enkät. "
    "Förslaget går delvis emot barnets bästa; kompenserande åtgärder beskrivs."
)
FULL_REVIEWS = [
    ("returned", RETURN_COMMENTS[1]),
    ("approved", "Kompletteringen är bra. Underlaget är tillräckligt."),
]
FULL_DECISION = {
    "outcome": "Nämnden beslutar att bygga om skolgården vid Ekbackens skola i två etapper.",
    "follows_best_interests": False,
    "reasons": FULL_ANSWERS["reasons_against"],
    "compensating_measures": FULL_ANSWERS["compensating_measures"],
    "feedback_plan": FULL_ANSWERS["feedback_plan"],
    "follow_up_notes": "",
}


def showcase_cases(anchor: datetime) -> list[CaseSpec]:
    """The decided case with a full assessment and the one whose assessment is in progress."""
    today = anchor.date()
    created = anchor - timedelta(days=120, hours=3)
    full = CaseSpec(
        title=FULL_CASE_TITLE,
        prefix=CASE_BODIES[SHOWCASE_BODY][0],
        body_name=SHOWCASE_BODY,
        status="decided",
        created_at=created,
        description=FULL_DESCRIPTION,
        planned_decision_date=(created + timedelta(days=60)).date(),
        decision_date=(created + timedelta(days=58)).date(),
        assessment={
            "status": "approved",
            "answers": FULL_ANSWERS,
            "summary": FULL_SUMMARY,
            "children_affected": "yes",
            "lock_version": 14,
            "updated_at": created + timedelta(days=40),
        },
        articles=list(FULL_ANSWERS["articles"]),
        reviews=[
            (outcome, comments, created + timedelta(days=30 + 10 * index))
            for index, (outcome, comments) in enumerate(FULL_REVIEWS)
        ],
        decision=FULL_DECISION
        | {
            "decided_on": (created + timedelta(days=58)).date(),
            "follow_up_date": (created + timedelta(days=58 + 365)).date(),
            "follow_up_done_on": None,
        },
    )
    started = anchor - timedelta(days=12, hours=5)
    form_answers = {k: v for k, v in FULL_ANSWERS.items() if k not in {"follow_up"}}
    form = CaseSpec(
        title=FORM_CASE_TITLE,
        prefix=CASE_BODIES[SHOWCASE_BODY][0],
        body_name=SHOWCASE_BODY,
        status="in_preparation",
        created_at=started,
        description=FULL_DESCRIPTION,
        planned_decision_date=today + timedelta(days=45),
        assessment={
            "status": "in_progress",
            "answers": form_answers,
            "summary": "",
            "children_affected": "yes",
            "lock_version": 6,
            "updated_at": started + timedelta(days=5),
        },
        articles=list(FULL_ANSWERS["articles"]),
    )
    return [full, form]
