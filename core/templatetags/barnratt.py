"""Template helpers shared by every app."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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
def localised(value):
    """A {"sv": …, "en": …} text from template data, in the active language."""
    from assessments.questions import localised as pick

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
    text and errors tied to it. Rendered in Python rather than through an included template:
    long forms render many fields on every view (decision 0008)."""
    errors = field.errors
    error_class = " field--error" if errors else ""
    required = (
        format_html(' <span class="required">({})</span>', gettext("required"))
        if field.field.required
        else ""
    )
    help_text = (
        format_html('<p class="help" id="{}_helptext">{}</p>', field.auto_id, field.help_text)
        if field.help_text
        else ""
    )
    error_list = (
        format_html(
            '<ul class="errorlist" id="{}_errors">{}</ul>',
            field.auto_id,
            format_html_join("", "<li>{}</li>", ((error,) for error in errors)),
        )
        if errors
        else ""
    )
    widget = accessible_widget(field)
    if field.use_fieldset:
        return format_html(
            '<fieldset class="field{}">\n  <legend>{}{}</legend>\n  {}\n  {}\n'
            '  <div class="choices">{}</div>\n</fieldset>',
            error_class,
            field.label,
            required,
            help_text,
            error_list,
            widget,
        )
    return format_html(
        '<div class="field{}">\n  <label for="{}">{}{}</label>\n  {}\n  {}\n  {}\n</div>',
        error_class,
        field.id_for_label,
        field.label,
        required,
        help_text,
        error_list,
        widget,
    )


@register.filter
def richtext(html):
    """Stored rich text, cleaned again as it is shown: every write path sanitises it, but a
    row written another way (an import, the shell, an old version) must not carry a script."""
    return mark_safe(sanitise(html or ""))  # nh3 has just cleaned it
