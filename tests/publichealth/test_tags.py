"""Indicators and good examples are tagged with target areas beside articles: through the
forms and services (with the audit log) and shown on their pages."""

from django.urls import reverse

from core.models import AuditEntry
from indicators.models import Indicator
from knowledge.models import Example
from publichealth.models import TargetArea
from tests.knowledge.conftest import add_example


def test_coordinator_tags_an_indicator_with_target_areas(coordinator_client):
    indicator = Indicator.objects.get(code="barn-ekonomiskt-bistand")
    url = reverse("indicators:indicator_edit", args=[indicator.pk])
    form = coordinator_client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data["articles"] = [article.pk for article in data["articles"]]
    income = TargetArea.objects.get(number=4)
    data |= {"target_areas": [income.pk], "featured": ""}
    response = coordinator_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert list(indicator.target_areas.all()) == [income]
    entry = AuditEntry.objects.for_object(indicator).get()
    assert entry.changes["target_areas"] == [[], [income.pk]]
    detail = coordinator_client.get(indicator.get_absolute_url()).content.decode()
    assert "4. Inkomster och försörjningsmöjligheter" in detail


def test_a_public_example_shows_its_target_areas_to_anyone(client, karlskoga):
    habits = TargetArea.objects.get(number=6)
    example = add_example(karlskoga, target_areas=[habits])
    assert list(Example.objects.get(pk=example.pk).target_areas.all()) == [habits]
    html = client.get(example.get_public_url()).content.decode()
    assert "Målområde 6: Levnadsvanor" in html
    assert reverse("publichealth:target_area", args=[6]) in html


def test_the_example_form_offers_the_eight_areas_as_checkboxes(coordinator_client, karlskoga):
    html = coordinator_client.get(
        reverse("knowledge:example_create", args=[karlskoga.pk])
    ).content.decode()
    assert html.count('name="target_areas"') == 8
    assert "8. En jämlik och hälsofrämjande hälso- och sjukvård" in html
