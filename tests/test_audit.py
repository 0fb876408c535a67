"""Every change to a tenant-owned record is logged in the same transaction; the log only grows."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import AuditEntry
from organisations import services
from organisations.models import Body


def test_creating_a_body_logs_who_and_what(coordinator, karlskoga):
    body = services.create_body(
        karlskoga, by=coordinator, name="Kultur- och fritidsnämnden", kind=Body.Kind.COMMITTEE
    )
    entry = AuditEntry.objects.for_object(body).get()
    assert entry.actor == coordinator
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.changes["name"] == [None, "Kultur- och fritidsnämnden"]
    assert entry.created_at.utcoffset().total_seconds() == 0


def test_update_logs_only_changed_fields_with_before_and_after(coordinator, social_committee):
    services.update_body(
        social_committee, by=coordinator, name="Socialnämnden", kind=Body.Kind.BOARD
    )
    entry = AuditEntry.objects.for_object(social_committee).filter(action="update").get()
    assert entry.changes == {"kind": ["committee", "board"]}


def test_update_without_change_writes_nothing(coordinator, social_committee):
    before = AuditEntry.objects.count()
    services.update_body(social_committee, by=coordinator, name="Socialnämnden")
    assert AuditEntry.objects.count() == before


def test_many_to_many_changes_are_logged(coordinator, social_committee, degerfors):
    services.update_body(social_committee, by=coordinator, served_organisations=[degerfors])
    entry = AuditEntry.objects.for_object(social_committee).filter(action="update").get()
    assert entry.changes["served_organisations"] == [[], [degerfors.pk]]


def test_delete_keeps_what_the_record_held(coordinator, social_committee):
    pk = social_committee.pk
    services.delete_body(social_committee, by=coordinator)
    entry = AuditEntry.objects.get(action="delete", object_id=str(pk))
    assert entry.changes["name"] == ["Socialnämnden", None]


def test_invalid_change_writes_neither_record_nor_log(coordinator, social_committee):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        services.update_body(social_committee, by=coordinator, kind="not-a-kind")
    social_committee.refresh_from_db()
    assert social_committee.kind == Body.Kind.COMMITTEE
    assert AuditEntry.objects.count() == before


def test_log_entries_cannot_be_changed_or_deleted(social_committee):
    entry = AuditEntry.objects.for_object(social_committee).get()
    entry.note = "tampered"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().update(note="tampered")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


def test_coordinator_sees_history_of_a_body(coordinator_client, coordinator, social_committee):
    services.update_body(social_committee, by=coordinator, description="Ansvar för socialtjänsten")
    response = coordinator_client.get(
        reverse("home:history", args=["organisations.body", social_committee.pk])
    )
    assert response.status_code == 200
    assert "Ansvar för socialtjänsten" in response.content.decode()
    assert str(coordinator) in response.content.decode()


def test_case_officer_may_not_read_history(case_officer_client, social_committee):
    response = case_officer_client.get(
        reverse("home:history", args=["organisations.body", social_committee.pk])
    )
    assert response.status_code == 403


def test_history_of_unknown_model_is_404(coordinator_client, coordinator):
    response = coordinator_client.get(
        reverse("home:history", args=["accounts.user", coordinator.pk])
    )
    assert response.status_code == 404


def test_changes_made_in_django_admin_are_logged(client, django_user_model, social_committee):
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    url = reverse("admin:organisations_body_change", args=[social_committee.pk])
    response = client.post(
        url,
        {
            "name": "Socialnämnden",
            "kind": "board",
            "description": "",
            "organisation": social_committee.organisation_id,
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.for_object(social_committee).filter(action="update").get()
    assert entry.actor == root
    assert entry.changes == {"kind": ["committee", "board"]}


def test_deletes_in_django_admin_are_logged(client, django_user_model, social_committee):
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    pk = social_committee.pk
    client.post(reverse("admin:organisations_body_delete", args=[pk]), {"post": "yes"})
    assert AuditEntry.objects.filter(action="delete", object_id=str(pk), actor=root).exists()
