"""Agreements and regulations: one list, and create, read, edit, delete for each. Every party
to an agreement sees it; the recording organisation's coordinators change it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_http_methods

from core.transitions import run_transition
from core.views.forms import form_copy
from core.views.generic import delete_view
from organisations.access import (
    allowed_bodies,
    creatable_anywhere,
    get_for_user,
    record_actions,
)
from organisations.models import Organisation

from . import services
from .forms import AgreementForm, RegulationForm, party_formset
from .models import Agreement, Regulation


def _form_page(request, title, back, form, parties=None):
    context = {"title": title, "back": back, "form": form, "parties": parties}
    return render(request, "agreements/form.html", context)


@login_required
def agreement_list(request):
    agreements = (
        Agreement.objects.visible_to(request.user)
        .select_related("organisation", "carried_out_by")
        .prefetch_related("parties__party")
    )
    regulations = Regulation.objects.visible_to(request.user).select_related("body", "organisation")
    context = {
        "agreements": agreements,
        "regulations": regulations,
        "today": timezone.localdate(),
        "agreement_creatable": creatable_anywhere(request.user, "agreement"),
        "regulation_creatable": creatable_anywhere(request.user, "regulation"),
    }
    return render(request, "agreements/agreement_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request, organisation_pk):
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    bodies = allowed_bodies(request.user, "add", "agreement", organisation.pk)
    form = AgreementForm(request.POST or None, organisation=organisation, bodies=bodies)
    parties = party_formset(request.POST or None)
    if request.method == "POST" and form.is_valid() and parties.is_valid():
        saved = []

        def create():
            saved.append(
                services.create_agreement(
                    organisation, by=request.user, parties=parties.parties(), **form.cleaned_data
                )
            )

        if run_transition(request, form=form, change=create):
            messages.success(request, _("The agreement was recorded."))
            return redirect(saved[0])
    title = _("New agreement in %(organisation)s") % {"organisation": organisation}
    return _form_page(request, title, reverse("agreements:agreement_list"), form, parties)


def _agreement_for(request, pk, action="view"):
    agreements = Agreement.objects.select_related("organisation", "adopted_by", "carried_out_by")
    return get_for_user(agreements, request.user, action, pk=pk)


def _regulation_for(request, pk, action="view"):
    regulations = Regulation.objects.select_related("organisation", "body", "adopted_by")
    return get_for_user(regulations, request.user, action, pk=pk)


@login_required
def agreement_detail(request, pk):
    agreement = _agreement_for(request, pk)
    parties = list(agreement.parties.select_related("party"))
    context = {
        "agreement": agreement,
        "parties": parties,
        "total_share": sum(p.funding_share for p in parties if p.funding_share is not None)
        if any(p.funding_share is not None for p in parties)
        else None,
        "in_force": agreement.is_in_force(timezone.localdate()),
        **record_actions(request.user, agreement, agreement.organisation_id),
    }
    return render(request, "agreements/agreement_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk):
    agreement = _agreement_for(request, pk, "change")
    form = AgreementForm(
        request.POST or None,
        instance=form_copy(agreement),
        organisation=agreement.organisation,
        bodies=allowed_bodies(request.user, "change", "agreement", agreement.organisation_id),
    )
    parties = party_formset(request.POST or None, agreement)
    if request.method == "POST" and form.is_valid() and parties.is_valid():

        def update():
            services.update_agreement(
                agreement, by=request.user, parties=parties.parties(), **form.cleaned_data
            )

        if run_transition(request, form=form, change=update):
            messages.success(request, pgettext("between organisations", "The agreement was saved."))
            return redirect(agreement)
    title = _("Edit %(agreement)s") % {"agreement": agreement}
    return _form_page(request, title, agreement.get_absolute_url(), form, parties)


agreement_delete = delete_view(
    _agreement_for,
    services.delete_agreement,
    "agreements:agreement_list",
    consequences=[gettext_lazy("The list of its parties and their funding shares.")],
)


@login_required
@require_http_methods(["GET", "POST"])
def regulation_create(request, organisation_pk):
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    bodies = allowed_bodies(request.user, "add", "regulation", organisation.pk)
    instance = Regulation(organisation=organisation)
    form = RegulationForm(
        request.POST or None, instance=instance, organisation=organisation, bodies=bodies
    )
    if request.method == "POST" and form.is_valid():
        regulation = services.create_regulation(organisation, by=request.user, **form.cleaned_data)
        messages.success(request, _("The regulations were recorded."))
        return redirect(regulation)
    title = _("New regulations in %(organisation)s") % {"organisation": organisation}
    return _form_page(request, title, reverse("agreements:agreement_list"), form)


@login_required
def regulation_detail(request, pk):
    regulation = _regulation_for(request, pk)
    context = {
        "regulation": regulation,
        **record_actions(request.user, regulation),
    }
    return render(request, "agreements/regulation_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def regulation_edit(request, pk):
    regulation = _regulation_for(request, pk, "change")
    form = RegulationForm(
        request.POST or None,
        instance=form_copy(regulation),
        organisation=regulation.organisation,
        bodies=allowed_bodies(request.user, "change", "regulation", regulation.organisation_id),
    )
    if request.method == "POST" and form.is_valid():
        fields = form.cleaned_data
        if run_transition(
            request,
            form=form,
            change=lambda: services.update_regulation(regulation, by=request.user, **fields),
        ):
            messages.success(request, _("The regulations were saved."))
            return redirect(regulation)
    title = _("Edit %(regulation)s") % {"regulation": regulation}
    return _form_page(request, title, regulation.get_absolute_url(), form)


regulation_delete = delete_view(
    _regulation_for, services.delete_regulation, "agreements:agreement_list"
)
