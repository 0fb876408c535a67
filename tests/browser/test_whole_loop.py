"""The whole loop of issue 22 in Chromium, by clicking links and buttons only (no address is
typed after the login page; the children's link is read from the page, as a poster would show
it): a case officer creates a case and starts its assessment, asks the children from the case,
children answer on a phone (once without JavaScript), the results are read, the assessment
brings the children's views in and is submitted, the decision-maker approves and decides, the
children hear back at the same link, and the yearly account's count leads back to the case.
axe-core checks every page on the way."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from assessments.models import Case
from participation.privacy import MIN_GROUP_SIZE

from .conftest import assert_accessible, log_in, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NUMBER = "KFN 2026/77"
TITLE = "Längre öppettider i ungdomsgården"
QUESTION = "Vill du att ungdomsgården har öppet längre på kvällen?"
WEIGHED = "De flesta barn ville ha längre öppet; beslutet ger det på fredagar."
OUTCOME = "Ungdomsgården har öppet till 22 på fredagar."


def click_and_check(page, target):
    """Click a selector or a locator; wait for the page; axe-core must find nothing."""
    if isinstance(target, str):
        page.click(target)
    else:
        target.click()
    page.wait_for_load_state()
    assert_accessible(page)


def new_page(browser, **options):
    return browser.new_context(bypass_csp=True, locale="sv-SE", **options).new_page()


def create_case_and_start_assessment(officer, live_server):
    log_in(officer, live_server, "handlaggare")
    assert_accessible(officer)
    click_and_check(officer, menu_link(officer, "Ärenden"))
    click_and_check(officer, "text=Nytt ärende i Karlskoga kommun")
    officer.select_option("#id_body", label="Kultur- och fritidsnämnden")
    officer.fill("#id_case_number", NUMBER)
    officer.fill("#id_title", TITLE)
    click_and_check(officer, "form.form button[type=submit]")
    expect(officer.locator("h1")).to_have_text(TITLE)
    click_and_check(officer, "text=Påbörja prövningen")
    officer.get_by_label("Prövning av barnets bästa (standard)").first.check()
    click_and_check(officer, "form.form button[type=submit]")
    expect(officer.locator("#id_children_affected_0")).to_be_visible()


def ask_the_children(officer):
    """The dialogue leader finds the case in the case list; "Ask the children" on its page
    opens a consultation already filled in from the case; one question; open it; return the
    children's link as the page shows it."""
    click_and_check(officer, menu_link(officer, "Ärenden"))
    click_and_check(officer, f"main >> text={TITLE}")
    click_and_check(officer, "text=Fråga barnen")
    expect(officer.locator("#id_title")).to_have_value(TITLE)
    expect(officer.locator("#id_case_numbers")).to_have_value(NUMBER)
    officer.fill("#id_introduction", "Ungdomsgården kan ha öppet längre. Vad tycker du?")
    click_and_check(officer, "form.form button[type=submit]")
    click_and_check(officer, "text=Lägg till en fråga")
    officer.select_option("#id_kind", "single")
    officer.fill("#id_text", QUESTION)
    officer.fill("#id_options_text", "Ja\nNej\nVet inte")
    click_and_check(officer, "form.form button[type=submit]")
    click_and_check(officer, "button:has-text('Öppna för svar')")
    expect(officer.locator("main")).to_contain_text("Dialogen är öppen")
    return officer.locator("dt:text-is('Länk för barnen') + dd a").get_attribute("href")


def answer(child, link, choice, scripted=True):
    child.goto(link)  # as a child follows the poster's link or QR code
    child.wait_for_load_state()
    if scripted:
        assert_accessible(child)
    expect(child.locator("h1")).to_have_text(TITLE)
    child.check("#id_age_band_0")
    child.get_by_label(choice, exact=True).check()
    child.click("button:has-text('Skicka mina svar')")
    child.wait_for_load_state()
    if scripted:
        # axe-core is a script; without JavaScript the same markup was checked on the phone.
        assert_accessible(child)
    expect(child.locator("h1")).to_have_text("Tack för dina svar!")
    width = child.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the child's page scrolls sideways on a phone ({width}px)"


