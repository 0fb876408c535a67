"""A case's page lists the network meetings that prepare it (issue 21), through core's page
panels so assessments never imports networks; each reader sees only the meetings they may see."""

import datetime

from networks import services
from networks.models import Network


def test_the_case_page_lists_the_meetings_that_prepare_it(
    client, coordinator, case, meeting, degerfors
):
    meeting.cases.add(case)
    elsewhere = services.create_network(
        degerfors, by=None, name="Degerfors nätverk", kind=Network.Kind.PARTNERSHIP
    )
    hidden = services.create_meeting(
        elsewhere, by=None, title="Hemligt möte", held_on=datetime.date(2026, 5, 1)
    )
    hidden.cases.add(case)  # a meeting Karlskoga's coordinator may not see
    client.force_login(coordinator)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Nätverksmöten som bereder ärendet" in page
    assert f'href="{meeting.get_absolute_url()}"' in page
    assert "Vårträff" in page
    assert "Hemligt möte" not in page


def test_no_section_when_no_meeting_prepares_the_case(client, coordinator, case, meeting):
    client.force_login(coordinator)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Nätverksmöten som bereder ärendet" not in page
