"""`{% form_field %}`: every field is labelled, its help text and errors are tied to the widget,
and a group of choices is a fieldset with a legend."""

from django import forms
from django.template import Context, Template

from core.templatetags.barnratt import form_field


class Example(forms.Form):
    name = forms.CharField(label="Namn <b>", help_text="Som på <kortet>", max_length=5)
    note = forms.CharField(label="Anteckning", required=False)
    colour = forms.ChoiceField(
        label="Färg", widget=forms.RadioSelect, choices=[("r", "Röd"), ("g", "Grön")]
    )


def test_a_valid_field_has_a_label_a_required_mark_and_described_help():
    html = form_field(Example()["name"])
    assert html.startswith('<div class="field">')
    assert '<label for="id_name">Namn &lt;b&gt; <span class="required">(obligatoriskt)' in html
    assert '<p class="help" id="id_name_helptext">Som på &lt;kortet&gt;</p>' in html
    assert 'aria-describedby="id_name_helptext"' in html
    assert "errorlist" not in html and "aria-invalid" not in html


def test_an_optional_field_has_no_required_mark():
    assert "required" not in form_field(Example()["note"])


def test_errors_are_listed_and_tied_to_the_widget():
    form = Example(data={"name": "för långt namn", "colour": ""})
    html = form_field(form["name"])
    assert html.startswith('<div class="field field--error">')
    assert '<ul class="errorlist" id="id_name_errors"><li>' in html
    assert 'aria-describedby="id_name_helptext id_name_errors"' in html
    assert 'aria-invalid="true"' in html


def test_choices_are_a_fieldset_with_a_legend():
    html = form_field(Example(data={})["colour"])
    assert html.startswith('<fieldset class="field field--error">')
    assert "<legend>Färg" in html and '<div class="choices">' in html
    assert 'type="radio"' in html and 'id="id_colour_errors"' in html


def test_the_tag_renders_in_templates():
    template = Template("{% load barnratt %}{% form_field form.note %}")
    html = template.render(Context({"form": Example()}))
    assert '<label for="id_note">Anteckning</label>' in html