def test_the_whole_loop_by_links_and_buttons(browser, live_server, demo, phone, mailoutbox):
    for user in get_user_model().objects.all():
        user.email = f"{user.username}@karlskoga.se"
        user.save(update_fields=["email"])
    officer = new_page(browser)
    create_case_and_start_assessment(officer, live_server)
    leader = new_page(browser)
    log_in(leader, live_server, "dialogledare")
    link = ask_the_children(leader)
    assert link.startswith(live_server.url)

    # Children answer on a phone; one of them without JavaScript.
    choices = ["Ja", "Ja", "Nej", "Ja"]
    for choice in choices:
        answer(phone, link, choice)
        phone.context.clear_cookies()
    no_script = new_page(browser, viewport={"width": 375, "height": 740}, java_script_enabled=False)
    answer(no_script, link, "Ja", scripted=False)
    assert len(choices) + 1 >= MIN_GROUP_SIZE

    # The dialogue leader reads the results; the officer brings them into the assessment.
    click_and_check(leader, "text=Resultat med diagram")
    expect(leader.locator("main")).to_contain_text(QUESTION)
    click_and_check(officer, f"main >> text={NUMBER}")  # from the assessment back to the case
    click_and_check(officer, "text=Arbeta med prövningen")
    officer.check("#id_children_affected_0")  # yes
    officer.check("input[name=child_groups][value=age_13_17]")
    officer.check("input[name=articles][value='31']")
    officer.check("#id_children_heard_0")
    for name, text in [
        ("how_heard", "Digital dialog med ungdomar"),
        ("facts", "300 ungdomar besöker gården"),
        ("research", "Fritid och hälsa"),
        ("law", "Barnkonventionen artikel 31"),
        ("best_interests", "Längre öppet"),
        ("other_interests", "Personalkostnad"),
        ("feedback_plan", "På samma länk som dialogen"),
    ]:
        officer.fill(f"#id_{name}", text)
    officer.check("#id_against_best_interests_1")  # no
    click_and_check(officer, "button:has-text('För in i svaret')")
    expect(officer.locator("#id_views_summary")).to_contain_text("5 barn svarade")
    expect(officer.locator("#id_views_summary")).to_contain_text(QUESTION)
    officer.select_option("#id_consequences__age_13_17__effect", "positive")
    officer.click("button[value=submit]")
    officer.wait_for_load_state()
    assert_accessible(officer)
    case = Case.objects.get(case_number=NUMBER)
    assert case.assessment.status == "submitted", officer.inner_text("main")[:1500]
    assert "5 barn svarade" in case.assessment.answers["views_summary"]
    # The hand-over is told: the decision-makers hear there is an assessment to review.
    told = {m.to[0]: m.subject for m in mailoutbox}
    assert told["beslutsfattare@karlskoga.se"] == f"Att granska: {case}"

    # The decision-maker finds it waiting, approves it and records the decision.
    decider = new_page(browser)
    log_in(decider, live_server, "beslutsfattare")
    assert_accessible(decider)
    click_and_check(decider, f"main a:has-text('{TITLE}')")  # waiting on the start page
    click_and_check(decider, "button[value=approve]")
    told = {m.to[0]: m.subject for m in mailoutbox}  # and the officer that it was approved
    assert told["handlaggare@karlskoga.se"] == f"Godkänd: {case}"
    click_and_check(decider, "text=Registrera beslutet")
    decider.fill("#id_outcome", OUTCOME)
    decider.fill("#id_decided_on", datetime.date.today().isoformat())
    decider.check("#id_follows_best_interests_0")
    decider.fill("#id_childrens_views_weighed", WEIGHED)
    click_and_check(decider, "form.form button[type=submit]")
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED
    expect(decider.locator("main")).to_contain_text(WEIGHED)
    # The decision tells those who write the children's feedback (not the one who decided).
    due = {m.to[0]: m for m in mailoutbox if m.subject.startswith("Berätta för barnen")}
    assert "beslutsfattare@karlskoga.se" not in due
    feedback_mail = due["dialogledare@karlskoga.se"]
    assert feedback_mail.subject == f"Berätta för barnen vad som hände: {TITLE}"

    # The dialogue leader finds it waiting on the start page (the page the e-mail links to)
    # and publishes the feedback.
    click_and_check(leader, '.main-nav a:text-is("Start")')
    click_and_check(leader, f"text=Berätta för barnen vad som hände: {TITLE}")
    assert urlsplit(leader.url).path in feedback_mail.body
    expect(leader.locator("#id_how_views_counted")).to_have_value(WEIGHED)
    leader.fill("#id_why", "Ni sa att ni vill ha någonstans att vara på kvällen.")
    click_and_check(leader, "button:has-text('Spara och publicera')")
    expect(leader.locator("main")).to_contain_text("Återkopplingen är publicerad")

    # The child sees it at the same link, with and without JavaScript.
    for child in (phone, no_script):
        child.goto(link)
        child.wait_for_load_state()
        if child is phone:
            assert_accessible(child)
        expect(child.locator("main")).to_contain_text("Det här hände")
        expect(child.locator("main")).to_contain_text(OUTCOME)

    # The yearly account counts the case and links to it.
    coordinator = new_page(browser)
    log_in(coordinator, live_server, "samordnare")
    click_and_check(coordinator, menu_link(coordinator, "Bokslut"))
    click_and_check(coordinator, "main >> text=Nytt årsbokslut i Karlskoga kommun")
    coordinator.fill("#id_year", str(datetime.date.today().year))
    click_and_check(coordinator, "form.form button[type=submit]")
    row = coordinator.locator("tr:has(th:text-is('Beslutade ärenden'))").first
    click_and_check(coordinator, row.locator("a").first)
    click_and_check(coordinator, f"main >> text={TITLE}")
    expect(coordinator.locator("h1")).to_have_text(TITLE)

    # The coordinator sends the account for approval; the decision-maker hears it, finds it
    # waiting and approves it; the coordinator hears it may be published.
    coordinator.go_back()
    coordinator.go_back()
    coordinator.wait_for_load_state()
    title = coordinator.locator("h1").inner_text()
    mailoutbox.clear()
    click_and_check(coordinator, "button:has-text('Skicka för godkännande')")
    assert {m.to[0]: m.subject for m in mailoutbox} == {
        "beslutsfattare@karlskoga.se": f"Att godkänna: {title}"
    }
    click_and_check(decider, '.main-nav a:text-is("Start")')
    click_and_check(decider, f"main a:has-text('Godkänn: {title}')")
    click_and_check(decider, "button:has-text('Godkänn bokslutet')")
    approved = {m.to[0]: m.subject for m in mailoutbox[1:]}
    assert approved["samordnare@karlskoga.se"] == f"Godkänt och klart att publicera: {title}"
    assert "beslutsfattare@karlskoga.se" not in approved
