"""The children's answer page (participation.childpage, decision 0027): every child gets a token
and a submission key of their own, and a change to the consultation shows at once."""

import re

from django.test import Client

from participation import services
from participation.models import Response
from tests.participation.test_children import form_data

KEY = re.compile(r'name="submission_key" value="([^"]+)"')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_every_child_gets_a_key_and_token_of_their_own(consultation):
    pages = [Client().get(consultation.children_path()).content.decode() for _ in range(2)]
    keys = [KEY.search(page)[1] for page in pages]
    tokens = [TOKEN.search(page)[1] for page in pages]
    assert keys[0] != keys[1] and tokens[0] != tokens[1]


def test_the_page_posts_with_the_csrf_check_on(consultation):
    child = Client(enforce_csrf_checks=True)
    for _ in range(2):  # the second page's fields are the cached fragment
        html = child.get(consultation.children_path()).content.decode()
        data = form_data(Client(), consultation)
        data["submission_key"] = KEY.search(html)[1]
        data["csrfmiddlewaretoken"] = TOKEN.search(html)[1]
        response = child.post(consultation.children_path(), data)
        assert response.status_code == 302, response.content.decode()[:500]
    assert Response.objects.filter(consultation=consultation).count() == 2


def test_a_changed_title_shows_at_once(client, consultation):
    assert consultation.title in client.get(consultation.children_path()).content.decode()
    services.update_consultation(consultation, by=None, title="Hur ska parken se ut?")
    page = client.get(consultation.children_path()).content.decode()
    assert "Hur ska parken se ut?" in page


def test_a_closed_consultation_is_not_served_from_the_cache(client, consultation):
    client.get(consultation.children_path())
    services.close_consultation(consultation, by=None)
    page = client.get(consultation.children_path())
    assert 'name="submission_key"' not in page.content.decode()


def test_a_refused_form_keeps_the_childs_submission_key(client, consultation):
    # The second try must carry the same key, so that it cannot store a second response.
    data = form_data(client, consultation, submission_key="the-childs-own-key")
    del data["age_band"]
    page = client.post(consultation.children_path(), data).content.decode()
    assert KEY.search(page)[1] == "the-childs-own-key"
    assert 'aria-invalid="true"' in page
