"""The example form and the search form. They validate input; the services write it."""

from functools import lru_cache

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from convention.models import Article
from planning.success_factors import SuccessFactor
from publichealth.forms import TargetAreaField

from .models import Example


class ExampleForm(forms.ModelForm):
    success_factors = forms.MultipleChoiceField(
        label=_("Success factors"),
        choices=SuccessFactor.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_areas = TargetAreaField()

    class Meta:
        model = Example
        fields = [
            "title",
            "year",
            "visibility",
            "success_factors",
            "articles",
            "target_areas",
            "tags",
            "description",
            "results",
            "contact",
            "links",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "description": _(
                "What was done, by whom and how. Simple formatting (paragraphs, lists, links) "
                "is kept."
            ),
            "visibility": _(
                "Members of our networks are the organisations in the networks and "
                "partnerships we take part in. Public examples can be read without logging in."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["articles"].queryset = Article.objects.order_by("number")
        self.fields["articles"].help_text = _("Hold Ctrl (or Cmd) to choose more than one.")

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    factor = forms.ChoiceField(
        label=_("Success factor"),
        required=False,
        choices=[("", _("All success factors")), *SuccessFactor.choices],
    )
    article = forms.TypedChoiceField(
        label=_("Article"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].choices = [
            ("", _("All articles")),
            *_article_choices(get_language()),
        ]


@lru_cache(maxsize=4)
def _article_choices(language) -> tuple:
    """The Convention's articles are reference data: read once per language and process."""
    return tuple((article.number, str(article)) for article in Article.objects.order_by("number"))
