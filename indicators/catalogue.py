"""The starter catalogue of child-related indicators, loaded by a data migration.

Only source ids we are sure of are filled in; coordinators fill in or correct the rest in the
catalogue (sources rename their ids). Loading never overwrites an indicator that exists.
"""

UNDERSTAND = "understand_conditions"

# code, Swedish name, English name, unit, source, source id, direction, breakdown,
# success factors, articles, featured, description (Swedish)
CATALOGUE = [
    (
        "invanare-totalt",
        "Invånare totalt, antal",
        "Inhabitants, total",
        "",
        "kolada",
        "N01951",
        "neutral",
        "total",
        [UNDERSTAND],
        [],
        False,
        "Antal invånare den 31 december. Källa: SCB via Kolada.",
    ),
    (
        "barn-0-17",
        "Invånare 0–17 år, antal",
        "Inhabitants aged 0–17",
        "",
        "scb",
        "",
        "neutral",
        "gender",
        [UNDERSTAND],
        [1],
        True,
        "Antal barn 0–17 år den 31 december. Källa: SCB:s befolkningsstatistik.",
    ),
    (
        "hushall-med-barn",
        "Hushåll med barn, andel (%)",
        "Households with children, share (%)",
        "%",
        "scb",
        "",
        "neutral",
        "total",
        [UNDERSTAND],
        [18],
        False,
        "Andel av alla hushåll där det bor barn 0–17 år. Källa: SCB:s hushållsstatistik.",
    ),
    (
        "barn-ekonomiskt-utsatta",
        "Invånare 0–19 år i ekonomiskt utsatta hushåll, andel (%)",
        "Inhabitants aged 0–19 in economically vulnerable households, share (%)",
        "%",
        "kolada",
        "N02904",
        "lower",
        "gender",
        [UNDERSTAND, "budget"],
        [26, 27],
        True,
        "Andel barn och unga 0–19 år som lever i hushåll med låg inkomststandard eller "
        "långvarigt ekonomiskt bistånd. Källa: SCB via Kolada.",
    ),
    (
        "barn-ekonomiskt-bistand",
        "Barn i familjer med ekonomiskt bistånd, andel (%)",
        "Children in families receiving financial assistance, share (%)",
        "%",
        "kolada",
        "",
        "lower",
        "total",
        [UNDERSTAND],
        [26, 27],
        False,
        "Andel barn 0–17 år i familjer som fått ekonomiskt bistånd under året.",
    ),
    (
        "behoriga-yrkesprogram",
        "Elever i åk 9 som är behöriga till yrkesprogram, hemkommun, andel (%)",
        "Pupils in year 9 eligible for a vocational programme, home municipality, share (%)",
        "%",
        "kolada",
        "N15428",
        "higher",
        "gender",
        [UNDERSTAND],
        [28, 29],
        True,
        "Andel av eleverna i årskurs 9 som är behöriga till ett yrkesprogram på gymnasiet. "
        "Källa: Skolverket via Kolada.",
    ),
    (
        "gymnasieexamen-4-ar",
        "Gymnasieelever med examen inom 4 år, hemkommun, andel (%)",
        "Upper-secondary pupils graduating within 4 years, home municipality, share (%)",
        "%",
        "kolada",
        "",
        "higher",
        "gender",
        [UNDERSTAND],
        [28],
        False,
        "Andel av dem som började gymnasiet som tagit examen inom fyra år.",
    ),
    (
        "lupp-trygghet",
        "Unga som känner sig trygga i sitt bostadsområde på kvällen (LUPP), andel (%)",
        "Young people who feel safe in their neighbourhood in the evening (LUPP), share (%)",
        "%",
        "lupp",
        "",
        "higher",
        "gender",
        [UNDERSTAND],
        [19, 31],
        True,
        "Ur LUPP-enkäten (Myndigheten för ungdoms- och civilsamhällesfrågor), högstadiet.",
    ),
    (
        "lupp-paverka",
        "Unga som vill vara med och påverka i kommunen (LUPP), andel (%)",
        "Young people who want to have a say in the municipality (LUPP), share (%)",
        "%",
        "lupp",
        "",
        "higher",
        "gender",
        [UNDERSTAND, "civil_society"],
        [12],
        False,
        "Ur LUPP-enkäten, högstadiet och gymnasiet.",
    ),
    (
        "barn-i-dialog",
        "Barn och unga som deltagit i dialoger, antal",
        "Children and young people who took part in dialogues",
        "",
        "own",
        "",
        "higher",
        "gender",
        [UNDERSTAND, "child_rights_perspective"],
        [12],
        False,
        "Kommunens egna siffror: deltagare i samråd, ungdomsforum och dialogmöten under året.",
    ),
]


def load_catalogue(indicator_model, article_model) -> int:
    """Create the starter indicators that are missing; returns how many were created."""
    created = 0
    for position, row in enumerate(CATALOGUE, 1):
        (code, name_sv, name_en, unit, source, source_id, direction, breakdown) = row[:8]
        factors, articles, featured, description = row[8:]
        if indicator_model.objects.filter(code=code).exists():
            continue
        if source_id and indicator_model.objects.filter(source=source, source_id=source_id):
            source_id = ""  # a coordinator already gave that id to another indicator
        indicator = indicator_model.objects.create(
            code=code,
            name_sv=name_sv,
            name_en=name_en,
            unit=unit,
            source=source,
            source_id=source_id,
            direction=direction,
            breakdown=breakdown,
            success_factors=factors,
            featured=featured,
            position=position * 10,
            description=description,
        )
        indicator.articles.set(article_model.objects.filter(number__in=articles))
        created += 1
    return created
