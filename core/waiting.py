"""What core itself puts on the start page."""

from django.urls import reverse
from django.utils.translation import ngettext

from .models import AccessibilityReport
from .start import WaitingItem, waiting_provider


@waiting_provider
def unhandled_accessibility_reports(user):
    """The service's operators answer accessibility reports (the law gives them a deadline)."""
    if not user.is_superuser:
        return []
    count = AccessibilityReport.objects.filter(handled=False).count()
    if not count:
        return []
    label = ngettext(
        "%(count)d accessibility report to answer",
        "%(count)d accessibility reports to answer",
        count,
    ) % {"count": count}
    url = reverse("admin:core_accessibilityreport_changelist") + "?handled__exact=0"
    return [WaitingItem(label, url)]
