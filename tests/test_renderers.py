"""The Python widget renderer gives the same HTML as Django's widget templates."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from core.renderers import PYTHON_WIDGETS, FastWidgetRenderer


class EveryWidget(forms.Form):
    text = forms.CharField(max_length=20, help_text="x")
    number = forms.IntegerField()
    email = forms.EmailField()
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    hidden = forms.CharField(widget=forms.HiddenInput)
    agree = forms.BooleanField()
    notes = forms.CharField(widget=forms.Textarea)
    plain = forms.ChoiceField(choices=[("a", "A & B"), ("b", "<b>")])
    grouped = forms.ChoiceField(
        choices=[("Karlskoga", [(1, "Socialnämnden")]), ("Degerfors", [(2, "Kommunstyrelsen")])]
    )
    radio = forms.ChoiceField(widget=forms.RadioSelect, choices=[("yes", "Ja"), ("no", "Nej")])
    many = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple, choices=[("1", "Art. 1"), ("3", 'Art. 3 "bästa"')]
    )


VALUES = [
    {},
    {
        "text": 'a "quoted" <text>',
        "number": "7",
        "email": "x@example.org",
        "day": "2026-11-26",
        "hidden": "v&1",
        "agree": "on",
        "notes": "<script>alert(1)</script>\nrad två",
        "plain": "b",
        "grouped": "2",
        "radio": "no",
        "many": ["1", "3"],
    },
]


def normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


@pytest.mark.parametrize("data", VALUES)
def test_same_html_as_the_templates(data):
    fast = EveryWidget(data or None, renderer=FastWidgetRenderer())
    slow = EveryWidget(data or None, renderer=DjangoTemplates())
    for name in EveryWidget.base_fields:
        extra = {"aria-describedby": "x_helptext", "aria-invalid": "true"}
        assert normalised(fast[name].as_widget(attrs=extra)) == normalised(
            slow[name].as_widget(attrs=extra)
        ), name


def test_values_and_labels_are_escaped():
    form = EveryWidget(VALUES[1], renderer=FastWidgetRenderer())
    assert "&lt;script&gt;" in str(form["notes"])
    assert "<b>" not in str(form["plain"]) and "&lt;b&gt;" in str(form["plain"])
    assert 'value="a &quot;quoted&quot; &lt;text&gt;"' in str(form["text"])


def test_the_project_uses_it(settings):
    assert settings.FORM_RENDERER == "core.renderers.FastWidgetRenderer"
    assert "django/forms/widgets/select.html" in PYTHON_WIDGETS
