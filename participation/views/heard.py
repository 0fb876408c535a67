"""Who was heard in a year, per organisation and optionally per body (issue 22)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from organisations.lookups import organisation_for
from organisations.models import Body

from ..models import Consultation
from ..year import year_heard

# The Swedish law on the Convention took effect on 1 January 2020; the select starts there.
FIRST_YEAR = 2020


def _chosen(value: str, choices: list[int], default: int) -> int:
    return int(value) if value.isdigit() and int(value) in choices else default


@login_required
def who_was_heard(request, organisation_pk):
    """All the year's consultations of an organisation together, those the reader may see."""
    organisation = organisation_for(request, organisation_pk)
    this_year = timezone.localdate().year
    years = list(range(this_year + 1, FIRST_YEAR - 1, -1))
    year = _chosen(request.GET.get("year", ""), years, this_year)
    bodies = list(Body.objects.visible_to(request.user).filter(organisation=organisation))
    body = _chosen(request.GET.get("body", ""), [b.pk for b in bodies], 0)
    consultations = Consultation.objects.visible_to(request.user).filter(organisation=organisation)
    if body:
        consultations = consultations.filter(body_id=body)
    context = {
        "organisation": organisation,
        "heard": year_heard(consultations, organisation.pk, year),
        "years": years,
        "bodies": bodies,
        "body": body,
    }
    return render(request, "participation/who_was_heard.html", context)
