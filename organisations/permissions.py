"""Which roles may do what, as one table. `docs/roles-and-permissions.md` shows the same table
and a test keeps the two in step."""

from .roles import ALL_ROLES, Role

MANAGERS = frozenset({Role.ORG_ADMIN, Role.COORDINATOR})
# Who prepares cases and writes assessments, and who reviews them before decision.
PREPARERS = frozenset({Role.CASE_OFFICER, Role.COORDINATOR})
REVIEWERS = frozenset({Role.DECISION_MAKER, Role.COORDINATOR})
# Who runs consultations and the youth forum, writes the feedback to the children, and sees
# the children's own words and the forum members' contact details.
DIALOGUE = frozenset({Role.DIALOGUE_LEADER, Role.COORDINATOR})
# Who owns the action plan: its structure, goals and activities.
PLANNERS = frozenset({Role.COORDINATOR})
# Who writes the organisation's good examples and decides who may read them.
EXAMPLE_EDITORS = frozenset({Role.COORDINATOR})

# (object type, action) -> roles allowed. Object types are model names.
PERMISSIONS: dict[tuple[str, str], frozenset[str]] = {
    ("organisation", "view"): ALL_ROLES,
    ("organisation", "change"): frozenset({Role.ORG_ADMIN}),
    ("populationfact", "add"): MANAGERS,
    ("populationfact", "delete"): MANAGERS,
    ("body", "view"): ALL_ROLES,
    ("body", "add"): MANAGERS,
    ("body", "change"): MANAGERS,
    ("body", "delete"): MANAGERS,
    ("network", "view"): ALL_ROLES,
    ("network", "add"): MANAGERS,
    ("network", "change"): MANAGERS,
    ("network", "delete"): MANAGERS,
    ("membership", "view"): MANAGERS,
    ("membership", "add"): MANAGERS,
    ("membership", "change"): MANAGERS,
    ("membership", "delete"): MANAGERS,
    ("auditentry", "view"): MANAGERS,
    ("case", "view"): ALL_ROLES,
    ("case", "add"): PREPARERS,
    ("case", "change"): PREPARERS,
    ("assessment", "view"): ALL_ROLES,
    ("assessment", "change"): PREPARERS,
    ("assessment", "review"): REVIEWERS,
    ("decision", "add"): frozenset({Role.DECISION_MAKER}),
    ("decision", "follow_up"): PREPARERS | frozenset({Role.DECISION_MAKER}),
    ("assessmenttemplate", "view"): ALL_ROLES,
    ("assessmenttemplate", "add"): frozenset({Role.COORDINATOR}),
    ("assessmenttemplate", "change"): frozenset({Role.COORDINATOR}),
    ("consultation", "view"): ALL_ROLES,
    ("consultation", "add"): DIALOGUE,
    ("consultation", "change"): DIALOGUE,
    # The children's own words, before masking and moderation.
    ("response", "view"): DIALOGUE,
    ("response", "moderate"): DIALOGUE,
    ("offlinevoice", "add"): DIALOGUE,
    ("offlinevoice", "delete"): DIALOGUE,
    ("feedback", "add"): DIALOGUE,
    ("participationsettings", "change"): MANAGERS,
    ("apitoken", "view"): frozenset({Role.ORG_ADMIN}),
    ("apitoken", "add"): frozenset({Role.ORG_ADMIN}),
    ("apitoken", "delete"): frozenset({Role.ORG_ADMIN}),
    ("forum", "view"): ALL_ROLES,
    ("forum", "add"): DIALOGUE,
    ("forum", "change"): DIALOGUE,
    ("forummember", "view"): DIALOGUE,
    ("forummember", "add"): DIALOGUE,
    ("forummember", "change"): DIALOGUE,
    ("forummeeting", "view"): ALL_ROLES,
    ("forummeeting", "add"): DIALOGUE,
    ("forummeeting", "change"): DIALOGUE,
    ("forummatter", "view"): ALL_ROLES,
    ("forummatter", "add"): DIALOGUE,
    ("forummatter", "change"): DIALOGUE,
    ("forumproposal", "view"): ALL_ROLES,
    ("forumproposal", "add"): DIALOGUE,
    ("forumproposal", "change"): DIALOGUE,
    ("forumproposal", "answer"): REVIEWERS,
    ("policy", "view"): ALL_ROLES,
    ("policy", "add"): MANAGERS,
    ("policy", "change"): MANAGERS,
    ("policy", "delete"): MANAGERS,
    ("actionplan", "view"): ALL_ROLES,
    ("actionplan", "add"): PLANNERS,
    ("actionplan", "change"): PLANNERS,
    ("priorityarea", "change"): PLANNERS,
    ("goal", "change"): PLANNERS,
    ("activity", "change"): PLANNERS,
    # Checked in the responsible body's scope: its people record what their activity achieved.
    ("followup", "add"): PREPARERS,
    ("followup", "change"): PREPARERS,
    # Good examples: reading follows the example's visibility (own organisation, networks, public).
    ("example", "view"): ALL_ROLES,
    ("example", "add"): EXAMPLE_EDITORS,
    ("example", "change"): EXAMPLE_EDITORS,
    ("example", "delete"): EXAMPLE_EDITORS,
}


def allowed_roles(object_type: str, action: str) -> frozenset[str]:
    return PERMISSIONS.get((object_type, action), frozenset())
