"""Under the real Content-Security-Policy, pages and HTMX work and the browser reports nothing."""

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pages_raise_no_csp_violations(browser, live_server, demo):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.goto(f"{live_server.url}/convention/")
    page.fill("#article-q", "lek")
    expect(page.locator("#results li")).to_have_count(1)
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}/bodies/")
    assert not problems, problems
    context.close()
