"""The three templates Barnrätt ships, as data: Barnombudsmannen's seven parts, Karlskoga's
checklist for sustainable development, and screening only. Texts are our own words."""

from .questions import (
    ARTICLES,
    CHILD_GROUPS,
    CONSEQUENCES,
    FREE_TEXT,
    SINGLE_CHOICE,
    TARGET_AREAS,
    YES_NO_UNKNOWN,
)


def q(key, kind, sv, en, *, help_sv="", help_en="", criterion=None, show_if=None, options=None):
    question = {"key": key, "kind": kind, "text": {"sv": sv, "en": en}}
    if help_sv:
        question["help"] = {"sv": help_sv, "en": help_en}
    if criterion:
        question["criterion"] = criterion
    if show_if:
        question["show_if"] = {"question": show_if[0], "in": list(show_if[1])}
    if options:
        question["options"] = [{"value": v, "text": {"sv": s, "en": e}} for v, s, e in options]
    return question


def section(key, sv, en, questions, *, full_assessment=False):
    return {
        "key": key,
        "title": {"sv": sv, "en": en},
        "full_assessment": full_assessment,
        "questions": questions,
    }


AFFECTED = ("yes", "unknown")


def screening_section(
    title_sv="1. Ska en prövning göras?", title_en="1. Should an assessment be made?"
):
    return section(
        "screening",
        title_sv,
        title_en,
        [
            q(
                "children_affected",
                YES_NO_UNKNOWN,
                "Berör ärendet barn?",
                "Does the matter affect children?",
                help_sv="Barn är alla under 18 år. Tänk både på barn som berörs direkt och indirekt.",
                help_en="Children are everyone under 18. Think of children affected directly and indirectly.",
                criterion="children_identified",
            ),
            q(
                "affected_how",
                SINGLE_CHOICE,
                "Hur berörs barnen?",
                "How are children affected?",
                show_if=("children_affected", AFFECTED),
                options=[
                    ("directly", "Direkt", "Directly"),
                    ("indirectly", "Indirekt", "Indirectly"),
                    ("both", "Både direkt och indirekt", "Both directly and indirectly"),
                ],
            ),
            q(
                "child_groups",
                CHILD_GROUPS,
                "Vilka barn berörs?",
                "Which children are affected?",
                show_if=("children_affected", AFFECTED),
                criterion="children_identified",
            ),
            q(
                "not_affected_reason",
                FREE_TEXT,
                "Varför berörs inte barn?",
                "Why are children not affected?",
                help_sv="Ett ställningstagande att barn inte berörs ska alltid motiveras.",
                help_en="A finding that children are not affected always needs a reason.",
                show_if=("children_affected", ["no"]),
                criterion="children_identified",
            ),
        ],
    )


