"""What the yearly account counts of consultations, defined once: the report's participation
section and the consultation list's filter (`filters.ConsultationFilter`) both read these, so a
figure and the list behind it cannot drift apart (issue 22)."""

from django.db.models import Exists, OuterRef, Q

from assessments.models import Case

from .models import Consultation, Feedback

FEEDBACK = ("given", "owed")


def held_in(year: int) -> Q:
    """The consultations held in a year: opened in it (or, never opened, created in it), and
    past their draft."""
    opened = Q(opens_on__year=year) | Q(opens_on__isnull=True, created_at__year=year)
    return opened & ~Q(status=Consultation.Status.DRAFT)


def _decided_case_links():
    # From the link table, so that the databases start from the consultation's own links rather
    # than from every decided case in the country (SQLite did, 0.3 s at national scale).
    links = Consultation.cases.through.objects
    return links.filter(consultation_id=OuterRef("pk"), case__status=Case.Status.DECIDED)


def with_decided_cases(consultations):
    """Those of `consultations` with a decided linked case, each annotated `has_feedback`:
    whether it has told the children what happened (published feedback)."""
    published = Feedback.objects.filter(consultation=OuterRef("pk"), published_at__isnull=False)
    return consultations.filter(Exists(_decided_case_links())).annotate(
        has_feedback=Exists(published)
    )


def feedback(consultations, state: str):
    """Those of `consultations` whose decided case's feedback is `state` ("given"/"owed")."""
    return with_decided_cases(consultations).filter(has_feedback=state == "given")
