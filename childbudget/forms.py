"""Forms for child budgets and the import. They validate input; the services write it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ChildBudget
from .services import bodies_for


class BudgetForm(forms.ModelForm):
    class Meta:
        model = ChildBudget
        fields = [
            "body",
            "year",
            "total_budget",
            "method",
            "children_amount",
            "comment",
            "children_goals",
        ]
        widgets = {
            "comment": forms.Textarea(attrs={"rows": 3}),
            "children_goals": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.fields["body"].queryset = bodies_for(organisation)

    def clean(self):
        data = super().clean()
        if (
            data.get("method")
            and data["method"] != ChildBudget.Method.MARKED_LINES
            and data.get("children_amount") is None
        ):
            self.add_error(
                "children_amount", _("Give the amount, or choose the marked budget lines.")
            )
        return data

    def _post_clean(self):
        # Uniqueness and the body's organisation are checked by the service.
        pass


class ImportForm(forms.Form):
    year = forms.IntegerField(label=_("Budget year"), min_value=2000, max_value=2100)
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (semicolon, comma or tab) or Excel (.xlsx), at most 5 MB."),
    )
