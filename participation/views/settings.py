"""An organisation's settings for consultations: retention and names to mask."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views.forms import service_page
from organisations.lookups import organisation_for

from .. import services
from ..forms import SettingsForm


@login_required
@require_http_methods(["GET", "POST"])
def participation_settings(request, organisation_pk):
    organisation = organisation_for(request, organisation_pk, "change", "participationsettings")
    current = services.participation_settings(organisation)
    return service_page(
        request,
        organisation,
        SettingsForm,
        services.save_settings,
        _("The settings were saved."),
        title=_("Consultations in %(organisation)s: settings") % {"organisation": organisation},
        instance=current,
        done=organisation,
    )
