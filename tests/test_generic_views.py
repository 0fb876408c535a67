"""The record pages declared through `core.views.generic` (edit_view, delete_view,
delete_now_view): login first, then the app's lookup decides 404/403, the methods are those of
the function views they replaced, and a title names the record."""

from decimal import Decimal

from django.urls import reverse

from childbudget import services as budget_services
from organisations.models import Body
from planning import services as planning_services
from planning.models import Policy


def test_anonymous_is_sent_to_the_login_page(client, social_committee):
    response = client.get(reverse("organisations:body_edit", args=[social_committee.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_lookup_gives_the_outsider_404(outsider_client, social_committee):
    for name in ("organisations:body_edit", "organisations:body_delete"):
        assert outsider_client.get(reverse(name, args=[social_committee.pk])).status_code == 404


def test_the_lookup_checks_the_action(case_officer_client, social_committee):
    for name in ("organisations:body_edit", "organisations:body_delete"):
        assert case_officer_client.get(reverse(name, args=[social_committee.pk])).status_code == 403


def test_edit_and_delete_pages_take_get_and_post_only(coordinator_client, social_committee):
    url = reverse("organisations:body_edit", args=[social_committee.pk])
    assert coordinator_client.get(url).status_code == 200
    assert coordinator_client.put(url).status_code == 405
    delete = reverse("organisations:body_delete", args=[social_committee.pk])
    assert coordinator_client.get(delete).status_code == 200
    assert Body.objects.filter(pk=social_committee.pk).exists()


def test_a_delete_button_takes_post_only(coordinator_client, karlskoga, coordinator):
    policy = planning_services.create_policy(
        karlskoga, by=coordinator, kind=Policy.Kind.POLICY, title="Barnpolicy"
    )
    url = reverse("planning:policy_delete", args=[policy.pk])
    assert coordinator_client.get(url).status_code == 405
    assert Policy.objects.filter(pk=policy.pk).exists()
    response = coordinator_client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("planning:policy_list")
    assert "Dokumentet togs bort." in response.content.decode()
    assert not Policy.objects.filter(pk=policy.pk).exists()


def test_the_title_names_the_record(coordinator_client, karlskoga, coordinator, social_committee):
    budget = budget_services.create_budget(
        karlskoga, by=coordinator, body=social_committee, year=2026, total_budget=Decimal(1000)
    )
    page = coordinator_client.get(reverse("childbudget:budget_edit", args=[budget.pk]))
    assert f"Ändra barnbudgeten {budget}" in page.content.decode()
