"""How children really write personal data, and ordinary answers that hold none.

The variants are generated from a few invented numbers, addresses and names (none belongs to a
real person: the personal numbers are test-style numbers, the phone numbers made up) crossed with
every way of writing them the attack on issue 23 found, plus a hand list. The ordinary answers
are invented too, written the way children in years 4 to 9 answer a consultation about parks,
school, buses and leisure, with the numbers such answers hold (times, years, bus lines, prices).
"""

import itertools

# Every separator between digit groups: ASCII, spaced, Unicode dashes and spaces.
SEPARATORS = [
    "-",
    " ",
    ".",
    "/",
    " - ",
    "\u2013",  # en dash
    " \u2013 ",
    "\u2014",  # em dash
    "\u2011",  # non-breaking hyphen
    "\u2012",  # figure dash
    "\u2212",  # minus sign
    "\u00a0",  # no-break space
    "\u202f",  # narrow no-break space
    "  ",
    "",
]
PHONES = [
    ("070", "123", "45", "67"),
    ("073", "987", "65", "43"),
    ("076", "112", "23", "38"),
    ("08", "123", "456", "78"),
    ("019", "12", "34", "56"),
    ("0586", "123", "45"),
]
COUNTRY_CODES = ["+46 ", "+46", "0046 ", "46", "+46 (0)", "+46 0"]
# Valid personal numbers (811228-9874, 850709-9805), a samordningsnummer (day 01 + 60) and a
# leap day; then two with a wrong check digit, which must be held all the same.
PERSONAL_NUMBERS = [
    ("811228", "9874"),
    ("850709", "9805"),
    ("700161", "4986"),
    ("000229", "1235"),
    ("811228", "9870"),
    ("850709", "9801"),
]
PERSONAL_NUMBER_SEPARATORS = ["-", "", " ", "/", ".", "\u2013", " - ", "\u2011", "\u00a0", " / "]
EMAIL_LOCALS = ["anna", "erik.svensson", "kalle_123", "elev99"]
EMAIL_DOMAINS = [("gmail", "com"), ("hotmail", "se"), ("skolan", "karlskoga", "se")]
EMAIL_ATS = ["@", " @ ", "(at)", " (at) ", "[at]", "\uff20", " snabel-a ", "@ "]
EMAIL_DOTS = [".", " . ", " punkt ", "(punkt)", "[dot]", " dot ", "\uff0e"]
TEMPLATES = [
    "{}",
    "Ring mig på {} efter skolan",
    "mitt nummer är {} typ",
    "Kontakta mig: {}. Tack!",
]

HAND_LIST = {
    "phone": [
        "070.123.45.67",
        "070/1234567",
        "070 - 123 45 67",
        "070\u2013123 45 67",
        "070  123  45  67",
        "0 7 0 1 2 3 4 5 6 7",
        "\uff10\uff17\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17",
        "070\u20111234567",
        "46701234567",
        "+46 (0)70-123 45 67",
        "(08) 123 45 67",
        "0046 8 123 456 78",
        "070 1234567",
    ],
    "personal_number": [
        "19811228-9874",
        "198112289874",
        "20000229-1235",
        "121212+1212",
        "811228 - 9874",
        "8 1 1 2 2 8 9 8 7 4",
        "\uff18\uff11\uff11\uff12\uff12\uff18\uff0d\uff19\uff18\uff17\uff14",
    ],
    "email": [
        "anna at gmail punkt com",
        "anna(at)gmail.com",
        "anna @ gmail . com",
        "anna\uff20gmail.com",
        "anna@gmail",
        "anna at hotmail dot se",
        "Anna.Berg@Skolan.Karlskoga.SE",
        "anna [at] gmail [dot] com",
    ],
}
# In a sentence: (the sentence, the part that must be masked).
HAND_LIST_IN_SENTENCES = {
    "address": [
        ("Storgatan 12, 691 31 Karlskoga", "Storgatan 12, 691 31 Karlskoga"),
        ("Jag bor på Skolvägen 3B", "Skolvägen 3B"),
        ("Kungsgatan 7 lgh 1102 är där jag bor", "Kungsgatan 7 lgh 1102"),
        ("bor på Bergsvägen 14 i Degerfors", "Bergsvägen 14"),
        ("Posten skickar till 691 33 Karlskoga", "691 33 Karlskoga"),
        ("Olof Palmes gata 5", "Olof Palmes gata 5"),
        ("Ekbacken 22, 693 30 Degerfors", "Ekbacken 22, 693 30 Degerfors"),
        ("vi bor på björkstigen 9", "björkstigen 9"),
    ],
    "name": [
        ("Jag heter Anna Svensson", "Anna Svensson"),
        ("Kompisen Erik Johansson bor nära", "Erik Johansson"),
        ("Fröken Karin Lindqvist är snäll", "Karin Lindqvist"),
        ("Maja Andersson går i min klass", "Maja Andersson"),
        ("Lucas Ahmadi och jag", "Lucas Ahmadi"),
        ("Anna-Karin Öberg sa det", "Anna-Karin Öberg"),
        ("Skriv till Elsa Nilsson-Berg", "Elsa Nilsson-Berg"),
        ("Mohammed Ali spelar fotboll", "Mohammed Ali"),
    ],
}


