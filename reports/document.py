"""The report as one plain document: the same data serves the web page, the PDF, the DOCX,
the open data and the frozen snapshot of a published version.

`build_document` reads the figures once (language-free) and renders the sections in Swedish
and English, each generated sentence replaced by the coordinator's own wording where given.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from planning.success_factors import SuccessFactor

from .sections import CHILD_RIGHTS, PUBLIC_HEALTH, Scope, providers

LANGUAGES = ("sv", "en")
SCHEMA = 1


def scope_for(report, as_of=None) -> Scope:
    """The organisations a report covers: its own, and those its joint body serves."""
    organisations = [(report.organisation_id, report.organisation.name)]
    if report.body_id:
        served = report.body.served_organisations.order_by("name").values_list("pk", "name")
        organisations += [item for item in served if item[0] != report.organisation_id]
    return Scope(
        organisations=tuple(organisations),
        year=report.year,
        as_of=as_of or timezone.localdate(),
        body_id=report.body_id,
    )


def collect_figures(scope) -> dict:
    return {provider.key: provider.collect(scope) for provider in providers()}


def render_sections(figures, scope, overrides, *, staff_links=False) -> list[dict]:
    """The sections in the active language. The links from counts to the staff lists stay in
    only for the staff preview: the published versions, the open data and the exports are
    read by people who cannot open those lists."""
    sections = []
    for provider in providers():
        if provider.key not in figures:
            continue
        section = provider.render(figures[provider.key], scope).as_dict()
        if not staff_links:
            for block in section["blocks"]:
                block.pop("cell_links", None)
        for sentence in section["sentences"]:
            sentence["generated"] = sentence["text"]
            own = (overrides or {}).get(sentence["id"], "").strip()
            sentence["overridden"] = bool(own)
            if own:
                sentence["text"] = own
        sections.append(section)
    return sections


def own_sections(report) -> list[dict]:
    """The coordinator's own sections, shaped as generated ones (each paragraph a "sentence"
    that is not offered for rewording) so that every format shows them; `report_parts` puts
    them after the generated sections of their part."""
    return [
        {
            "key": f"own-{section.pk}",
            "title": section.title,
            "part": section.part,
            "own": True,
            "sentences": [
                {"id": f"own-{section.pk}.{n}", "text": text, "generated": "", "overridden": False}
                for n, text in enumerate(section.paragraphs(), 1)
            ],
            "blocks": [],
            "key_figures": [],
        }
        for section in report.own_sections.all()
    ]


def _narrative(report) -> dict:
    analysis = [
        {"key": value, "label": str(label), "text": report.analysis.get(value, "").strip()}
        for value, label in SuccessFactor.choices
    ]
    return {
        "foreword": report.foreword.strip(),
        "analysis": [item for item in analysis if item["text"]],
        "priorities": report.priorities.strip(),
    }


def build_document(report, *, as_of=None, languages=LANGUAGES, staff_links=False) -> dict:
    """Everything the report shows, as JSON-safe data, per language; `staff_links` keeps the
    counts' links to the staff lists (the staff preview's page only)."""
    scope = scope_for(report, as_of)
    figures = collect_figures(scope)
    own = own_sections(report)
    document = {
        "schema": SCHEMA,
        "title": report.title,
        "year": report.year,
        "organisations": [{"id": pk, "name": name} for pk, name in scope.organisations],
        "body": report.body.name if report.body_id else "",
        "as_of": scope.as_of.isoformat(),
        "figures": figures,
        "overrides": dict(report.overrides),
        "languages": {},
    }
    for language in languages:
        with translation.override(language):
            document["languages"][language] = {
                "sections": render_sections(
                    figures, scope, report.overrides, staff_links=staff_links
                )
                + own,
                "narrative": _narrative(report),
            }
    return document


def differs_from_version(document: dict, version) -> bool:
    """Whether the live figures are no longer those the published version froze. Only what
    both hold is compared: a figure that only one side has was added or dropped by a new
    release of Barnrätt, which changes no record (and the warning is about the records)."""
    live = json.loads(json.dumps(document["figures"], cls=DjangoJSONEncoder))
    return not _agrees(version.data.get("figures"), live)


def _agrees(published, live) -> bool:
    if isinstance(published, dict) and isinstance(live, dict):
        return all(_agrees(published[key], live[key]) for key in published.keys() & live.keys())
    if isinstance(published, list) and isinstance(live, list):
        return len(published) == len(live) and all(map(_agrees, published, live))
    return published == live


def localised(document: dict, language: str | None = None) -> dict:
    """The document's parts in one language (Swedish when the language is missing), with its
    sections grouped in the bokslut's two parts: the Convention, then public health."""
    language = (language or translation.get_language() or "sv")[:2]
    parts = document["languages"].get(language) or document["languages"]["sv"]
    with translation.override(language):
        return {**document, **parts, "parts": report_parts(parts["sections"])}


def report_parts(sections) -> list[dict]:
    """[{key, title, sections}], the child-rights part first; a version published before the
    parts existed has every section in it. A part without sections is left out."""
    titles = {
        CHILD_RIGHTS: _("The Convention on the Rights of the Child"),
        PUBLIC_HEALTH: _("Public health"),
    }
    return [
        {"key": key, "title": str(title), "sections": found}
        for key, title in titles.items()
        if (found := [s for s in sections if s.get("part", CHILD_RIGHTS) == key])
    ]


def sentence_ids(document: dict) -> list[tuple[str, str]]:
    """(id, generated Swedish text) of every generated sentence, for the overrides form."""
    parts = document["languages"].get("sv") or next(iter(document["languages"].values()))
    return [
        (sentence["id"], sentence["generated"])
        for section in parts["sections"]
        if not section.get("own")
        for sentence in section["sentences"]
    ]


def key_figure_rows(document: dict, language: str = "sv"):
    """The open data's CSV: one row per key figure and organisation (and the total)."""
    parts = document["languages"].get(language) or document["languages"]["sv"]
    with translation.override(language):
        total = _("Total")
    for section in parts["sections"]:
        for figure in section["key_figures"]:
            for organisation, value in figure["values"]:
                yield [
                    document["year"],
                    section["key"],
                    figure["id"],
                    figure["label"],
                    total if organisation == "total" else organisation,
                    value,
                ]
