"""The knowledge-bank pages: coordinators write through the services with an audit entry,
others get 403, filters and search work without JavaScript, and pages keep their query count."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditEntry
from knowledge.models import Example

from .conftest import add_example

FORM = {
    "title": "Barnbokslut i alla nämnder",
    "year": "2025",
    "visibility": "network",
    "success_factors": ["budget"],
    "articles": [],
    "tags": "budget, bokslut",
    "description": "<p>Nämnderna redovisar <strong>budgeten</strong>.</p><script>x</script>",
    "results": "Alla nämnder redovisar.",
    "contact": "Ekonomichefen",
    "links": "https://example.org/bokslut",
}


def test_coordinator_creates_an_example_with_an_audit_entry(coordinator_client, karlskoga):
    url = reverse("knowledge:example_create", args=[karlskoga.pk])
    response = coordinator_client.post(url, FORM)
    example = Example.objects.get()
    assert response.status_code == 302
    assert response["Location"] == example.get_absolute_url()
    assert "<script>" not in example.description
    assert example.success_factors == ["budget"]
    entry = AuditEntry.objects.for_object(example).get()
    assert entry.action == "create"
    assert "search_vector" not in entry.changes
    found = coordinator_client.get(reverse("knowledge:example_list"), {"q": "budgetar"})
    assert example.title in found.content.decode()


def test_case_officer_may_not_create_edit_or_delete(case_officer_client, karlskoga):
    example = add_example(karlskoga)
    assert (
        case_officer_client.post(
            reverse("knowledge:example_create", args=[karlskoga.pk]), FORM
        ).status_code
        == 403
    )
    edit = reverse("knowledge:example_edit", args=[example.pk])
    assert case_officer_client.post(edit, FORM).status_code == 403
    delete = reverse("knowledge:example_delete", args=[example.pk])
    assert case_officer_client.post(delete).status_code == 403
    assert Example.objects.filter(pk=example.pk).exists()


def test_outsider_may_not_edit_a_public_example_of_another_organisation(outsider_client, karlskoga):
    example = add_example(karlskoga, visibility="public")
    edit = reverse("knowledge:example_edit", args=[example.pk])
    assert outsider_client.post(edit, FORM).status_code == 403
    delete = reverse("knowledge:example_delete", args=[example.pk])
    assert outsider_client.post(delete).status_code == 403


def test_coordinator_edits_and_deletes_with_audit_entries(coordinator_client, karlskoga):
    example = add_example(karlskoga)
    edit = reverse("knowledge:example_edit", args=[example.pk])
    assert coordinator_client.post(edit, FORM).status_code == 302
    example.refresh_from_db()
    assert example.title == FORM["title"]
    assert (
        coordinator_client.post(reverse("knowledge:example_delete", args=[example.pk])).status_code
        == 302
    )
    assert not Example.objects.filter(pk=example.pk).exists()
    actions = list(
        AuditEntry.objects.filter(object_id=str(example.pk), content_type__model="example")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "delete"]


def test_list_filters_by_success_factor_and_article(coordinator_client, karlskoga):
    from convention.models import Article

    budget = add_example(karlskoga, title="Budgetexempel", success_factors=["budget"])
    other = add_example(
        karlskoga, title="Artikelexempel", articles=[Article.objects.get(number=12)]
    )
    url = reverse("knowledge:example_list")
    page = coordinator_client.get(url, {"factor": "budget"}).content.decode()
    assert budget.title in page
    assert other.title not in page
    page = coordinator_client.get(url, {"article": "12"}).content.decode()
    assert other.title in page
    assert budget.title not in page


def test_htmx_search_returns_only_the_results(coordinator_client, karlskoga):
    add_example(karlskoga, title="Parker för barn")
    response = coordinator_client.get(
        reverse("knowledge:example_list"),
        {"q": "parken"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="results",
    )
    html = response.content.decode()
    assert "Parker för barn" in html
    assert "<html" not in html


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", ["", "?q=barnen", "?q=barnen&factor=budget&article=3"])
def test_list_and_public_list_keep_their_query_count(coordinator_client, client, karlskoga, query):
    def counts():
        return (
            queries_for(coordinator_client, reverse("knowledge:example_list") + query),
            queries_for(client, reverse("knowledge:public_list") + query),
        )

    add_example(karlskoga, title="Barnen", success_factors=["budget"])
    few = counts()
    for i in range(15):
        add_example(
            karlskoga, title=f"Barnen {i}", success_factors=["budget"], visibility="network"
        )
    assert counts() == few
    assert few[0] <= 12


def test_detail_pages_keep_their_query_count(
    coordinator_client, client, karlskoga, django_assert_max_num_queries
):
    example = add_example(karlskoga)
    coordinator_client.get(example.get_absolute_url())
    with django_assert_max_num_queries(10):
        assert coordinator_client.get(example.get_absolute_url()).status_code == 200
    # Six: the example, its articles, its public-health target areas and the page's own.
    with django_assert_max_num_queries(6):
        assert client.get(example.get_public_url()).status_code == 200


def test_demo_examples_load_once_and_are_found(db):
    call_command("load_demo")
    call_command("load_demo")
    from knowledge.demo import EXAMPLES
    from knowledge.search import search

    assert Example.objects.count() == len(EXAMPLES)
    assert Example.objects.filter(organisation__name="Rädda Barnen").count() == 4
    found = [e.organisation.name for e in search(Example.objects.all(), "budgeten")]
    assert found == ["Region Kronoberg"]
    assert Example.objects.exclude(visibility="public").count() == 1
