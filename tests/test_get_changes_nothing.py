"""No state change through GET: every URL pattern, fetched by a signed-in coordinator and by an
anonymous visitor, runs no INSERT, UPDATE or DELETE outside the session store.

Watching the SQL is stricter than counting rows before and after (it also catches an UPDATE),
and cheaper. The URLs and their objects are those of tests/test_url_access.py, which fails for
a URL pattern that has no entry, so a new view is walked here as soon as it exists.
"""

import re

import pytest
from django.db import connections
from django.urls import reverse

from tests.test_url_access import EXPECTATIONS

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
TABLE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+\"?(\w+)", re.I)
# A session may be saved on a GET (the idle-timeout mark, messages, the sign-in's state and nonce
# for single sign-on): that is the visitor's own session, not the application's data.
ALLOWED_TABLES = {"django_session"}


class WriteWatcher:
    def __init__(self):
        self.writes = []

    def __call__(self, execute, sql, params, many, context):
        if WRITE.match(sql):
            match = TABLE.match(sql)
            table = match.group(1) if match else sql[:60]
            if table not in ALLOWED_TABLES:
                self.writes.append(table)
        return execute(sql, params, many, context)


def walk(client, url_kwargs):
    found = {}
    for name in sorted(EXPECTATIONS):
        kwargs_key, _expected = EXPECTATIONS[name]
        url = reverse(name, kwargs=url_kwargs[kwargs_key])
        watcher = WriteWatcher()
        with connections["default"].execute_wrapper(watcher):
            client.get(url)
        if watcher.writes:
            found[name] = sorted(set(watcher.writes))
    return found


@pytest.mark.parametrize("persona", ["coordinator", "anonymous"])
def test_no_get_changes_data(client, request, url_kwargs, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    assert walk(client, url_kwargs) == {}


def test_the_watcher_sees_a_write(db):
    from organisations.models import Organisation

    watcher = WriteWatcher()
    with connections["default"].execute_wrapper(watcher):
        Organisation.objects.create(name="Testkommun", kind="municipality", scb_code="9999")
        Organisation.objects.filter(scb_code="9999").update(name="Annan")
    assert watcher.writes == ["organisations_organisation", "organisations_organisation"]
