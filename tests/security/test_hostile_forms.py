"""Every form in the application gets every string of the hostile corpus in all its text fields.

For each page in tests/test_url_access.py's table that a Karlskoga persona may open and that holds
a POST form with text fields: the answer is never a server error; a saved form stored the text as
given (or its sanitised form for rich text); the page after saving and the form itself show the
text escaped; a refused form shows it escaped too.
"""

import json

import pytest
from django.db import models
from django.urls import NoReverseMatch, reverse

from core.models import AuditEntry
from core.richtext import plain, sanitise
from tests.test_url_access import EXPECTATIONS

from .corpus import (
    HOSTILE,
    form_data,
    formula_problems,
    page_forms,
    short,
    text_fields,
    unsafe_markup,
)

# Personas tried in turn: the first that may open a page posts its form.
PERSONAS = ("coordinator", "decision_maker", "org_admin", "dialogue_leader")
# Pages whose form changes who is logged in.
SKIP = {"accounts:password_change", "accounts:password_reset_confirm"}
EXPORT_FORMATS = ("csv", "xlsx", "docx", "json")
# Forms each group must have found: a page whose form the walk stops finding fails here.
EXPECTED_FORMS = {
    "assessments": {"assessments:case_create", "assessments:case_edit"},
    "planning": {"planning:plan_create", "planning:activity_create", "knowledge:example_create"},
    "participation": {"participation:consultation_create", "youthforum:forum_create"},
    "others": {"organisations:body_create", "training:session_create"},
}
APPS = sorted({name.split(":")[0] for name in EXPECTATIONS})


def saved_objects(since: int) -> list:
    """The objects the audit log says were created or changed after entry `since`."""
    found = []
    for entry in AuditEntry.objects.filter(pk__gt=since).select_related("content_type"):
        model = entry.content_type.model_class()
        instance = model and model._default_manager.filter(pk=entry.object_id).first()
        if instance is not None:
            found.append(instance)
    return found


def stored(objects, text) -> bool:
    """Whether one of the saved objects holds the text as given (stripped by the form, or
    sanitised as rich text)."""
    candidates = {text, text.strip(), sanitise(text), plain(text), text.replace("\r", "")}
    candidates = {candidate for candidate in candidates if candidate.strip()}
    related = [
        getattr(instance, field.name)
        for instance in objects
        for field in instance._meta.concrete_fields
        if field.is_relation
    ]
    for instance in [*objects, *(r for r in related if r is not None)]:
        for field in instance._meta.concrete_fields:
            value = getattr(instance, field.attname)
            if isinstance(field, models.JSONField):
                value = json.dumps(value, ensure_ascii=False)
                if any(json.dumps(c, ensure_ascii=False)[1:-1] in value for c in candidates):
                    return True
            elif isinstance(value, str) and (
                value in candidates or any(c in value for c in candidates if len(c) > 8)
            ):
                return True
    return False


def last_audit_entry() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def open_page(client, request, url):
    for persona in PERSONAS:
        client.force_login(request.getfixturevalue(persona))
        response = client.get(url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            return response
    return None


def post_corpus(client, name, url, page) -> tuple[int, list[str]]:
    """Post every corpus string into every text field of each of the page's forms."""
    problems = []
    forms = page_forms(page.content.decode(), url)
    for index in range(len(forms)):
        form = forms[index]
        for text in HOSTILE:
            fields = text_fields(form)
            since = last_audit_entry()
            answer = client.post(url, form_data(form, dict.fromkeys(fields, text)))
            status = answer.status_code
            if status >= 500:
                problems.append(f"{short(text)}: {status}")
                continue
            if unsafe := unsafe_markup(answer.content.decode(errors="replace")):
                problems.append(f"{short(text)}: unescaped {unsafe} in the answer")
            if status == 302:
                saved = saved_objects(since)
                if saved and "\x00" in text:
                    problems.append(f"{short(text)}: a NUL byte was accepted ({fields})")
                elif saved and not stored(saved, text):
                    problems.append(f"{short(text)}: saved but not stored as given ({fields})")
                for shown in dict.fromkeys((answer["Location"], url)):
                    again = client.get(shown)
                    if again.status_code >= 500:
                        problems.append(f"{short(text)}: {shown} answers {again.status_code}")
                    elif unsafe := unsafe_markup(again.content.decode(errors="replace")):
                        problems.append(f"{short(text)}: unescaped {unsafe} on {shown}")
                    elif shown == url and again.status_code == 200:
                        # An edit form after saving (its version field has moved on).
                        forms_now = page_forms(again.content.decode(), url)
                        if len(forms_now) == len(forms):
                            form = forms_now[index]
            elif status != 200:
                problems.append(f"{short(text)}: unexpected {status}")
    return len(forms), [f"{name} {url} {problem}" for problem in problems]


def every_page(kwargs_by_key):
    """Each URL of the table, and each export in every format its pattern allows."""
    for name in sorted(EXPECTATIONS):
        kwargs = kwargs_by_key[EXPECTATIONS[name][0]]
        variants = [kwargs]
        if "fmt" in kwargs:
            variants = [kwargs | {"fmt": fmt} for fmt in EXPORT_FORMATS]
        for variant in variants:
            try:
                yield name, reverse(name, kwargs=variant)
            except NoReverseMatch:
                continue


def read_back(client, request, kwargs_by_key) -> list[str]:
    """Every page and export after the corpus went in: no server error, markup escaped,
    spreadsheets formula-safe."""
    problems = []
    for name, url in every_page(kwargs_by_key):
        for persona in PERSONAS[:2]:
            client.force_login(request.getfixturevalue(persona))
            response = client.get(url)
            if response.status_code >= 500:
                problems.append(f"{name} {url} answers {response.status_code}")
                continue
            content_type = response.get("Content-Type", "")
            if response.status_code != 200 or response.streaming:
                continue
            if "html" in content_type:
                if unsafe := unsafe_markup(response.content.decode(errors="replace")):
                    problems.append(f"{name} {url}: unescaped {unsafe}")
            elif "csv" in content_type or "spreadsheetml" in content_type:
                for problem in formula_problems(response.content, content_type):
                    problems.append(f"{name} {url}: {problem}")
    return problems


# Apps in groups, so that the table's objects are built a few times rather than once per app.
GROUPS = {
    "assessments": ("assessments", "archive", "accounts", "indicators"),
    "planning": ("planning", "knowledge"),
    "participation": ("participation", "youthforum"),
    "others": tuple(
        app
        for app in APPS
        if app not in ("assessments", "archive", "accounts", "indicators", "planning")
        and app not in ("knowledge", "participation", "youthforum")
    ),
}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_hostile_text_in_every_form(client, request, url_kwargs, group):
    problems = []
    exercised = []
    for name in sorted(EXPECTATIONS):
        if name.split(":")[0] not in GROUPS[group] or name in SKIP:
            continue
        key = EXPECTATIONS[name][0]
        url = reverse(name, kwargs=url_kwargs[key])
        page = open_page(client, request, url)
        if page is None:
            continue
        count, found = post_corpus(client, name, url, page)
        if count:
            exercised.append(name)
        problems += found
    assert EXPECTED_FORMS[group] <= set(exercised), exercised
    problems += read_back(client, request, url_kwargs)
    assert not problems, "\n".join(problems)
