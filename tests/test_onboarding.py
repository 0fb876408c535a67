"""A platform administrator onboards a municipality from SCB's register; its first admin gets an
invitation, chooses a password and signs in to run the organisation."""

import importlib
import re

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse

from core.models import AuditEntry
from organisations.models import Membership, Organisation, ScbArea
from organisations.roles import Role
from tests.world import make_user

NEW_PASSWORD = "ett-nytt-langt-losenord-1862"


@pytest.fixture
def areas(db):
    # A transactional test elsewhere in the worker may have flushed the migration's rows.
    if not ScbArea.objects.exists():
        importlib.import_module("organisations.migrations.0004_load_scb_areas").load(apps, None)


@pytest.fixture
def platform_admin_client(client, db):
    admin = make_user("plattform", is_superuser=True, is_staff=True)
    client.force_login(admin)
    return client


def test_the_register_holds_every_municipality_and_region(areas):
    assert ScbArea.objects.filter(kind="municipality").count() == 290
    assert ScbArea.objects.filter(kind="region").count() == 21
    names = dict(ScbArea.objects.values_list("code", "name"))
    assert {code: names[code] for code in ("1883", "1862", "1884", "1864", "1863", "1885")} == {
        "1883": "Karlskoga",
        "1862": "Degerfors",
        "1884": "Nora",
        "1864": "Ljusnarsberg",
        "1863": "Hällefors",
        "1885": "Lindesberg",
    }
    assert names["1880"] == "Örebro" and names["18"] == "Örebro län"
    # Every municipality lies in one of the 21 counties.
    counties = set(ScbArea.objects.filter(kind="region").values_list("code", flat=True))
    municipalities = ScbArea.objects.filter(kind="municipality").values_list("code", flat=True)
    assert {code[:2] for code in municipalities} == counties


def test_a_municipality_is_onboarded_and_its_admin_signs_in(
    areas, platform_admin_client, client, settings
):
    settings.EMAIL_CONFIGURED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    page = platform_admin_client.get(reverse("organisations:onboard"))
    assert "1883 Karlskoga" in page.content.decode()

    response = platform_admin_client.post(
        reverse("organisations:onboard"),
        {
            "area": ScbArea.objects.get(code="1883").pk,
            "name": "Karlskoga kommun",
            "username": "anna.admin",
            "first_name": "Anna",
            "last_name": "Andersson",
            "email": "anna.andersson@karlskoga.se",
        },
    )
    organisation = Organisation.objects.get(scb_code="1883")
    assert response.status_code == 302 and response.url == organisation.get_absolute_url()
    assert (organisation.name, organisation.kind) == ("Karlskoga kommun", "municipality")
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user.username, membership.role) == ("anna.admin", Role.ORG_ADMIN)
    assert AuditEntry.objects.for_object(organisation).get().actor.username == "plattform"
    # Karlskoga is no longer offered.
    assert "1883 Karlskoga" not in platform_admin_client.get(reverse("organisations:onboard")).text

    # The invitation: a link to choose a password, then an ordinary sign-in.
    platform_admin_client.logout()
    (invitation,) = mail.outbox
    assert invitation.to == ["anna.andersson@karlskoga.se"]
    link = re.search(r"https?://\S+/password/set/\S+/", invitation.body).group(0)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    signed_in = client.post(
        reverse("accounts:login"), {"username": "anna.admin", "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302
    people = client.get(reverse("organisations:people", args=[organisation.pk]))
    assert people.status_code == 200 and "Anna" in people.text


def test_a_region_gets_its_organisation_name_and_a_taken_code_is_refused(
    areas, platform_admin_client
):
    region = ScbArea.objects.get(code="18")
    data = {
        "area": region.pk,
        "name": "",
        "username": "rut.region",
        "first_name": "Rut",
        "last_name": "Region",
        "email": "rut@regionorebrolan.se",
    }
    platform_admin_client.post(reverse("organisations:onboard"), data)
    organisation = Organisation.objects.get(scb_code="18")
    assert (organisation.name, organisation.kind) == ("Region Örebro län", "region")
    again = platform_admin_client.post(reverse("organisations:onboard"), data)
    assert again.status_code == 200 and Organisation.objects.filter(scb_code="18").count() == 1


def test_only_a_platform_administrator_may_onboard(areas, coordinator_client):
    response = coordinator_client.post(
        reverse("organisations:onboard"),
        {"area": ScbArea.objects.get(code="1884").pk, "username": "x"},
    )
    assert response.status_code == 403
    assert not Organisation.objects.filter(scb_code="1884").exists()
