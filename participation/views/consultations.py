"""Consultations for staff: the list, create, the page with its questions, edit, open, close."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.models import Case
from core.keyset import NEWER, OLDER, keyset_page
from core.transitions import run_transition
from core.views.forms import form_copy, form_page
from organisations.access import can, can_on, creatable_anywhere
from organisations.lookups import organisation_and_bodies
from organisations.models import Organisation

from .. import services
from ..filters import ConsultationFilter
from ..forms import ConsultationForm
from ..models import Answer, Consultation
from .helpers import consultation_for, may_read_answers, readability

PAGE_SIZE = 25


@login_required
def consultation_list(request):
    consultations = Consultation.objects.visible_to(request.user).select_related("organisation")
    filterset = ConsultationFilter(request.GET or None, queryset=consultations, user=request.user)
    page = keyset_page(filterset.qs, request.GET, size=PAGE_SIZE)
    creatable = creatable_anywhere(request.user, "consultation")
    query = request.GET.copy()
    for key in (NEWER, OLDER):
        query.pop(key, None)
    # Who was heard, per year: for each organisation whose consultations the user sees.
    visible = Consultation.objects.visible_to(request.user).values("organisation_id")
    heard_in = Organisation.objects.filter(pk__in=visible).order_by("name")
    return render(
        request,
        "participation/consultation_list.html",
        {
            "page": page,
            "creatable": creatable,
            "filter": filterset,
            "heard_in": heard_in,
            "query_string": query.urlencode(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_create(request, organisation_pk):
    organisation, bodies = organisation_and_bodies(request, organisation_pk, "add", "consultation")
    initial = {"age_bands": ["13-17"], "channels": ["online"]} | _from_case(request, organisation)
    form = ConsultationForm(
        request.POST or None, organisation=organisation, bodies=bodies, initial=initial
    )
    return form_page(
        request,
        form,
        title=_("New consultation in %(organisation)s") % {"organisation": organisation},
        back=organisation,
        save=lambda form: services.create_consultation(
            organisation, by=request.user, **form.service_fields()
        ),
        saved=_("The consultation was created. Now add the questions."),
    )


def _from_case(request, organisation) -> dict:
    """Pre-filled from the case the consultation is for ("Ask the children" on the case page,
    `?case=<id>`): its number, body and title, so nobody retypes them. A case the user cannot
    see, or of another organisation, pre-fills nothing."""
    case_id = request.GET.get("case", "")
    if not case_id.isdigit():
        return {}
    case = (
        Case.objects.visible_to(request.user)
        .filter(pk=int(case_id), organisation=organisation)
        .first()
    )
    if case is None:
        return {}
    return {"case_numbers": case.case_number, "body": case.body_id, "title": case.title}


@login_required
def consultation_detail(request, pk):
    consultation = consultation_for(request.user, pk)
    user = request.user
    questions = [
        (question, readability(question.text, consultation))
        for question in consultation.questions.all()
    ]
    feedback = getattr(consultation, "feedback", None)
    can_moderate = may_read_answers(user, consultation, "moderate")
    # Responses held as a suspected flood are not counted until a person lets them through.
    responses = consultation.responses.aggregate(
        counted=Count("pk", filter=Q(suspected_flood=False)),
        held=Count("pk", filter=Q(suspected_flood=True)),
    )
    context = {
        "consultation": consultation,
        "questions": questions,
        "intro_readability": readability(consultation.introduction, consultation),
        "cases": consultation.cases.all(),
        "activities": consultation.activities.select_related("plan"),
        "voices": consultation.offline_voices.all(),
        "response_count": responses["counted"],
        "feedback": feedback,
        "can_change": can_on(user, "change", consultation),
        "can_see_answers": can_on(user, "view", consultation)
        and can(user, "view", "response", consultation.organisation_id, consultation.body_id),
        "children_url": request.build_absolute_uri(consultation.children_path()),
        "can_moderate": can_moderate,
        "pending_count": _pending(consultation) if can_moderate else 0,
        "held_count": responses["held"] if can_moderate else 0,
    }
    return render(request, "participation/consultation_detail.html", context)


def _pending(consultation) -> int:
    return Answer.objects.filter(
        question__consultation=consultation, moderation=Answer.Moderation.PENDING
    ).count()


@login_required
@require_http_methods(["GET", "POST"])
def consultation_edit(request, pk):
    consultation = consultation_for(request.user, pk, "change")
    form = ConsultationForm(
        request.POST or None,
        instance=form_copy(consultation),
        organisation=consultation.organisation,
    )
    return form_page(
        request,
        form,
        title=_("Edit %(consultation)s") % {"consultation": consultation},
        back=consultation,
        save=lambda form: services.update_consultation(
            consultation, by=request.user, **form.service_fields()
        ),
        saved=_("The consultation was saved."),
    )


@login_required
@require_POST
def consultation_status(request, pk, action):
    consultation = consultation_for(request.user, pk, "change")
    transition = {"open": services.open_consultation, "close": services.close_consultation}[action]
    if run_transition(request, lambda: transition(consultation, by=request.user)):
        done = {"open": _("The consultation is open."), "close": _("The consultation is closed.")}
        messages.success(request, done[action])
    return redirect(consultation)
