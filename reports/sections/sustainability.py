"""Sustainability assessments: of the year's decisions, how many were assessed in each dimension
of the Checklista för hållbar utveckling (public health, gender equality, ecology, economy),
with what assessed effect, and which public-health target areas they concerned."""

from collections import Counter

from django.apps import apps
from django.utils.translation import gettext as _

from assessments import counts
from assessments.dimensions import DIMENSION_LABELS, DIMENSIONS, EFFECT_CHOICES

from . import (
    PUBLIC_HEALTH,
    Provider,
    Section,
    key_values,
    organisation_columns,
    organisation_filters,
    staff_list,
)
from .decisions import GROUP, year_decisions

EFFECTS = [value for value, _label in EFFECT_CHOICES]


def collect(scope) -> dict:
    # The flags are assessments.counts's, which the case list's filter uses too (issue 22).
    decisions, read = year_decisions(scope)
    rows = counts.sustainability_flags(decisions, *GROUP, read=read)
    found = {str(pk): Counter() for pk in scope.organisation_ids}
    total, target_areas = Counter(), Counter()
    for _pk, organisation_id, _body_id, _body_name, flags in rows:
        dimensions = {flag for flag in flags if not flag.startswith("area_")}
        found[str(organisation_id)].update(dimensions)
        total.update(dimensions)
        target_areas.update(flag.removeprefix("area_") for flag in flags - dimensions)
    return {
        "organisations": {pk: dict(c) for pk, c in found.items()},
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
    rows, links = [], []
    everyone = scope.organisation_ids
    for key, label in DIMENSIONS:
        rows.append([label, assessed[key], *[total.get(f"{key}_{e}", 0) for e in EFFECTS]])
        flags = [key, *[f"{key}_{e}" for e in EFFECTS]]
        links.append([_link(scope, everyone, sustainability=flag) for flag in flags])
    section.table(
        _("Decisions of %(year)s by dimension and assessed effect") % {"year": scope.year},
        [_("Dimension"), _("Assessed"), *[str(labels[e]).capitalize() for e in EFFECTS]],
        rows,
        cell_links=links,
    )
    by_organisation, organisation_links = [], []
    for key, _label in DIMENSIONS:
        values = [figures["organisations"][str(pk)].get(key, 0) for pk in scope.organisation_ids]
        by_organisation.append(
            [DIMENSION_LABELS[key], *values, *([assessed[key]] if scope.is_joint else [])]
        )
        organisation_links.append(
            [_link(scope, ids, sustainability=key) for ids in organisation_filters(scope)]
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
            cell_links=organisation_links,
        )
    if figures["target_areas"]:
        TargetArea = apps.get_model("publichealth", "TargetArea")
        names = {
            str(area.number): f"{area.number}. {area.name}" for area in TargetArea.objects.all()
        }
        areas = sorted(figures["target_areas"].items(), key=lambda i: int(i[0]))
        section.table(
            _("Public-health target areas the decisions concerned"),
            [_("Target area"), _("Decisions")],
            [[names.get(number, number), n] for number, n in areas],
            cell_links=[[_link(scope, everyone, target_area=number)] for number, _n in areas],
        )
    return section


def _link(scope, organisation_ids, **flag) -> str:
    """The case list filtered to the decisions a count counted (assessments.counts)."""
    return staff_list(
        "assessments:case_list",
        organisation=organisation_ids,
        decided_year=scope.year,
        **flag,
    )


PROVIDER = Provider(
    key="sustainability",
    order=120,
    requires=("assessments.Decision", "assessments.TemplateVersion"),
    collect=collect,
    render=render,
)
