"""Coordinators copy, edit and publish assessment templates. Only drafts change; publishing
freezes a version for good."""

import copy

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.audit import create_object, update_object
from core.models import AuditEntry

from .models import AssessmentTemplate, TemplateVersion
from .questions import KINDS, MULTIPLE_CHOICE, SINGLE_CHOICE, iter_questions


def copy_template(template: AssessmentTemplate, *, by, organisation) -> AssessmentTemplate:
    """The organisation's own copy, with a draft version 1 holding the latest published content."""
    source = (
        template.versions.filter(status=TemplateVersion.Status.PUBLISHED)
        .order_by("-number")
        .first()
    )
    key = _free_key(organisation, template.key)
    with transaction.atomic():
        own = create_object(
            AssessmentTemplate,
            by=by,
            organisation=organisation,
            key=key,
            copied_from=template,
            name=_("%(name)s (copy)") % {"name": template.name},
            description=template.description,
        )
        create_object(
            TemplateVersion,
            by=by,
            template=own,
            number=1,
            sections=copy.deepcopy(source.sections if source else []),
        )
    return own


def _free_key(organisation, key):
    candidate, n = key, 1
    while AssessmentTemplate.objects.filter(organisation=organisation, key=candidate).exists():
        n += 1
        candidate = f"{key}-{n}"
    return candidate


def new_draft(template: AssessmentTemplate, *, by) -> TemplateVersion:
    """A new draft from the latest version, for an organisation's own template."""
    latest = template.versions.order_by("-number").first()
    if latest and not latest.is_published:
        return latest
    return create_object(
        TemplateVersion,
        by=by,
        template=template,
        number=(latest.number + 1 if latest else 1),
        sections=copy.deepcopy(latest.sections if latest else []),
    )


def _editable(version: TemplateVersion):
    if version.is_published:
        raise ValidationError(_("A published version cannot be changed. Make a new draft."))


def _save_sections(version, sections, *, by, note):
    return update_object(version, by=by, sections=sections, note=note)


def add_section(version, *, by, title_sv, title_en="", full_assessment=False):
    _editable(version)
    sections = copy.deepcopy(version.sections)
    key = _unique_key([s["key"] for s in sections], slugify(title_sv) or "section")
    sections.append(
        {
            "key": key,
            "title": {"sv": title_sv, "en": title_en or title_sv},
            "full_assessment": full_assessment,
            "questions": [],
        }
    )
    return _save_sections(
        version, sections, by=by, note=_("Section added: %(title)s") % {"title": title_sv}
    )


def add_question(
    version, *, by, section_key, kind, text_sv, text_en="", help_sv="", help_en="", options_text=""
):
    _editable(version)
    if kind not in KINDS:
        raise ValidationError({"kind": _("Unknown kind of question.")})
    sections = copy.deepcopy(version.sections)
    section = next((s for s in sections if s["key"] == section_key), None)
    if section is None:
        raise ValidationError({"section": _("Choose a section.")})
    existing = [q["key"] for _s, q in iter_questions(sections)]
    question = {
        "key": _unique_key(existing, slugify(text_sv).replace("-", "_")[:40] or "question"),
        "kind": kind,
        "text": {"sv": text_sv, "en": text_en or text_sv},
    }
    if help_sv or help_en:
        question["help"] = {"sv": help_sv, "en": help_en or help_sv}
    if kind in (SINGLE_CHOICE, MULTIPLE_CHOICE):
        question["options"] = parse_options(options_text)
    section["questions"].append(question)
    return _save_sections(
        version, sections, by=by, note=_("Question added: %(text)s") % {"text": text_sv}
    )


def update_question(
    version, *, by, key, text_sv, text_en="", help_sv="", help_en="", options_text=None
):
    _editable(version)
    sections = copy.deepcopy(version.sections)
    question = _find(sections, key)
    question["text"] = {"sv": text_sv, "en": text_en or text_sv}
    if help_sv or help_en:
        question["help"] = {"sv": help_sv, "en": help_en or help_sv}
    else:
        question.pop("help", None)
    if options_text is not None and question["kind"] in (SINGLE_CHOICE, MULTIPLE_CHOICE):
        question["options"] = parse_options(options_text)
    return _save_sections(
        version, sections, by=by, note=_("Question changed: %(text)s") % {"text": text_sv}
    )


def remove_question(version, *, by, key):
    _editable(version)
    sections = copy.deepcopy(version.sections)
    question = _find(sections, key)
    for section in sections:
        section["questions"] = [q for q in section["questions"] if q["key"] != key]
    note = _("Question removed: %(text)s") % {"text": question["text"]["sv"]}
    return _save_sections(version, sections, by=by, note=note)


def move_question(version, *, by, key, offset):
    _editable(version)
    sections = copy.deepcopy(version.sections)
    for section in sections:
        keys = [q["key"] for q in section["questions"]]
        if key in keys:
            i = keys.index(key)
            j = max(0, min(len(keys) - 1, i + offset))
            section["questions"].insert(j, section["questions"].pop(i))
    return _save_sections(version, sections, by=by, note=_("Question moved"))


def publish_version(version, *, by) -> TemplateVersion:
    _editable(version)
    problems = validate_sections(version.sections)
    if problems:
        raise ValidationError(problems)
    return update_object(
        version,
        by=by,
        action=AuditEntry.Action.TRANSITION,
        status=TemplateVersion.Status.PUBLISHED,
        published_at=timezone.now(),
    )


def validate_sections(sections) -> list[str]:
    problems, seen = [], set()
    if not any(s.get("questions") for s in sections):
        problems.append(_("The template has no questions."))
    for _section, question in iter_questions(sections):
        if question["key"] in seen:
            problems.append(_("Two questions share the key %(key)s.") % {"key": question["key"]})
        seen.add(question["key"])
        if not question.get("text", {}).get("sv"):
            problems.append(_("A question has no Swedish text."))
        if question["kind"] in (SINGLE_CHOICE, MULTIPLE_CHOICE) and not question.get("options"):
            problems.append(_("“%(text)s” has no options.") % {"text": question["text"]["sv"]})
    return problems


def parse_options(text: str) -> list[dict]:
    """One option a line: "Swedish text | English text" (the English part may be left out)."""
    options, values = [], []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        swedish, _sep, english = (part.strip() for part in line.partition("|"))
        value = _unique_key(values, slugify(swedish) or "option")
        values.append(value)
        options.append({"value": value, "text": {"sv": swedish, "en": english or swedish}})
    return options


def _find(sections, key):
    for _section, question in iter_questions(sections):
        if question["key"] == key:
            return question
    raise ValidationError(_("The question was not found."))


def _unique_key(existing, base):
    candidate, n = base, 1
    while candidate in existing:
        n += 1
        candidate = f"{base}_{n}"
    return candidate
