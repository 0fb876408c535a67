"""The year told to children (issue 22; Scotland's UNCRC Act asks for such a version): a few
short sentences from the published version's own figures, in words a ten-year-old reads, with
their LIX measured as every text children read is (participation.readability)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participation.readability import assess

from .sections import number

# The youngest children the page is written for (LIX limit 30).
AGE_BAND = "6-12"


def _total(figures: dict, key: str) -> dict:
    return (figures.get(key) or {}).get("total") or {}


def sentences(document: dict) -> list[str]:
    """What the year's figures say, one short sentence each; nothing about what is missing."""
    figures = document.get("figures") or {}
    decisions, heard = _total(figures, "decisions"), _total(figures, "participation")
    said = []
    if decisions.get("affecting"):
        said.append(
            ngettext(
                "The politicians decided %(count)s thing that matters to children.",
                "The politicians decided %(count)s things that matter to children.",
                decisions["affecting"],
            )
            % {"count": number(decisions["affecting"])}
        )
        said.append(
            ngettext(
                "Each time they thought about what is best for children. In %(heard)s case "
                "they asked children first.",
                "Each time they thought about what is best for children. In %(heard)s cases "
                "they asked children first.",
                decisions.get("children_heard", 0),
            )
            % {"heard": number(decisions.get("children_heard", 0))}
        )
    if heard.get("consultations"):
        said.append(
            ngettext(
                "We asked children %(count)s time what they think.",
                "We asked children %(count)s times what they think.",
                heard["consultations"],
            )
            % {"count": number(heard["consultations"])}
        )
    if heard.get("voices"):
        said.append(
            ngettext(
                "Children told us what they think %(count)s time. Thank you!",
                "Children told us what they think %(count)s times. Thank you!",
                heard["voices"],
            )
            % {"count": number(heard["voices"])}
        )
    if heard.get("feedback_given"):
        said.append(
            ngettext(
                "%(count)s time we told the children what happened.",
                "%(count)s times we told the children what happened.",
                heard["feedback_given"],
            )
            % {"count": number(heard["feedback_given"])}
        )
    if not said:
        said.append(_("This year we have no figures to tell you about yet."))
    return said


def readability(said: list[str]):
    return assess(" ".join(said), AGE_BAND)
