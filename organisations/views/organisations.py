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


@login_required
@require_http_methods(["GET", "POST"])
def population_add(request, pk):
    organisation = organisation_for(request, pk, "add", "populationfact")
    return service_page(
        request,
        organisation,
        PopulationFactForm,
        services.add_population_fact,
        _("The population figure was added."),
        title=_("Add a population figure"),
        organisation=organisation,
        done=organisation,
    )


@login_required
@require_http_methods(["GET", "POST"])
def population_delete(request, pk):
    fact = get_for_user(
        PopulationFact.objects.select_related("organisation"), request.user, "delete", pk=pk
    )
    url = fact.organisation.get_absolute_url()
    return confirm_delete(
        request, fact, service=services.delete_population_fact, success_url=url, cancel_url=url
    )


@login_required
@require_http_methods(["GET", "POST"])
def population_by_age_add(request, pk):
    organisation = organisation_for(request, pk, "add", "populationbyage")
    return service_page(
        request,
        organisation,
        PopulationByAgeForm,
        services.add_population_by_age,
        _("The population figure was added."),
        title=_("Add the population of an age band"),
        organisation=organisation,
        done=organisation,
    )


@login_required
@require_http_methods(["GET", "POST"])
def population_by_age_delete(request, pk):
    row = get_for_user(
        PopulationByAge.objects.select_related("organisation"), request.user, "delete", pk=pk
    )
    url = row.organisation.get_absolute_url()
    return confirm_delete(
        request, row, service=services.delete_population_by_age, success_url=url, cancel_url=url
    )
