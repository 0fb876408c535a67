"""The self-assessment page's seven factor sections, written in Python rather than the template
language (as the plan overview's goals are, `overview.py`): the template engine spent half of
the page's rendering time on them, one lookup, translation and escape at a time. Every value from
the records is escaped here; the labels are translated once per page."""

from dataclasses import dataclass

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..maturity import Level
from ..models import FactorRating
from ..success_factors import SuccessFactor
from .overview import escape

# Relation (see `planning.evidence`) -> its heading, and how one linked object reads.
EVIDENCE = {
    "policies": (lambda: _("Policy documents"), lambda policy: policy.title),
    "plans": (lambda: _("Action plans"), str),
    "cases": (lambda: _("Cases"), lambda case: f"{case.case_number} {case.title}"),
    "trainings": (
        lambda: _("Trainings"),
        lambda training: f"{training.topic} ({training.held_on.isoformat()})",
    ),
}


@dataclass(frozen=True)
class Labels:
    """The page's fixed words, translated and escaped once."""

    factors: dict
    levels: dict
    sources: dict
    level: str
    not_rated: str
    evidence: str
    links: str
    next_steps: str
    evidence_headings: dict

    @classmethod
    def translated(cls) -> "Labels":
        return cls(
            factors={value: escape(label) for value, label in SuccessFactor.choices},
            levels={value: escape(label) for value, label in Level.choices},
            sources={
                value: escape(capfirst(str(label))) for value, label in FactorRating.Source.choices
            },
            level=escape(_("Level")),
            not_rated=escape(_("Not rated yet")),
            evidence=escape(_("Evidence")),
            links=escape(_("Links")),
            next_steps=escape(_("Next steps")),
            evidence_headings={
                name: escape(heading()) for name, (heading, _text) in EVIDENCE.items()
            },
        )


def factor_sections(ratings, *, can_see_history: bool) -> str:
    """One <section> per own rating, in the factors' order (`ratings` carry `evidence_links`
    and `other_sources`)."""
    labels = Labels.translated()
    return mark_safe(
        "".join(
            _section(number, rating, labels, can_see_history)
            for number, rating in enumerate(ratings, start=1)
        )
    )


def _text(value) -> str:
    return linebreaksbr(value, autoescape=True) or "–"


def _level(rating, labels: Labels, *, with_meaning: bool) -> str:
    if rating.level is None:
        return labels.not_rated
    shown = labels.levels[rating.level]
    return f"{shown} – {escape(rating.meaning)}" if with_meaning else shown


def _link_list(items) -> str:
    return "<ul>" + "".join(items) + "</ul>"


def _facts(rating, labels: Labels) -> list[str]:
    facts = [
        f"<dt>{labels.level}</dt><dd>{_level(rating, labels, with_meaning=True)}</dd>",
        f"<dt>{labels.evidence}</dt><dd>{_text(rating.evidence)}</dd>",
    ]
    for name, (_heading, text) in EVIDENCE.items():
        linked = rating.evidence_links[name]
        if linked:
            items = (
                f'<li><a href="{escape(obj.get_absolute_url())}">{escape(text(obj))}</a></li>'
                for obj in linked
            )
            facts.append(f"<dt>{labels.evidence_headings[name]}</dt><dd>{_link_list(items)}</dd>")
    if rating.links:
        items = (
            f'<li><a href="{escape(link)}" rel="noopener noreferrer">{escape(link)}</a></li>'
            for link in rating.links
        )
        facts.append(f"<dt>{labels.links}</dt><dd>{_link_list(items)}</dd>")
    facts.append(f"<dt>{labels.next_steps}</dt><dd>{_text(rating.next_steps)}</dd>")
    for other in rating.other_sources:
        shown = _level(other, labels, with_meaning=False)
        if other.evidence:
            shown += "<br>" + linebreaksbr(other.evidence, autoescape=True)
        facts.append(f"<dt>{labels.sources[other.source]}</dt><dd>{shown}</dd>")
    return facts


def _section(number: int, rating, labels: Labels, can_see_history: bool) -> str:
    factor = escape(rating.factor)
    name = labels.factors[rating.factor]
    history = ""
    if can_see_history:
        url = reverse("core:history", args=["planning.factorrating", rating.pk])
        text = _("History of %(factor)s") % {"factor": SuccessFactor(rating.factor).label}
        history = f'<p><a href="{escape(url)}">{escape(text)}</a></p>'
    return (
        f'<section class="rating" id="factor-{factor}" aria-labelledby="factor-{factor}-heading">'
        f'<h3 id="factor-{factor}-heading">{number}. {name}</h3>'
        f'<dl class="facts">{"".join(_facts(rating, labels))}</dl>{history}</section>'
    )
