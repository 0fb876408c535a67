"""Every PDF goes through `core.pdf`, tagged: PDF/UA-1 to read, PDF/A-2a for archive copies."""

import re
from pathlib import Path

from core.pdf import html_to_pdf

from .pdf_checks import assert_tagged_pdf

ROOT = Path(__file__).resolve().parent.parent
PAGE = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title></head>
<body><h1>Barnets bästa</h1><p>Text.</p><table><thead><tr><th>Grupp</th><th>Antal</th></tr>
</thead><tbody><tr><td>Barn</td><td>3</td></tr></tbody></table>
<img alt="Ett diagram" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' \
width='10' height='10'%3E%3Crect width='10' height='10'/%3E%3C/svg%3E"></body></html>"""


def test_reading_copy_is_tagged_pdf_ua_with_tables_and_figures(tmp_path):
    types = assert_tagged_pdf(html_to_pdf(PAGE), tmp_path)
    assert {"/Table", "/TH", "/TD", "/Figure"} <= types


def test_archive_copy_is_tagged_pdf_a_2a(tmp_path):
    assert_tagged_pdf(html_to_pdf(PAGE, archival=True), tmp_path, archival=True)


def test_language_follows_the_html(tmp_path):
    english = PAGE.replace('lang="sv"', 'lang="en"')
    assert_tagged_pdf(html_to_pdf(english), tmp_path, lang="en")


def test_no_pdf_is_written_outside_core_pdf():
    """A new export that called WeasyPrint itself would write an untagged PDF."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in (".venv", "tests", "node_modules") or path.name == "pdf.py":
            continue
        if re.search(r"\.write_pdf\(|from weasyprint import", path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
