"""The case list pages by key: newest first, "older"/"newer" links, each case once, and the same
queries whatever the number of cases."""

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Case
from assessments.views.cases import PAGE_SIZE
from core.keyset import keyset_page


def make_cases(organisation, body, officer, count, prefix="SN"):
    return [
        services.create_case(
            organisation,
            by=officer,
            body=body,
            case_number=f"{prefix} 2026/{n}",
            title=f"Ärende {n}",
        )
        for n in range(1, count + 1)
    ]


def listed(client, params=None):
    page = client.get(reverse("assessments:case_list"), params or {}).context["page"]
    return page, [case.case_number for case in page]


def test_pages_run_newest_first_and_back(
    coordinator_client, karlskoga, social_committee, case_officer
):
    make_cases(karlskoga, social_committee, case_officer, PAGE_SIZE + 5)

    first, numbers = listed(coordinator_client)
    assert numbers == [f"SN 2026/{n}" for n in range(PAGE_SIZE + 5, 5, -1)]
    assert not first.has_newer and first.has_older

    second, numbers = listed(coordinator_client, {"older": first.older_key})
    assert numbers == [f"SN 2026/{n}" for n in range(5, 0, -1)]
    assert second.has_newer and not second.has_older

    back, numbers = listed(coordinator_client, {"newer": second.newer_key})
    assert numbers == [case.case_number for case in first]
    assert not back.has_newer and back.has_older


def test_page_links_keep_the_filters(coordinator_client, karlskoga, social_committee, case_officer):
    make_cases(karlskoga, social_committee, case_officer, PAGE_SIZE + 1)
    response = coordinator_client.get(reverse("assessments:case_list"), {"status": "draft"})
    html = response.content.decode()
    older = response.context["page"].older_key
    assert f"?status=draft&amp;older={older}" in html


def test_a_case_in_two_parts_of_the_scope_is_listed_once(
    client, karlskoga, degerfors, joint_committee, degerfors_committee, case_officer
):
    """A Degerfors member sees Degerfors' cases and the cases of the joint committee that
    Karlskoga hosts; a member of both sees Karlskoga's joint cases through both parts."""
    from organisations import services as org_services
    from organisations.roles import Role
    from tests.conftest import make_user

    both = make_user("both")
    org_services.add_member(karlskoga, by=None, user=both, role=Role.READER)
    org_services.add_member(degerfors, by=None, user=both, role=Role.READER)
    joint = make_cases(karlskoga, joint_committee, case_officer, 3, prefix="FN")
    own = make_cases(degerfors, degerfors_committee, None, 2, prefix="KS")
    client.force_login(both)

    _page, numbers = listed(client)
    assert numbers == [case.case_number for case in reversed(joint + own)]


def test_overlapping_parts_give_each_row_once(karlskoga, social_committee, case_officer):
    from django.db.models import Q

    cases = make_cases(karlskoga, social_committee, case_officer, 4)
    parts = [Q(organisation=karlskoga), Q(body=social_committee)]
    page = keyset_page(Case.objects.all(), {}, size=3, parts=parts)
    assert [case.pk for case in page] == [case.pk for case in reversed(cases)][:3]
    rest = keyset_page(Case.objects.all(), {"older": page.older_key}, size=3, parts=parts)
    assert [case.pk for case in rest] == [cases[0].pk]


def test_the_scope_is_applied_when_the_rows_are_loaded(
    karlskoga, degerfors, social_committee, degerfors_committee, case_officer
):
    """Parts that (wrongly) reach outside the scope still list only rows of `rows`."""
    from django.db.models import Q

    inside = make_cases(karlskoga, social_committee, case_officer, 2)
    make_cases(degerfors, degerfors_committee, None, 2, prefix="KS")
    scoped = Case.objects.filter(organisation=karlskoga)
    page = keyset_page(Case.objects.all(), {}, size=10, parts=[Q()], rows=scoped)
    assert {case.pk for case in page} == {case.pk for case in inside}


@pytest.mark.parametrize("key", ["x", "-3", "0", "", "9" * 30])
def test_a_bad_key_shows_the_first_page(coordinator_client, case, key):
    _page, numbers = listed(coordinator_client, {"older": key})
    assert numbers == [case.case_number]


def test_case_list_queries_do_not_grow_with_cases(
    coordinator_client, karlskoga, social_committee, case_officer, django_assert_max_num_queries
):
    make_cases(karlskoga, social_committee, case_officer, 3)
    with django_assert_max_num_queries(14) as few:
        listed(coordinator_client)
    make_cases(karlskoga, social_committee, case_officer, PAGE_SIZE + 10, prefix="BUN")
    with django_assert_max_num_queries(len(few.captured_queries)):
        listed(coordinator_client)
