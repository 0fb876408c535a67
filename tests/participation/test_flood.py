"""The children's answer limit (issue 23, decision 0035): counted per client address through
the trusted proxy, never per User-Agent; a class behind one school address gets through, and a
flood is stored but held for a person, never refused, and kept out of results and exports."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.models import AuditEntry
from participation import abuse, exports, results, services
from participation.forms import new_submission_key
from participation.models import Response

PROXY = "127.0.0.1"
SCHOOL = "198.51.100.20"
SCRIPT = "203.0.113.66"
HOME = "192.0.2.44"


@pytest.fixture
def behind_nginx(settings):
    """As BARNRATT_TRUSTED_PROXIES=1 sets it: the address nginx put in X-Forwarded-For."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_COUNT = 0


@pytest.fixture
def small_limit(settings):
    settings.PARTICIPATION_RATE_LIMIT = (40, 600)


def answer_data(consultation, text="Mer ljus vid gången"):
    data = {"submission_key": new_submission_key(), "age_band": "6-12"}
    for question in consultation.questions.all():
        name = f"q{question.pk}"
        if question.kind == "scale":
            data[name] = "5"
        elif question.kind == "single":
            data[name] = "1"
        elif question.kind == "multiple":
            data[name] = ["0", "1"]
        elif question.kind == "ranking":
            for index in range(len(question.options)):
                data[f"{name}_{index}"] = str(index + 1)
        else:
            data[name] = text
    return data


def post(client, consultation, address, agent="Mozilla/5.0 (iPad)", **data):
    """One child's answer through nginx: REMOTE_ADDR is the proxy, the address is forwarded."""
    return client.post(
        consultation.children_path(),
        answer_data(consultation, **data),
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
        HTTP_USER_AGENT=agent,
    )


def counted(consultation):
    return results.consultation_results(consultation, raw=True).online


def test_thirty_children_behind_one_school_address_in_a_minute_all_count(
    client, consultation, behind_nginx
):
    # The default limit, with the same browser on every tablet.
    statuses = {post(client, consultation, SCHOOL).status_code for _child in range(30)}
    assert statuses == {302}
    assert Response.objects.filter(consultation=consultation, suspected_flood=False).count() == 30
    assert counted(consultation) == 30


def test_a_flood_is_stored_but_held_out_of_results_and_exports(
    client, consultation, behind_nginx, small_limit
):
    statuses = {
        post(client, consultation, SCRIPT, text=f"flood {number}").status_code
        for number in range(200)
    }
    # Nothing refused, nothing lost: every post is stored and thanked like any child's.
    assert statuses == {302}
    assert Response.objects.filter(consultation=consultation).count() == 200
    held = Response.objects.filter(consultation=consultation, suspected_flood=True)
    assert held.count() == 160
    assert counted(consultation) == 40
    rows = list(exports.answer_rows(consultation))
    assert len({row[0] for row in rows}) == 40
    texts = [row[5] for row in rows]
    assert "flood 39" in texts and "flood 40" not in texts and "flood 199" not in texts


def test_changing_the_user_agent_does_not_escape_the_limit(
    client, consultation, behind_nginx, small_limit
):
    for number in range(60):
        post(client, consultation, SCRIPT, agent=f"Agent/{number}")
    assert Response.objects.filter(suspected_flood=True).count() == 20


def test_a_flood_from_one_address_holds_nobody_elses_answers(
    client, consultation, behind_nginx, small_limit
):
    for _post in range(100):
        post(client, consultation, SCRIPT)
    for _child in range(30):
        assert post(client, consultation, SCHOOL).status_code == 302
    assert post(client, consultation, HOME).status_code == 302
    others = Response.objects.filter(suspected_flood=False).count() - 40
    assert others == 31
    assert counted(consultation) == 71


def test_without_a_trusted_proxy_the_forwarded_header_is_not_believed(
    client, consultation, small_limit
):
    # BARNRATT_TRUSTED_PROXIES=0: a script cannot pose as many addresses with a new header.
    for number in range(60):
        client.post(
            consultation.children_path(),
            answer_data(consultation),
            REMOTE_ADDR=SCRIPT,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    assert Response.objects.filter(suspected_flood=True).count() == 20


def test_a_held_answer_is_shown_in_moderation_and_let_through_by_a_person(
    client, consultation, behind_nginx, settings, dialogue_leader_user
):
    settings.PARTICIPATION_RATE_LIMIT = (1, 600)
    post(client, consultation, SCHOOL, text="Först")
    post(client, consultation, SCHOOL, text="Gungor till de små")
    assert counted(consultation) == 1
    client.force_login(dialogue_leader_user)
    page = client.get(reverse("participation:moderation", args=[consultation.pk]))
    content = page.content.decode()
    assert "Hålls kvar som misstänkt massinskick" in content
    assert "Gungor till de små" in content

    response = client.post(reverse("participation:release_flood", args=[consultation.pk]))
    assert response.status_code == 302
    assert counted(consultation) == 2
    assert not Response.objects.filter(suspected_flood=True).exists()
    assert AuditEntry.objects.filter(changes__has_key="responses_held_as_flood").exists()


def test_only_those_who_moderate_may_let_a_flood_through(
    client, consultation, coordinator, outsider_client
):
    url = reverse("participation:release_flood", args=[consultation.pk])
    assert outsider_client.post(url).status_code == 404
    assert client.get(url).status_code in (302, 405)


def test_the_counter_is_in_the_cache_keyed_without_the_address(rf, behind_nginx, db):
    request = rf.post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=SCHOOL)
    other_agent = rf.post(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=SCHOOL, HTTP_USER_AGENT="Other/1"
    )
    key = abuse.address_key(request)
    assert key == abuse.address_key(other_agent)
    assert SCHOOL not in key
    _limit, window = abuse.settings.PARTICIPATION_RATE_LIMIT
    abuse.suspected_flood(request)
    abuse.suspected_flood(other_agent)
    window_now = int(abuse.timezone.now().timestamp()) // window
    assert cache.get(f"participation:rate:{key}:{window_now}") == 2


def test_the_daily_salt_lives_only_in_the_cache_and_expires(db, monkeypatch):
    import datetime

    today = datetime.date(2026, 12, 7)
    salt = abuse.todays_salt(today)
    assert salt == abuse.todays_salt(today)
    assert abuse.todays_salt(today + datetime.timedelta(days=1)) != salt
    stored = {}
    monkeypatch.setattr(
        abuse.cache, "add", lambda key, value, timeout: stored.setdefault(key, timeout)
    )
    abuse.todays_salt(datetime.date(2026, 12, 9))
    assert list(stored.values()) == [abuse.SALT_SECONDS]
    assert abuse.SALT_SECONDS <= 26 * 60 * 60


def test_double_posting_still_stores_one_response(client, consultation, behind_nginx):
    data = answer_data(consultation)
    for _try in range(2):
        client.post(
            consultation.children_path(), data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=HOME
        )
    assert Response.objects.filter(consultation=consultation).count() == 1


def test_a_held_response_from_the_service_keeps_its_answers(consultation):
    from tests.participation.conftest import answers_for

    response, created = services.submit_response(
        consultation,
        submission_key="k1",
        age_band="6-12",
        answers=answers_for(consultation),
        suspected_flood=True,
    )
    assert created and response.suspected_flood and response.answers.count() == 5
    assert list(services.held_responses(consultation)) == [response]
