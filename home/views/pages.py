"""The public landing page, the user's start page and the accessibility statement."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.forms import AccessibilityReportForm
from core.start import waiting_items
from organisations.access import NamedOrganisation, user_access
from organisations.models import Body
from organisations.roles import Role


def home(request):
    if request.user.is_authenticated:
        return redirect("home:start")
    return render(request, "home/home.html")


@login_required
def start(request):
    access = user_access(request.user)
    # The names came with the memberships: no query for the organisations.
    organisations = [NamedOrganisation(pk, name) for pk, name in access.organisation_names.items()]
    bodies = Body.objects.filter(pk__in=access.body_roles).select_related("organisation")
    labels = dict(Role.choices)
    context = {
        "organisations": [
            (
                organisation,
                sorted(str(labels[r]) for r in access.organisation_roles.get(organisation.pk, ())),
            )
            for organisation in organisations
        ],
        "bodies": [
            (body, sorted(str(labels[r]) for r in access.body_roles[body.pk])) for body in bodies
        ],
        "waiting": waiting_items(request.user),
    }
    return render(request, "home/start.html", context)


@require_http_methods(["GET", "POST"])
def accessibility(request):
    form = AccessibilityReportForm(
        request.POST or None, initial={"page_url": request.GET.get("from", "")}
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Thank you. Your report has been received."))
        return redirect("home:accessibility")
    context = {"form": form, "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL}
    return render(request, "home/accessibility.html", context)
