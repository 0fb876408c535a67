"""The samverkansavtal behind the public-health team of northern Örebro county, and the joint
public-health committee's regulations, from seed documents 000 and 004. What the sources do not
say (the agreement's date, the funding shares) is invented for the demo and says so."""

import datetime
from decimal import Decimal

from django.db import transaction

from organisations.models import Body, Organisation

from . import services
from .models import Agreement, Regulation

AGREEMENT_TITLE = "Samverkansavtal om folkhälsoarbete i norra Örebro län"
INVENTED_SHARE = "Påhittad andel för demon: källan säger inte hur finansieringen fördelas."
# SCB code, invented share (%), note. The four municipalities share equally in this invention.
PARTIES = [
    ("1884", Decimal("12.5"), INVENTED_SHARE),
    ("1863", Decimal("12.5"), INVENTED_SHARE),
    ("1864", Decimal("12.5"), INVENTED_SHARE),
    ("1885", Decimal("12.5"), INVENTED_SHARE),
    (
        "18",
        Decimal("50"),
        "Delfinansiär enligt källan. " + INVENTED_SHARE,
    ),
]

REGULATION_TITLE = "Reglemente för folkhälsonämnden"


@transaction.atomic
def load_demo():
    load_agreement()
    load_regulation()


def load_agreement():
    nora = Organisation.objects.filter(scb_code="1884").first()
    team = Body.objects.filter(name="Folkhälsoteamet norra Örebro län").first()
    if nora is None or team is None:
        return
    if Agreement.objects.filter(organisation=nora, title=AGREEMENT_TITLE).exists():
        return
    parties = [
        services.Party(Organisation.objects.get(scb_code=code), share, note)
        for code, share, note in PARTIES
    ]
    services.create_agreement(
        nora,
        by=None,
        title=AGREEMENT_TITLE,
        purpose=(
            "Folkhälsoarbetet i Nora, Hällefors, Ljusnarsberg och Lindesberg bygger på ett "
            "samverkansavtal mellan de fyra kommunerna och Region Örebro län, som är "
            "delfinansiär. Arbetet görs av ett gemensamt folkhälsoteam som sitter i Nora; "
            "teamets styrgrupp består av de fyra kommuncheferna. Regionens folkhälsoplan är "
            "utgångspunkt för teamets arbete."
        ),
        # Invented: the source (published 13 April 2016) gives no date.
        starts_on=datetime.date(2015, 1, 1),
        carried_out_by=team,
        notes=(
            "Avtalets startdatum och finansieringsandelarna är påhittade för demon. Källan "
            "anger inte heller vilket organ som antog avtalet eller under vilken paragraf, "
            "så de fälten är tomma."
        ),
        parties=parties,
    )


def load_regulation():
    committee = Body.objects.filter(name="Folkhälsonämnden", organisation__scb_code="1883").first()
    if committee is None:
        return
    if Regulation.objects.filter(body=committee, title=REGULATION_TITLE).exists():
        return
    services.create_regulation(
        committee.organisation,
        by=None,
        body=committee,
        title=REGULATION_TITLE,
        responsibilities=(
            "Karlskogas och Degerfors kommuners gemensamma folkhälsonämnd har enligt reglemente "
            "ett övergripande ansvar för kommunernas utveckling av barnkonventions- och "
            "folkhälsoarbete. Nämnden bjuder, med stöd av politiskt beslut, regelbundet in "
            "samtliga nämnder och styrelser till ett tvärsektoriellt nätverk med representation "
            "från båda kommunerna."
        ),
    )