def _phone_variants() -> list[str]:
    variants = []
    for groups, separator in itertools.product(PHONES, SEPARATORS):
        variants.append(separator.join(groups))
    for groups, code, separator in itertools.product(PHONES[:4], COUNTRY_CODES, ["", " ", "-"]):
        variants.append(code + groups[0][1:] + separator + separator.join(groups[1:]))
    for groups in PHONES:
        digits = "".join(groups)
        variants.append(" ".join(digits))  # spaced digits
        variants.append(digits.translate(FULL_WIDTH))
    return variants


def _personal_number_variants() -> list[str]:
    variants = []
    for (date, serial), separator in itertools.product(
        PERSONAL_NUMBERS, PERSONAL_NUMBER_SEPARATORS
    ):
        variants.append(date + separator + serial)
        century = "20" if date.startswith("0") else "19"
        variants.append(century + date + separator + serial)
    for date, serial in PERSONAL_NUMBERS:
        variants.append((date + "-" + serial).translate(FULL_WIDTH))
    return variants


def _email_variants() -> list[str]:
    variants = []
    for local, at, dot in itertools.product(EMAIL_LOCALS, EMAIL_ATS, EMAIL_DOTS):
        labels = EMAIL_DOMAINS[len(variants) % len(EMAIL_DOMAINS)]
        variants.append(local + at + dot.join(labels))
    return variants


FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def variants() -> dict[str, list[tuple[str, str]]]:
    """Every variant by kind, as (sentence, the variant in it); each variant stands alone and
    in one of the sentences."""
    kinds = {
        "phone": _phone_variants() + HAND_LIST["phone"],
        "personal_number": _personal_number_variants() + HAND_LIST["personal_number"],
        "email": _email_variants() + HAND_LIST["email"],
    }
    return HAND_LIST_IN_SENTENCES | {
        kind: [
            (template.format(value), value)
            for index, value in enumerate(values)
            for template in (TEMPLATES[0], TEMPLATES[1 + index % (len(TEMPLATES) - 1)])
        ]
        for kind, values in kinds.items()
    }


