"""The layering contract (pyproject.toml, [tool.importlinter]) names every app, so a new app
cannot sit outside the layers that `make lint` checks."""

import tomllib
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent


def _importlinter():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def _project_apps():
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT
    }


def test_every_app_is_a_root_package_of_the_contract():
    assert _project_apps() | {"barnratt"} == set(_importlinter()["root_packages"])


def test_every_app_sits_in_exactly_one_layer():
    (contract,) = [c for c in _importlinter()["contracts"] if c["type"] == "layers"]
    placed = [name.strip() for layer in contract["layers"] for name in layer.split("|")]
    assert len(placed) == len(set(placed))
    assert set(placed) == _project_apps() | {"barnratt"}


def test_core_and_organisations_are_the_bottom_layers():
    (contract,) = [c for c in _importlinter()["contracts"] if c["type"] == "layers"]
    assert contract["layers"][-2:] == ["organisations", "core"]
