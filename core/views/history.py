"""An object's change history, read from the audit log (the page; home.views.history and
the apps' own history views check who may read it)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from core.models import AuditEntry

# Each entry is several table rows; 25 entries keep the page quick to render and to read.
HISTORY_PAGE_SIZE = 25


def _field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a field removed since the entry was written
        return name


def history_page(request, obj):
    """The page of `obj`'s audit entries, newest first, a page at a time (the caller has checked
    that the user may read them)."""
    model = type(obj)
    entries = AuditEntry.objects.for_object(obj).select_related("actor")
    page = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (
            entry,
            [
                (_field_label(model, name), before, after)
                for name, (before, after) in entry.changes.items()
            ],
        )
        for entry in page
    ]
    return render(request, "core/history.html", {"object": obj, "page": page, "rows": rows})
