"""`core.word`: Swedish properties, fitted columns, repeated header rows, alternative text on
pictures and a table of contents that LibreOffice renders."""

import shutil
import subprocess

import pytest

from core.word import (
    add_picture,
    add_table,
    column_widths,
    finish_table_of_contents,
    start_table_of_contents,
    word_bytes,
    word_document,
)

from .docx_checks import assert_swedish_word_file

# A 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201e221bc330000000049454e44ae426082"
)


def sample() -> bytes:
    document = word_document(title="Bokslut 2026", author="Karlskoga kommun")
    document.add_heading("Bokslut 2026", level=0)
    contents = start_table_of_contents(document, "Innehåll")
    document.add_heading("Barnens villkor", level=1)
    add_picture(document, PNG, width_cm=4, alt="Stapeldiagram: andel barn per nämnd")
    add_table(
        document,
        ["Framgångsfaktor", "Självskattning", "Kommentar"],
        [["Samordna arbetet", "2", "Ett långt resonemang " * 10]] * 60,
    )
    document.add_heading("Delaktighet", level=2)
    document.add_heading("Ekonomi", level=1)
    finish_table_of_contents(document, contents)
    return word_bytes(document)


def test_properties_language_toc_header_rows_and_alt_text():
    document = assert_swedish_word_file(sample(), title="Bokslut 2026", author="Karlskoga kommun")
    assert [p.text for p in document.paragraphs if p.style.name.startswith("toc ")] == [
        "Barnens villkor",
        "Delaktighet",
        "Ekonomi",
    ]
    [shape] = document.inline_shapes
    assert shape._inline.docPr.get("descr") == "Stapeldiagram: andel barn per nämnd"


def test_no_word_is_broken_inside_a_column():
    widths = column_widths(["Framgångsfaktor", "Grupp", "Kommentar"], [["a", "b", "x " * 200]])
    assert widths[0] >= len("Framgångsfaktor") * 0.28
    assert sum(widths) == pytest.approx(16.0)
    assert widths[2] > widths[0] > widths[1]


def test_english_documents_say_so(settings):
    from django.utils import translation

    with translation.override("en"):
        document = word_document(title="Report", author="Karlskoga kommun")
    assert document.core_properties.language == "en-GB"


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice")
def test_libreoffice_renders_the_contents_and_the_repeated_header(tmp_path):
    path = tmp_path / "bokslut.docx"
    path.write_bytes(sample())
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "bokslut.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.split("\f")
    assert "Innehåll" in pages[0] and "Barnens villkor" in pages[0]
    # The table runs over more than one page and its header is on each of them.
    with_table = [page for page in pages if "Samordna" in page]
    assert len(with_table) > 1
    assert all("Framgångsfaktor" in page for page in with_table)
    assert "Framgångsfakt " not in text and "Självskattnin " not in text  # no word broken
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "bokslut.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "Title:" in info and "Bokslut 2026" in info
