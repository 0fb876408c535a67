"""Sustainability assessments: of the year's decisions, how many were assessed in each dimension
of the Checklista för hållbar utveckling (public health, gender equality, ecology, economy),
with what assessed effect, and which public-health target areas they concerned."""

from collections import Counter

from django.apps import apps
from django.utils.translation import gettext as _

from assessments.dimensions import (
    DIMENSION_LABELS,
    DIMENSIONS,
    EFFECT_CHOICES,
    dimension_answers,
    dimension_sections,
)

from . import PUBLIC_HEALTH, Provider, Section, key_values, organisation_columns
from .decisions import year_decisions

EFFECTS = [value for value, _label in EFFECT_CHOICES]


def collect(scope) -> dict:
    rows, sections_by_version = year_decisions(scope)
    # Each version's dimension questions found once, not for each of thousands of decisions.
    sections = {pk: dimension_sections(s) for pk, s in sections_by_version.items()}
    counts = {str(pk): Counter() for pk in scope.organisation_ids}
    total, target_areas = Counter(), Counter()
    for row in rows:
        organisation_id = row["organisation_id"]
        version, answers = (
            row["case__assessment__template_version_id"],
            row["case__assessment__answers"],
        )
        for entry in dimension_answers(sections.get(version, []), answers or {}):
            if not entry.answered:
                continue
            flags = (entry.key, f"{entry.key}_{entry.effect or 'described'}")
            counts[str(organisation_id)].update(flags)
            total.update(flags)
            target_areas.update(str(n) for n in entry.target_areas)
    return {
        "organisations": {pk: dict(c) for pk, c in counts.items()},
        "total": dict(total),
        "decided": len(rows),
        "target_areas": dict(target_areas),
    }


def render(figures, scope) -> Section:
    section = Section("sustainability", _("Sustainability assessments"), part=PUBLIC_HEALTH)
    total = figures["total"]
    assessed = {key: total.get(key, 0) for key, _label in DIMENSIONS}
    if not figures["decided"]:
        section.say("none", _("No decision was recorded in %(year)s.") % {"year": scope.year})
        return section
    if not any(assessed.values()):
        section.say(
            "none",
            _(
                "None of the %(count)s decisions of %(year)s was assessed with the checklist "
                "for sustainable development."
            )
            % {"count": figures["decided"], "year": scope.year},
        )
        return section
    section.say(
        "intro",
        _(
            "Of the %(count)s decisions of %(year)s, %(public_health)s were assessed for public "
            "health, %(gender_equality)s for gender equality, %(ecological)s for ecology and "
            "%(economic)s for economy."
        )
        % {"count": figures["decided"], "year": scope.year, **assessed},
    )
    labels = dict(EFFECT_CHOICES)
    rows = []
    for key, label in DIMENSIONS:
        rows.append([label, assessed[key], *[total.get(f"{key}_{e}", 0) for e in EFFECTS]])
    section.table(
        _("Decisions of %(year)s by dimension and assessed effect") % {"year": scope.year},
        [_("Dimension"), _("Assessed"), *[str(labels[e]).capitalize() for e in EFFECTS]],
        rows,
    )
    by_organisation = []
    for key, _label in DIMENSIONS:
        values = [figures["organisations"][str(pk)].get(key, 0) for pk in scope.organisation_ids]
        by_organisation.append(
            [DIMENSION_LABELS[key], *values, *([assessed[key]] if scope.is_joint else [])]
        )
        section.figure(
            key,
            _("Decisions assessed for %(dimension)s")
            % {"dimension": str(DIMENSION_LABELS[key]).lower()},
            key_values(scope, figures, key),
        )
    if scope.is_joint:
        section.table(
            _("Decisions assessed per dimension and organisation"),
            [_("Dimension"), *organisation_columns(scope)],
            by_organisation,
        )
    if figures["target_areas"]:
        TargetArea = apps.get_model("publichealth", "TargetArea")
        names = {
            str(area.number): f"{area.number}. {area.name}" for area in TargetArea.objects.all()
        }
        section.table(
            _("Public-health target areas the decisions concerned"),
            [_("Target area"), _("Decisions")],
            [
                [names.get(number, number), n]
                for number, n in sorted(figures["target_areas"].items(), key=lambda i: int(i[0]))
            ],
        )
    return section


PROVIDER = Provider(
    key="sustainability",
    order=120,
    requires=("assessments.Decision", "assessments.TemplateVersion"),
    collect=collect,
    render=render,
)
