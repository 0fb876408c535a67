"""Sweden's public-health policy as reference data: the goal and eight target areas, browsable
and searchable in both languages, and the tags other apps put on their records."""

import pytest
from django.urls import reverse
from django.utils import translation

from publichealth.models import PublicHealthPolicy, TargetArea
from publichealth.reference import TARGET_AREAS, load_demo

OFFICIAL_NAMES = [
    "Det tidiga livet",
    "Kunskaper, kompetenser och utbildning",
    "Arbete, arbetsförhållanden och arbetsmiljö",
    "Inkomster och försörjningsmöjligheter",
    "Boende och närmiljö",
    "Levnadsvanor",
    "Kontroll, inflytande och delaktighet",
    "En jämlik och hälsofrämjande hälso- och sjukvård",
]


def test_the_eight_target_areas_are_loaded_with_their_official_names(db):
    assert list(TargetArea.objects.values_list("number", "name_sv")) == list(
        enumerate(OFFICIAL_NAMES, start=1)
    )


def test_the_policy_names_its_bill_and_overarching_goal(db):
    policy = PublicHealthPolicy.objects.get()
    assert "2017/18:249" in policy.source
    assert "god och jämlik hälsa" in policy.goal_sv
    assert "hälsoklyftorna inom en generation" in policy.goal_sv
    assert policy.target_areas.count() == 8


def test_every_area_has_names_and_summaries_in_both_languages(db):
    for area in TargetArea.objects.all():
        assert area.name_sv and area.name_en and area.summary_sv and area.summary_en


def test_name_follows_the_active_language(db):
    area = TargetArea.objects.get(number=6)
    with translation.override("en"):
        assert area.name == "Living habits"
    with translation.override("sv"):
        assert area.name == "Levnadsvanor"


def test_load_demo_restores_a_flushed_table_once(db):
    TargetArea.objects.all().delete()
    load_demo()
    load_demo()
    assert TargetArea.objects.count() == len(TARGET_AREAS) == 8


def _numbers(response):
    return [area.number for area in response.context["areas"]]


def test_list_shows_the_goal_and_all_areas_to_anyone(client, db):
    response = client.get(reverse("publichealth:target_areas"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "sluta de påverkbara hälsoklyftorna" in html
    assert _numbers(response) == list(range(1, 9))
    assert reverse("publichealth:target_area", args=[8]) in html


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("levnadsvanor", [6]),
        ("Delaktighet", [7]),  # capital letter; SQLite's LIKE folds ASCII only
        ("levnadsvanorna", [6]),  # inflected form
        ("housing", [5]),  # English
        ("försörjning", [4]),
    ],
)
def test_search_finds_areas_in_both_languages(client, db, query, numbers):
    response = client.get(reverse("publichealth:target_areas"), {"q": query})
    assert _numbers(response) == numbers


def test_search_without_hits_says_so(client, db):
    response = client.get(reverse("publichealth:target_areas"), {"q": "xyzzy"})
    assert "Inget målområde matchar" in response.content.decode()


def test_htmx_search_returns_only_the_results(client, db):
    response = client.get(
        reverse("publichealth:target_areas"), {"q": "sjukvård"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "En jämlik och hälsofrämjande hälso- och sjukvård" in html


def test_area_page_links_to_its_neighbours(client, db):
    html = client.get(reverse("publichealth:target_area", args=[1])).content.decode()
    assert "Målområde 1: Det tidiga livet" in html
    assert reverse("publichealth:target_area", args=[2]) in html


def test_unknown_area_is_404(client, db):
    assert client.get(reverse("publichealth:target_area", args=[9])).status_code == 404


def test_area_pages_read_in_english(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("publichealth:target_area", args=[3])).content.decode()
    assert "<h1>Target area 3: Work, working conditions and working environment</h1>" in html
