"""One builder gathers what a review shows; the page, the PDF and the DOCX render it
(exports are data × format). A fixed number of queries whatever the review's size."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.radar import radar_chart
from planning.maturity import HIGHEST, Level
from planning.models import FactorRating
from planning.success_factors import SuccessFactor

from .models import Finding, Recommendation


@dataclass
class FactorPart:
    factor: str
    label: str
    finding: Finding | None
    self_level: int | None
    recommendations: list = field(default_factory=list)

    @property
    def peer_level(self):
        return self.finding.level if self.finding else None

    @property
    def peer_label(self) -> str:
        return level_label(self.peer_level)

    @property
    def self_label(self) -> str:
        return level_label(self.self_level)


def level_label(level) -> str:
    return str(Level(level).label) if level is not None else "–"


def self_levels(review) -> dict[str, int | None]:
    """The reviewed organisation's own ratings of the review's year (empty if none)."""
    rows = FactorRating.objects.filter(
        assessment__organisation_id=review.organisation_id,
        assessment__body=None,
        assessment__year=review.year,
        source=FactorRating.Source.SELF,
    ).values_list("factor", "level")
    return dict(rows)


def review_content(review) -> dict:
    findings = {f.factor: f for f in Finding.objects.filter(review=review)}
    recommendations = (
        Recommendation.objects.filter(review=review)
        .select_related("finding", "activity")
        .order_by("id")
    )
    own = self_levels(review)
    parts = {
        factor: FactorPart(
            factor=factor,
            label=str(SuccessFactor(factor).label),
            finding=findings.get(factor),
            self_level=own.get(factor),
        )
        for factor in review.ordered_focus
    }
    for recommendation in recommendations:
        part = parts.get(recommendation.finding.factor)
        if part is not None:
            part.recommendations.append(recommendation)
    return {
        "review": review,
        "reviewing": list(review.reviewing_organisations.all()),
        "reviewers": list(review.reviewers.all()),
        "interviews": list(review.interviews.all()),
        "documents": list(review.documents.all()),
        "factors": list(parts.values()),
        "radar": _radar(review, parts, own),
    }


def _radar(review, parts, own):
    """The organisation's own rating of every factor beside the reviewers' rating of the
    review's focus factors; the others were not reviewed, and the text alternative says so
    instead of counting them as factors "without a figure"."""
    axes = [str(label) for label in SuccessFactor.labels]
    self_series = [own.get(factor) for factor in SuccessFactor.values]
    peer_series = [
        parts[factor].peer_level if factor in parts else None for factor in SuccessFactor.values
    ]
    peer_name = _("Peer review %(year)s") % {"year": review.year}
    series = {
        _("Self-assessment %(year)s") % {"year": review.year}: self_series,
        peer_name: peer_series,
    }
    missing = {peer_name: _("not reviewed, outside the review's focus")}
    title = _("Self-rating and the reviewers' rating, %(year)s") % {"year": review.year}
    return radar_chart(
        title, axes, series, max_value=HIGHEST, id_prefix="peerreview-radar", missing=missing
    )
