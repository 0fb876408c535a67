"""Organisations: list, detail, edit, and their population figures."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from core.panels import panels_for
from core.views.forms import edit_page, service_page
from organisations.lookups import organisation_for

from .. import services
from ..access import can, can_on, get_for_user
from ..forms import OrganisationForm, PopulationByAgeForm, PopulationFactForm
from ..models import Body, Organisation, PopulationByAge, PopulationFact


@login_required
def organisation_list(request):
    organisations = Organisation.objects.visible_to(request.user)
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(request, "organisations/organisation_list.html", {"page": page})


@login_required
def organisation_detail(request, pk):
    organisation = get_for_user(Organisation.objects, request.user, pk=pk)
    # `pk IN (subquery)` keeps both sides of the OR on an index (no JOIN, no DISTINCT).
    served = Body.served_organisations.through.objects.filter(organisation=organisation)
    bodies = Body.objects.filter(Q(organisation=organisation) | Q(pk__in=served.values("body_id")))
    user = request.user
    context = {
        "organisation": organisation,
        "facts": PopulationFact.objects.filter(organisation=organisation),
        "ages": PopulationByAge.objects.filter(organisation=organisation),
        "bodies": bodies.select_related("organisation"),
        # Sections other apps add, such as the networks the organisation is part of.
        "panels": panels_for("organisations.organisation_detail", user, organisation),
        "can_edit": can_on(user, "change", organisation),
        "can_add_body": can(user, "add", "body", organisation.pk),
        "can_add_fact": can(user, "add", "populationfact", organisation.pk),
        "can_add_age": can(user, "add", "populationbyage", organisation.pk),
        "can_see_people": can(user, "view", "membership", organisation.pk),
        "can_see_history": can(user, "view", "auditentry", organisation.pk),
        "can_manage_tokens": can(user, "view", "apitoken", organisation.pk),
        "can_see_retention": can(user, "view", "retentionrule", organisation.pk),
    }
    return render(request, "organisations/organisation_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk):
    organisation = get_for_user(Organisation.objects, request.user, "change", pk=pk)
    return edit_page(
        request,
        organisation,
        OrganisationForm,
        services.update_organisation,
        _("The organisation was saved."),
    )


def _population_add(request, pk, object_type, form_class, service, title):
    """Add a population row (in all, or per age band) to the organisation, then back to it."""
    organisation = organisation_for(request, pk, "add", object_type)
    return service_page(
        request,
        organisation,
        form_class,
        service,
        _("The population figure was added."),
        title=title,
        organisation=organisation,
        done=organisation,
    )


def _population_delete(request, pk, model, service):
    """Delete a population row after asking, then back to its organisation."""
    row = get_for_user(model.objects.select_related("organisation"), request.user, "delete", pk=pk)
    url = row.organisation.get_absolute_url()
    return confirm_delete(request, row, service=service, success_url=url, cancel_url=url)


@login_required
@require_http_methods(["GET", "POST"])
def population_add(request, pk):
    return _population_add(
        request,
        pk,
        "populationfact",
        PopulationFactForm,
        services.add_population_fact,
        _("Add a population figure"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def population_delete(request, pk):
    return _population_delete(request, pk, PopulationFact, services.delete_population_fact)


@login_required
@require_http_methods(["GET", "POST"])
def population_by_age_add(request, pk):
    return _population_add(
        request,
        pk,
        "populationbyage",
        PopulationByAgeForm,
        services.add_population_by_age,
        _("Add the population of an age band"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def population_by_age_delete(request, pk):
    return _population_delete(request, pk, PopulationByAge, services.delete_population_by_age)
