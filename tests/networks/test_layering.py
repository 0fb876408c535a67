"""`networks` is on top (decision 0028): the apps below it reach it only through the registries
in `core`, never by an import, not even one inside a function."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BELOW_NETWORKS = ("core", "organisations", "planning", "knowledge", "assessments", "indicators")


def imported_apps(app: str) -> dict[str, set[str]]:
    """The top-level packages each module of `app` imports (migrations left out)."""
    found = {}
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize("app", BELOW_NETWORKS)
def test_apps_below_networks_never_import_it(app):
    offenders = {
        module: sorted(names & {"networks", "peerreview"})
        for module, names in imported_apps(app).items()
        if names & {"networks", "peerreview"}
    }
    assert offenders == {}


def test_networks_never_imports_peerreview():
    assert not [m for m, names in imported_apps("networks").items() if "peerreview" in names]
