"""The rows of the case list, rendered in Python.

The list shows 25 rows of six cells on every view; through the template language each cell's
lookups and filters cost more than the rest of the page (docs/performance.md). The HTML is the
same as the template's was, escaped by `format_html`.
"""

from django import template
from django.utils.html import format_html_join
from django.utils.text import capfirst

register = template.Library()

NONE = "–"


@register.simple_tag
def case_rows(cases):
    return format_html_join(
        "\n",
        '<tr><td>{}</td><td><a href="{}">{}</a></td><td>{}</td><td><span class="status '
        'status--{}">{}</span></td><td>{}</td><td>{}</td></tr>',
        (_cells(case) for case in cases),
    )


def _cells(case) -> tuple:
    planned = case.planned_decision_date
    return (
        case.case_number,
        case.get_absolute_url(),
        case.title,
        case.body,
        case.status,
        capfirst(case.get_status_display()),
        case.officer or NONE,
        planned.isoformat() if planned else NONE,
    )
