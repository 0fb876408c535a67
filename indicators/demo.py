"""Demo figures for Karlskoga, Degerfors, their neighbours, the county and Sweden.

The figures are invented: plausible in size, made from a fixed seed, and marked with the source
"Demo – påhittade värden" on every row so that nobody takes them for statistics. Running it twice
changes nothing (the same upsert as an import; no import run is recorded).
"""

import random

from django.db import transaction

from convention.models import Article
from organisations.models import Organisation

from .imports.core import write_values
from .models import NATIONAL_CODE, Indicator, ValueStatus

DEMO_SOURCE = "Demo – påhittade värden"
YEARS = range(2015, 2025)
# code -> (level, yearly change, spread between areas, girls' difference from boys)
SHAPES = {
    "barn-0-17": (None, 0.004, 0.0, -0.03),
    "barn-ekonomiskt-utsatta": (14.0, -0.25, 3.0, 0.2),
    "behoriga-yrkesprogram": (84.0, -0.2, 4.0, 3.5),
    "lupp-trygghet": (78.0, 0.3, 5.0, -6.0),
    "hushall-med-barn": (11.5, -0.05, 1.0, 0.0),
    # Public-health indicators (issue 20): women's or girls' difference from men's or boys'.
    "ohalsotal": (26.0, -0.6, 5.0, 9.0),
    "sjalvskattad-halsa": (71.0, 0.1, 4.0, -4.0),
    "unga-mar-bra": (70.0, -0.6, 5.0, -16.0),
    "unga-fysiskt-aktiva": (22.0, -0.2, 4.0, -7.0),
}
# Children 0–17 as a share of the inhabitants, for the demo population figures. Karlskoga and
# Degerfors: seed 000. The northern municipalities: rounded sizes of the right order, so that the
# invented figures are not absurd (issue 21: Nora had about 5 300 children); not statistics,
# and every row says "Demo – påhittade värden".
INHABITANTS = {
    "1883": 30386,
    "1862": 9543,
    "1884": 10000,
    "1863": 7000,
    "1864": 5000,
    "1885": 23000,
    "18": 306000,
    NATIONAL_CODE: 10550000,
}


def _figure(indicator, code, year, sex, rng_base):
    level, change, spread, girls = SHAPES[indicator.code]
    rng = random.Random(f"{rng_base}-{indicator.code}-{code}")
    offset = rng.uniform(-spread, spread)
    noise = random.Random(f"{rng_base}-{indicator.code}-{code}-{year}").uniform(-0.4, 0.4)
    if level is None:  # children 0–17: about a fifth of the inhabitants
        total = INHABITANTS.get(code, 10000 + rng.randint(0, 20000)) * 0.205
        total *= 1 + change * (year - 2015)
        share = {"T": 1, "K": 0.485, "M": 0.515}[sex]
        return round(total * share)
    value = level + offset + change * (year - 2015) + noise
    if sex == "K":
        value += girls / 2
    elif sex == "M":
        value -= girls / 2
    return round(value, 1)


def demo_rows() -> dict:
    codes = [
        code
        for code in Organisation.objects.exclude(scb_code="").values_list("scb_code", flat=True)
        if code in ("18", "1883", "1862", "1884", "1863", "1864", "1885")
    ] + [NATIONAL_CODE]
    rows = {}
    for indicator in Indicator.objects.filter(code__in=SHAPES, organisation=None):
        genders = ["T", "K", "M"] if indicator.by_gender else ["T"]
        for code in codes:
            for year in YEARS:
                for sex in genders:
                    value = _figure(indicator, code, year, sex, "barnratt")
                    status = ValueStatus.PRELIMINARY if year == 2024 else ValueStatus.FINAL
                    rows[(indicator.pk, code, year, sex, "")] = (value, status, 0)
    return rows


def load_demo():

    from publichealth.models import TargetArea

    from .catalogue import load_catalogue
    from .health_catalogue import load_health_catalogue

    load_catalogue(Indicator, Article)  # shipped by a migration; again after a test's flush
    load_health_catalogue(Indicator, TargetArea)
    rows = demo_rows()
    if rows:
        with transaction.atomic():
            write_values(rows, DEMO_SOURCE)