def full_assessment_sections(start=2):
    n = start
    return [
        section(
            "rights",
            f"{n}. Vilka rättigheter berörs?",
            f"{n}. Which rights are affected?",
            [
                q(
                    "articles",
                    ARTICLES,
                    "Vilka artiklar i barnkonventionen berörs?",
                    "Which articles of the Convention are affected?",
                    help_sv="Tänk alltid på de fyra grundprinciperna: artiklarna 2, 3, 6 och 12.",
                    help_en="Always consider the four principles: articles 2, 3, 6 and 12.",
                    criterion="articles_identified",
                ),
                q(
                    "principles_comment",
                    FREE_TEXT,
                    "Hur berörs grundprinciperna?",
                    "How are the four principles affected?",
                ),
            ],
            full_assessment=True,
        ),
        section(
            "views",
            f"{n + 1}. Barnens egna åsikter",
            f"{n + 1}. Children's own views",
            [
                q(
                    "children_heard",
                    YES_NO_UNKNOWN,
                    "Har barn fått komma till tals?",
                    "Have children been heard?",
                    criterion="children_heard",
                ),
                q(
                    "how_heard",
                    FREE_TEXT,
                    "Hur har barnen fått komma till tals?",
                    "How were the children heard?",
                    show_if=("children_heard", ["yes"]),
                    criterion="children_heard",
                ),
                q(
                    "views_summary",
                    FREE_TEXT,
                    "Vad tycker barnen?",
                    "What do the children think?",
                    show_if=("children_heard", ["yes"]),
                    criterion="children_heard",
                ),
                q(
                    "why_not_heard",
                    FREE_TEXT,
                    "Varför har barn inte fått komma till tals?",
                    "Why have children not been heard?",
                    show_if=("children_heard", ["no", "unknown"]),
                    criterion="children_heard",
                ),
            ],
            full_assessment=True,
        ),
        section(
            "knowledge",
            f"{n + 2}. Kunskap",
            f"{n + 2}. Knowledge",
            [
                q(
                    "facts",
                    FREE_TEXT,
                    "Fakta och statistik om barnen",
                    "Facts and statistics about the children",
                    criterion="knowledge_mapped",
                ),
                q(
                    "research",
                    FREE_TEXT,
                    "Forskning och beprövad erfarenhet",
                    "Research and experience",
                    criterion="knowledge_mapped",
                ),
                q(
                    "law",
                    FREE_TEXT,
                    "Lagstiftning och praxis",
                    "Law and practice",
                    criterion="knowledge_mapped",
                ),
            ],
            full_assessment=True,
        ),
        section(
            "options",
            f"{n + 3}. Alternativ och konsekvenser",
            f"{n + 3}. Options and consequences",
            [
                q("options", FREE_TEXT, "Vilka alternativ finns?", "Which options are there?"),
                q(
                    "consequences",
                    CONSEQUENCES,
                    "Konsekvenser för varje grupp av barn",
                    "Consequences for each group of children",
                    help_sv="Fyll i för de grupper som berörs.",
                    help_en="Fill in for the groups affected.",
                ),
            ],
            full_assessment=True,
        ),
        section(
            "weighing",
            f"{n + 4}. Bedömning av barnets bästa",
            f"{n + 4}. The child's best interests",
            [
                q(
                    "best_interests",
                    FREE_TEXT,
                    "Vad är barnets bästa i ärendet?",
                    "What is in the best interests of the child?",
                    criterion="best_interests_weighed",
                ),
                q(
                    "other_interests",
                    FREE_TEXT,
                    "Hur väger barnets bästa mot andra intressen?",
                    "How do the child's best interests weigh against other interests?",
                    criterion="best_interests_weighed",
                ),
                q("proposal", FREE_TEXT, "Förslag till beslut", "Proposed decision"),
                q(
                    "against_best_interests",
                    YES_NO_UNKNOWN,
                    "Går förslaget emot barnets bästa?",
                    "Does the proposal go against the child's best interests?",
                    criterion="best_interests_weighed",
                ),
                q(
                    "reasons_against",
                    FREE_TEXT,
                    "Skäl till att förslaget går emot barnets bästa",
                    "Reasons why the proposal goes against the child's best interests",
                    show_if=("against_best_interests", ["yes"]),
                    criterion="compensating_measures",
                ),
                q(
                    "compensating_measures",
                    FREE_TEXT,
                    "Kompenserande åtgärder",
                    "Compensating measures",
                    show_if=("against_best_interests", ["yes"]),
                    criterion="compensating_measures",
                ),
            ],
            full_assessment=True,
        ),
        section(
            "feedback",
            f"{n + 5}. Återkoppling och uppföljning",
            f"{n + 5}. Feedback and follow-up",
            [
                q(
                    "feedback_plan",
                    FREE_TEXT,
                    "Hur får barnen veta vad som beslutades och varför?",
                    "How will the children hear what was decided and why?",
                    help_sv="Återkopplingen ska ges på ett språk som barnen förstår.",
                    help_en="Feedback must be given in language the children understand.",
                    criterion="feedback_planned",
                ),
                q(
                    "follow_up",
                    FREE_TEXT,
                    "Hur och när följs beslutet upp?",
                    "How and when is the decision followed up?",
                ),
            ],
            full_assessment=True,
        ),
    ]


def effect_question(key, dimension, sv, en):
    """The assessed effect in one dimension: what the yearly account counts."""
    question = q(
        key,
        SINGLE_CHOICE,
        sv,
        en,
        options=[
            ("positive", "Positiv", "Positive"),
            ("negative", "Negativ", "Negative"),
            ("mixed", "Både positiv och negativ", "Both positive and negative"),
            ("none", "Ingen påverkan", "No effect"),
            ("uncertain", "Oklart", "Uncertain"),
        ],
    )
    return {**question, "dimension": dimension, "dimension_effect": True}


