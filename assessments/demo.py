"""Shipped templates (always) and a handful of demo cases in Karlskoga (with `load_demo`)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from organisations.models import Body, Organisation

from . import services
from .models import AssessmentTemplate, Case, TemplateVersion
from .shipped import SHIPPED_TEMPLATES


def load_shipped_templates(Template=AssessmentTemplate, Version=TemplateVersion):
    """Create the shipped templates once; a published version is never rewritten. When a
    shipped template's questions change, the change arrives as its next published version and
    assessments already started keep the version they were made with."""
    for spec in SHIPPED_TEMPLATES:
        template, _created = Template.objects.get_or_create(
            organisation=None,
            key=spec["key"],
            defaults={"name": spec["name"], "description": spec["description"]},
        )
        latest = Version.objects.filter(template=template).order_by("-number").first()
        if latest is not None and latest.sections == spec["sections"]:
            continue
        Version.objects.create(
            template=template,
            number=latest.number + 1 if latest else 1,
            status="published",
            sections=spec["sections"],
            published_at=timezone.now(),
        )


def _standard_version():
    return TemplateVersion.objects.get(
        template__key="standard", template__organisation=None, number=1
    )


FULL_ANSWERS = {
    "children_affected": "yes",
    "affected_how": "directly",
    "child_groups": ["age_6_12", "age_13_17"],
    "articles": [3, 12, 31],
    "principles_comment": "Barns rätt till lek och fritid och att få säga sin mening.",
    "children_heard": "yes",
    "how_heard": "Ungdomsforum och enkät i skolorna.",
    "views_summary": "Barnen vill ha belysning och platser att vara på efter skolan.",
    "facts": "Cirka 600 barn i åldern 6–17 bor i området.",
    "research": "Forskning om trygghet i offentliga miljöer.",
    "law": "Plan- och bygglagen, barnkonventionen.",
    "options": "Renovera parken eller bygga en ny.",
    "best_interests": "En trygg och upplyst park nära skolan.",
    "other_interests": "Kostnaden vägs mot nyttan för barnen.",
    "proposal": "Parken renoveras 2027.",
    "against_best_interests": "no",
    "feedback_plan": "Ungdomsforum får beslutet och en förklaring på sitt nästa möte.",
    "follow_up": "Uppföljning efter ett år.",
}


# A decision assessed with the Checklista för hållbar utveckling, every dimension answered
# (the matter and every text are invented for the demo, docs/demo-data.md).
CHECKLIST_ANSWERS = {
    "public_health": "Fler platser för rörelse och möten nära bostaden (påhittat för demon).",
    "public_health_effect": "positive",
    "public_health_target_areas": [5, 6],
    "equality": "Spåret planeras så att det upplevs tryggt av både kvinnor och män, flickor och "
    "pojkar (påhittat för demon).",
    "equality_effect": "positive",
    "environment": "En del skog tas i anspråk; spåret belyses med LED (påhittat för demon).",
    "environment_effect": "mixed",
    "economy": "Anläggningen ryms i investeringsbudgeten (påhittat för demon).",
    "economy_effect": "none",
    "children_affected": "no",
    "not_affected_reason": "Spåret berör alla invånare lika; barnen prövas i detaljplanen "
    "(påhittat för demon).",
}


def _checklist_version():
    return (
        TemplateVersion.objects.filter(
            template__key="sustainability-checklist", template__organisation=None
        )
        .order_by("-number")
        .first()
    )


def _decide_with_checklist(case, officer, decider):
    assessment = services.start_assessment(case, by=officer, version=_checklist_version())
    assessment = services.save_answers(
        assessment, by=officer, answers=CHECKLIST_ANSWERS, expected_version=1
    )
    assessment = services.submit_for_review(assessment, by=officer)
    services.approve_assessment(assessment, by=decider)
    services.record_decision(
        case,
        by=decider,
        outcome="Motionsspåret anläggs.",
        decided_on=timezone.localdate() - datetime.timedelta(days=30),
        follows_best_interests=True,
    )


def _case(karlskoga, body, number, title, officer):
    existing = Case.objects.filter(organisation=karlskoga, case_number=number).first()
    if existing:
        return None
    return services.create_case(
        karlskoga,
        by=officer,
        body=body,
        case_number=number,
        title=title,
        officer=officer,
        planned_decision_date=timezone.localdate() + datetime.timedelta(days=30),
    )


def _submit_full_assessment(case, officer):
    assessment = services.start_assessment(case, by=officer, version=_standard_version())
    assessment = services.save_answers(
        assessment, by=officer, answers=FULL_ANSWERS, expected_version=1
    )
    return services.submit_for_review(assessment, by=officer)


@transaction.atomic
def load_demo():
    load_shipped_templates()
    karlskoga = Organisation.objects.filter(scb_code="1883").first()
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["handlaggare", "beslutsfattare"])
    }
    if karlskoga is None or len(users) < 2:
        return
    officer, decider = users["handlaggare"], users["beslutsfattare"]
    culture = Body.objects.get(organisation=karlskoga, name="Kultur- och fritidsnämnden")
    technical = Body.objects.get(organisation=karlskoga, name="Teknik- och fastighetsnämnden")
    _case(karlskoga, technical, "KS 2026/101", "Ny belysning på cykelvägar", officer)
    case = _case(karlskoga, culture, "KFN 2026/12", "Renovering av parken vid skolan", officer)
    if case:
        _submit_full_assessment(case, officer)
    case = _case(karlskoga, culture, "KFN 2026/7", "Öppettider för fritidsgården", officer)
    if case:
        assessment = _submit_full_assessment(case, officer)
        services.approve_assessment(assessment, by=decider)
        services.record_decision(
            case,
            by=decider,
            outcome="Fritidsgården har öppet även på lördagar.",
            decided_on=timezone.localdate() - datetime.timedelta(days=60),
            follows_best_interests=True,
            feedback_plan="Besked via ungdomsforum.",
            follow_up_date=timezone.localdate() - datetime.timedelta(days=5),
        )
    case = _case(karlskoga, technical, "KS 2026/88", "Nytt belyst motionsspår", officer)
    if case:
        _decide_with_checklist(case, officer, decider)
