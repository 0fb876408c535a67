"""Short choice lists are read with one ordinary query (core.forms.ListedChoiceIterator), not
streamed through a server-side cursor, and still offer and validate the same choices."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.forms import CitationForm
from indicators.models import Indicator
from networks.dashboard.forms import DashboardForm


def _indicators():
    return [
        Indicator.objects.create(code=f"N0000{n}", name_sv=f"Indikator {n}", name_en=f"Ind {n}")
        for n in range(3)
    ]


def test_the_citation_form_lists_every_visible_indicator_in_one_query(coordinator):
    indicators = _indicators()
    form = CitationForm(user=coordinator)
    with CaptureQueriesContext(connection) as queries:
        html = str(form["indicator"])
    assert len(queries) == 1
    assert not any(q["sql"].startswith("DECLARE") for q in queries)
    for indicator in indicators:
        assert f'value="{indicator.pk}"' in html
    assert CitationForm({"indicator": indicators[1].pk}, user=coordinator).is_valid()
    assert not CitationForm({"indicator": 999_999}, user=coordinator).is_valid()


def test_the_dashboard_form_offers_the_indicators_as_checkboxes(coordinator):
    indicators = _indicators()
    form = DashboardForm(user=coordinator)
    with CaptureQueriesContext(connection) as queries:
        html = str(form["indicator"])
    assert len(queries) == 1
    assert html.count('type="checkbox"') == Indicator.objects.visible_to(coordinator).count()
    assert all(f'value="{indicator.pk}"' in html for indicator in indicators)
