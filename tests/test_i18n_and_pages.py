"""Swedish first, English second; the start page and the accessibility statement."""

from django.core.management import call_command
from django.urls import reverse

from core.models import AccessibilityReport


def test_pages_are_swedish_by_default(client, db):
    content = client.get(reverse("home:home")).content.decode()
    assert '<html lang="sv">' in content
    assert "Hoppa till innehållet" in content


def test_a_browser_set_to_english_still_gets_swedish(client, db):
    response = client.get(reverse("home:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    content = response.content.decode()
    assert '<html lang="sv">' in content


def test_english_is_chosen_with_the_language_form(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    content = client.get(reverse("home:home")).content.decode()
    assert '<html lang="en">' in content
    assert "Skip to content" in content


def test_every_string_has_a_swedish_translation(db):
    call_command("check_translations", no_refresh=True)


def test_start_page_shows_organisations_and_roles(coordinator_client, karlskoga):
    content = coordinator_client.get(reverse("home:start")).content.decode()
    assert "Karlskoga kommun" in content
    assert "samordnare" in content


def test_start_page_says_when_nothing_waits(coordinator_client):
    content = coordinator_client.get(reverse("home:start")).content.decode()
    assert "Just nu väntar inget på dig." in content


def test_start_page_lists_what_providers_report(coordinator_client, monkeypatch):
    from core import start

    monkeypatch.setattr(
        start, "_providers", [lambda user: [start.WaitingItem("Granska ärende 12", "/x/", True)]]
    )
    content = coordinator_client.get(reverse("home:start")).content.decode()
    assert "Granska ärende 12" in content
    assert "försenad" in content


def test_header_shows_the_users_organisation_and_roles(case_officer_client):
    content = case_officer_client.get(reverse("organisations:list")).content.decode()
    assert "Roller: handläggare" in content


def test_main_menu_groups_the_staff_links_in_swedish(coordinator_client):
    content = coordinator_client.get(reverse("home:start")).content.decode()
    nav = content[content.index('<nav class="main-nav"') : content.index("</nav>")]
    for group in ("Ärendearbete", "Delaktighet", "Planering", "Kunskap", "Organisation"):
        assert f"<summary>{group}</summary>" in nav
    assert nav.count("<details") == 5
    assert nav.count("<a ") == 18  # Start plus the seventeen grouped links: none was lost
    assert "{#" not in nav and "comment" not in nav


def test_main_menu_for_the_public_is_flat(client, db):
    content = client.get(reverse("home:home")).content.decode()
    nav = content[content.index('<nav class="main-nav"') : content.index("</nav>")]
    assert "<details" not in nav
    assert "Goda exempel" in nav and "Barnkonventionen" in nav
    assert "Folkhälsopolitiken" in nav


def test_anyone_can_report_an_accessibility_problem(client, db):
    response = client.post(
        reverse("home:accessibility"),
        {"page_url": "/start/", "description": "Knappen går inte att nå med tangentbordet"},
        follow=True,
    )
    assert AccessibilityReport.objects.get().description.startswith("Knappen")
    assert "Tack" in response.content.decode()


def test_accessibility_report_from_a_robot_is_refused(client, db):
    client.post(
        reverse("home:accessibility"), {"description": "spam", "website": "http://spam.example"}
    )
    assert not AccessibilityReport.objects.exists()


def test_accessibility_report_needs_a_description_and_keeps_input(client, db):
    response = client.post(
        reverse("home:accessibility"), {"page_url": "/min-sida/", "description": ""}
    )
    content = response.content.decode()
    assert "Det här fältet är obligatoriskt." in content
    assert "/min-sida/" in content


def test_operators_see_unanswered_accessibility_reports_at_start(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="x")
    AccessibilityReport.objects.create(description="Kontrasten är för låg")
    client.force_login(root)
    content = client.get(reverse("home:start")).content.decode()
    assert "1 anmälan om tillgänglighet att besvara" in content


def test_other_users_do_not_see_accessibility_reports(coordinator_client):
    AccessibilityReport.objects.create(description="Kontrasten är för låg")
    content = coordinator_client.get(reverse("home:start")).content.decode()
    assert "att besvara" not in content
