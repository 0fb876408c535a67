"""Exports hold the filtered rows and are safe in a spreadsheet; the timeline is valid,
accessible SVG with one bar per activity."""

import datetime
import io
import xml.etree.ElementTree as ET

from django.urls import reverse
from django.utils.text import capfirst

from planning import services
from planning.models import Activity
from planning.timeline import activity_timeline
from tests.test_charts import drawn

SVG = "{http://www.w3.org/2000/svg}"


def test_activity_export_is_formula_safe_csv(coordinator_client, goal, coordinator):
    services.add_activity(
        goal,
        by=coordinator,
        title='=HYPERLINK("http://evil")',
        starts_on=datetime.date(2026, 2, 1),
        ends_on=datetime.date(2026, 3, 1),
        cost=1200,
    )
    response = coordinator_client.get(reverse("planning:plan_export", args=[goal.plan_id, "csv"]))
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Prioriterat område;Mål;Aktivitet")
    assert "'=HYPERLINK" in lines[1]
    assert "Delaktighet;Barn har inflytande" in lines[1]
    assert ";Planerad;" in lines[1]


def test_activity_export_as_xlsx(coordinator_client, activity):
    from openpyxl import load_workbook

    response = coordinator_client.get(
        reverse("planning:plan_export", args=[activity.plan_id, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][2] == "Aktivitet"
    assert rows[1][2] == "Ungdomsforum"
    assert rows[1][3] == "Socialnämnden"


def test_policy_export_follows_the_filter_and_is_formula_safe(
    coordinator_client, karlskoga, coordinator
):
    from openpyxl import load_workbook

    services.create_policy(karlskoga, by=coordinator, title="@SUM(A1)", kind="policy")
    services.create_policy(karlskoga, by=coordinator, title="Strategin", kind="strategy")
    url = reverse("planning:policy_export", args=["xlsx"])
    sheet = load_workbook(
        io.BytesIO(coordinator_client.get(url, {"kind": "policy"}).content)
    ).active
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["'@SUM(A1)"]
    csv_text = coordinator_client.get(reverse("planning:policy_export", args=["csv"])).content
    assert b"Strategin;Strategi" in csv_text


def test_timeline_is_xml_with_a_bar_and_a_status_label_per_activity(activity, goal, coordinator):
    second = services.add_activity(
        goal,
        by=coordinator,
        title="<script>alert(1)</script> & mer",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2028, 12, 31),
        status=Activity.Status.CANCELLED,
    )
    timeline = activity_timeline(activity.plan, [activity, second], id_prefix="t")
    root = ET.fromstring(str(timeline.svg))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Aktiviteternas tidslinje, 2026–2028"
    assert "2 aktiviteter" in root.find(f"{SVG}desc").text
    bars = [rect for rect in root.iter(f"{SVG}rect") if rect.get("height") == "16"]
    assert len(bars) == 2
    assert bars[1].get("fill") == "url(#t-hatch)"  # not colour alone
    texts = [drawn(text) for text in root.iter(f"{SVG}text")]
    assert "<script>alert(1)</script> & mer" in texts  # escaped in the source, intact as text
    assert "<script>" not in str(timeline.svg)
    assert "Inställd" in texts and "Planerad" in texts
    assert {"2026", "2027", "2028"} <= set(texts)
    assert timeline.rows[1][3] == "Inställd"


def test_timeline_bar_lies_over_its_months(activity):
    root = ET.fromstring(str(activity_timeline(activity.plan, [activity], id_prefix="t").svg))
    bar = next(rect for rect in root.iter(f"{SVG}rect") if rect.get("height") == "16")
    # The activity is the whole of 2026: a third of the 2026–2028 plot.
    plot = 760 - 230 - 110
    assert abs(float(bar.get("x")) - 230) < 1
    assert abs(float(bar.get("width")) - plot * 365 / 1096) < 1


def test_empty_timeline_says_so(plan):
    timeline = activity_timeline(plan, [])
    assert "inga aktiviteter" in timeline.text_alternative
    ET.fromstring(str(timeline.svg))


def test_long_activity_titles_wrap_between_words_inside_the_timeline(activity, goal, coordinator):
    from tests.test_charts import assert_inside_the_viewbox, assert_no_word_is_cut

    titles = [
        "Nätverksträffar med barnrättsombuden i alla förvaltningar och bolag",
        "Uppdaterad mall för barnkonsekvensanalys i ärendehanteringssystemet",
    ]
    activities = [
        services.add_activity(
            goal,
            by=coordinator,
            title=title,
            starts_on=datetime.date(2026, 3, 1),
            ends_on=datetime.date(2027, 6, 30),
            status=Activity.Status.ONGOING,
        )
        for title in titles
    ]
    svg = str(activity_timeline(activity.plan, activities, id_prefix="t").svg)
    statuses = [capfirst(str(label)) for _value, label in Activity.Status.choices]
    assert_no_word_is_cut(svg, [*titles, "Aktiviteternas tidslinje, 2026–2028", *statuses])
    assert_inside_the_viewbox(svg)
    root = ET.fromstring(svg)
    shortened = [t for t in root.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None]
    assert {t.find(f"{SVG}title").text for t in shortened} <= set(titles)
