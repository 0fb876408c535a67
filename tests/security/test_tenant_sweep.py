"""Cross-tenant sweep: everything Karlskoga owns, as seen by a coordinator in Degerfors.

tests/test_url_access.py already shows that the outsider gets 404 on every Karlskoga URL read with
GET. This sweep adds what that table cannot see:
- every tenant model's `visible_to(outsider)` holds none of Karlskoga's rows (model by model);
- a POST to every URL of a Karlskoga object answers 404 (or 403/405) and changes nothing;
- Karlskoga's texts, marked, appear on none of the pages the outsider may open: lists, searches,
  filters, exports in every format, charts, and the API with Degerfors' token.
"""

import pytest
from django.urls import NoReverseMatch, reverse
from rest_framework.test import APIClient

from core.models import AuditEntry
from tests.test_url_access import EXPECTATIONS

from .corpus import free_text_fields, tenant_models

# Shared on purpose, not leaks: what anyone may open (published reports, public examples,
# children's pages by their code) and the examples shared with a network.
PUBLIC_URLS = {"knowledge:example_list"}
SHARED_MODELS = {"knowledge.example", "reports.report", "reports.reportversion"}
EXPORT_FORMATS = ("csv", "xlsx", "json", "docx")


def marker(model, pk) -> str:
    return f"HEMLIGT{model._meta.model_name.upper()}{pk}X"


@pytest.fixture
def stranger(db):
    """A coordinator in a third municipality: what she sees is national or public."""
    from organisations import services
    from organisations.models import Organisation
    from tests.conftest import make_user

    orebro = Organisation.objects.create(name="Örebro kommun", kind="municipality")
    user = make_user("stranger")
    services.add_member(orebro, by=None, user=user, role="coordinator")
    return user


def karlskoga_only(model, coordinator, stranger):
    """Karlskoga's own rows: seen by its coordinator, not by someone in a third municipality."""
    manager = model._default_manager
    public = manager.visible_to(stranger).values("pk")
    return manager.visible_to(coordinator).exclude(pk__in=public)


@pytest.fixture
def marked(url_kwargs, coordinator, stranger):
    """Every free-text field of every row of Karlskoga's own holds a marker naming the row."""
    markers = {}
    for model in tenant_models():
        label = model._meta.label_lower
        fields = [f for f in free_text_fields(model) if (f.max_length or 100) >= 30]
        if label in SHARED_MODELS or not fields:
            continue
        for pk in karlskoga_only(model, coordinator, stranger).values_list("pk", flat=True):
            text = marker(model, pk)
            model._default_manager.filter(pk=pk).update(**{f.name: text for f in fields})
            markers[text] = label
    return markers


def test_the_sweep_covers_the_tenant_models(marked):
    # The table's objects touch most apps; a sweep that marks nothing proves nothing.
    labels = set(marked.values())
    for expected in (
        "assessments.case",
        "planning.actionplan",
        "planning.activity",
        "planning.policy",
        "participation.consultation",
        "youthforum.forum",
        "training.trainingsession",
        "organisations.body",
        "networks.meetingdocument",
    ):
        assert expected in labels


def test_no_tenant_model_shows_karlskoga_rows_to_degerfors(
    url_kwargs,
    coordinator,
    outsider,
    stranger,
):
    leaks, checked = [], 0
    for model in tenant_models():
        if model._meta.label_lower in SHARED_MODELS:
            continue
        theirs = set(karlskoga_only(model, coordinator, stranger).values_list("pk", flat=True))
        checked += bool(theirs)
        seen = set(model._default_manager.visible_to(outsider).values_list("pk", flat=True))
        if theirs & seen:
            leaks.append(f"{model._meta.label}: {sorted(theirs & seen)}")
    assert checked > 20
    assert not leaks


def object_urls(kwargs_by_key):
    for name, (key, expected) in sorted(EXPECTATIONS.items()):
        if key is None or expected["outsider"] != 404:
            continue
        yield name, reverse(name, kwargs=kwargs_by_key[key])


def test_outsider_posts_to_karlskoga_objects_get_404_and_change_nothing(
    client,
    outsider,
    url_kwargs,
):
    client.force_login(outsider)
    before = AuditEntry.objects.count()
    wrong = []
    for name, url in object_urls(url_kwargs):
        response = client.post(url, {"title": "Från Degerfors", "name": "Från Degerfors"})
        if response.status_code not in (403, 404, 405):
            wrong.append(f"{name} {url}: {response.status_code}")
    assert not wrong
    assert AuditEntry.objects.count() == before


def outsider_pages(kwargs_by_key):
    """Pages the outsider may open, each export in every format, each with a search."""
    for name, (key, expected) in sorted(EXPECTATIONS.items()):
        if expected["outsider"] != 200 or expected["anonymous"] == 200 or name in PUBLIC_URLS:
            continue
        kwargs = kwargs_by_key[key]
        variants = [kwargs | {"fmt": f} for f in EXPORT_FORMATS] if "fmt" in kwargs else [kwargs]
        for variant in variants:
            try:
                yield name, reverse(name, kwargs=variant)
            except NoReverseMatch:
                continue


def leaked(content: bytes, markers) -> list[str]:
    text = content.decode("utf-8", errors="replace")
    found = [m for m in markers if m in text]
    if content[:2] == b"PK":  # XLSX and DOCX are zip files
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            inner = " ".join(archive.read(n).decode(errors="replace") for n in archive.namelist())
        found += [m for m in markers if m in inner]
    return found


def test_karlskoga_texts_appear_on_no_page_the_outsider_opens(
    client,
    outsider,
    url_kwargs,
    marked,
):
    client.force_login(outsider)
    leaks, opened = [], 0
    for name, url in outsider_pages(url_kwargs):
        # The page as it is, and searched and filtered for one of Karlskoga's texts.
        # (The search is for the markers' common start, which the page may echo.)
        for query in ("", "?q=HEMLIGT&search=HEMLIGT&status=&year="):
            response = client.get(url + query)
            if response.status_code != 200:
                continue
            opened += 1
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            if found := leaked(content, marked):
                leaks.append(f"{name} {url}{query}: {found[:3]}")
    assert opened > 40
    assert not leaks


def test_the_api_with_degerfors_token_shows_nothing_of_karlskoga(
    degerfors,
    url_kwargs,
    marked,
):
    from api import services as token_services

    _token, key = token_services.create_token(degerfors, by=None, name="Diariet")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    listed = api.get(reverse("api:case_list"))
    assert listed.status_code == 200
    assert not leaked(listed.content, marked)
    for name in ("api:case_detail", "api:assessment", "api:assessment_pdf", "api:assessment_docx"):
        assert api.get(reverse(name, kwargs=url_kwargs["case"])).status_code == 404
    external = reverse("api:case_upsert", kwargs=url_kwargs["external"])
    assert api.get(external).status_code in (404, 405)
