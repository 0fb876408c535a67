"""A plain-Swedish paragraph for the officer's report (tjänsteskrivelse), made from the answers.
The officer may edit it; the edited text is what is stored."""

from django.utils import translation
from django.utils.translation import gettext as _

from .questions import CHILD_GROUPS_CHOICES, children_may_be_affected


def generate_summary(case, answers) -> str:
    with translation.override("sv"):
        return " ".join(part for part in _parts(case, answers) if part)


def _parts(case, answers):
    if not answers.get("children_affected"):
        yield _("Whether the matter affects children has not yet been assessed.")
        return
    if not children_may_be_affected(answers):
        reason = answers.get("not_affected_reason", "").strip()
        yield _("The assessment is that the matter does not affect children.")
        yield (_("Reason: %(reason)s") % {"reason": reason}) if reason else ""
        return
    groups = dict(CHILD_GROUPS_CHOICES)
    named = [str(groups[g]).lower() for g in answers.get("child_groups", []) if g in groups]
    yield (
        _("The matter affects children, in particular %(groups)s.") % {"groups": _join(named)}
        if named
        else _("The matter affects children.")
    )
    numbers = answers.get("articles") or []
    if numbers:
        yield _(
            "The rights concerned are set out in articles %(articles)s of the Convention on "
            "the Rights of the Child."
        ) % {"articles": _join([str(n) for n in numbers])}
    yield _heard(answers)
    best = answers.get("best_interests", "").strip()
    yield (_("The child's best interests: %(text)s") % {"text": best}) if best else ""
    if answers.get("against_best_interests") == "yes":
        yield _(
            "The proposal goes against the child's best interests; "
            "compensating measures: %(measures)s"
        ) % {"measures": answers.get("compensating_measures", "").strip() or "–"}
    feedback = answers.get("feedback_plan", "").strip()
    yield (_("Feedback to the children: %(text)s") % {"text": feedback}) if feedback else ""


def _heard(answers):
    if answers.get("children_heard") == "yes":
        how = answers.get("how_heard", "").strip().rstrip(".")
        return (
            _("Children have been heard (%(how)s).") % {"how": how}
            if how
            else _("Children have been heard.")
        )
    if answers.get("children_heard") in ("no", "unknown"):
        why = answers.get("why_not_heard", "").strip()
        return (
            _("Children have not been heard: %(why)s") % {"why": why}
            if why
            else _("Children have not been heard.")
        )
    return ""


def _join(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + _("and") + " " + items[-1]
