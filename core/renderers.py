"""The form renderer: Django's, with its simplest widget templates written out in Python.

Django renders every widget, and every option of a select, radio list or checkbox list, through
the template engine: an include, a loop over the attributes, a filter per value. The assessment
form has about 190 inputs and options and the case list's filter form about 130, and there that
rendering was most of the page's time (docs/performance.md). The functions below give the same
HTML as Django's templates in `django/forms/widgets/` (tests/test_renderers.py compares them) in a
fraction of the time. Every other template, and any widget whose template is overridden by a
project template, goes through the template engine as before.
"""

from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.html import conditional_escape as esc

WIDGETS = "django/forms/widgets/"


def _attrs(attrs: dict) -> str:
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {esc(name)}")
        else:
            parts.append(f' {esc(name)}="{esc(str(value))}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    value = widget["value"]
    value_attr = "" if value is None else f' value="{esc(str(value))}"'
    return (
        f'<input type="{esc(widget["type"])}" name="{esc(widget["name"])}"'
        f"{value_attr}{_attrs(widget['attrs'])}>"
    )


def _input_option(widget: dict) -> str:
    html = _input(widget)
    if not widget.get("wrap_label"):
        return html
    option_id = widget["attrs"].get("id")
    for_attr = f' for="{esc(option_id)}"' if option_id else ""
    # The newline is the end of Django's input.html, kept so that the HTML is the same.
    return f"<label{for_attr}>{html}\n {esc(widget['label'])}</label>"


def _textarea(widget: dict) -> str:
    value = widget["value"]
    text = esc(value) if value else ""
    return f'<textarea name="{esc(widget["name"])}"{_attrs(widget["attrs"])}>\n{text}</textarea>'


def _select_option(widget: dict) -> str:
    return (
        f'<option value="{esc(str(widget["value"]))}"{_attrs(widget["attrs"])}>'
        f"{esc(widget['label'])}</option>"
    )


def _select(widget: dict) -> str:
    html = [f'<select name="{esc(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            html.append(f'\n  <optgroup label="{esc(group_name)}">')
        html.extend(f"\n  {_option(option)}" for option in options)
        if group_name:
            html.append("\n  </optgroup>")
    html.append("\n</select>")
    return "".join(html)


def _multiple_input(widget: dict) -> str:
    attrs = widget["attrs"]
    html = ["<div"]
    if attrs.get("id"):
        html.append(f' id="{esc(attrs["id"])}"')
    if attrs.get("class"):
        html.append(f' class="{esc(attrs["class"])}"')
    html.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            html.append(f"\n  <div><label>{esc(group)}</label>")
        html.extend(f"<div>\n    {_option(option)}</div>" for option in options)
        if group:
            html.append("\n  </div>")
    html.append("\n</div>")
    return "".join(html)


def _option(option: dict) -> str:
    render = PYTHON_WIDGETS.get(option["template_name"])
    if render is None:
        return get_default_renderer().render(option["template_name"], {"widget": option}).strip()
    return render(option)


PYTHON_WIDGETS = {
    WIDGETS + "select.html": _select,
    WIDGETS + "select_option.html": _select_option,
    WIDGETS + "radio.html": _multiple_input,
    WIDGETS + "checkbox_select.html": _multiple_input,
    WIDGETS + "radio_option.html": _input_option,
    WIDGETS + "checkbox_option.html": _input_option,
    WIDGETS + "textarea.html": _textarea,
    **{
        f"{WIDGETS}{kind}.html": _input
        for kind in (
            "text",
            "number",
            "email",
            "url",
            "date",
            "search",
            "tel",
            "checkbox",
            "hidden",
        )
    },
}


class FastWidgetRenderer(DjangoTemplates):
    """Renders the widgets in `PYTHON_WIDGETS` in Python, everything else with templates."""

    def __init__(self):
        super().__init__()
        self._overridden = {}

    def render(self, template_name, context, request=None):
        render = PYTHON_WIDGETS.get(template_name)
        if render is None or self._is_overridden(template_name):
            return super().render(template_name, context, request)
        return render(context["widget"])

    def _is_overridden(self, template_name) -> bool:
        # A project template of the same name wins, as it would with the template engine.
        if template_name not in self._overridden:
            origin = self.get_template(template_name).origin.name
            self._overridden[template_name] = "/django/forms/templates/" not in origin
        return self._overridden[template_name]
