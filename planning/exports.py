"""Exports are data × format: the policy list and a plan's activities, each gathered once as
rows in words and written as CSV or XLSX by `core.exports`."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _


def policy_table(policies) -> tuple[list[str], list[list]]:
    columns = [
        _("Title"),
        _("Kind"),
        _("Organisation"),
        _("Adopted by"),
        _("Adopted on"),
        _("Decision reference"),
        _("Valid until"),
        _("Next revision"),
        _("Responsible body"),
        _("Link"),
        _("Success factors"),
        _("Articles"),
    ]
    rows = [
        [
            policy.title,
            capfirst(policy.get_kind_display()),
            policy.organisation.name,
            str(policy.adopted_by or ""),
            policy.adopted_on or "",
            policy.decision_reference,
            policy.valid_until or "",
            policy.next_revision or "",
            str(policy.responsible_body or ""),
            policy.url,
            "; ".join(policy.success_factor_labels),
            ", ".join(str(article.number) for article in policy.articles.all()),
        ]
        for policy in policies
    ]
    return columns, rows


def activity_table(activities) -> tuple[list[str], list[list]]:
    """A plan's activities with their area and goal; `activities` come with those joined."""
    columns = [
        _("Priority area"),
        _("Goal"),
        _("Activity"),
        _("Responsible body"),
        _("Responsible person"),
        _("Starts"),
        _("Ends"),
        _("Status"),
        _("Cost (SEK)"),
    ]
    rows = [
        [
            activity.goal.area.title,
            activity.goal.title,
            activity.title,
            str(activity.responsible_body or ""),
            activity.responsible_person.get_full_name() if activity.responsible_person else "",
            activity.starts_on,
            activity.ends_on,
            capfirst(activity.get_status_display()),
            activity.cost if activity.cost is not None else "",
        ]
        for activity in activities
    ]
    return columns, rows


def rating_table(ratings) -> tuple[list[str], list[list]]:
    """Self-assessment ratings, one row per year and factor, with the meaning of the level;
    `ratings` come with their assessment joined and their evidence prefetched."""
    columns = [
        _("Year"),
        _("Success factor"),
        _("Level"),
        _("Meaning"),
        _("Evidence"),
        _("Policy documents"),
        _("Action plans"),
        _("Cases"),
        _("Trainings"),
        _("Links"),
        _("Next steps"),
    ]
    rows = [
        [
            rating.assessment.year,
            rating.get_factor_display(),
            rating.level if rating.level is not None else "",
            rating.meaning,
            rating.evidence,
            "; ".join(policy.title for policy in rating.policies.all()),
            "; ".join(str(plan) for plan in rating.plans.all()),
            ", ".join(case.case_number for case in rating.cases.all()),
            "; ".join(f"{t.topic} ({t.held_on.isoformat()})" for t in rating.trainings.all()),
            " ".join(rating.links),
            rating.next_steps,
        ]
        for rating in ratings
    ]
    return columns, rows


def childfriendly_table(agreements) -> tuple[list[str], list[list]]:
    """The child-friendly municipality cycle: one row per agreement and step, in the cycle's
    order; `agreements` come with their organisation and body joined and steps prefetched."""
    states = {
        "done": _("completed"),
        "ongoing": _("ongoing"),
        "not_started": _("not started"),
    }
    columns = [
        _("Organisation"),
        _("Joint body"),
        _("Partner"),
        _("Signed on"),
        _("Runs until"),
        _("Step"),
        _("State"),
        _("Started on"),
        _("Completed on"),
        _("Decision reference"),
        _("Link"),
    ]
    rows = [
        [
            agreement.organisation.name,
            agreement.body.name if agreement.body_id else "",
            agreement.partner,
            agreement.signed_on,
            agreement.ends_on or "",
            str(step),
            capfirst(states[step.state]),
            step.started_on or "",
            step.completed_on or "",
            step.decision_reference,
            step.url,
        ]
        for agreement in agreements
        for step in agreement.steps.all()
    ]
    return columns, rows
