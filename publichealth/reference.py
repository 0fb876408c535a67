"""Sweden's public-health policy (prop. 2017/18:249): the overarching goal and the eight target
areas with their official short names. The summaries are written for Barnrätt, not quoted.

Loaded by the data migration and again, idempotently, by `load_demo`.
"""

POLICY = {
    "code": "prop-2017-18-249",
    "name_sv": "Sveriges folkhälsopolitik",
    "name_en": "Sweden's public-health policy",
    "source": "Prop. 2017/18:249 God och jämlik hälsa – en utvecklad folkhälsopolitik",
    "goal_sv": (
        "Att skapa samhälleliga förutsättningar för en god och jämlik hälsa i hela befolkningen "
        "och sluta de påverkbara hälsoklyftorna inom en generation."
    ),
    "goal_en": (
        "To create social conditions for good and equitable health throughout the population "
        "and to close the avoidable health gaps within one generation."
    ),
}

TARGET_AREAS = [
    # number, Swedish name, English name, Swedish summary, English summary
    (
        1,
        "Det tidiga livet",
        "The early years of life",
        "Goda förutsättningar under graviditet, spädbarnstid och förskoleår: mödra- och barnhälsovård, föräldraskapsstöd och förskola av god kvalitet.",
        "Good conditions in pregnancy, infancy and the pre-school years: maternity and child health care, parenting support and good pre-school.",
    ),
    (
        2,
        "Kunskaper, kompetenser och utbildning",
        "Knowledge, skills and education",
        "En skola där alla elever når målen och fullföljer sin utbildning, och möjligheter att lära under hela livet.",
        "A school where every pupil reaches the goals and completes their education, and learning throughout life.",
    ),
    (
        3,
        "Arbete, arbetsförhållanden och arbetsmiljö",
        "Work, working conditions and working environment",
        "Tillgång till arbete, trygga anställningsvillkor och en god arbetsmiljö, också för unga som går från skola till arbete.",
        "Access to work, secure terms of employment and a good working environment, also for young people moving from school to work.",
    ),
    (
        4,
        "Inkomster och försörjningsmöjligheter",
        "Income and economic resources",
        "Skäliga levnadsvillkor och möjligheter till egen försörjning; att färre barn lever i ekonomiskt utsatta hushåll.",
        "Reasonable living conditions and the means to support oneself; fewer children growing up in economically vulnerable households.",
    ),
    (
        5,
        "Boende och närmiljö",
        "Housing and local environment",
        "Goda bostäder och trygga, tillgängliga och hälsofrämjande närmiljöer, med platser för lek, rörelse och möten.",
        "Good housing and safe, accessible and health-promoting neighbourhoods, with places for play, exercise and meeting others.",
    ),
    (
        6,
        "Levnadsvanor",
        "Living habits",
        "Förutsättningar för goda matvanor, fysisk aktivitet och sömn, och för att avstå från tobak, alkohol, narkotika, dopning och spel om pengar.",
        "Conditions for healthy eating, physical activity and sleep, and for staying away from tobacco, alcohol, drugs, doping and gambling.",
    ),
    (
        7,
        "Kontroll, inflytande och delaktighet",
        "Control, influence and participation",
        "Att alla, också barn och unga, kan påverka sitt eget liv och samhället och delta i demokratin och i föreningslivet.",
        "Everyone, children and young people included, can shape their own life and society and take part in democracy and civil society.",
    ),
    (
        8,
        "En jämlik och hälsofrämjande hälso- och sjukvård",
        "An equitable and health-promoting health service",
        "En hälso- och sjukvård som ges på lika villkor, når dem med störst behov och främjar hälsa och förebygger sjukdom.",
        "Health care given on equal terms, reaching those with the greatest needs, and promoting health and preventing disease.",
    ),
]


def load_reference(Policy, TargetArea):
    """Create or update the policy and its areas. Works with historical models in migrations."""
    policy, _ = Policy.objects.update_or_create(
        code=POLICY["code"], defaults={k: v for k, v in POLICY.items() if k != "code"}
    )
    for number, name_sv, name_en, summary_sv, summary_en in TARGET_AREAS:
        TargetArea.objects.update_or_create(
            number=number,
            defaults={
                "policy": policy,
                "name_sv": name_sv,
                "name_en": name_en,
                "summary_sv": summary_sv,
                "summary_en": summary_en,
                # Historical models have no custom save(), so the search text is set here.
                "search_text": " ".join(
                    [str(number), name_sv, name_en, summary_sv, summary_en]
                ).casefold(),
            },
        )


def load_demo():
    """Make sure the reference data is there (a flushed database has lost it)."""
    from .models import PublicHealthPolicy, TargetArea

    if TargetArea.objects.count() != len(TARGET_AREAS):
        load_reference(PublicHealthPolicy, TargetArea)
