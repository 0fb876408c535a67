"""A person's private calendar feed: no sign-in (calendar apps cannot sign in), the secret in
the address instead; made and renewed under My account (accounts/views.py)."""

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.calendar import feed


@require_GET
def calendar_feed(request, token):
    user = get_user_model().objects.filter(calendar_token=token, is_active=True).first()
    if user is None or not token:
        raise Http404
    body = feed(user, name=_("Barnrätt: %(name)s") % {"name": user.get_full_name() or user})
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="barnratt.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
