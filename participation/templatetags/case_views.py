"""The linked consultations' results on the assessment form (a template tag, so that the
assessments app does not import participation: participation already depends on it)."""

from django import template

from ..case_views import linked_views

register = template.Library()


@register.inclusion_tag("participation/_case_views.html", takes_context=True)
def case_children_views(context, case):
    return {"views": linked_views(case, context["request"].user), "case": case}
