"""The review report as PDF (WeasyPrint, from a template) and DOCX (python-docx), both from
`content.review_content`."""

from django.utils.translation import gettext as _

from core.pdf import render_pdf
from core.word import (
    add_table,
    finish_table_of_contents,
    start_table_of_contents,
    word_bytes,
    word_document,
    xml_text,
)

from .content import review_content


def review_pdf(review, *, request=None) -> bytes:
    return render_pdf("peerreview/review_pdf.html", review_content(review), request=request)


def review_docx(review) -> bytes:
    content = review_content(review)
    title = _("Peer review: %(title)s") % {"title": review}
    reviewers = ", ".join(str(o) for o in content["reviewing"]) or str(review.network)
    document = word_document(title=title, author=reviewers, subject=str(review.organisation))
    document.add_heading(xml_text(title), level=0)
    _facts(document, content)
    contents = start_table_of_contents(document, _("Contents"))
    if review.questions:
        document.add_heading(_("Questions"), level=1)
        document.add_paragraph(xml_text(review.questions))
    if review.summary:
        document.add_heading(_("Summary"), level=1)
        document.add_paragraph(xml_text(review.summary))
    _ratings(document, content)
    for part in content["factors"]:
        document.add_heading(part.label, level=1)
        document.add_paragraph(
            _("The reviewers' rating: %(peer)s. Self-rating: %(self)s.")
            % {"peer": part.peer_label, "self": part.self_label}
        )
        document.add_heading(_("Findings"), level=2)
        document.add_paragraph(
            xml_text(part.finding.text) if part.finding and part.finding.text else "–"
        )
        if part.recommendations:
            document.add_heading(_("Recommendations and answers"), level=2)
        for recommendation in part.recommendations:
            document.add_paragraph(xml_text(recommendation.text), style="List Number")
            answer = (
                recommendation.get_answer_display() if recommendation.answer else _("Not answered")
            )
            line = _("Answer: %(answer)s") % {"answer": answer}
            if recommendation.answer_text:
                line += f". {recommendation.answer_text}"
            document.add_paragraph(xml_text(line))
            if recommendation.activity:
                document.add_paragraph(
                    _("Activity in the action plan: %(activity)s")
                    % {"activity": recommendation.activity}
                )
    _basis(document, content)
    finish_table_of_contents(document, contents)
    return word_bytes(document)


def _facts(document, content):
    review = content["review"]
    facts = [
        (_("Network"), review.network),
        (_("Reviewed organisation"), review.organisation),
        (_("Reviewing organisations"), ", ".join(str(o) for o in content["reviewing"])),
        (_("Year"), review.year),
        (_("Planned visit"), review.visit_date or "–"),
        (_("Report due"), review.report_due or "–"),
        (_("Status"), review.get_status_display()),
        (_("Success factors in focus"), ", ".join(review.focus_labels)),
    ]
    add_table(document, None, facts)


def _ratings(document, content):
    document.add_heading(_("Ratings beside the self-rating"), level=1)
    headers = (_("Success factor"), _("Self-rating"), _("The reviewers' rating"))
    rows = [(part.label, part.self_label, part.peer_label) for part in content["factors"]]
    add_table(document, headers, rows)


def _basis(document, content):
    document.add_heading(_("What the review is based on"), level=1)
    document.add_heading(_("Interviews"), level=2)
    for interview in content["interviews"]:
        document.add_paragraph(f"{interview.held_on} – {interview.with_whom}", style="List Bullet")
    if not content["interviews"]:
        document.add_paragraph("–")
    document.add_heading(_("Documents read"), level=2)
    for doc in content["documents"]:
        where = doc.link or doc.reference
        document.add_paragraph(f"{doc.title} ({where})", style="List Bullet")
    if not content["documents"]:
        document.add_paragraph("–")
