"""Hostile input, and the helpers that post it through a page's form and read the exports back.

Each string carries a marker that a page must never show unescaped. The corpus is small on
purpose: every form gets every string, so each added string costs one request per form.
"""

import csv
import io

import lxml.html

# What a page must never contain unescaped once one of the strings below went in.
UNSAFE_MARKUP = (
    "<script>alert('xss-1')",
    "<img src=x onerror=",
    "<svg onload=",
    'href="javascript:',
    "href='javascript:",
)

SCRIPT = "<script>alert('xss-1')</script>"
HOSTILE = [
    SCRIPT,
    "<img src=x onerror=alert('xss-2')>",
    '"><svg onload=alert(3)>',
    "<a href=\"javascript:alert('xss-4')\">klicka</a>",
    "javascript:alert('xss-5')",
    "'; DROP TABLE organisations_organisation; --",
    "1' OR '1'='1",
    "%' OR 1=1 --",
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\u202egnp.exe",  # right-to-left override
    "noll\u200bbredd\u200d\ufeff",  # zero-width characters
    "nul\x00byte",
    "kontroll\x0b\x1b\x07tecken",  # control characters XML (XLSX, DOCX) refuses
    "Glass 🍦👩🏽‍🦯 och ğ̸̡̛ ̴͍e̷͔",  # emoji and combining marks
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "x" * 100_000,
    # Personal data as children write it (issue 23): one of each kind from personal_data.py,
    # whose whole generated corpus the screening tests run (tests/participation).
    "Ring 0\uff17\uff10\u2013123\u00a045 67 eller 811228/9874",
    "anna(at)gmail punkt com, Storgatan 12, 691 31 Karlskoga, Anna Svensson",
]
# Strings a spreadsheet would run as a formula if written as they are.
FORMULAS = [text for text in HOSTILE if text.startswith(("=", "+", "-", "@", "\t", "\r"))]
TEXT_INPUT_TYPES = {"text", "search", None}
# The children's form's honeypot: a robot fills it in, and its answer is dropped.
HONEYPOTS = {"website"}


def short(text: str) -> str:
    return repr(text[:40]) + ("…" if len(text) > 40 else "")


def unsafe_markup(html: str) -> list[str]:
    return [marker for marker in UNSAFE_MARKUP if marker in html]


def page_forms(html: str, path: str):
    """The page's own POST forms (not the header's log-out or language forms) with text fields."""
    document = lxml.html.fromstring(html)
    forms = []
    for form in document.forms:
        if (form.get("method") or "").lower() != "post":
            continue
        action = form.get("action")
        if action not in (None, "", path):
            continue
        if text_fields(form):
            forms.append(form)
    return forms


def text_fields(form) -> list[str]:
    names = []
    for element in form.inputs:
        name = element.get("name")
        if name in HONEYPOTS or element.get("readonly") is not None:
            continue
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "textarea" or (
            element.tag == "input" and element.get("type") in TEXT_INPUT_TYPES
        ):
            names.append(name)
    return list(dict.fromkeys(names))


def form_data(form, text: dict[str, str] | None = None) -> dict:
    """What a browser would send, with empty required fields given a valid value and the text
    fields in `text` replaced."""
    data: dict[str, list[str]] = {}

    def add(name, value):
        data.setdefault(name, []).append(value)

    for element in form.inputs:
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        kind = element.get("type") if element.tag == "input" else element.tag
        if kind in ("submit", "button", "image", "reset", "file"):
            continue
        if kind in ("checkbox", "radio"):
            if element.get("checked") is not None or (
                kind == "radio"
                and name not in data
                and not any(
                    other.get("checked") is not None
                    for other in form.inputs
                    if other.get("name") == name
                )
            ):
                add(name, element.get("value", "on"))
            continue
        if kind == "select":
            chosen = [
                o.get("value", o.text or "")
                for o in element.iter("option")
                if o.get("selected") is not None
            ]
            if not chosen:
                options = [o.get("value", o.text or "") for o in element.iter("option")]
                options = [value for value in options if value]
                chosen = options[:1]
            for value in chosen:
                add(name, value)
            continue
        value = element.text or "" if kind == "textarea" else element.get("value", "")
        if not value and name not in HONEYPOTS:
            value = {
                "date": "2026-05-01",
                "email": "someone@example.org",
                "url": "https://example.org/",
                "number": element.get("min") or "2026",
                "tel": "070-000 00 00",
                "month": "2026-05",
            }.get(kind, "Test" if kind in TEXT_INPUT_TYPES or kind == "textarea" else value)
        add(name, value)
    for name, value in (text or {}).items():
        data[name] = [value]
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


def csv_cells(content: bytes) -> list[str]:
    text = content.decode("utf-8-sig")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def xlsx_cells(content: bytes) -> list:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def formula_problems(content: bytes, content_type: str) -> list[str]:
    """Cells a spreadsheet would run: an XLSX formula cell, or text starting with a formula
    character that is one of the corpus' formulas."""
    problems = []
    if "spreadsheetml" in content_type:
        for cell in xlsx_cells(content):
            if cell.data_type == "f":
                problems.append(f"formula cell {cell.coordinate}: {short(str(cell.value))}")
            elif isinstance(cell.value, str) and cell.value in FORMULAS:
                problems.append(f"formula text {cell.coordinate}: {short(cell.value)}")
    else:
        for cell in csv_cells(content):
            if cell in FORMULAS or cell.lstrip(" ") in FORMULAS:
                problems.append(f"formula text: {short(cell)}")
    return problems


# Text fields that are not free text: identifiers, addresses, secrets, machine keys.
NOT_FREE_TEXT = (
    "slug",
    "code",
    "key",
    "username",
    "password",
    "email",
    "url",
    "token",
    "hash",
    "digest",
    "scb_code",
    "external_id",
    "language",
    "content_type",
    "mime",
    "file",
    "path",
    "prefix",
    "checksum",
    "model_label",
    "object_id",
    "phone",
    "website",
    "icon",
    "colour",
    "color",
)


def free_text_fields(model) -> list:
    from django.db import models

    fields = []
    for field in model._meta.concrete_fields:
        if not isinstance(field, (models.CharField, models.TextField)):
            continue
        if field.choices or field.unique or field.primary_key or not field.editable:
            continue
        if isinstance(field, (models.EmailField, models.URLField, models.SlugField)):
            continue
        if any(part in field.name for part in NOT_FREE_TEXT):
            continue
        fields.append(field)
    return fields


def tenant_models():
    """Every model whose manager narrows rows to a user (core.tenancy.TenantQuerySet)."""
    from django.apps import apps

    return [
        model for model in apps.get_models() if hasattr(model._default_manager.all(), "visible_to")
    ]
