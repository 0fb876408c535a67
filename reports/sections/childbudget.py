"""The child budget: the total budget, the amount that reaches children and its share, per
body and organisation."""

from django.apps import apps
from django.utils.translation import gettext as _

from core.charts import format_value

from . import Provider, Section, key_values, organisation_columns, percent, share


def collect(scope) -> dict:
    ChildBudget = apps.get_model("childbudget", "ChildBudget")
    budgets = list(
        ChildBudget.objects.filter(organisation_id__in=scope.organisation_ids, year=scope.year)
        .with_sums()
        .select_related("body")
        .order_by("organisation_id", "body__name")
    )
    bodies = [
        {
            "organisation": b.organisation_id,
            "body": b.body.name,
            "total": _number(b.effective_total),
            "children": _number(b.effective_children_amount),
            "method": b.method,
        }
        for b in budgets
    ]

    def part(org_ids):
        rows = [b for b in bodies if b["organisation"] in org_ids]
        total = sum(b["total"] or 0 for b in rows)
        children = sum(b["children"] or 0 for b in rows)
        return {
            "bodies": len(rows),
            "total": total,
            "children": children,
            "share": share(children, total),
        }

    return {
        "organisations": {str(pk): part([pk]) for pk in scope.organisation_ids},
        "total": part(scope.organisation_ids),
        "bodies": bodies,
    }


def _number(value):
    return None if value is None else round(float(value), 2)


def render(figures, scope) -> Section:
    section = Section("childbudget", _("The child budget"))
    t = figures["total"]
    if not t["bodies"]:
        section.say("none", _("No child budget was recorded for %(year)s.") % {"year": scope.year})
        return section
    section.say(
        "share",
        _(
            "In %(year)s, %(children)s SEK of the %(total)s SEK budgeted by %(bodies)s bodies "
            "reached children: %(share)s."
        )
        % {
            "year": scope.year,
            "children": _sek(t["children"]),
            "total": _sek(t["total"]),
            "bodies": t["bodies"],
            "share": percent(t["children"], t["total"]),
        },
    )
    names = dict(scope.organisations)
    methods = dict(apps.get_model("childbudget", "ChildBudget").Method.choices)
    rows = [
        [
            b["body"],
            *([names.get(b["organisation"], "")] if scope.is_joint else []),
            _sek(b["total"]),
            _sek(b["children"]),
            percent(b["children"] or 0, b["total"]),
            str(methods.get(b["method"], b["method"])),
        ]
        for b in figures["bodies"]
    ]
    section.table(
        _("The child budget %(year)s by body") % {"year": scope.year},
        [
            _("Body"),
            *([_("Organisation")] if scope.is_joint else []),
            _("Budget (SEK)"),
            _("Reaches children (SEK)"),
            _("Share"),
            _("Method"),
        ],
        rows,
    )
    for name, label in (
        ("total", _("Budget (SEK)")),
        ("children", _("Reaches children (SEK)")),
        ("share", _("Children's share (%)")),
    ):
        section.figure(name, label, key_values(scope, figures, name))
    if scope.is_joint:
        section.table(
            _("The child budget %(year)s by organisation") % {"year": scope.year},
            [_("Figure"), *organisation_columns(scope)],
            [
                [_("Children's share (%)")]
                + [figures["organisations"][str(pk)]["share"] for pk in scope.organisation_ids]
                + [t["share"]]
            ],
        )
    return section


def _sek(value) -> str:

    return "–" if value is None else format_value(round(value))


PROVIDER = Provider(
    key="childbudget",
    order=45,
    requires=("childbudget.ChildBudget",),
    collect=collect,
    render=render,
)
