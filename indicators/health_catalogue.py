"""The indicators municipal public-health work follows, loaded by a data migration beside the
children's starter catalogue (issue 20, decision 0041).

Kolada ids are filled in only where the id is public and we found it used for that key figure;
Folkhälsomyndigheten's tables (Folkhälsodata) and the regions' surveys of young people (in
Örebro county "Liv och hälsa ung") have no such ids, so their entries have none and say where
the figures come from: a coordinator imports them with Barnrätt's CSV template, by sex and age
band. Loading never overwrites an indicator that exists; it only adds the public-health mark
and target areas to the children's indicators named in `TAGS`.
"""

# code, Swedish name, English name, unit, source, source id, direction, breakdown,
# target areas (numbers), description (Swedish)
HEALTH_CATALOGUE = [
    (
        "ohalsotal",
        "Ohälsotal, dagar per person 16–64 år",
        "Sickness and disability days per person aged 16–64",
        "dagar",
        "kolada",
        "N00957",
        "lower",
        "gender",
        [3, 4],
        "Utbetalda dagar med sjukpenning, rehabiliteringspenning, sjuk- och aktivitetsersättning "
        "per registrerad försäkrad 16–64 år. Källa: Försäkringskassan via Kolada.",
    ),
    (
        "sjukpenningtal",
        "Sjukpenningtal, dagar per försäkrad 16–64 år",
        "Sickness benefit days per insured person aged 16–64",
        "dagar",
        "kolada",
        "N00938",
        "lower",
        "gender",
        [3],
        "Dagar med sjukpenning och rehabiliteringspenning per försäkrad. Källa: "
        "Försäkringskassan via Kolada.",
    ),
    (
        "sjalvmord-25",
        "Självmord 25 år och äldre, femårsmedelvärde, per 100 000 invånare",
        "Suicide aged 25 and over, five-year average, per 100,000 inhabitants",
        "",
        "kolada",
        "N61603",
        "lower",
        "total",
        [],
        "Källa: Socialstyrelsens dödsorsaksregister via Kolada. Små tal i små kommuner: läs "
        "femårsmedelvärdet, inte enskilda år.",
    ),
    (
        "sjalvskattad-halsa",
        "Gott självskattat allmänt hälsotillstånd, 16–84 år, andel (%)",
        "Good self-rated general health, aged 16–84, share (%)",
        "%",
        "fohm",
        "",
        "higher",
        "gender_age",
        [],
        "Ur Folkhälsomyndighetens nationella folkhälsoenkät Hälsa på lika villkor "
        "(Folkhälsodata). Inget öppet id; importeras med CSV-mallen.",
    ),
    (
        "medellivslangd",
        "Återstående medellivslängd vid födseln, år",
        "Life expectancy at birth, years",
        "år",
        "fohm",
        "",
        "higher",
        "gender",
        [],
        "Femårsmedelvärde per kommun (Folkhälsodata, från SCB:s befolkningsstatistik). Inget "
        "öppet id; importeras med CSV-mallen.",
    ),
    (
        "psykisk-pafrestning",
        "Allvarlig psykisk påfrestning, 16–84 år, andel (%)",
        "Severe psychological distress, aged 16–84, share (%)",
        "%",
        "fohm",
        "",
        "lower",
        "gender_age",
        [],
        "Ur Hälsa på lika villkor (Folkhälsodata). Inget öppet id; importeras med CSV-mallen.",
    ),
    (
        "daglig-rokning",
        "Daglig tobaksrökning, 16–84 år, andel (%)",
        "Daily smoking, aged 16–84, share (%)",
        "%",
        "fohm",
        "",
        "lower",
        "gender_age",
        [6],
        "Ur Hälsa på lika villkor (Folkhälsodata). Inget öppet id; importeras med CSV-mallen.",
    ),
    (
        "unga-mar-bra",
        "Elever som mår bra eller mycket bra (regionens elevenkät), andel (%)",
        "Pupils who feel well or very well (the region's pupil survey), share (%)",
        "%",
        "region",
        "",
        "higher",
        "gender_age",
        [7],
        "Ur regionens återkommande enkät om ungas hälsa och levnadsvanor (i Örebro län Liv och "
        "hälsa ung), per årskurs som åldersband. Inget öppet id; importeras med CSV-mallen.",
    ),
    (
        "unga-fysiskt-aktiva",
        "Elever som är fysiskt aktiva minst 60 minuter om dagen (regionens elevenkät), andel (%)",
        "Pupils physically active at least 60 minutes a day (the region's pupil survey), share (%)",
        "%",
        "region",
        "",
        "higher",
        "gender_age",
        [6],
        "Ur regionens enkät om ungas hälsa och levnadsvanor, per årskurs som åldersband. Inget "
        "öppet id; importeras med CSV-mallen.",
    ),
    (
        "unga-trygga-skolan",
        "Elever som känner sig trygga i skolan (regionens elevenkät), andel (%)",
        "Pupils who feel safe at school (the region's pupil survey), share (%)",
        "%",
        "region",
        "",
        "higher",
        "gender_age",
        [2],
        "Ur regionens enkät om ungas hälsa och levnadsvanor, per årskurs som åldersband. Inget "
        "öppet id; importeras med CSV-mallen.",
    ),
]

# Children's indicators that public-health work follows too: code -> target areas.
TAGS = {
    "barn-ekonomiskt-utsatta": [1, 4],
    "behoriga-yrkesprogram": [2],
    "lupp-trygghet": [5],
    "lupp-paverka": [7],
}

FIRST_POSITION = 500  # after the children's catalogue


def load_health_catalogue(indicator_model, target_area_model) -> int:
    """Create the missing public-health indicators and mark the shared children's ones; returns
    how many were created."""
    areas = {area.number: area for area in target_area_model.objects.all()}
    created = 0
    for position, row in enumerate(HEALTH_CATALOGUE, 1):
        code, name_sv, name_en, unit, source, source_id, direction, breakdown = row[:8]
        numbers, description = row[8:]
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
            success_factors=["understand_conditions"],
            public_health=True,
            position=FIRST_POSITION + position * 10,
            description=description,
        )
        indicator.target_areas.set([areas[n] for n in numbers if n in areas])
        created += 1
    for code, numbers in TAGS.items():
        indicator = indicator_model.objects.filter(code=code, organisation__isnull=True).first()
        if indicator is None:
            continue
        indicator.public_health = True
        indicator.save(update_fields=["public_health"])
        indicator.target_areas.add(*[areas[n] for n in numbers if n in areas])
    return created
