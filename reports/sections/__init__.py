"""The registry of section providers: one module per source app in this package.

Each module defines `PROVIDER = Provider(...)`. A provider names the models it reads
(`requires`, as "app_label.Model"); when one of them is not installed the section is left out
cleanly, and it appears once the app lands. To add a section, drop a module here.

A provider has two steps. `collect(scope)` reads the records and returns plain figures (JSON,
no words; small groups of children already suppressed). `render(figures, scope)` turns them
into a `Section` in the active language: generated sentences with stable ids (so a coordinator
can override each one), tables, and charts drawn by `core.charts`.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _

from core.charts import format_value


@dataclass(frozen=True)
class Scope:
    """What a report covers: its organisations (id, name), the joint body if any, the year, and
    the day its figures are read (overdue follow-ups are counted against it)."""

    organisations: tuple[tuple[int, str], ...]
    year: int
    as_of: object
    body_id: int | None = None
    # What several providers read alike (the year's decisions), kept for this one build of the
    # report: see `read_once`. Not part of the scope's identity.
    shared: dict = field(default_factory=dict, compare=False, repr=False)

    def read_once(self, key: str, read: Callable):
        """`read()` for the first provider that asks for `key`; the same result for the rest."""
        if key not in self.shared:
            self.shared[key] = read()
        return self.shared[key]

    @property
    def organisation_ids(self) -> list[int]:
        return [pk for pk, _name in self.organisations]

    @property
    def is_joint(self) -> bool:
        return len(self.organisations) > 1


CHILD_RIGHTS = "child_rights"
PUBLIC_HEALTH = "public_health"


@dataclass
class Section:
    """A section as the templates, the DOCX writer and the snapshot see it (all plain data).
    `part` places it in the bokslut's child-rights part or its public-health part."""

    key: str
    title: str
    part: str = CHILD_RIGHTS
    sentences: list[dict] = field(default_factory=list)  # {"id", "text"}
    blocks: list[dict] = field(default_factory=list)  # {"kind": "table"|"chart", ...}
    key_figures: list[dict] = field(default_factory=list)  # {"id", "label", "values"}

    def say(self, sentence_id: str, text: str) -> None:
        self.sentences.append({"id": f"{self.key}.{sentence_id}", "text": str(text)})

    def table(
        self, caption, columns, rows, *, note: str = "", cell_links=None, row_links=None
    ) -> None:
        """`cell_links`: per row, per cell after the row's heading, the address of the list of
        the records that count counted ("" for none; a row may be shorter). Shown as links on
        the staff preview only, since the public cannot open those lists (issue 22: every
        count can be checked); the exports never show them. `row_links`: one address per row,
        for each of its cells."""
        if row_links is not None and cell_links is None:
            cell_links = [
                [link] * (len(row) - 1) for row, link in zip(rows, row_links, strict=False)
            ]
        self.blocks.append(
            {
                "kind": "table",
                "caption": str(caption),
                "columns": [str(c) for c in columns],
                "rows": [[_cell(v) for v in row] for row in rows],
                "cell_links": [list(links or []) for links in cell_links or []],
                "note": str(note or ""),
            }
        )

    def chart(self, chart, *, note: str = "", unit: str = "", max_value=None, columns=None) -> None:
        """A bar chart: its SVG, text alternative and table, and its raw figures for the
        picture in the Word file. `columns` head the table when the bars are not groups."""
        self.blocks.append(
            {
                "kind": "chart",
                "title": str(chart.columns[0]),
                "data": [[str(label), value] for label, value in chart.rows],
                "unit": unit,
                "max_value": max_value,
                "svg": str(chart.svg),
                "text_alternative": chart.text_alternative,
                "columns": [str(c) for c in columns]
                if columns
                else [_("Group"), _("Share (%)") if unit == "%" else _("Number")],
                "rows": [[_cell(v) for v in row] for row in chart.rows],
                "note": str(note or ""),
            }
        )

    def figure(self, figure_id: str, label, values: dict) -> None:
        """A key figure for the open data: [organisation name, value] pairs and the total."""
        self.key_figures.append(
            {"id": f"{self.key}.{figure_id}", "label": str(label), "values": values}
        )

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "part": self.part,
            "sentences": self.sentences,
            "blocks": self.blocks,
            "key_figures": self.key_figures,
        }


def _cell(value):

    if value is None:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return format_value(value)
    return str(value)


@dataclass(frozen=True)
class Provider:
    key: str
    order: int
    requires: tuple[str, ...]
    collect: Callable
    render: Callable

    def available(self) -> bool:
        for label in self.requires:
            try:
                apps.get_model(label)
            except LookupError:
                return False
        return True


@cache
def _discovered() -> tuple[Provider, ...]:
    found = []
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        provider = getattr(module, "PROVIDER", None)
        if provider is not None:
            found.append(provider)
    return tuple(sorted(found, key=lambda provider: (provider.order, provider.key)))


def providers() -> list[Provider]:
    """The providers whose source apps are installed, in the report's order."""
    return [provider for provider in _discovered() if provider.available()]


# Helpers the providers share ----------------------------------------------------------------


def share(part, whole):
    """A percentage with one decimal, or None when there is nothing to divide by."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def number(value) -> str:
    """A count in a sentence as the tables write it: "1 968", with the locale's separator
    (a non-breaking space in Swedish), so that a figure is never broken across lines."""
    return format_value(value)


def percent(part, whole) -> str:

    value = share(part, whole)
    return _("no figure") if value is None else format_value(value, "%")


def count_and_share(part, whole) -> str:

    value = share(part, whole)
    if value is None:
        return format_value(part)
    # No break inside a figure: "12 (40 %)" stays on one line in narrow table cells.
    return f"{format_value(part)} ({format_value(value, '%')})".replace(" %", "\u00a0%")


def staff_list(url_name: str, **filters) -> str:
    """The address of a staff list filtered to what a count counted; a list value repeats its
    parameter (`organisation=1&organisation=2`)."""
    return f"{reverse(url_name)}?{urlencode(filters, doseq=True)}"


def organisation_filters(scope: Scope) -> list[list[int]]:
    """Per column of `organisation_columns`, the organisations its counts cover."""
    ids = [[pk] for pk in scope.organisation_ids]
    return [*ids, scope.organisation_ids] if scope.is_joint else ids


def organisation_columns(scope: Scope) -> list[str]:
    names = [name for _pk, name in scope.organisations]
    return [*names, _("Total")] if scope.is_joint else [_("Number")]


def key_values(scope: Scope, figures: dict, name: str) -> list:
    """[organisation name, value] pairs and ["total", value]: a list, since PostgreSQL's JSONB
    does not keep the order of an object's keys."""
    values = [
        [org_name, figures["organisations"].get(str(pk), {}).get(name, 0)]
        for pk, org_name in scope.organisations
    ]
    return [*values, ["total", figures["total"].get(name, 0)]]
