"""Real Chromium (Debian's package) driven by Playwright, with axe-core for WCAG 2.1 AA."""

import json
import os
from pathlib import Path

import axe_playwright_python
import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("BARNRATT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(
    encoding="utf-8"
)
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # axe-core is injected as an inline script, which the app's own CSP forbids (rightly);
    # test_csp.py checks the pages under the real policy.
    context = browser.new_context(
        locale="sv-SE", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="sv-SE",
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        bypass_csp=True,
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db):
    # Live-server tests flush the database after each test, so reference data is loaded again.
    call_command("load_demo")


def axe_violations(page):
    """Run axe-core on the page; return its WCAG 2.1 A/AA violations."""
    page.add_script_tag(content=AXE_SCRIPT)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return result["violations"]


def assert_accessible(page):
    violations = axe_violations(page)
    summary = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
    ]
    assert not violations, f"axe-core violations on {page.url}:\n{json.dumps(summary, indent=2)}"


def log_in(page, live_server, username, password="demo"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/start/")


def menu_link(page, label):
    """Open the main-menu group that holds the link named `label` (the groups are closed
    <details>); return a selector for the link itself, to click."""
    link = f'.main-nav a:text-is("{label}")'
    group = page.locator(f'.main-nav details:has(a:text-is("{label}"))')
    if group.count() and not group.evaluate("details => details.open"):
        group.locator("summary").click()
    return link
