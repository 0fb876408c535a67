"""Template helpers shared by every app."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.charts import format_value
from core.i18n import localised as pick
from core.richtext import sanitise

register = template.Library()


@register.filter
def accessible_widget(field):
    """The widget with its help text and errors tied to it, so screen readers announce them."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def model_label(obj):
    """'app_label.model_name' for history links."""
    return obj._meta.label_lower


@register.filter
def figure(value, unit=""):
    """A figure rounded and written as the charts write it ("72,7 %"), so that a table and
    the chart beside it agree; "–" when there is none."""
    return "–" if value is None or value == "" else format_value(value, unit)


@register.filter
def signed_figure(value, unit=""):
    """A difference with its sign ("+3,5 %", "−2 %"); "–" when there is none."""
    if value is None or value == "":
        return "–"
    text = format_value(value, unit)
    return f"+{text}" if value > 0 else text


@register.filter
def localised(value):
    """A {"sv": …, "en": …} text from template data, in the active language."""
    return pick(value)


@register.filter
def consequence_rows(bound_fields):
    """Group the consequences table's fields by child group: one table row per group."""
    rows = {}
    for bound in bound_fields:
        group_label = bound.label.split(":")[0]
        rows.setdefault(bound.field.group, {"label": group_label, "fields": []})["fields"].append(
            bound
        )
    return list(rows.values())


@register.simple_tag
def form_field(field):
    """One form field with its label (a legend for a group of choices), required mark, help
    text and errors tied to it (templates/core/_form_field.html)."""
    return render_to_string("core/_form_field.html", {"field": field})


@register.filter
def richtext(html):
    """Stored rich text, cleaned again as it is shown: every write path sanitises it, but a
    row written another way (an import, the shell, an old version) must not carry a script."""
    return mark_safe(sanitise(html or ""))  # nh3 has just cleaned it


@register.filter
def index(sequence, position):
    """The item at `position`, or "" when the sequence is shorter (a snapshot from before the
    sequence existed)."""
    try:
        return sequence[position]
    except (IndexError, KeyError, TypeError):
        return ""
