"""The roles table in docs/roles-and-permissions.md and the code agree, row by row."""

import re
from pathlib import Path

import pytest

from organisations.access import can
from organisations.permissions import PERMISSIONS
from organisations.roles import Role

DOC = Path(__file__).resolve().parent.parent / "docs" / "roles-and-permissions.md"
ROW = re.compile(r"^\| `(?P<object>[a-z_]+)` \| `(?P<action>[a-z_]+)` \|(?P<marks>.+)\|\s*$")


def documented_table():
    lines = DOC.read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if line.startswith("| Object (`code`)"))
    roles = re.findall(r"\(`([a-z_]+)`\)", header)[1:]
    table = {}
    for line in lines:
        match = ROW.match(line)
        if match:
            marks = [cell.strip() for cell in match["marks"].split("|")]
            allowed = {role for role, mark in zip(roles, marks, strict=True) if mark == "✓"}
            table[(match["object"], match["action"])] = allowed
    return roles, table


def test_table_lists_every_role():
    roles, _ = documented_table()
    assert sorted(roles) == sorted(Role.values)


def test_every_documented_row_matches_the_code():
    _, table = documented_table()
    assert table, "the roles table was not found"
    for key, allowed in table.items():
        assert set(PERMISSIONS[key]) == allowed, f"{key} differs between docs and code"


def test_every_rule_in_the_code_is_documented():
    _, table = documented_table()
    assert set(PERMISSIONS) == set(table)


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("key", sorted(PERMISSIONS))
def test_can_follows_the_table_for_every_role(django_user_model, karlskoga, key, role):
    from organisations import services

    user = django_user_model.objects.create_user(f"u-{role}", password="x")
    services.add_member(karlskoga, by=None, user=user, role=role)
    object_type, action = key
    assert can(user, action, object_type, karlskoga.pk) == (role in PERMISSIONS[key])


def test_roles_in_one_organisation_give_nothing_in_another(outsider, karlskoga):
    for object_type, action in PERMISSIONS:
        assert not can(outsider, action, object_type, karlskoga.pk)


def test_inactive_user_may_do_nothing(coordinator, karlskoga):
    coordinator.is_active = False
    assert not can(coordinator, "view", "organisation", karlskoga.pk)
