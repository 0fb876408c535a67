import datetime

import pytest

from networks import services as network_services
from networks.models import Network
from organisations.models import Body, Organisation

YEAR = 2026


@pytest.fixture(autouse=True)
def _uncached(settings):
    """Compute the figures on every request (the cache has its own test)."""
    settings.COMPARISONS_CACHE_SECONDS = 0


def add_figures(organisation, *, user, version, number, levels=(2,) * 7, decided=2, full=1):
    """Records of every kind the dashboard counts, for one organisation in YEAR: a
    self-assessment, `decided` decisions of which `full` with an approved full assessment,
    two consultations closed (one with published feedback), a training of 12 participants
    against a headcount of 40, and a figure of the indicator `dashboard-test`."""
    from django.utils import timezone

    from assessments.models import Assessment, Case, Decision
    from indicators.models import Indicator, IndicatorValue
    from participation.models import Consultation, Feedback
    from planning.models import FactorRating, SelfAssessment
    from planning.success_factors import SuccessFactor
    from training.models import Headcount, SessionBody, TrainingSession

    body = Body.objects.create(organisation=organisation, name=f"Nämnd {number}", kind="committee")
    old = SelfAssessment.objects.create(organisation=organisation, year=YEAR - 2)
    latest = SelfAssessment.objects.create(organisation=organisation, year=YEAR - 1)
    for assessment, shown in ((old, (0,) * 7), (latest, levels)):
        FactorRating.objects.bulk_create(
            FactorRating(organisation=organisation, assessment=assessment, factor=f, level=lv)
            for f, lv in zip(SuccessFactor.values, shown, strict=True)
        )
    for n in range(decided):
        case = Case.objects.create(
            organisation=organisation,
            body=body,
            case_number=f"KS {number}/{n}",
            title="Ärende",
            status="decided",
        )
        Assessment.objects.create(
            organisation=organisation,
            case=case,
            template_version=version,
            status="approved" if n < full else "in_progress",
            children_affected="yes",
        )
        Decision.objects.create(
            organisation=organisation,
            case=case,
            outcome="Bifall",
            decided_on=datetime.date(YEAR, 3, 1),
            follows_best_interests=True,
            decided_by=user,
        )
    for n in range(2):
        consultation = Consultation.objects.create(
            organisation=organisation,
            title=f"Samråd {n}",
            introduction="Vad tycker du?",
            closes_on=datetime.date(YEAR, 5, 1),
            status="answered",
        )
        if n == 0:
            Feedback.objects.create(
                organisation=organisation,
                consultation=consultation,
                what_was_decided="Ny park",
                how_views_counted="Mycket",
                why="Därför",
                published_at=timezone.now(),
            )
    session = TrainingSession.objects.create(
        organisation=organisation,
        held_on=datetime.date(YEAR, 4, 1),
        topic="Barnkonventionen",
        format="in_person",
        target_group="staff",
        participants=12,
    )
    SessionBody.objects.create(
        organisation=organisation, session=session, body=body, participants=12
    )
    Headcount.objects.create(
        organisation=organisation, body=body, year=YEAR, target_group="staff", count=40
    )
    indicator, _created = Indicator.objects.get_or_create(
        code="dashboard-test", defaults={"name_sv": "Testindikator", "unit": "%", "source": "own"}
    )
    IndicatorValue.objects.create(
        indicator=indicator, area_code=organisation.scb_code, year=YEAR - 1, value=10.0 + number
    )
    return indicator


@pytest.fixture
def partnership(karlskoga, degerfors, coordinator, standard_version):
    network = network_services.create_network(
        karlskoga,
        by=None,
        name="Partnerskapet",
        kind=Network.Kind.PARTNERSHIP,
        member_organisations=[karlskoga, degerfors],
    )
    add_figures(karlskoga, user=coordinator, version=standard_version, number=1, decided=4, full=3)
    add_figures(degerfors, user=coordinator, version=standard_version, number=2, levels=(4,) * 7)
    return network


def grow(network, size, *, user, version):
    """Add `size` member municipalities with figures to the network."""
    start = Organisation.objects.count()
    for n in range(start, start + size):
        organisation = Organisation.objects.create(
            name=f"Kommun {n:03d}", kind="municipality", scb_code=f"{2000 + n}"
        )
        network.member_organisations.add(organisation)
        add_figures(organisation, user=user, version=version, number=n)
