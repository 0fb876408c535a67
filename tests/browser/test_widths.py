"""Every page of the every-URL walk that the coordinator may open, in Chromium at a phone's, a
tablet's and a desktop's width (issue 27): the page never scrolls sideways, and no chart's text
leaves its drawing. Chromium measures the text with the real font, so this also catches a
label the chart layer's estimate let through."""

import pytest
from django.conf import settings
from django.urls import reverse

from assessments.demo import load_shipped_templates
from convention import reference as convention_reference
from convention.models import Article
from indicators.catalogue import load_catalogue
from indicators.health_catalogue import load_health_catalogue
from indicators.models import Indicator
from publichealth import reference as publichealth_reference
from publichealth.models import TargetArea
from tests.test_url_access import EXPECTATIONS
from tests.world import build_url_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (375, 768, 1280)

# The text elements of every chart whose drawn box leaves the SVG's viewBox.
CHART_TEXT_OUTSIDE = """() => [...document.querySelectorAll('svg[role=img]')].flatMap(svg => {
  const box = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].filter(text => {
    const drawn = text.getBBox();
    return drawn.x < box.x - 0.5 || drawn.x + drawn.width > box.x + box.width + 0.5;
  }).map(text => text.textContent);
})"""

# The outermost elements that reach past the window's right edge, to name in a failure.
TOO_WIDE = """(width) => {
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (element.getBoundingClientRect().right > width + 1
        && !found.some(outer => outer.contains(element))) {
      found.push(element);
    }
  }
  return found.slice(0, 3).map(element => element.tagName.toLowerCase()
    + (element.id ? '#' + element.id : '')
    + (typeof element.className === 'string' && element.className
       ? '.' + element.className.trim().split(/\\s+/).join('.') : ''));
}"""


@pytest.fixture
def world(transactional_db):
    # A live-server test before this one flushed the data migrations' rows.
    convention_reference.load_demo()
    publichealth_reference.load_demo()
    load_shipped_templates()
    load_catalogue(Indicator, Article)
    load_health_catalogue(Indicator, TargetArea)
    return build_url_world()


def coordinator_pages(client, world) -> list[str]:
    """The HTML pages the coordinator may open (downloads and redirects left out)."""
    paths = []
    for name, (key, expected) in sorted(EXPECTATIONS.items()):
        if expected["coordinator"] != 200:
            continue
        path = reverse(name, kwargs=world.kwargs[key])
        response = client.get(path)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            paths.append(path)
    return paths


def test_no_page_scrolls_sideways_and_no_chart_text_leaves_its_chart(
    browser, live_server, client, world
):
    client.force_login(world.users["coordinator"])
    paths = coordinator_pages(client, world)
    assert len(paths) > 100  # the walk reaches the whole system, not a handful of pages
    context = browser.new_context(locale="sv-SE", viewport={"width": WIDTHS[0], "height": 800})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    sideways, outside = [], []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(f"{live_server.url}{path}")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            scrolled = page.evaluate("document.documentElement.scrollWidth")
            if scrolled > width:
                wide = ", ".join(page.evaluate(TOO_WIDE, width))
                sideways.append(f"{path} at {width} px is {scrolled} px wide: {wide}")
        outside += [f"{path}: {text}" for text in page.evaluate(CHART_TEXT_OUTSIDE)]
    context.close()
    assert (sideways, outside) == ([], []), "\n".join([*sideways, *outside])
