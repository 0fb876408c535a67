"""State changes for consultations, their questions, answers, views from meetings and feedback.

Staff changes write the audit log in the same transaction. A child's submission is not an audit
event: the response itself is the record (dated, never changed by the child), and the audit log
would otherwise hold a copy of what children wrote. Moderation and removal of answers are logged.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object, write_entry
from core.dates import months_before
from core.models import AuditEntry
from core.transitions import TransitionError

from .models import (
    Answer,
    ClassCode,
    Consultation,
    Feedback,
    OfflineVoice,
    ParticipationSettings,
    Question,
    Response,
)
from .models.consultations import CLASS_CODE_LENGTH, new_code
from .screening import parse_name_list, screen

Transition = AuditEntry.Action.TRANSITION


def _check_links(organisation, cases=(), activities=()):
    if any(case.organisation_id != organisation.pk for case in cases):
        raise ValidationError({"cases": _("Link only cases of the same organisation.")})
    if any(activity.organisation_id != organisation.pk for activity in activities):
        raise ValidationError(
            {"activities": _("Link only activities of the same organisation's plans.")}
        )


def create_consultation(organisation, *, by, cases=(), activities=(), **fields) -> Consultation:
    _check_links(organisation, cases, activities)
    return create_object(
        Consultation,
        by=by,
        organisation=organisation,
        created_by=by if getattr(by, "pk", None) else None,
        m2m={"cases": list(cases), "activities": list(activities)},
        **fields,
    )


def update_consultation(
    consultation: Consultation, *, by, cases=None, activities=None, **fields
) -> Consultation:
    m2m = {
        name: list(v) for name, v in (("cases", cases), ("activities", activities)) if v is not None
    }
    _check_links(consultation.organisation, m2m.get("cases", ()), m2m.get("activities", ()))
    return update_object(consultation, by=by, m2m=m2m, **fields)


def _locked(consultation: Consultation) -> Consultation:
    return Consultation.objects.select_for_update().get(pk=consultation.pk)


def open_consultation(consultation: Consultation, *, by) -> Consultation:
    with transaction.atomic():
        consultation = _locked(consultation)
        if consultation.status not in (Consultation.Status.DRAFT, Consultation.Status.CLOSED):
            raise TransitionError(_("Only a draft or closed consultation can be opened."))
        if not consultation.questions.exists():
            raise TransitionError(_("Add at least one question before opening."))
        return update_object(
            consultation, by=by, action=Transition, status=Consultation.Status.OPEN
        )


def close_consultation(consultation: Consultation, *, by) -> Consultation:
    with transaction.atomic():
        consultation = _locked(consultation)
        if consultation.status != Consultation.Status.OPEN:
            raise TransitionError(_("Only an open consultation can be closed."))
        return update_object(
            consultation, by=by, action=Transition, status=Consultation.Status.CLOSED
        )


def _results_changed(consultation_id: int) -> None:
    """What the results show has changed: the cached results of the consultation are old."""
    Consultation.objects.filter(pk=consultation_id).update(results_version=F("results_version") + 1)


def _require_editable(consultation: Consultation):
    if consultation.status != Consultation.Status.DRAFT:
        raise TransitionError(_("Questions can only be changed while the consultation is a draft."))


def add_question(consultation: Consultation, *, by, **fields) -> Question:
    _require_editable(consultation)
    last = consultation.questions.order_by("-position").values_list("position", flat=True).first()
    position = 0 if last is None else last + 1
    with transaction.atomic():
        _results_changed(consultation.pk)
        return create_object(
            Question, by=by, consultation=consultation, position=position, **fields
        )


def update_question(question: Question, *, by, **fields) -> Question:
    _require_editable(question.consultation)
    with transaction.atomic():
        _results_changed(question.consultation_id)
        return update_object(question, by=by, **fields)


def delete_question(question: Question, *, by) -> None:
    _require_editable(question.consultation)
    with transaction.atomic():
        _results_changed(question.consultation_id)
        delete_object(question, by=by)


def move_question(question: Question, *, by, up: bool) -> None:
    """Swap the question with its neighbour above or below."""
    _require_editable(question.consultation)
    siblings = list(question.consultation.questions.order_by("position", "id"))
    index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(siblings):
        return
    siblings[index], siblings[other_index] = siblings[other_index], siblings[index]
    with transaction.atomic():
        _results_changed(question.consultation_id)
        for position, item in enumerate(siblings):
            if item.position != position:
                update_object(item, by=by, position=position)


def create_class_codes(
    consultation: Consultation, *, by, count: int, area: str = ""
) -> list[ClassCode]:
    """One-time codes for a class; each lets one child answer once. `area`: the school or
    class group from the consultation's list they are handed out to."""
    if not 1 <= count <= 500:
        raise ValidationError(_("Make between 1 and 500 codes at a time."))
    if area and area not in consultation.area_list():
        raise ValidationError(_("Choose one of the schools or places in the list."))
    with transaction.atomic():
        codes = []
        while len(codes) < count:
            code = new_code(CLASS_CODE_LENGTH)
            if not ClassCode.objects.filter(code=code).exists():
                codes.append(
                    ClassCode.objects.create(consultation=consultation, code=code, area=area)
                )
        write_entry(
            consultation,
            by=by,
            action=AuditEntry.Action.UPDATE,
            changes={"class_codes": [None, count], "area": [None, area]},
            note=_("%(count)s class codes made") % {"count": count},
        )
    return codes


