"""The assessment: start it, answer it (with optimistic locking), submit, print."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.transitions import run_transition
from organisations.access import get_for_user, require

from .. import exports, services
from .. import questions as Q_
from ..completeness import completeness
from ..exports import assessment_content
from ..forms import StartAssessmentForm, build_answer_form, collect_answers
from ..summary import generate_summary, summary_changes
from .cases import case_queryset

# The answer the linked consultations' results are brought into ("What do the children think?").
VIEWS_FIELD = "views_summary"


def _posted_version(request) -> int:
    """The lock version the form was loaded with; a missing or garbled one is treated as 0, so
    the save is refused as stale instead of failing."""
    try:
        return int(request.POST.get("lock_version") or 0)
    except ValueError:
        return 0


def _case_for(request, pk, action, object_type="assessment"):
    case = get_for_user(case_queryset(), request.user, pk=pk)
    require(request.user, action, object_type, case.organisation_id, case.body_id)
    return case


@login_required
@require_http_methods(["GET", "POST"])
def assessment_start(request, pk):
    case = _case_for(request, pk, "change")
    form = StartAssessmentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        if run_transition(
            request,
            lambda: services.start_assessment(
                case, by=request.user, version=form.cleaned_data["version"]
            ),
        ):
            return redirect("assessments:assessment_edit", pk=case.pk)
        return redirect(case)
    return render(request, "assessments/assessment_start.html", {"case": case, "form": form})


def layout(sections, form):
    """Sections with their questions and bound fields, in template order."""
    result = []
    for section in sections:
        items = []
        for question in section.get("questions", []):
            fields = [
                form[name] for name, field in form.fields.items() if field.question is question
            ]
            items.append(
                {
                    "question": question,
                    "fields": fields,
                    "is_table": question["kind"] == Q_.CONSEQUENCES,
                    "condition": _condition_text(question, sections),
                }
            )
        result.append(
            {
                "title": Q_.localised(section["title"]),
                "items": items,
                "full_assessment": section.get("full_assessment", False),
                # Where the linked consultations' results are shown and brought in.
                "has_views": any(q["key"] == VIEWS_FIELD for q in section.get("questions", [])),
            }
        )
    return result


def _condition_text(question, sections):
    condition = question.get("show_if")
    if not condition:
        return ""
    labels = dict(Q_.YES_NO_UNKNOWN_CHOICES)
    answers = " / ".join(str(labels.get(value, value)) for value in condition["in"])
    return _("Answer only if the answer above is: %(answers)s") % {"answers": answers}


@login_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request, pk):
    case = _case_for(request, pk, "change")
    assessment = getattr(case, "assessment", None)
    if assessment is None:
        return redirect("assessments:assessment_start", pk=case.pk)
    if assessment.status in (assessment.Status.SUBMITTED, assessment.Status.APPROVED):
        messages.info(
            request,
            _("The assessment is with the reviewer or approved; it can be read but not changed."),
        )
        return redirect("assessments:assessment_print", pk=case.pk)
    sections = assessment.template_version.sections
    data = _with_views_brought_in(request.POST) if request.method == "POST" else None
    form = build_answer_form(sections, data=data, initial=assessment.answers)
    generated = generate_summary(case, assessment.answers, sections)
    summary = request.POST.get("summary", assessment.summary or generated)
    lock_version, conflict = assessment.lock_version, None
    if request.method == "POST" and form.is_valid():
        answers = collect_answers(sections, form.cleaned_data)
        try:
            assessment = services.save_answers(
                assessment,
                by=request.user,
                answers=answers,
                expected_version=_posted_version(request),
                summary=_edited_summary(request.POST),
            )
        except services.StaleAssessment as stale:
            conflict, lock_version = _conflict(stale, sections), stale.assessment.lock_version
        except services.TransitionError as error:
            messages.error(request, error.messages[0])
            return redirect(case)
        else:
            return _after_save(request, case, assessment)
    checks = completeness(sections, assessment.answers)
    return render(
        request,
        "assessments/assessment_form.html",
        {
            "case": case,
            "assessment": assessment,
            "form": form,
            "sections": layout(sections, form),
            "fields_key": None if form.is_bound else _fields_key(assessment, sections, form),
            "summary": summary,
            "lock_version": lock_version,
            "conflict": conflict,
            "checks": checks,
            "complete": all(check.ok for check in checks if check.applies),
            "summary_basis": generated,
            # The stored text was written by the officer and the answers say something else now.
            "summary_outdated": bool(assessment.summary) and summary != generated,
            "summary_changes": summary_changes(summary, generated),
        },
    )


def _fields_key(assessment, sections, form) -> str:
    """A digest of everything the form's fields show when they are not posted back: the
    template version's questions, the saved answers and every field's choices (the public-health
    target areas come from the database). assessment_form.html keeps the drawn fields in the
    cache under it: rendering some forty widgets is most of the page's time, and any saved
    answer gives a new key. A posted form (with its errors) is always drawn anew."""
    choices = [list(field.choices) for field in form.fields.values() if hasattr(field, "choices")]
    shown = (assessment.template_version_id, sections, assessment.answers, choices)
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def _with_views_brought_in(post):
    """The posted answers, with the results of the consultation the officer chose ("Bring into
    the answer": its key) and the quotes they picked added to what the children think; the
    officer then edits them. The texts come from the panel the participation app draws
    (`bring_text_<key>`, `bring_quote_<key>`), so this app needs no knowledge of consultations."""
    key = post.get("bring_views", "").strip()
    lines = [post.get(f"bring_text_{key}", "").strip(), *post.getlist(f"bring_quote_{key}")]
    text = "\n".join(line.strip() for line in lines if line.strip()) if key else ""
    if not text:
        return post
    data = post.copy()
    data[VIEWS_FIELD] = "\n\n".join(
        part for part in (post.get(VIEWS_FIELD, "").strip(), text) if part
    )
    if not data.get("children_heard"):
        data["children_heard"] = "yes"
    return data


def _edited_summary(post):
    """The summary as the officer wrote it, or None when the form still shows the text made from
    the answers (`summary_basis`): then `save_answers` makes it anew from the new answers."""
    summary = post.get("summary", "").replace("\r\n", "\n").strip()
    basis = post.get("summary_basis", "").replace("\r\n", "\n").strip()
    if summary == basis:
        return None
    return summary[:20000]


def _after_save(request, case, assessment):
    if request.POST.get("bring_views"):
        messages.success(
            request, _("The children's views were brought into the answer. Edit them as needed.")
        )
        return redirect(
            reverse("assessments:assessment_edit", args=[case.pk]) + "#id_" + VIEWS_FIELD
        )
    if request.POST.get("action") == "submit":
        sections = assessment.template_version.sections
        missing = [
            c.label for c in completeness(sections, assessment.answers) if c.applies and not c.ok
        ]
        if missing and not request.POST.get("confirm_incomplete"):
            messages.warning(
                request,
                _(
                    "The assessment was saved but not submitted: the basis still lacks "
                    "%(missing)s. Complete it, or tick “Submit although incomplete” and "
                    "submit again."
                )
                % {"missing": "; ".join(str(label).lower() for label in missing)},
            )
            return redirect("assessments:assessment_edit", pk=case.pk)
        if run_transition(request, lambda: services.submit_for_review(assessment, by=request.user)):
            messages.success(request, _("The assessment was submitted for review."))
            return redirect(case)
        return redirect("assessments:assessment_edit", pk=case.pk)
    messages.success(request, _("The assessment was saved."))
    return redirect("assessments:assessment_edit", pk=case.pk)


def _conflict(stale, sections):
    texts = {q["key"]: Q_.localised(q["text"]) for _s, q in Q_.iter_questions(sections)}
    rows = [texts.get(key, key) for key in stale.changed_keys]
    who = stale.assessment.updated_by
    return {
        "who": str(who) if who else _("someone else"),
        "when": stale.assessment.updated_at,
        "questions": rows,
    }


@login_required
def assessment_print(request, pk):
    case = _case_for(request, pk, "view", "case")
    assessment = getattr(case, "assessment", None)
    if assessment is None:
        return redirect(case)
    return render(request, "assessments/assessment_print.html", assessment_content(case))


@login_required
@require_POST
def autosave(request, pk):
    """Save the draft in the background while the officer writes (HTMX, on change)."""
    case = _case_for(request, pk, "change")
    assessment = getattr(case, "assessment", None)
    if assessment is None:
        raise Http404
    sections = assessment.template_version.sections
    form = build_answer_form(sections, data=request.POST)
    status = {"saved": False, "lock_version": assessment.lock_version}
    if form.is_valid():
        try:
            saved = services.save_answers(
                assessment,
                by=request.user,
                answers=collect_answers(sections, form.cleaned_data),
                expected_version=_posted_version(request),
                summary=_edited_summary(request.POST),
            )
        except services.StaleAssessment:
            status["conflict"] = True
        except services.TransitionError:
            status["closed"] = True
        else:
            status = {"saved": True, "lock_version": saved.lock_version, "at": saved.updated_at}
    return render(request, "assessments/_autosave_status.html", status)


@login_required
def assessment_download(request, pk, fmt):
    """The assessment as PDF or DOCX (to attach to the officer's report)."""
    case = _case_for(request, pk, "view", "case")
    if getattr(case, "assessment", None) is None:
        raise Http404
    if fmt == "pdf":
        content, content_type = exports.assessment_pdf(case, request=request), "application/pdf"
    else:
        content = exports.assessment_docx(case)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=content_type)
    filename = slugify(f"barnets-basta-{case.case_number}") or "barnets-basta"
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
@require_POST
def regenerate_summary(request, pk):
    """Replace the stored summary with a freshly generated one (the officer then edits it)."""
    case = _case_for(request, pk, "change")
    assessment = case.assessment
    text = generate_summary(case, assessment.answers, assessment.template_version.sections)
    lost = summary_changes(assessment.summary, text).only_in_own if assessment.summary else []
    done = run_transition(
        request,
        lambda: services.save_answers(
            assessment,
            by=request.user,
            answers=assessment.answers,
            expected_version=assessment.lock_version,
            summary=text,
        ),
    )
    if done and lost:
        # Said once, so the officer can copy back what they still want.
        messages.info(
            request,
            _(
                "The summary was written anew from the answers. Your own text no longer in "
                "it: %(lost)s"
            )
            % {"lost": " ".join(lost)},
        )
    return redirect("assessments:assessment_edit", pk=case.pk)
