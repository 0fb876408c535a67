"""Template helpers shared by every app."""

from django import template

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