def participation_settings(organisation) -> ParticipationSettings:
    found = ParticipationSettings.objects.filter(organisation=organisation).first()
    return found or ParticipationSettings(organisation=organisation)


def save_settings(organisation, *, by, **fields) -> ParticipationSettings:
    current = participation_settings(organisation)
    if current.pk is None:
        return create_object(ParticipationSettings, by=by, organisation=organisation, **fields)
    return update_object(current, by=by, **fields)


# --- The children's answers -------------------------------------------------------------------


def submit_response(
    consultation: Consultation,
    *,
    submission_key: str,
    age_band: str,
    answers: dict,
    gender: str = "",
    suspected_flood: bool = False,
    class_code: str = "",
    area: str = "",
    today: date | None = None,
    questions=None,
    screened_names: str | None = None,
) -> tuple[Response, bool]:
    """Store one child's answers. The same form posted twice stores one response: the second
    time the first is returned with `created` False. Free text is screened as it is stored.
    `questions` and `screened_names`: the consultation's questions and its organisation's
    names to screen for, if the caller has read them (the children's page has).
    `suspected_flood`: sent past the limit for its address; stored but held (`release_flood`)."""
    today = today or timezone.localdate()
    if area and area not in consultation.area_list():
        # Only a label from the consultation's own list is stored (decision 0043).
        raise ValidationError(_("Choose one of the schools or places in the list."))
    if questions is None:
        questions = consultation.questions.all()
    questions = {q.pk: q for q in questions if q.consultation_id == consultation.pk}
    names = []
    if any(
        questions[pk].kind == Question.Kind.TEXT
        for pk, v in answers.items()
        if pk in questions and v
    ):
        # The names to mask are read only when there is free text to screen.
        if screened_names is None:
            screened_names = participation_settings(consultation.organisation).screened_names
        names = parse_name_list(screened_names)
    response = Response(
        organisation_id=consultation.organisation_id,
        consultation=consultation,
        submitted_on=today,
        age_band=age_band,
        gender=gender,
        area=area,
        submission_key=submission_key,
        suspected_flood=suspected_flood,
    )
    answers = [
        _answer(response, questions[pk], value, names)
        for pk, value in answers.items()
        if pk in questions and value not in (None, "", [])
    ]
    try:
        # One transaction: the response and its answers are stored together or not at all.
        with transaction.atomic():
            if consultation.requires_class_code:
                response.class_code = _use_class_code(consultation, class_code, today)
                # An answer with a class code counts under the group the code was made for.
                response.area = response.class_code.area
            response.save(force_insert=True)
            Answer.objects.bulk_create(answers)
    except IntegrityError:
        # The same form posted twice (the key is unique per consultation): the first response
        # stands. Asking the database first would cost every child's answer a query.
        existing = Response.objects.filter(consultation=consultation, submission_key=submission_key)
        if found := existing.first():
            return found, False
        raise
    return response, True


def _use_class_code(consultation, value: str, today):
    updated = ClassCode.objects.filter(
        consultation=consultation, code=value.strip().upper(), used_on=None
    ).update(used_on=today)
    if not updated:
        raise ValidationError(_("The class code is not valid or has already been used."))
    return ClassCode.objects.get(consultation=consultation, code=value.strip().upper())


