"""The demo figures: marked as invented, for Karlskoga and Degerfors, loaded once."""

from django.core.management import call_command

from indicators.demo import DEMO_SOURCE
from indicators.models import ImportRun, IndicatorValue


def test_demo_figures_are_marked_and_load_once(db):
    call_command("load_demo")
    count = IndicatorValue.objects.count()
    call_command("load_demo")
    assert IndicatorValue.objects.count() == count > 0
    assert set(IndicatorValue.objects.values_list("source", flat=True)) == {DEMO_SOURCE}
    areas = set(IndicatorValue.objects.values_list("area_code", flat=True))
    assert {"1883", "1862", "18", "0000"} <= areas
    assert not ImportRun.objects.exists()
    girls = IndicatorValue.objects.get(
        indicator__code="lupp-trygghet", area_code="1883", year=2020, gender="K"
    )
    assert 40 < girls.value < 100
