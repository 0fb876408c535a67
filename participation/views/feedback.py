"""Views from meetings, and the feedback to the children ("Det här hände")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.deletion import delete_now
from core.transitions import run_transition
from core.views.forms import service_page
from organisations.access import get_for_user, require

from .. import services
from ..forms import FeedbackForm, OfflineVoiceForm
from ..models import Feedback, OfflineVoice
from .helpers import consultation_for, readability


@login_required
@require_http_methods(["GET", "POST"])
def voice_add(request, pk):
    consultation = consultation_for(request.user, pk)
    require(request.user, "add", "offlinevoice", consultation.organisation_id, consultation.body_id)
    return service_page(
        request,
        consultation,
        OfflineVoiceForm,
        services.record_offline_voice,
        _("The views were recorded."),
        title=_("Views from a meeting – %(consultation)s") % {"consultation": consultation},
        done=consultation,
    )


@login_required
@require_POST
def voice_delete(request, pk):
    voice = get_for_user(OfflineVoice.objects, request.user, "delete", pk=pk)
    return delete_now(
        request,
        voice,
        services.delete_offline_voice,
        _("The views were removed."),
        voice.consultation,
    )


@login_required
@require_http_methods(["GET", "POST"])
def feedback_edit(request, pk):
    consultation = consultation_for(request.user, pk)
    require(request.user, "add", "feedback", consultation.organisation_id, consultation.body_id)
    stored = Feedback.objects.filter(consultation=consultation).first()
    form = FeedbackForm(request.POST or None, instance=stored)
    if request.method == "POST" and form.is_valid():
        services.save_feedback(consultation, by=request.user, **form.cleaned_data)
        if "publish" in request.POST:
            if run_transition(
                request, lambda: services.publish_feedback(consultation, by=request.user)
            ):
                messages.success(request, _("The feedback is published on the children's page."))
                return redirect(consultation)
        else:
            messages.success(request, _("The feedback was saved."))
        return redirect("participation:feedback_edit", pk=consultation.pk)
    texts = form.instance if stored else None
    checks = []
    if texts:
        checks = [(label, readability(text, consultation)) for label, text in texts.parts()]
    return render(
        request,
        "participation/feedback_form.html",
        {
            "consultation": consultation,
            "form": form,
            "checks": checks,
            "feedback": stored,
            "decided_cases": consultation.cases.filter(status="decided").select_related("decision"),
        },
    )
