"""Rewrite the roles table in docs/roles-and-permissions.md from organisations/permissions.py.

    .venv/bin/python scripts/roles_table.py

tests/test_permissions_table.py compares the two; run this after adding a permission row.
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barnratt.settings")

import django  # noqa: E402

django.setup()

from organisations.permissions import PERMISSIONS  # noqa: E402

DOC = ROOT / "docs" / "roles-and-permissions.md"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith("| Object (`code`)"))
    roles = re.findall(r"\(`([a-z_]+)`\)", header)[1:]
    rows = [
        f"| `{obj}` | `{action}` | "
        + " | ".join("✓" if role in allowed else "–" for role in roles)
        + " |"
        for (obj, action), allowed in PERMISSIONS.items()
    ]
    table = re.compile(r"(\| Object \(`code`\).*\n\|---.*\n)((?:\| `.*\n)+)")
    DOC.write_text(table.sub(lambda m: m[1] + "\n".join(rows) + "\n", text, count=1), "utf-8")


if __name__ == "__main__":
    main()
