"""People and their roles in an organisation: list, add, change role, remove."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from core.transitions import run_transition
from core.views.forms import form_copy, render_form
from organisations.lookups import organisation_for

from .. import services
from ..access import forget_access, get_for_user
from ..forms import AddMemberForm, MembershipForm
from ..models import Membership


@login_required
def people(request, organisation_pk):
    organisation = organisation_for(request, organisation_pk, "view", "membership")
    memberships = Membership.objects.filter(organisation=organisation).select_related(
        "user", "body", "organisation"
    )
    return render(
        request,
        "organisations/people.html",
        {
            "organisation": organisation,
            "memberships": memberships,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_person(request, organisation_pk):
    organisation = organisation_for(request, organisation_pk, "add", "membership")
    form = AddMemberForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = {}

        def add():
            user, created = services.find_or_create_person(
                by=request.user,
                username=data["username"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
            services.add_member(
                organisation, by=request.user, user=user, role=data["role"], body=data["body"]
            )
            result.update(user=user, created=created)

        if run_transition(request, form=form, change=add):
            report_invitation(request, result["user"], result["created"])
            return redirect("organisations:people", organisation_pk=organisation.pk)
    title = _("Add a person to %(organisation)s") % {"organisation": organisation}
    return render_form(request, form, title, organisation)


def report_invitation(request, user, created):
    messages.success(request, _("%(person)s was given the role.") % {"person": user})
    if not created:
        return
    if services.invite_by_email(user, request=request):
        messages.info(request, _("An e-mail with a link to choose a password was sent."))
    else:
        messages.warning(
            request,
            _(
                "No e-mail was sent: e-mail is not configured for Barnrätt (or the person has no "
                "address). An administrator must set a first password for the account."
            ),
        )


@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, pk):
    membership = get_for_user(
        Membership.objects.select_related("user", "organisation"), request.user, "change", pk=pk
    )
    form = MembershipForm(request.POST or None, instance=form_copy(membership))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_transition(
            request,
            form=form,
            change=lambda: services.change_membership(
                membership, by=request.user, role=data["role"], body=data["body"]
            ),
        ):
            forget_access(request.user)
            messages.success(request, _("The role was changed."))
            return redirect("organisations:people", organisation_pk=membership.organisation_id)
    title = _("Change the role of %(person)s") % {"person": membership.user}
    return render_form(request, form, title, membership)


@login_required
@require_http_methods(["GET", "POST"])
def membership_delete(request, pk):
    membership = get_for_user(
        Membership.objects.select_related("user", "organisation", "body"),
        request.user,
        "delete",
        pk=pk,
    )
    url = reverse("organisations:people", kwargs={"organisation_pk": membership.organisation_id})
    return confirm_delete(
        request, membership, service=services.remove_membership, success_url=url, cancel_url=url
    )