# Invented answers without personal data, as children write them (spelling and all).
ORDINARY_ANSWERS = [
    "Jag tycker att parken behöver fler gungor och en större sandlåda.",
    "Det är för lite lampor i parken så det känns läskigt på kvällen.",
    "Bussen kommer alltid sent på morgonen och då kommer jag för sent till skolan.",
    "Linje 12 borde gå oftare, typ var tionde minut.",
    "Jag vill ha en skatepark nära skolan.",
    "Maten i skolan är god på tisdagar men inte på fredagar.",
    "Vi borde få vara ute längre på rasten.",
    "Det behövs fler papperskorgar vid fotbollsplanen.",
    "Jag känner mig trygg i skolan men inte i omklädningsrummet.",
    "Bibblan borde vara öppen på lördagar också.",
    "Fritids är kul men det är för många barn i samma rum.",
    "Jag går i 5B och vi vill ha en ny fotbollsplan med konstgräs.",
    "Det kostar 20 kr att åka buss, det är för dyrt för många.",
    "Vi vill ha mer tid för idrott, kanske 3 lektioner i veckan.",
    "Skolan börjar 08.15 och det är för tidigt.",
    "Bussen går 07:40 och nästa går inte förrän 08:20.",
    "Lekplatsen vid sjön är trasig sen 2024.",
    "Jag är 11 år och tycker att vuxna borde lyssna mer på barn.",
    "Ungdomsgården borde ha öppet till 22 på fredagar.",
    "Det finns inga cykelbanor till skolan, jag måste cykla på vägen.",
    "Jag vill att det ska finnas fler bänkar i parken för gamla och barn.",
    "Toaletterna i skolan är äckliga och låsen funkar inte.",
    "Vi behöver ett övergångsställe vid skolan för bilarna kör fort.",
    "Simhallen är bra men vattnet är kallt.",
    "Jag tycker om att spela fotboll efter skolan med mina kompisar.",
    "Det borde finnas gratis frukt på rasten.",
    "Mobbning händer mest i korridoren när ingen vuxen ser.",
    "Jag vill kunna låna skridskor gratis på vintern.",
    "Parken är bäst på sommaren när det är glass-kiosk där.",
    "Vi har 25 elever i klassen och det är för mycket ljud.",
    "Busshållplatsen har inget tak så man blir blöt när det regnar.",
    "Jag önskar att det fanns en hundrastgård så att hundarna kan springa.",
    "Det är svårt att hitta något att göra på helgerna om man är 13.",
    "Jag vill att kommunen planterar fler träd på skolgården.",
    "Klätterställningen är för liten för oss i mellanstadiet.",
    "Det är mörkt på vägen hem från träningen, det behövs gatlampor.",
    "Vi borde få välja själva vad vi vill läsa i svenska.",
    "Bussen är alltid full efter skolan så vi får stå.",
    "Jag tycker att läxorna är för många, vi har 4 olika varje vecka.",
    "Det är bra att vi får vara med och bestämma.",
    "Kan ni bygga en basketplan? Den gamla är sönder.",
    "Matsalen är för liten, vi hinner inte äta på 20 minuter.",
    "jag vill ha wifi i parken",
    "mer fotboll!!!",
    "Jag gillar biblioteket för det är lugnt där.",
    "Vi vill ha en pumptrack som i grannkommunen.",
    "Det är för mycket skräp vid badplatsen efter helgerna.",
    "Jag tycker att alla barn borde få gå på en aktivitet gratis.",
    "Fritidsgården har bara tv-spel, vi vill ha pingis också.",
    "Det är läskigt att gå genom tunneln under järnvägen.",
    "Vi fick nya datorer 2025 men de är redan långsamma.",
    "Jag åker buss 3 och den stannar inte vid min hållplats ibland.",
    "Parkeringen vid skolan är farlig när föräldrarna kör.",
    "Jag tycker skolan ska börja 09.00 istället.",
    "Det borde finnas en plats där tjejer kan spela fotboll utan att killarna tar planen.",
    "Vi behöver fler vuxna på rasterna.",
    "Jag vill att det ska vara lugnare i klassrummet.",
    "Det är kul på fritids när vi bakar.",
    "På vintern plogar de inte cykelvägen förrän kl 10.",
    "Isbanan borde spolas oftare.",
    "Jag tycker att barn ska få säga vad de tycker om nya parker innan de byggs.",
    "Jag bor långt ifrån skolan och bussen tar 45 minuter.",
    "Vi åkte pulkabacken 10 gånger i går, den är bäst!",
    "Det finns för få platser att sitta och prata med kompisar inomhus.",
    "Skolgården är bara asfalt, vi vill ha gräs och träd.",
    "Jag tycker om musikskolan men den kostar 600 kr per termin.",
    "Kulturskolan borde finnas på vår skola också.",
    "Det är bra att man kan låna böcker på appen.",
    "Vi vill ha ett ställe att grilla i parken.",
    "Lärarna borde förklara bättre när man inte förstår.",
    "Jag är rädd för de stora killarna vid busstationen.",
    "Det är för många som röker vid ingången.",
    "Vi borde ha friluftsdag varje månad.",
    "Jag gillar att vi får ha mobilen på rasten.",
    "Jag gillar inte att vi måste lämna in mobilen på morgonen.",
    "Det behövs ett staket vid lekplatsen för den ligger nära vägen.",
    "Simskolan borde vara gratis för alla i åk 1-3.",
    "Mina föräldrar har inte råd med hockeyn, den kostar för mycket.",
    "Jag tycker att ungdomsrådet ska få mer pengar.",
    "Vi vill kunna cykla till badet men det finns ingen cykelväg.",
    "Det är alltid kö till rutschkanan.",
    "Vi behöver nya mål på fotbollsplanen, nätet är trasigt.",
    "Det tar 15 min att gå till parken från skolan.",
    "Jag läser mycket och vill att biblioteket köper fler mangaböcker.",
    "Skolsköterskan är bara där på måndagar.",
    "Jag har varit med i scouterna i 3 år och det är roligt.",
    "Vi var 28 i klassen förra året och nu är vi 31.",
    "Kiosken i parken borde sälja nyttigare saker.",
    "Ibland är det stökigt på bussen och chauffören säger inget.",
    "Jag vill att det blir fler konserter för unga i stan.",
    "Vi i 7A tycker att skåpen är för små.",
    "Det vore bra med en lugn plats i skolan där man kan vara ifred.",
    "Jag tycker att cykelparkeringen behöver tak.",
    "Sjön är smutsig, man kan inte bada där längre.",
    "Det borde finnas fler aktiviteter på sommarlovet, typ vecka 27 till 32.",
    "Min lillebror är 6 och han vill ha en lekplats med vattenlek.",
    "Det kostar 50 kr att simma, det är för dyrt.",
    "Vi vill ha fler utflykter till naturen.",
    "Det är bra att det finns kurator men man får vänta länge.",
    "Jag tycker att ni ska fråga barn oftare!!",
    "Parken vid Stora torget är fin men det är mycket fåglar.",
    "Jag spelar innebandy 2 gånger i veckan i idrottshallen.",
    "Det är för varmt i klassrummet på sommaren.",
    "Vi vill ha en grön skolgård med odlingar.",
    "Bussen till Degerfors går bara en gång i timmen på helgen.",
    "Jag gillar Karlskoga men det är tråkigt på kvällarna.",
    "Hemma hos mig finns ingen park, närmaste är 2 km bort.",
    "Vi borde få lära oss mer om barnkonventionen i skolan.",
    "Jag tycker alla borde få säga sin åsikt, även de som är blyga.",
    "Gymmet borde vara öppet för oss som är 15.",
    "Jag har ingen att vara med på rasterna ibland.",
    "Det var roligt när vi målade väggen vid fritidsgården i maj.",
]
