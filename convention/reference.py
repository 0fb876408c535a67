"""The Convention's article groups and its 54 articles, with short titles written for Barnrätt.

Loaded by the data migration and again, idempotently, by `load_demo`.
"""

GROUPS = [
    # code, Swedish, English
    ("principles", "Grundprinciper", "General principles"),
    ("civil-rights", "Medborgerliga rättigheter och friheter", "Civil rights and freedoms"),
    ("family", "Familj och alternativ omsorg", "Family environment and alternative care"),
    ("health-welfare", "Hälsa och välfärd", "Health and welfare"),
    ("education-leisure", "Utbildning, fritid och kultur", "Education, leisure and culture"),
    ("special-protection", "Särskilt skydd", "Special protection"),
    ("implementation", "Genomförande och uppföljning", "Implementation and monitoring"),
]

ARTICLES = [
    # number, group, Swedish title, English title
    (1, "implementation", "Vem som är barn", "Who is a child"),
    (2, "principles", "Alla barn har samma rättigheter", "Every child has the same rights"),
    (
        3,
        "principles",
        "Barnets bästa ska komma i främsta rummet",
        "The best interests of the child come first",
    ),
    (
        4,
        "implementation",
        "Staten ska förverkliga rättigheterna",
        "The state puts the rights into practice",
    ),
    (5, "family", "Föräldrarnas vägledning", "Guidance from parents"),
    (6, "principles", "Rätt till liv och utveckling", "Life, survival and development"),
    (
        7,
        "civil-rights",
        "Namn, medborgarskap och vård av föräldrar",
        "Name, nationality and care by parents",
    ),
    (8, "civil-rights", "Rätt att behålla sin identitet", "Keeping one's identity"),
    (
        9,
        "family",
        "Inte skiljas från föräldrarna mot sin vilja",
        "Not separated from parents against one's will",
    ),
    (10, "family", "Återförening med familjen över gränser", "Family reunification across borders"),
    (11, "family", "Skydd mot olovligt bortförande", "Protection against unlawful removal abroad"),
    (
        12,
        "principles",
        "Rätt att säga sin mening och bli lyssnad på",
        "Being heard and taken seriously",
    ),
    (13, "civil-rights", "Yttrandefrihet", "Freedom of expression"),
    (
        14,
        "civil-rights",
        "Tankefrihet, samvetsfrihet och religionsfrihet",
        "Freedom of thought, conscience and religion",
    ),
    (15, "civil-rights", "Föreningsfrihet och mötesfrihet", "Freedom of association and assembly"),
    (16, "civil-rights", "Rätt till privatliv", "Right to privacy"),
    (17, "civil-rights", "Tillgång till information och media", "Access to information and media"),
    (
        18,
        "family",
        "Föräldrarnas gemensamma ansvar och stöd till dem",
        "Parents' shared responsibility and support",
    ),
    (
        19,
        "family",
        "Skydd mot våld, övergrepp och försummelse",
        "Protection from violence, abuse and neglect",
    ),
    (
        20,
        "family",
        "Barn som inte kan bo med sin familj",
        "Children who cannot live with their family",
    ),
    (21, "family", "Adoption", "Adoption"),
    (22, "special-protection", "Barn på flykt", "Refugee children"),
    (23, "health-welfare", "Barn med funktionsnedsättning", "Children with disabilities"),
    (24, "health-welfare", "Hälsa och hälso- och sjukvård", "Health and health care"),
    (25, "family", "Översyn av placering", "Review of placement in care"),
    (26, "health-welfare", "Social trygghet", "Social security"),
    (27, "health-welfare", "Skälig levnadsstandard", "An adequate standard of living"),
    (28, "education-leisure", "Rätt till utbildning", "Right to education"),
    (29, "education-leisure", "Utbildningens mål", "The aims of education"),
    (
        30,
        "special-protection",
        "Barn som tillhör minoriteter och urfolk",
        "Children of minorities and indigenous peoples",
    ),
    (31, "education-leisure", "Lek, vila, fritid och kultur", "Play, rest, leisure and culture"),
    (32, "special-protection", "Skydd mot skadligt arbete", "Protection from harmful work"),
    (33, "health-welfare", "Skydd mot narkotika", "Protection from drugs"),
    (
        34,
        "special-protection",
        "Skydd mot sexuella övergrepp och exploatering",
        "Protection from sexual abuse and exploitation",
    ),
    (35, "special-protection", "Skydd mot handel med barn", "Protection from trafficking"),
    (36, "special-protection", "Skydd mot annat utnyttjande", "Protection from other exploitation"),
    (
        37,
        "special-protection",
        "Skydd mot tortyr och godtyckligt frihetsberövande",
        "Protection from torture and arbitrary detention",
    ),
    (38, "special-protection", "Barn i väpnade konflikter", "Children in armed conflict"),
    (
        39,
        "special-protection",
        "Rehabilitering efter övergrepp och krig",
        "Recovery after abuse and war",
    ),
    (40, "special-protection", "Barn som misstänks för brott", "Children accused of crimes"),
    (
        41,
        "implementation",
        "Starkare skydd i annan lag gäller",
        "Stronger protection in other law applies",
    ),
    (42, "implementation", "Att sprida kunskap om konventionen", "Making the Convention known"),
    (43, "implementation", "FN:s barnrättskommitté", "The UN Committee on the Rights of the Child"),
    (
        44,
        "implementation",
        "Staternas rapporter till kommittén",
        "States' reports to the Committee",
    ),
    (45, "implementation", "Samarbete med FN-organ", "Cooperation with UN bodies"),
    (46, "implementation", "Undertecknande", "Signature"),
    (47, "implementation", "Ratificering", "Ratification"),
    (48, "implementation", "Anslutning", "Accession"),
    (49, "implementation", "Ikraftträdande", "Entry into force"),
    (50, "implementation", "Ändringar av konventionen", "Amendments"),
    (51, "implementation", "Reservationer", "Reservations"),
    (52, "implementation", "Uppsägning", "Denunciation"),
    (53, "implementation", "Depositarie", "Depositary"),
    (54, "implementation", "Giltiga språkversioner", "Authentic texts"),
]

PRINCIPLES = {2, 3, 6, 12}


def load_articles(ArticleGroup, Article):
    """Create or update the groups and articles. Works with historical models in migrations."""
    groups = {}
    for position, (code, name_sv, name_en) in enumerate(GROUPS, start=1):
        groups[code], _ = ArticleGroup.objects.update_or_create(
            code=code, defaults={"name_sv": name_sv, "name_en": name_en, "position": position}
        )
    for number, group, title_sv, title_en in ARTICLES:
        Article.objects.update_or_create(
            number=number,
            defaults={
                "group": groups[group],
                "title_sv": title_sv,
                "title_en": title_en,
                "is_principle": number in PRINCIPLES,
                # Historical models have no custom save(), so the search text is set here.
                "search_text": f"{number} {title_sv} {title_en}".casefold(),
            },
        )


def load_demo():
    """Make sure the reference data is there (a flushed database has lost it)."""
    from .models import Article, ArticleGroup

    if Article.objects.count() != len(ARTICLES):
        load_articles(ArticleGroup, Article)