def in_dimension(question, dimension):
    return {**question, "dimension": dimension}


def checklist_sections():
    """Version 2: every dimension has its description and its assessed effect, and the
    public-health answer is tagged with the national target areas (decision 0041)."""
    return [
        section(
            "social",
            "Social hållbarhet",
            "Social sustainability",
            [
                in_dimension(
                    q(
                        "public_health",
                        FREE_TEXT,
                        "Folkhälsa: hur påverkas befolkningens hälsa?",
                        "Public health: how is the population's health affected?",
                        help_sv="Tänk på skillnader mellan grupper: ålder, kön, område och "
                        "socioekonomi.",
                        help_en="Think of differences between groups: age, sex, area and "
                        "socio-economic position.",
                    ),
                    "public_health",
                ),
                effect_question(
                    "public_health_effect",
                    "public_health",
                    "Folkhälsa: bedömd påverkan",
                    "Public health: the assessed effect",
                ),
                in_dimension(
                    q(
                        "public_health_target_areas",
                        TARGET_AREAS,
                        "Vilka folkhälsopolitiska målområden berörs?",
                        "Which public-health target areas are concerned?",
                    ),
                    "public_health",
                ),
                in_dimension(
                    q(
                        "equality",
                        FREE_TEXT,
                        "Jämställdhet och jämlikhet",
                        "Gender equality and equity",
                        help_sv="Hur påverkas kvinnor och män, flickor och pojkar?",
                        help_en="How are women and men, girls and boys affected?",
                    ),
                    "gender_equality",
                ),
                effect_question(
                    "equality_effect",
                    "gender_equality",
                    "Jämställdhet: bedömd påverkan",
                    "Gender equality: the assessed effect",
                ),
            ],
        ),
        screening_section(
            "Social hållbarhet: barnrättsperspektivet",
            "Social sustainability: the child-rights perspective",
        ),
        section(
            "ecological",
            "Ekologisk hållbarhet",
            "Ecological sustainability",
            [
                in_dimension(
                    q(
                        "environment",
                        FREE_TEXT,
                        "Hur påverkas miljö, klimat och natur?",
                        "How are the environment, climate and nature affected?",
                    ),
                    "ecological",
                ),
                effect_question(
                    "environment_effect",
                    "ecological",
                    "Ekologisk hållbarhet: bedömd påverkan",
                    "Ecological sustainability: the assessed effect",
                ),
            ],
        ),
        section(
            "economic",
            "Ekonomisk hållbarhet",
            "Economic sustainability",
            [
                in_dimension(
                    q(
                        "economy",
                        FREE_TEXT,
                        "Kostnader och ekonomiska konsekvenser på kort och lång sikt",
                        "Costs and economic consequences in the short and long term",
                    ),
                    "economic",
                ),
                effect_question(
                    "economy_effect",
                    "economic",
                    "Ekonomisk hållbarhet: bedömd påverkan",
                    "Economic sustainability: the assessed effect",
                ),
            ],
        ),
        *full_assessment_sections(start=1),
    ]


SHIPPED_TEMPLATES = [
    {
        "key": "standard",
        "name": "Prövning av barnets bästa (standard)",
        "description": "Barnombudsmannens sju delar: från frågan om barn berörs till återkoppling "
        "och uppföljning.",
        "sections": [screening_section(), *full_assessment_sections()],
    },
    {
        "key": "sustainability-checklist",
        "name": "Checklista för hållbar utveckling",
        "description": "Social, ekologisk och ekonomisk hållbarhet. Barnrättsperspektivet ingår i "
        "den sociala dimensionen och öppnar en fullständig prövning när barn berörs.",
        "sections": checklist_sections(),
    },
    {
        "key": "screening",
        "name": "Endast inledande bedömning",
        "description": "För ärenden som uppenbart inte berör barn. Att barn inte berörs ska alltid "
        "motiveras.",
        "sections": [screening_section()],
    },
]
