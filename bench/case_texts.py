"""The text pools the synthetic cases are drawn from (bench.cases): titles, places,
descriptions, answers, review comments and decisions. Swedish, as a municipality writes them;
every name is invented."""

# The word the case-list search looks for, and the one title it is in.
SEARCH_WORD = "belysning"
SEARCH_TITLE = "Belysning på gång- och cykelvägar i {place}"

TITLES = [
    SEARCH_TITLE,
    "Ombyggnad av lekplatsen i {place}",
    "Detaljplan för bostäder i {place}",
    "Ny förskola i {place}",
    "Skolskjuts för elever i {place}",
    "Trafiksäkerhet vid skolan i {place}",
    "Öppettider för fritidsgården i {place}",
    "Budget för kultur- och fritidsverksamheten {year}",
    "Riktlinjer för ekonomiskt bistånd, revidering",
    "Avgifter för kulturskolan {year}",
    "Medborgarförslag om utegym i {place}",
    "Biblioteksfilialen i {place}",
    "Upphandling av skolmåltider",
    "Renovering av simhallen i {place}",
    "Ny återvinningsstation i {place}",
    "Regler för färdtjänst",
    "Handlingsplan mot psykisk ohälsa bland unga",
    "Föreningsbidrag {year}",
    "Översiktsplan, samrådshandling",
    "Anpassad grundskola i {place}",
    "Parkeringsnorm för {place}",
    "Försäljning av fastigheten i {place}",
    "Föräldrastöd i {place}",
    "Skolornas upptagningsområden {year}",
    "Sommarlovsaktiviteter {year}",
    "Svar på motion om avgiftsfri kollektivtrafik för unga",
    "Bygglov för vindkraft nära {place}",
    "Läsårstider {year}/{next_year}",
    "Organisation av elevhälsan",
    "Ombyggnad av idrottshallen i {place}",
    "Valdistrikt och vallokaler",
    "Ställföreträdare för ensamkommande barn",
]
PLACES = [
    "Björkdalen", "Ekbacken", "Granlunda", "Hagaby", "Lindvik", "Sjöängen", "Tallåsen",
    "Ängsby", "Åbacka", "Älvnäs", "Norrmalm", "Söderby", "Västerhöjden", "Östra hamnen",
    "Kvarnbacken", "Stationsområdet",
]  # fmt: skip
DESCRIPTIONS = [
    "<p>Förvaltningen har tagit fram ett underlag inför nämndens beslut. Ärendet har beretts "
    "tillsammans med berörda förvaltningar.</p>",
    "<p>Ärendet har väckts genom ett medborgarförslag.</p><p>Förvaltningen föreslår att "
    "förslaget besvaras med hänvisning till pågående arbete.</p>",
    "<p>Nämnden ska ta ställning till förvaltningens förslag. Kostnaderna ryms inom budget.</p>",
    "<p>Underlaget bygger på en kartläggning under våren och på synpunkter från "
    "<strong>remissinstanserna</strong>.</p><ul><li>Alternativ 1: genomförs i år</li>"
    "<li>Alternativ 2: skjuts upp ett år</li></ul>",
    "<p>Ärendet gäller en revidering av gällande riktlinjer efter ändrad lagstiftning.</p>",
    "",
]

