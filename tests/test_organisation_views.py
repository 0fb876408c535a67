"""Coordinators and organisation admins manage bodies, networks and people in the app."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from core.models import AuditEntry
from networks.models import Network
from organisations.models import Body, Membership, PopulationByAge, PopulationFact


def test_coordinator_creates_a_joint_body(coordinator_client, coordinator, karlskoga, degerfors):
    response = coordinator_client.post(
        reverse("organisations:body_create", args=[karlskoga.pk]),
        {
            "name": "Folkhälsonämnden",
            "kind": "committee",
            "description": "",
            "served_organisations": [degerfors.pk],
        },
    )
    body = Body.objects.get(name="Folkhälsonämnden")
    assert response.status_code == 302
    assert list(body.served_organisations.all()) == [degerfors]
    assert AuditEntry.objects.for_object(body).get().actor == coordinator


def test_case_officer_may_not_create_a_body(case_officer_client, karlskoga):
    response = case_officer_client.post(
        reverse("organisations:body_create", args=[karlskoga.pk]),
        {"name": "X", "kind": "committee"},
    )
    assert response.status_code == 403
    assert not Body.objects.filter(name="X").exists()


def test_invalid_body_form_keeps_input_and_explains_in_swedish(
    coordinator_client, karlskoga, social_committee
):
    response = coordinator_client.post(
        reverse("organisations:body_create", args=[karlskoga.pk]),
        {"name": "Socialnämnden", "kind": "", "description": "Mitt utkast"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Mitt utkast" in content
    assert "Det här fältet är obligatoriskt." in content
    assert 'aria-invalid="true"' in content


def test_coordinator_edits_and_deletes_a_body(coordinator_client, social_committee):
    url = reverse("organisations:body_edit", args=[social_committee.pk])
    coordinator_client.post(url, {"name": "Socialnämnden", "kind": "board", "description": "Ny"})
    social_committee.refresh_from_db()
    assert social_committee.kind == "board"
    response = coordinator_client.post(
        reverse("organisations:body_delete", args=[social_committee.pk])
    )
    assert response.status_code == 302
    assert not Body.objects.filter(pk=social_committee.pk).exists()


def test_delete_asks_for_confirmation_first(coordinator_client, social_committee):
    response = coordinator_client.get(
        reverse("organisations:body_delete", args=[social_committee.pk])
    )
    assert response.status_code == 200
    assert Body.objects.filter(pk=social_committee.pk).exists()


def test_coordinator_creates_a_network(coordinator_client, karlskoga, degerfors, social_committee):
    response = coordinator_client.post(
        reverse("networks:network_create", args=[karlskoga.pk]),
        {
            "name": "Partnerskapet",
            "kind": "partnership",
            "member_organisations": [karlskoga.pk, degerfors.pk],
            "member_bodies": [social_committee.pk],
        },
    )
    network = Network.objects.get(name="Partnerskapet")
    assert response.status_code == 302
    assert set(network.member_organisations.all()) == {karlskoga, degerfors}


def test_network_form_offers_only_bodies_the_user_sees(
    coordinator_client, karlskoga, degerfors_committee
):
    response = coordinator_client.get(reverse("networks:network_create", args=[karlskoga.pk]))
    assert "Kommunstyrelsen" not in response.content.decode()


def test_editing_a_network_keeps_member_bodies_the_editor_cannot_see(
    coordinator_client, coordinator, karlskoga, degerfors_committee, karlskoga_network
):
    karlskoga_network.member_bodies.add(degerfors_committee)
    coordinator_client.post(
        reverse("networks:network_edit", args=[karlskoga_network.pk]),
        {
            "name": "Nytt namn",
            "kind": "cross_sectoral",
            "member_bodies": [b.pk for b in karlskoga_network.member_bodies.all()],
        },
    )
    karlskoga_network.refresh_from_db()
    assert karlskoga_network.name == "Nytt namn"
    assert degerfors_committee in karlskoga_network.member_bodies.all()


def test_adding_a_new_person_creates_an_account_and_says_no_email_was_sent(
    coordinator_client, karlskoga
):
    response = coordinator_client.post(
        reverse("organisations:add_person", args=[karlskoga.pk]),
        {
            "username": "ny.handlaggare",
            "first_name": "Ny",
            "last_name": "Handläggare",
            "email": "ny@example.org",
            "role": "case_officer",
        },
        follow=True,
    )
    user = get_user_model().objects.get(username="ny.handlaggare")
    assert not user.has_usable_password()
    assert Membership.objects.filter(
        user=user, organisation=karlskoga, role="case_officer"
    ).exists()
    assert "Inget e-postmeddelande skickades" in response.content.decode()


def test_adding_a_new_person_sends_an_invitation_when_email_is_configured(
    coordinator_client, karlskoga, settings, mailoutbox
):
    settings.EMAIL_CONFIGURED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    coordinator_client.post(
        reverse("organisations:add_person", args=[karlskoga.pk]),
        {
            "username": "inbjuden",
            "first_name": "In",
            "last_name": "Bjuden",
            "email": "inbjuden@example.org",
            "role": "reader",
        },
    )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["inbjuden@example.org"]


def test_adding_an_existing_person_needs_no_name(coordinator_client, karlskoga, outsider):
    coordinator_client.post(
        reverse("organisations:add_person", args=[karlskoga.pk]),
        {"username": "outsider", "role": "reader"},
    )
    assert Membership.objects.filter(user=outsider, organisation=karlskoga, role="reader").exists()


def test_new_person_needs_a_name(coordinator_client, karlskoga):
    response = coordinator_client.post(
        reverse("organisations:add_person", args=[karlskoga.pk]),
        {"username": "okand", "role": "reader"},
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="okand").exists()


def test_the_same_role_twice_is_refused_with_a_message(coordinator_client, karlskoga, case_officer):
    response = coordinator_client.post(
        reverse("organisations:add_person", args=[karlskoga.pk]),
        {"username": "case_officer", "role": "case_officer"},
    )
    assert response.status_code == 200
    assert Membership.objects.filter(user=case_officer, role="case_officer").count() == 1


def test_last_organisation_admin_cannot_be_removed(client, org_admin, karlskoga):
    client.force_login(org_admin)
    membership = Membership.objects.get(user=org_admin)
    response = client.post(
        reverse("organisations:membership_delete", args=[membership.pk]), follow=True
    )
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "minst en organisationsadministratör" in response.content.decode()


def test_coordinator_changes_a_role(coordinator_client, case_officer):
    membership = Membership.objects.get(user=case_officer)
    coordinator_client.post(
        reverse("organisations:membership_edit", args=[membership.pk]),
        {"role": "decision_maker", "body": ""},
    )
    membership.refresh_from_db()
    assert membership.role == "decision_maker"
    assert AuditEntry.objects.for_object(membership).filter(action="update").exists()


def test_org_admin_edits_the_organisation(client, org_admin, karlskoga):
    client.force_login(org_admin)
    client.post(
        reverse("organisations:edit", args=[karlskoga.pk]),
        {"name": "Karlskoga kommun", "description": "Bergslagen"},
    )
    karlskoga.refresh_from_db()
    assert karlskoga.description == "Bergslagen"


def test_population_figure_for_the_same_year_twice_is_refused(coordinator_client, karlskoga):
    url = reverse("organisations:population_add", args=[karlskoga.pk])
    data = {"year": 2025, "inhabitants": 30000, "source": "SCB"}
    coordinator_client.post(url, data)
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "Det finns redan" in response.content.decode()
    assert PopulationFact.objects.filter(organisation=karlskoga).count() == 1


def test_population_by_age_band_is_added_shown_and_checked(coordinator_client, karlskoga):
    url = reverse("organisations:population_by_age_add", args=[karlskoga.pk])
    data = {"year": 2025, "age_band": "6-12", "total": 2500, "girls": 1210, "boys": 1290}
    response = coordinator_client.post(url, data | {"source": "SCB"})
    assert response.status_code == 302
    detail = coordinator_client.get(reverse("organisations:detail", args=[karlskoga.pk]))
    assert "6–12 år" in detail.content.decode() and "1210" in detail.content.decode()
    again = coordinator_client.post(url, data | {"source": "SCB"})
    assert "Det finns redan en siffra för den åldersgruppen" in again.content.decode()
    too_many = coordinator_client.post(url, data | {"age_band": "0-5", "total": 10, "source": "x"})
    assert "fler än totalt" in too_many.content.decode()
    assert PopulationByAge.objects.filter(organisation=karlskoga).count() == 1


def test_body_list_filters_by_kind_and_search(coordinator_client, social_committee, karlskoga):
    from organisations import services

    services.create_body(karlskoga, by=None, name="Kommunstyrelsen", kind="board")
    response = coordinator_client.get(reverse("organisations:body_list"), {"kind": "board"})
    names = [body.name for body in response.context["page"]]
    assert names == ["Kommunstyrelsen"]
    response = coordinator_client.get(reverse("organisations:body_list"), {"q": "social"})
    assert [body.name for body in response.context["page"]] == ["Socialnämnden"]
