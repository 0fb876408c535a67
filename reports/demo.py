"""Demo yearly reports: Karlskoga's 2025 account, published; the joint public-health
committee's bokslut för folkhälsa och barnkonvention 2025 for Karlskoga and Degerfors, with
both parts, published; and its 2026 account as a draft for the coordinator to finish. The
texts are written for the demo. Running it twice changes nothing."""

from django.contrib.auth import get_user_model
from django.db import transaction

from organisations.models import Body, Organisation

from . import services
from .models import Report

FOREWORD_2025 = (
    "Under 2025 fortsatte Karlskoga att arbeta systematiskt med barnets rättigheter. Barnets "
    "bästa prövas inför beslut med Checklista för hållbar utveckling, och barn och unga har "
    "fått säga sitt i dialoger och i ungdomsforumet.\n\n"
    "Bokslutet bygger på det som har registrerats under året; analysen och prioriteringarna "
    "är folkhälsonämndens."
)
ANALYSIS_2025 = {
    "child_rights_perspective": (
        "Andelen ärenden som prövas för om de berör barn har ökat. Nästa steg är att fler "
        "prövningar tar in barnens egna åsikter."
    ),
    "training": "Alla nämnder har erbjudits grundutbildning i barnkonventionen.",
}
PRIORITIES_2025 = (
    "Återkoppla till barnen i alla dialoger vars ärende är beslutat.\n\nFölja upp besluten i tid."
)
FOREWORD_JOINT_2025 = (
    "Årligen görs ett bokslut för folkhälsa och barnkonvention, som en uppföljning av årets "
    "arbete. Här redovisar folkhälsonämnden 2025 för Karlskoga och Degerfors: "
    "barnkonventionens del och folkhälsans del sida vid sida.\n\n"
    "Hälsosiffrorna i demon är påhittade; i en riktig kommun importeras de från Kolada, "
    "Folkhälsomyndigheten och regionens elevenkät."
)
PRIORITIES_JOINT_2025 = (
    "Minska skillnaderna i psykisk hälsa mellan flickor och pojkar (påhittat för demon)."
)
FOREWORD_2026 = (
    "Folkhälsonämnden redovisar här årets arbete med folkhälsa och barnets rättigheter i "
    "Karlskoga och Degerfors."
)


@transaction.atomic
def load_demo():
    users = get_user_model().objects
    coordinator = users.filter(username="samordnare").first()
    decider = users.filter(username="beslutsfattare").first()
    karlskoga = Organisation.objects.filter(scb_code="1883").first()
    if not (coordinator and decider and karlskoga):
        return
    report = Report.objects.filter(organisation=karlskoga, body=None, year=2025).first()
    if report is None:
        report = services.create_report(karlskoga, by=coordinator, year=2025)
        services.update_texts(
            report,
            by=coordinator,
            foreword=FOREWORD_2025,
            analysis=ANALYSIS_2025,
            priorities=PRIORITIES_2025,
        )
        services.approve_report(report, by=decider)
        services.publish_report(report, by=coordinator)
    committee = Body.objects.filter(organisation=karlskoga, name="Folkhälsonämnden").first()
    if committee and not Report.objects.filter(body=committee, year=2025).exists():
        joint = services.create_report(karlskoga, by=coordinator, year=2025, body=committee)
        services.update_texts(
            joint,
            by=coordinator,
            foreword=FOREWORD_JOINT_2025,
            priorities=PRIORITIES_JOINT_2025,
        )
        services.approve_report(joint, by=decider)
        services.publish_report(joint, by=coordinator)
    if committee and not Report.objects.filter(body=committee, year=2026).exists():
        joint = services.create_report(karlskoga, by=coordinator, year=2026, body=committee)
        services.update_texts(joint, by=coordinator, foreword=FOREWORD_2026)