PRINCIPLES = [
    "Barnets bästa ska komma i främsta rummet, och barnen har rätt att säga sin mening.",
    "Beslutet påverkar barns lika tillgång till verksamheten och deras utveckling.",
    "Alla barn ska behandlas lika oavsett bakgrund och funktionsförmåga.",
]
HOW_HEARD = [
    "Samtal med elevråden på två skolor.",
    "Enkät till barn och unga i området, 240 svar.",
    "Dialogmöte med ungdomsrådet.",
    "Intervjuer med barn på fritidsgården.",
]
VIEWS = [
    "Barnen vill ha trygga vägar till skolan och platser att vara på efter skolan.",
    "De flesta barn vill behålla verksamheten nära hemmet.",
    "Barnen lyfter belysning, trafik och att få vara med och bestämma.",
    "Ungdomarna vill ha längre öppettider på helgerna.",
]
WHY_NOT_HEARD = [
    "Tidsramen medgav ingen dialog; resultat från en enkät förra året har använts.",
    "Barnen berörs indirekt; vårdnadshavare och personal har lämnat synpunkter.",
]
FACTS = [
    "Cirka 600 barn i åldern 6–17 år bor i området.",
    "Statistik från elevhälsan visar att var femte elev känner sig otrygg på vägen till skolan.",
    "Verksamheten har 350 besök i veckan, varav två tredjedelar är barn.",
]
RESEARCH = [
    "Forskning om trygghet i offentliga miljöer visar att belysning och överblick är viktigt.",
    "Erfarenheter från grannkommuner och Barnombudsmannens vägledning.",
    "Folkhälsomyndighetens rapporter om barns fysiska aktivitet.",
]
LAW = [
    "Barnkonventionen, skollagen och plan- och bygglagen.",
    "Socialtjänstlagen och barnkonventionen.",
    "Kommunallagen och barnkonventionen.",
]
OPTIONS = [
    "Genomföra förslaget i år eller skjuta upp det till nästa budgetår.",
    "Renovera det befintliga eller bygga nytt på en annan plats.",
    "Behålla nuvarande ordning eller införa förslaget stegvis.",
]
BEST_INTERESTS = [
    "En trygg och tillgänglig miljö nära skolan är bäst för barnen.",
    "Barnens bästa är att verksamheten finns kvar i närområdet.",
    "Barnen gynnas av att förändringen genomförs stegvis med information i förväg.",
]
OTHER_INTERESTS = [
    "Kostnaden vägs mot nyttan för barnen och för andra invånare.",
    "Miljöintressen och trafikens framkomlighet vägs mot barnens trygghet.",
    "Budgetläget gör att alla önskemål inte kan tillgodoses.",
]
PROPOSALS = [
    "Förslaget genomförs under nästa år.",
    "Nämnden bifaller förvaltningens förslag.",
    "Förslaget genomförs med de ändringar som barnen föreslog.",
]
REASONS_AGAINST = [
    "Budgeten räcker inte till det alternativ som är bäst för barnen.",
    "Säkerhetskrav gör att barnens förslag inte kan genomföras fullt ut.",
]
COMPENSATING = [
    "Tillfälliga aktiviteter ordnas under ombyggnaden och skolvägen säkras.",
    "Barnen erbjuds ersättningsverksamhet i grannområdet och fri skjuts.",
]
FEEDBACK = [
    "Ungdomsrådet får beslutet och en förklaring på sitt nästa möte.",
    "Skolorna informerar eleverna i klassråden.",
    "Ett kort brev till barnen som deltog och information på kommunens webbplats.",
]
FOLLOW_UP = [
    "Uppföljning efter ett år med en ny enkät.",
    "Uppföljning i verksamhetsberättelsen.",
    "Barnrättsteamet följer upp efter sex månader.",
]
NOT_AFFECTED = [
    "Ärendet gäller interna rutiner och påverkar inte barn.",
    "Ärendet gäller ekonomisk redovisning utan verkan för enskilda.",
    "Beslutet är av formell karaktär och ändrar inget för barn.",
    "Ärendet gäller vuxna och påverkar inte barn direkt eller indirekt.",
]
CHILD_GROUPS = [
    "age_0_5", "age_6_12", "age_13_17", "disability", "economic", "newly_arrived", "in_care",
]  # fmt: skip
PRINCIPLE_ARTICLES = [3, 12]
OTHER_ARTICLES = [2, 6, 15, 19, 23, 24, 27, 28, 29, 31]
OUTCOMES = [
    "Nämnden beslutar i enlighet med förvaltningens förslag.",
    "Nämnden bifaller förslaget.",
    "Nämnden beslutar att genomföra förslaget med de ändringar som framgår av protokollet.",
]
APPROVAL_COMMENTS = ["", "", "Underlaget är tillräckligt.", "Bra att barnen har hörts."]
RETURN_COMMENTS = [
    "Barnens egna åsikter saknas. Komplettera med hur barnen har fått komma till tals.",
    "Konsekvenserna för barn med funktionsnedsättning är inte beskrivna.",
    "Ange vilka artiklar i barnkonventionen som berörs.",
]
FOLLOW_UP_NOTES = [
    "Uppföljningen visar att åtgärderna har genomförts som planerat.",
    "Barnen upplever förbättringen; en ny enkät planeras.",
]
