"""Issue 22, point 5: every count of the yearly account links, on the staff preview, to the list
of exactly the records it counted. The test walks the demo's accounts, opens every link as the
coordinator and compares the number of records the list shows with the number in the cell."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import resolve, reverse

from organisations.models import Organisation
from reports.document import build_document, localised, scope_for
from reports.models import Report

# The staff lists a count may link to.
LISTS = {
    reverse("assessments:case_list"),
    reverse("participation:consultation_list"),
    reverse("training:session_list"),
    reverse("planning:activity_list"),
    reverse("youthforum:meeting_list"),
    reverse("youthforum:proposal_list"),
}
# Pages a table links to that sum up rather than list records: the who-was-heard table's rows
# lead to the year's page of who was heard, where children's answers are never listed.
SUMMARIES = {"participation:who_was_heard"}


class CellLinks(HTMLParser):
    """(address, text) of every link in a table cell."""

    def __init__(self):
        super().__init__()
        self.links, self._href, self._text, self._in_cell = [], None, [], False

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self._in_cell = True
        elif tag == "a" and self._in_cell:
            self._href, self._text = dict(attrs)["href"], []

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text)))
            self._href = None
        elif tag == "td":
            self._in_cell = False

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)


def cell_links(html: str) -> list[tuple[str, int]]:
    """(address, count) of every cell that links to a list."""
    parser = CellLinks()
    parser.feed(html)
    found = []
    for href, text in parser.links:
        if resolve(urlsplit(href).path).view_name in SUMMARIES:
            continue
        # "1 224 (40 %)": the count is the figure before the share.
        found.append((href, int(re.sub(r"\D", "", text.split("(")[0]))))
    return found


def listed(client, address: str) -> int:
    """How many records the list at `address` shows, over all its pages."""
    shown, seen = 0, set()
    while address:
        response = client.get(address)
        assert response.status_code == 200, address
        page = response.context["page"]
        if hasattr(page, "paginator"):  # Django's paginator counts for us
            return page.paginator.count
        ids = {row.pk for row in page.object_list}
        assert not ids & seen, "a record shown twice"
        seen |= ids
        shown += len(ids)
        address = f"{address}&older={page.older_key}" if page.has_older else ""
    return shown


@pytest.fixture
def demo(db):
    call_command("load_demo")


def _client(username):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _joint_report():
    return Report.objects.get(body__name="Folkhälsonämnden", year=2026)


@pytest.fixture
def degerfors_decision(demo):
    """A case decided in Degerfors in 2026, so that its column counts something."""
    from django.contrib.auth import get_user_model

    from organisations import services as org_services
    from organisations.models import Body
    from organisations.roles import Role
    from tests import world
    from tests.reports.conftest import decide
    from tests.world import FULL_ANSWERS, make_user

    degerfors = Organisation.objects.get(scb_code="1862")
    decider = make_user("degerfors_decider")
    org_services.add_member(degerfors, by=None, user=decider, role=Role.DECISION_MAKER)
    body = Body.objects.filter(organisation=degerfors).order_by("pk").first()
    officer = get_user_model().objects.get(username="degerfors")
    version = world.shipped_version("standard")
    return decide(degerfors, body, officer, decider, version, "DKS 1", answers=FULL_ANSWERS)


@pytest.mark.parametrize("which", ["joint", "karlskoga"])
def test_every_linked_count_equals_the_records_its_list_shows(degerfors_decision, which):
    if which == "joint":
        report = _joint_report()
    else:
        report = Report.objects.get(organisation__scb_code="1883", body=None, year=2025)
    client = _client("samordnare")
    html = client.get(report.get_absolute_url()).content.decode()
    links = cell_links(html)
    assert {urlsplit(href).path for href, _n in links} <= LISTS
    scope = scope_for(report)
    if which == "joint":
        # Every row of the decisions table, in every column (the total too), links.
        cases = reverse("assessments:case_list")
        decisions = [
            h for h, _n in links if h.startswith(cases) and "counted=" in h and "body=" not in h
        ]
        assert len(decisions) == 10 * (len(scope.organisations) + 1)
        assert any("body=" in h for h, _n in links)
        # Every section whose counts have a list links to it.
        filters = {key for h, _n in links for key in parse_qs(urlsplit(h).query)}
        for name in ("counted", "body", "held_year", "feedback", "year", "sustainability"):
            assert name in filters
        assert "target_area" in filters and "part" in filters and "status" in filters
        assert {urlsplit(h).path for h, _n in links} == LISTS
    for href, number in links:
        assert listed(client, href.replace("&amp;", "&")) == number, href


def test_a_figure_that_drifts_from_its_list_is_caught(demo, monkeypatch):
    """The walk above fails when a figure counts something its list does not show."""
    from assessments import counts

    report = _joint_report()
    client = _client("samordnare")
    original = counts.tally

    def inflated(*args, **kwargs):
        found = original(*args, **kwargs)
        for group in found.values():
            group["screened"] += 1
        return found

    monkeypatch.setattr(counts, "tally", inflated)
    links = cell_links(client.get(report.get_absolute_url()).content.decode())
    drifted = [
        href
        for href, number in links
        if "counted=screened" in href and listed(client, href.replace("&amp;", "&")) != number
    ]
    assert drifted


def test_the_public_page_and_the_exports_have_no_links_into_the_staff_lists(demo):
    published = Report.objects.get(organisation__scb_code="1883", body=None, year=2025)
    html = Client().get(reverse("reports:public_report", args=[published.slug, 2025]))
    page = html.content.decode()
    doc = localised(build_document(_joint_report()), "sv")
    rendered = render_to_string("reports/_document.html", {"doc": doc})
    for address in LISTS:
        assert address not in page
        assert address not in rendered
    for fmt in ("docx", "json", "csv"):
        response = _client("samordnare").get(
            reverse("reports:report_preview_export", args=[_joint_report().pk, fmt])
        )
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        for address in LISTS:
            assert address.encode() not in body


def test_a_case_officer_gets_only_the_records_of_their_own_organisation(degerfors_decision):
    report = _joint_report()
    coordinator = _client("samordnare")
    links = cell_links(coordinator.get(report.get_absolute_url()).content.decode())
    degerfors = degerfors_decision.organisation_id
    officer = _client("handlaggare")  # a case officer in Karlskoga only
    checked = 0
    for href, number in links:
        address = href.replace("&amp;", "&")
        if str(degerfors) not in parse_qs(urlsplit(address).query).get("organisation", []):
            continue
        assert listed(coordinator, address) == number
        rows = officer.get(address).context["page"].object_list
        assert all(row.organisation_id != degerfors for row in rows), address
        checked += bool(number)
    assert checked  # the Degerfors case was counted, and the officer did not see it


def test_the_preview_reads_as_many_queries_however_many_decisions_and_bodies(
    client, coordinator, report, cases_2026, case_officer, decision_maker, standard_version
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisations import services as org_services
    from organisations.models import Body
    from tests.conftest import FULL_ANSWERS
    from tests.reports.conftest import decide

    client.force_login(coordinator)

    def preview_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(report.get_absolute_url()).status_code == 200
        return len(captured)

    preview_queries()  # the first request fills the caches (session, permissions)
    before = preview_queries()
    karlskoga = report.organisation
    for n in range(3):
        body = org_services.create_body(
            karlskoga, by=None, name=f"Nämnd {n}", kind=Body.Kind.COMMITTEE
        )
        args = (karlskoga, body, case_officer, decision_maker, standard_version)
        decide(*args, f"N{n} 1", answers=FULL_ANSWERS, follows=n % 2 == 0)
        heard_not = {"children_heard": "no", "why_not_heard": "Tidsbrist"}
        decide(*args, f"N{n} 2", answers=FULL_ANSWERS | heard_not)
    assert preview_queries() == before
