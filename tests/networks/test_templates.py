"""Sharing an assessment template with a network: from the template's page, read-only on the
network's, copied by another member into its own organisation, and gone when unshared."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import AssessmentTemplate
from core.models import AuditEntry
from networks import services
from networks.models import SharedItem


def test_coordinator_shares_from_the_template_page_and_stops_sharing(
    coordinator_client, network, template
):
    page = coordinator_client.get(template.get_absolute_url()).content.decode()
    share_url = reverse("networks:share_template", args=[template.pk])
    assert share_url in page
    response = coordinator_client.post(share_url, {"network": network.pk, "note": "Prova gärna"})
    assert response.status_code == 302
    shared = SharedItem.objects.get(network=network, template=template)
    assert (shared.kind, shared.note, shared.organisation_id) == (
        "template",
        "Prova gärna",
        template.organisation_id,
    )
    assert AuditEntry.objects.for_object(shared).get().action == "create"

    page = coordinator_client.get(template.get_absolute_url()).content.decode()
    unshare = reverse("networks:unshare", args=[network.pk, shared.pk]) + "?from=template"
    assert unshare.replace("&", "&amp;") in page
    assert share_url not in page  # no other network to share with
    response = coordinator_client.post(unshare)
    assert response.status_code == 302
    assert response.url == template.get_absolute_url() + "#sharing"
    assert not SharedItem.objects.filter(pk=shared.pk).exists()
    entries = AuditEntry.objects.filter(object_id=str(shared.pk), content_type__model="shareditem")
    assert entries.filter(action="delete").exists()


def test_member_reads_the_shared_template_and_copies_it_into_its_own_organisation(
    client, network, coordinator, outsider, template, degerfors
):
    shared = services.share(network, template, by=coordinator, kind=SharedItem.Kind.TEMPLATE)
    client.force_login(outsider)
    assert template.name in client.get(network.get_absolute_url()).content.decode()
    page = client.get(shared.get_absolute_url()).content.decode()
    question = template.versions.get().sections[0]["questions"][0]["text"]["sv"]
    assert question in page
    copy_url = reverse("networks:copy_shared_template", args=[network.pk, shared.pk])
    assert copy_url in page
    assert reverse("assessments:template_new_draft", args=[template.pk]) not in page

    response = client.post(copy_url, {"organisation": degerfors.pk})
    assert response.status_code == 302
    own = AssessmentTemplate.objects.get(organisation=degerfors)
    assert own.copied_from == template
    assert own.versions.get().sections == template.versions.get().sections
    assert AuditEntry.objects.for_object(own).get().actor == outsider
    assert client.get(own.get_absolute_url()).status_code == 200


def test_a_copy_goes_only_into_a_member_the_user_may_add_templates_in(
    client, network, coordinator, outsider, template, karlskoga, case_officer, haninge
):
    shared = services.share(network, template, by=coordinator, kind=SharedItem.Kind.TEMPLATE)
    copy_url = reverse("networks:copy_shared_template", args=[network.pk, shared.pk])
    client.force_login(outsider)
    client.post(copy_url, {"organisation": karlskoga.pk})  # not the outsider's organisation
    assert not AssessmentTemplate.objects.filter(organisation=karlskoga).exclude(pk=template.pk)
    client.force_login(case_officer)  # a member, but may not add templates
    assert client.post(copy_url, {"organisation": karlskoga.pk}).status_code == 403
    with pytest.raises(ValidationError):
        services.copy_shared_template(shared, by=None, organisation=haninge)


def test_copying_stops_the_moment_the_template_is_unshared(
    client, network, coordinator, outsider, template, degerfors
):
    shared = services.share(network, template, by=coordinator, kind=SharedItem.Kind.TEMPLATE)
    url = shared.get_absolute_url()
    copy_url = reverse("networks:copy_shared_template", args=[network.pk, shared.pk])
    services.unshare(shared, by=coordinator)
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(copy_url, {"organisation": degerfors.pk}).status_code == 404
    assert template.name not in client.get(network.get_absolute_url()).content.decode()
    assert not AssessmentTemplate.objects.filter(organisation=degerfors).exists()


def test_non_members_get_404(client, network, coordinator, stranger, template):
    shared = services.share(network, template, by=coordinator, kind=SharedItem.Kind.TEMPLATE)
    client.force_login(stranger)
    assert client.get(shared.get_absolute_url()).status_code == 404
    copy_url = reverse("networks:copy_shared_template", args=[network.pk, shared.pk])
    assert client.post(copy_url, {"organisation": 1}).status_code == 404
    assert client.get(reverse("networks:share_template", args=[template.pk])).status_code == 404


def test_a_shipped_template_cannot_be_shared_and_others_may_not_share(
    client, network, standard_version, case_officer, outsider, template
):
    with pytest.raises(ValidationError):
        services.share(network, standard_version.template, by=None, kind=SharedItem.Kind.TEMPLATE)
    client.force_login(case_officer)
    url = reverse("networks:share_template", args=[template.pk])
    assert client.post(url, {"network": network.pk}).status_code == 403
    assert "sharing-heading" not in client.get(template.get_absolute_url()).content.decode()
    assert not SharedItem.objects.exists()


def test_the_share_page_offers_the_members_own_templates(coordinator_client, network, template):
    url = reverse("networks:share", args=[network.pk])
    assert template.name in coordinator_client.get(url).content.decode()
    response = coordinator_client.post(url, {"kind": "template", "template-item": template.pk})
    assert response.status_code == 302
    assert SharedItem.objects.filter(template=template, kind="template").exists()


def test_shared_template_page_has_a_bounded_query_count(
    client, network, coordinator, outsider, template, django_assert_max_num_queries
):
    shared = services.share(network, template, by=coordinator, kind=SharedItem.Kind.TEMPLATE)
    client.force_login(outsider)
    client.get(shared.get_absolute_url())
    with django_assert_max_num_queries(16):
        assert client.get(shared.get_absolute_url()).status_code == 200
    client.force_login(coordinator)
    client.get(template.get_absolute_url())
    with django_assert_max_num_queries(16):
        assert client.get(template.get_absolute_url()).status_code == 200


def test_the_service_refuses_a_copy_once_unshared(
    network, coordinator, outsider, template, degerfors
):
    shared = services.share(network, template, by=coordinator, kind=SharedItem.Kind.TEMPLATE)
    stale = SharedItem.objects.get(pk=shared.pk)
    services.unshare(shared, by=coordinator)
    with pytest.raises(ValidationError):
        services.copy_shared_template(stale, by=outsider, organisation=degerfors)
    assert not AssessmentTemplate.objects.filter(organisation=degerfors).exists()
