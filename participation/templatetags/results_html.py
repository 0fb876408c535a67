"""A consultation's results written in Python: `{% question_result item raw %}` and
`{% result_groups results %}`, for the results page and its PDF summary.

The results page showed eight questions with charts, tables and up to twenty texts each, and
the template engine spent half of the page's time on them; decision 0008 does the same for form
widgets. Every value from the records is escaped here."""

import html

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


def _e(value) -> str:
    """Escaped as the template language shows a value (numbers in the reader's format)."""
    return html.escape(value if isinstance(value, str) else str(localize(value)))


@register.simple_tag
def question_result(item, raw: bool, level: int = 3):
    question = item.question
    answers = ngettext("%(counter)s answer", "%(counter)s answers", item.answered) % {
        "counter": item.answered
    }
    parts = [
        f'<section class="result" aria-labelledby="q{question.pk}-heading">',
        f'<h{level} id="q{question.pk}-heading">{_e(question.text)}</h{level}>',
        f'<p class="meta">{_e(capfirst(question.get_kind_display()))} · {_e(answers)}</p>',
    ]
    parts.extend(_chart(item) if item.chart else _texts(item, raw))
    parts.append("</section>")
    return mark_safe("".join(parts))


def _chart(item) -> list[str]:
    caption = _("Answers to “%(question)s” as a table") % {"question": item.question.text}
    head = "".join(f'<th scope="col">{_e(column)}</th>' for column in item.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<th scope="row">{_e(cell)}</th>' if index == 0 else f"<td>{_e(cell)}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in item.rows
    )
    parts = [
        f'<figure class="chart">{item.chart.svg}'
        f"<figcaption>{_e(item.chart.text_alternative)}</figcaption></figure>"
    ]
    if item.mean:
        parts.append(f"<p>{_e(item.mean)}</p>")
    parts.append(
        f'<table class="table table--compact"><caption>{_e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    return parts


def _texts(item, raw: bool) -> list[str]:
    if item.texts:
        rows = []
        for answer in item.texts:
            status = ""
            if raw and not answer.shown_to_others:
                status = (
                    f' <span class="status status--{_e(answer.status)}">'
                    f"{_e(answer.status_label())}</span>"
                )
            rows.append(f"<li>{linebreaksbr(answer.text, autoescape=True)}{status}</li>")
        parts = [f'<ul class="texts">{"".join(rows)}</ul>']
    else:
        parts = [f"<p>{_e(_('No texts to show.'))}</p>"]
    if item.texts_not_shown:
        note = ngettext(
            "%(counter)s text waits for moderation or is hidden.",
            "%(counter)s texts wait for moderation or are hidden.",
            item.texts_not_shown,
        ) % {"counter": item.texts_not_shown}
        parts.append(f'<p class="meta">{_e(note)}</p>')
    return parts


@register.simple_tag
def result_groups(results):
    """Answers per age band and gender, small groups not shown."""
    head = (
        f'<thead><tr><th scope="col">{_e(_("Group"))}</th>'
        f'<th scope="col">{_e(_("Answers"))}</th></tr></thead>'
    )
    not_shown = _e(_("not shown"))
    parts = []
    for group in results.breakdowns:
        rows = "".join(
            f'<tr><th scope="row">{_e(label)}</th>'
            f"<td>{not_shown if count is None else _e(count)}</td></tr>"
            for label, count in group.rows
        )
        parts.append(
            f'<table class="table table--compact"><caption>{_e(group.title)}</caption>'
            f"{head}<tbody>{rows}</tbody></table>"
        )
        if group.note:
            parts.append(f'<p class="meta">{_e(group.note)}</p>')
    return mark_safe("".join(parts))
