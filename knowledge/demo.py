"""Demo data: the good examples that seed document 003 mentions, each retold in our own words
with the organisation and what it did, plus one network-only example from Karlskoga. No person
is named; contacts are roles. Running it twice changes nothing."""

from django.db import transaction

from convention.models import Article
from organisations import services as organisation_services
from organisations.models import Organisation
from planning.success_factors import SuccessFactor as F

from . import services
from .models import Example

PUBLIC = Example.Visibility.PUBLIC
NETWORK = Example.Visibility.NETWORK

# Organisations in document 003 that the organisations demo does not already hold.
EXTRA_ORGANISATIONS = [
    # SCB code (or "" for none), name, kind
    ("17", "Region Värmland", Organisation.Kind.REGION),
    ("04", "Region Sörmland", Organisation.Kind.REGION),
    ("07", "Region Kronoberg", Organisation.Kind.REGION),
    ("14", "Västra Götalandsregionen", Organisation.Kind.REGION),
    ("", "Rädda Barnen", Organisation.Kind.CIVIL_SOCIETY),
]

# (organisation name, year, title, factors, articles, tags, description, results, contact,
#  visibility). Years are those the source gives, otherwise the year it was written (2014).
EXAMPLES = [
    (
        "Trelleborgs kommun",
        2014,
        "Unga med sommarjobb fördjupar resultaten från Lupp",
        [F.UNDERSTAND_CONDITIONS, F.CIVIL_SOCIETY],
        [12, 31],
        "Lupp, ungdomsenkät, feriearbete, inflytande",
        "<p>Trelleborg lät ungdomar svara på Lupp-enkäten om ungas levnadsvillkor och stannade "
        "inte vid siffrorna. Kommunen gav ungdomar med feriearbete i uppdrag att gå på djupet "
        "i en fråga som enkäten visade att unga oroade sig för.</p>",
        "Resultaten från enkäten fick en fördjupning som unga själva tog fram.",
        "Kommunens ungdomssamordnare",
        PUBLIC,
    ),
    (
        "Västerås stad",
        2014,
        "Kartläggning av barn i familjer med små ekonomiska marginaler",
        [F.UNDERSTAND_CONDITIONS],
        [12, 26, 27],
        "barnfattigdom, ekonomisk utsatthet, fokusgrupper, barnombud",
        "<p>Västerås stad kartlade hur barn i ekonomiskt utsatta familjer har det. Barnen kom "
        "själva till tals i fokusgrupper och via stadens barnombuds blogg. Kartläggningen "
        "mynnade ut i rapporten <em>Har du inga gummistövlar?</em> med förslag på vad staden "
        "kan göra.</p>",
        "Flera av förslagen i rapporten har genomförts.",
        "Stadens barnombud",
        PUBLIC,
    ),
    (
        "Rädda Barnen",
        2014,
        "Lokalföreningar granskar kommunens arbete med barns rättigheter",
        [F.UNDERSTAND_CONDITIONS, F.CIVIL_SOCIETY],
        [4],
        "kartläggning, civilsamhälle, Haninge, Stockholm",
        "<p>Rädda Barnens lokalföreningar och distrikt har på flera håll kartlagt hur "
        "kommuner arbetar med barns rättigheter, bland annat i Haninge. Distrikten Stockholm "
        "Södra och Stockholm Norra har också beskrivit vilken roll kommunerna har för att "
        "barnkonventionen ska förverkligas.</p>",
        "Kommunerna fick en bild utifrån av vad som fungerar och vad som saknas.",
        "Rädda Barnens distriktskansli",
        PUBLIC,
    ),
    (
        "Region Värmland",
        2014,
        "Handlingsplan för barnets rättigheter i hela landstinget",
        [F.LONG_TERM_PLAN],
        [3, 4, 24],
        "handlingsplan, hälso- och sjukvård, landsting",
        "<p>Landstinget i Värmland (i dag Region Värmland) tog fram en handlingsplan med målet "
        "att barns och ungas rättigheter ska gälla i alla delar av verksamheten, inte bara i "
        "barnsjukvården.</p>",
        "",
        "Regionens strateg för barnets rättigheter",
        PUBLIC,
    ),
    (
        "Lunds kommun",
        2014,
        "Kommunal strategi byggd på den nationella strategins principer",
        [F.LONG_TERM_PLAN],
        [2, 3, 6, 12],
        "strategi, nationell strategi, styrdokument",
        "<p>Lunds kommun antog en egen strategi för barnets rättigheter. Den tar sin "
        "utgångspunkt i de nio principer som den nationella strategin för att stärka barnets "
        "rättigheter bygger på.</p>",
        "",
        "Kommunledningskontoret",
        PUBLIC,
    ),
    (
        "Region Sörmland",
        1999,
        "Sex mål och en strateg samordnar arbetet sedan 1999",
        [F.COORDINATE, F.LONG_TERM_PLAN],
        [2, 3, 6, 12],
        "samordning, strateg, folkhälsa, mål",
        "<p>Sörmlands läns landsting (i dag Region Sörmland) har arbetat systematiskt med "
        "barnkonventionen sedan 1999. Sex övergripande mål hämtar stöd i konventionens "
        "grundprinciper, den nationella strategin och landstingets egen vision. Styrelsen bär "
        "det politiska ansvaret, Folkhälsocentrum det praktiska, och en strateg för "
        "barnrättsfrågor håller ihop arbetet.</p>",
        "Ett långsiktigt arbete med tydlig ansvarsfördelning mellan politik och förvaltning.",
        "Strategen för barnrättsfrågor",
        PUBLIC,
    ),
    (
        "Kungsbacka kommun",
        2014,
        "En demokratiutvecklare för barnets rättigheter",
        [F.COORDINATE],
        [12],
        "samordning, demokrati, folkhälsa, stöd till nämnder",
        "<p>Kungsbacka kommun har under flera år haft en tjänst som demokratiutvecklare med "
        "inriktning på barnets rättigheter. Ansvaret ligger på förvaltningen Fritid &amp; "
        "Folkhälsa, där en samrådsgrupp för folkhälsa har i uppdrag att informera, vägleda och "
        "stödja alla nämnder och förvaltningar i arbetet med barnkonventionen.</p>",
        "",
        "Demokratiutvecklaren, Fritid & Folkhälsa",
        PUBLIC,
    ),
    (
        "Rädda Barnen",
        2006,
        "Länsnätverk för barnkonventionen i Jämtlands län",
        [F.COORDINATE, F.CIVIL_SOCIETY],
        [4],
        "nätverk, länsstyrelse, samverkan, Jämtland",
        "<p>Sedan 2006 finns ett nätverk i Jämtlands län för att genomföra barnkonventionen. "
        "Rädda Barnen kallar till träffarna. Länets myndigheter, kommunerna och Rädda Barnen "
        "ses omkring fyra gånger om året och gör en gemensam aktivitet.</p>",
        "Myndigheter och kommuner i länet har ett återkommande forum för samverkan.",
        "Rädda Barnens regionkontor",
        PUBLIC,
    ),
    (
        "Rädda Barnen",
        2014,
        "Det handlar om kärlek – samverkan för utsatta barn",
        [F.COORDINATE, F.CIVIL_SOCIETY],
        [3, 19, 39],
        "samverkan, polis, skola, socialtjänst, utsatta barn",
        "<p><em>Det handlar om kärlek</em> är en modell för hur myndigheter samverkar för "
        "barn i utsatta situationer. Rädda Barnen använder den tillsammans med polis, skola, "
        "socialtjänst och andra i många kommuner runt om i Sverige.</p>",
        "",
        "Rädda Barnens verksamhet för utsatta barn",
        PUBLIC,
    ),
    (
        "Västra Götalandsregionen",
        2014,
        "Barnchecklista som verktyg för barnkonsekvensanalys",
        [F.CHILD_RIGHTS_PERSPECTIVE],
        [3],
        "barnchecklista, barnkonsekvensanalys, beslutsunderlag",
        "<p>Västra Götalandsregionen använder en barnchecklista som sitt verktyg för att "
        "analysera hur ett beslut påverkar barn innan det fattas.</p>",
        "",
        "Regionens barnrättsstrateg",
        PUBLIC,
    ),
    (
        "Norrköpings kommun",
        2012,
        "Revision av arbetet med barns rättigheter ledde till nytt mål",
        [F.CHILD_RIGHTS_PERSPECTIVE, F.LONG_TERM_PLAN],
        [4],
        "revision, granskning, uppdragsplan, strategi",
        "<p>Norrköpings kommun granskade 2012 hur arbetet med barns rättigheter fungerade. "
        "Granskningen ledde bland annat till att Barn- och ungdomsnämnden skrev in i sin "
        "uppdragsplan att det ska finnas en strategi för att förankra barnkonventionen och "
        "göra den levande i verksamheten.</p>",
        "Ett mål om en strategi i nämndens uppdragsplan.",
        "Barn- och ungdomsförvaltningen",
        PUBLIC,
    ),
    (
        "Region Kronoberg",
        2014,
        "Barnrättsbaserad beslutsprocess och barnbokslut",
        [F.BUDGET, F.CHILD_RIGHTS_PERSPECTIVE],
        [3, 4],
        "barnbokslut, barnbudget, beslutsprocess",
        "<p>Landstinget i Kronoberg (i dag Region Kronoberg) beslutade att beslutsprocessen "
        "ska utgå från barnets rättigheter och att verksamheten varje år ska redovisa ett "
        "barnbokslut, så att det syns vad budgeten och besluten betyder för barnen.</p>",
        "",
        "Regionens strateg för barnets rättigheter",
        PUBLIC,
    ),
    (
        "Västerås stad",
        2014,
        "Utbildning om barnkonventionen och barnpiloter",
        [F.TRAINING],
        [19, 42],
        "utbildning, barnpiloter, polis, förebyggande arbete",
        "<p>Förebyggarcentrum i Västerås stad utbildar stadens verksamheter om "
        "barnkonventionen. Tillsammans med polisen och landstinget utbildas dessutom "
        "barnpiloter, vuxna som ska ha extra fokus på barnen och mod att agera.</p>",
        "",
        "Förebyggarcentrum",
        PUBLIC,
    ),
    (
        "Haninge kommun",
        2014,
        "Kollegial granskning i partnerskapet och ett regionalt nätverk",
        [F.TRAINING, F.COORDINATE],
        [4],
        "kollegial granskning, partnerskap, nätverk",
        "<p>Haninge kommun ingår i Partnerskapet för barnets rättigheter i praktiken, där "
        "kommunerna granskar varandras arbete med barns rättigheter. Haninge har också tagit "
        "initiativ till ett regionalt nätverk för barns rättigheter.</p>",
        "Kommunerna lär av varandra genom granskningarna.",
        "Kommunens barnrättsstrateg",
        PUBLIC,
    ),
    (
        "Rädda Barnen",
        2014,
        "Utbildningar om barnkonventionen i vardagen och barns inflytande",
        [F.TRAINING, F.CIVIL_SOCIETY],
        [12, 42],
        "utbildning, inflytande, kompetensutveckling",
        "<p>Rädda Barnen Utbildar har hållit många utbildningar för kommuner och landsting om "
        "hur barnkonventionen används i det dagliga arbetet, och om hur barn kan få verkligt "
        "inflytande.</p>",
        "",
        "Rädda Barnen Utbildar",
        PUBLIC,
    ),
    (
        "Malmö stad",
        2014,
        "Handledning och kunskapsunderlag tillsammans med Rädda Barnen",
        [F.CIVIL_SOCIETY, F.TRAINING],
        [4, 42],
        "handledning, kunskapsunderlag, politiker, tjänstemän, utbildningspaket",
        "<p>Malmö stad har en handledning för arbetet med barnkonventionen. Tillsammans med "
        "Rädda Barnen togs ett kunskapsunderlag fram för politiker och tjänstemän, med en "
        "sammanställning av vad kommuner och landsting sett som framgångsfaktorer. Rädda "
        "Barnen Utbildar tog också fram ett utbildningspaket för stadens anställda och "
        "förtroendevalda.</p>",
        "",
        "Stadskontoret",
        PUBLIC,
    ),
    (
        "Kungsbacka kommun",
        2014,
        "Kommunutvecklare: unga med sommarjobb förbättrar kommunen",
        [F.CIVIL_SOCIETY],
        [12, 31],
        "feriearbete, inflytande, unga, kommunutvecklare",
        "<p>Kungsbacka kommun anställer varje sommar ungdomar med feriearbete som "
        "kommunutvecklare. Deras uppdrag är att föreslå hur kommunen kan bli bättre.</p>",
        "",
        "Fritid & Folkhälsa",
        PUBLIC,
    ),
    (
        "Karlskoga kommun",
        2019,
        "Tvärsektoriellt nätverk för alla nämnder i Karlskoga och Degerfors",
        [F.COORDINATE],
        [4],
        "nätverk, nämnder, samordning, folkhälsa",
        "<p>Alla nämnder i Karlskoga och Degerfors har representanter i ett gemensamt "
        "nätverk för barnkonventionen och folkhälsa, som folkhälsostrategen sammankallar.</p>",
        "Nämnderna delar erfarenheter och planerar insatser tillsammans.",
        "Folkhälsostrategen",
        NETWORK,
    ),
]


def _organisation(code: str, name: str, kind: str) -> Organisation:
    existing = Organisation.objects.filter(name=name).first()
    if existing:
        return existing
    return organisation_services.create_organisation(by=None, name=name, kind=kind, scb_code=code)


@transaction.atomic
def load_demo():
    for code, name, kind in EXTRA_ORGANISATIONS:
        _organisation(code, name, kind)
    articles = {article.number: article for article in Article.objects.all()}
    for row in EXAMPLES:
        name, year, title, factors, numbers, tags, description, results, contact, visibility = row
        organisation = Organisation.objects.get(name=name)
        if Example.objects.filter(organisation=organisation, title=title).exists():
            continue
        services.create_example(
            organisation,
            by=None,
            title=title,
            year=year,
            success_factors=[str(factor) for factor in factors],
            articles=[articles[number] for number in numbers],
            tags=tags,
            description=description,
            results=results,
            contact=contact,
            visibility=visibility,
        )
