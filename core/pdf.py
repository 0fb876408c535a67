"""Every PDF Barnrätt writes is rendered here by WeasyPrint, tagged: a structure tree from the
HTML (headings, lists, tables with their header cells, figures with their text alternative)
and the document language from `<html lang>`, so screen readers can read it (DOS-lagen,
EN 301 549). What people read is PDF/UA-1; archive copies are PDF/A-2a, which is PDF/A-2 with
the same tags (decision 0031)."""

from django.template.loader import render_to_string

READING = "pdf/ua-1"
ARCHIVE = "pdf/a-2a"


def html_to_pdf(html: str, *, archival: bool = False) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf(pdf_variant=ARCHIVE if archival else READING)


def render_pdf(template_name: str, context=None, *, request=None, archival=False) -> bytes:
    """The template rendered as a tagged PDF. Its `<html lang>` and `<title>` become the PDF's
    language and title, which PDF/UA requires."""
    html = render_to_string(template_name, context, request=request)
    return html_to_pdf(html, archival=archival)