def _answer(response, question: Question, value, names) -> Answer:
    if question.kind != Question.Kind.TEXT:
        return Answer(response=response, question=question, value=value)
    result = screen(value, names)
    return Answer(
        response=response,
        question=question,
        text=value,
        masked_text=result.masked_text,
        screening_reasons=result.reasons,
        moderation=Answer.Moderation.PENDING if result.flagged else Answer.Moderation.NOT_NEEDED,
    )


def moderate(answer: Answer, *, by, approve: bool) -> Answer:
    """Let the masked text be shown (approve) or keep it from everyone but the dialogue
    leader (hide)."""
    status = Answer.Moderation.APPROVED if approve else Answer.Moderation.HIDDEN
    with transaction.atomic():
        _results_changed(answer.response.consultation_id)
        return update_object(answer, by=by, action=Transition, moderation=status)


def held_responses(consultation: Consultation):
    """The consultation's responses held as a suspected flood, waiting for a person."""
    return Response.objects.filter(consultation=consultation, suspected_flood=True)


def release_flood(consultation: Consultation, *, by) -> int:
    """Let the responses held as a suspected flood into the results, counts and exports:
    a person has looked at them and judged them children's answers. Returns how many."""
    with transaction.atomic():
        count = held_responses(consultation).update(suspected_flood=False)
        if count:
            _results_changed(consultation.pk)
            write_entry(
                consultation,
                by=by,
                action=AuditEntry.Action.UPDATE,
                changes={"responses_held_as_flood": [count, 0]},
                note=_("%(count)s responses held as a suspected flood let through")
                % {"count": count},
            )
    return count


def old_responses(*, today: date | None = None):
    """Per consultation with responses past its organisation's retention period:
    (consultation, the responses to remove, the cutoff date, the retention in months)."""
    today = today or timezone.localdate()
    for consultation in Consultation.objects.select_related("organisation"):
        months = participation_settings(consultation.organisation).retention_months
        cutoff = months_before(today, months)
        old = Response.objects.filter(consultation=consultation, submitted_on__lt=cutoff)
        yield consultation, old, cutoff, months


def remove_old_responses(*, today: date | None = None, by=None) -> dict[int, int]:
    """Gallring: remove responses older than each organisation's retention period.

    Returns the number removed per consultation; each consultation's removal is logged.
    """
    removed = {}
    for consultation, old, cutoff, months in old_responses(today=today):
        count = old.count()
        if not count:
            continue
        with transaction.atomic():
            old.delete()
            write_entry(
                consultation,
                by=by,
                action=AuditEntry.Action.DELETE,
                changes={"responses": [count, None]},
                note=_(
                    "%(count)s responses older than %(cutoff)s removed (retention %(months)s "
                    "months)"
                )
                % {"count": count, "cutoff": cutoff.isoformat(), "months": months},
            )
        removed[consultation.pk] = count
    return removed


# --- Views from meetings and the feedback ------------------------------------------------------


def record_offline_voice(consultation: Consultation, *, by, **fields) -> OfflineVoice:
    with transaction.atomic():
        _results_changed(consultation.pk)
        return create_object(
            OfflineVoice,
            by=by,
            organisation_id=consultation.organisation_id,
            consultation=consultation,
            recorded_by=by if getattr(by, "pk", None) else None,
            **fields,
        )


def delete_offline_voice(voice: OfflineVoice, *, by) -> None:
    with transaction.atomic():
        _results_changed(voice.consultation_id)
        delete_object(voice, by=by)


def save_feedback(consultation: Consultation, *, by, **texts) -> Feedback:
    existing = Feedback.objects.filter(consultation=consultation).first()
    if existing is None:
        return create_object(
            Feedback,
            by=by,
            organisation_id=consultation.organisation_id,
            consultation=consultation,
            **texts,
        )
    return update_object(existing, by=by, **texts)


def publish_feedback(consultation: Consultation, *, by) -> Feedback:
    """Show the feedback on the children's page; the consultation is then answered."""
    with transaction.atomic():
        consultation = _locked(consultation)
        feedback = Feedback.objects.filter(consultation=consultation).first()
        if feedback is None:
            raise TransitionError(_("Write the feedback before publishing it."))
        if consultation.status == Consultation.Status.DRAFT:
            raise TransitionError(_("A draft consultation has no answers to give feedback on."))
        update_object(feedback, by=by, action=Transition, published_at=timezone.now())
        update_object(consultation, by=by, action=Transition, status=Consultation.Status.ANSWERED)
    return feedback
