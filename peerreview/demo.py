"""A peer review in the partnership for the demo: Haninge reviews Karlskoga's long-term plan
and its child-rights perspective (2025), with interviews held, documents read, findings,
ratings, recommendations and Karlskoga's answers. The seed documents say the partnership's
municipalities review each other's work; the review's text is written for the demo. Not
Degerfors: it shares one committee and one unit with Karlskoga, so its review would not be a
peer's (issue 21). Running it twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from networks.models import Network
from organisations import services as organisation_services
from organisations.demo import DEMO_PASSWORD
from organisations.models import Membership, Organisation
from organisations.roles import Role
from planning.success_factors import SuccessFactor as F

from . import services
from .models import PeerReview, Recommendation

PARTNERSHIP = "Partnerskapet för barns rättigheter i praktiken"
TITLE = "Kollegial granskning av Karlskoga 2025"
REVIEWER = ("granskare", "Granskare Haninge")

FINDINGS = {
    F.LONG_TERM_PLAN: (
        3,
        "Handlingsplanen 2026–2028 är antagen av kommunfullmäktige och har mål och aktiviteter "
        "för alla nämnder. Uppföljningen sker i bokslutet, men flera mål saknar mätbara "
        "indikatorer.",
        ["Koppla varje mål i handlingsplanen till minst en indikator som följs upp varje år."],
    ),
    F.CHILD_RIGHTS_PERSPECTIVE: (
        2,
        "Checklistan för hållbar utveckling används i alla nämnder, men barnkonsekvensanalyser "
        "görs sällan fullt ut och barnens egna synpunkter syns inte alltid i underlaget.",
        [
            "Gör en fullständig prövning av barnets bästa i de ärenden där checklistan visar "
            "att barn berörs.",
            "Redovisa i tjänsteskrivelsen hur barnens synpunkter har inhämtats.",
        ],
    ),
}


def _reviewer(reviewing):
    username, last_name = REVIEWER
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": "Demo", "last_name": last_name}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    if not Membership.objects.filter(
        user=user, organisation=reviewing, body=None, role=Role.COORDINATOR
    ).exists():
        organisation_services.add_member(reviewing, by=None, user=user, role=Role.COORDINATOR)
    return user


@transaction.atomic
def load_demo():
    karlskoga = Organisation.objects.filter(scb_code="1883").first()
    haninge = Organisation.objects.filter(scb_code="0136").first()
    network = Network.objects.filter(name=PARTNERSHIP).first()
    answering = get_user_model().objects.filter(username="samordnare").first()
    if None in (karlskoga, haninge, network, answering):
        return
    reviewer = _reviewer(haninge)
    if PeerReview.objects.filter(organisation=karlskoga, year=2025).exists():
        return
    review = services.plan_review(
        network,
        by=reviewer,
        organisation=karlskoga,
        reviewing_organisations=[haninge],
        reviewers=[reviewer],
        title=TITLE,
        year=2025,
        focus_factors=[F.LONG_TERM_PLAN, F.CHILD_RIGHTS_PERSPECTIVE],
        questions="Hur styr handlingsplanen nämndernas arbete?\n"
        "Hur vägs barnets bästa in innan nämnderna fattar beslut?\n"
        "(Demo: granskningen och allt den innehåller är påhittat.)",
        visit_date=datetime.date(2025, 10, 8),
        report_due=datetime.date(2025, 11, 30),
    )
    services.start_review(review, by=reviewer)
    services.add_interview(
        review,
        by=reviewer,
        held_on=datetime.date(2025, 10, 8),
        with_whom="Folkhälsostrateg och folkhälsoutvecklare",
        notes="Genomgång av hur handlingsplanen togs fram och följs upp.",
    )
    services.add_interview(
        review,
        by=reviewer,
        held_on=datetime.date(2025, 10, 8),
        with_whom="Ungdomsforum (grupp)",
        notes="Ungdomarna berättade om hur de får återkoppling på sina förslag.",
    )
    services.add_document(
        review,
        by=reviewer,
        title="Handlingsplan för barnets rättigheter 2026–2028",
        reference="Karlskoga kommun, antagen 2025",
    )
    services.add_document(
        review,
        by=reviewer,
        title="Checklista för hållbar utveckling",
        reference="Karlskoga kommun",
    )
    recommendations = []
    for factor, (level, text, advice) in FINDINGS.items():
        finding = services.save_finding(review, factor, by=reviewer, text=text, level=level)
        for line in advice:
            recommendations.append(services.add_recommendation(finding, by=reviewer, text=line))
    services.report_review(
        review,
        by=reviewer,
        summary="Karlskoga har en tydlig struktur för arbetet med barnets rättigheter. "
        "Nästa steg är att göra uppföljningen mätbar och barnens röster synliga i besluten.",
    )
    services.answer_recommendation(
        recommendations[0],
        by=answering,
        answer=Recommendation.Answer.ACCEPTED,
        answer_text="Indikatorer läggs till vid revideringen av handlingsplanen 2026.",
    )
