"""What every Word file Barnrätt writes must be, read back with python-docx and its XML."""

import datetime
import io
import itertools

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def heading_levels(document) -> list[int]:
    levels = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name == "Title":
            levels.append(0)
        elif name.startswith("Heading ") and name[8:].isdigit():
            levels.append(int(name[8:]))
    return levels


def assert_swedish_word_file(data: bytes, *, title: str, author: str):
    from docx import Document

    document = Document(io.BytesIO(data))
    properties = document.core_properties
    assert properties.language == "sv-SE"
    assert properties.title == title
    assert properties.author == properties.last_modified_by == author
    assert "python-docx" not in (properties.comments or "")
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    for moment in (properties.created, properties.modified):
        assert abs(moment.replace(tzinfo=None) - now) < datetime.timedelta(minutes=10)
    styles = document.styles.element.xml
    assert 'w:val="sv-SE"' in styles and "en-US" not in styles
    body = document.element.body
    # The first heading is the title; no heading level is skipped after it.
    levels = heading_levels(document)
    assert levels[0] == 0
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels))
    # A table of contents: a TOC field over the heading styles, filled with the headings.
    instructions = "".join(text.text for text in body.iter(f"{W}instrText"))
    assert "TOC \\o" in instructions
    toc = [p.text for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert toc and toc[0] == next(
        p.text for p in document.paragraphs if p.style.name == "Heading 1"
    )
    assert "w:updateFields" in document.settings.element.xml
    # Every table with a header row repeats it on each page.
    for table in document.tables:
        first = table.rows[0]._tr
        bold = all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)
        assert bold
        if len(table.columns) > 2 or first.find(f"{W}trPr/{W}tblHeader") is not None:
            assert first.find(f"{W}trPr/{W}tblHeader") is not None
    # Every picture has a text alternative.
    for shape in document.inline_shapes:
        assert shape._inline.docPr.get("descr", "").strip()
    return document
