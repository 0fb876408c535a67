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
    ("populationbyage", "add"): MANAGERS,
    ("populationbyage", "delete"): MANAGERS,
    ("body", "view"): ALL_ROLES,
    ("body", "add"): MANAGERS,
    ("body", "change"): MANAGERS,
    ("body", "delete"): MANAGERS,
    ("network", "view"): ALL_ROLES,
    ("network", "add"): MANAGERS,
    ("network", "change"): MANAGERS,
    ("network", "delete"): MANAGERS,
    # A network's meetings are kept by the convening organisation; each member names its own
    # contact persons and decides what it shares with the network (networks app).
    ("networkmeeting", "view"): ALL_ROLES,
    ("networkmeeting", "add"): MANAGERS,
    ("networkmeeting", "change"): MANAGERS,
    ("networkmeeting", "delete"): MANAGERS,
    ("meetingdocument", "view"): ALL_ROLES,
    ("meetingdocument", "add"): MANAGERS,
    ("meetingdocument", "delete"): MANAGERS,
    # Repeating meetings and partners who are not users: kept like the meetings, by the
    # convener's managers or the convening body's (decision 0039).
    ("meetingseries", "view"): ALL_ROLES,
    ("meetingseries", "add"): MANAGERS,
    ("meetingseries", "delete"): MANAGERS,
    ("networkpartner", "view"): ALL_ROLES,
    ("networkpartner", "add"): MANAGERS,
    ("networkpartner", "change"): MANAGERS,
    ("networkpartner", "delete"): MANAGERS,
    ("networkcontact", "add"): MANAGERS,
    ("networkcontact", "delete"): MANAGERS,
    ("shareditem", "view"): ALL_ROLES,
    ("shareditem", "add"): MANAGERS,
    ("shareditem", "delete"): MANAGERS,
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
    # Retention decisions (gallringsbeslut) are formal: the organisation's administrator
    # records them; coordinators see them and what they removed.
    ("retentionrule", "view"): MANAGERS,
    ("retentionrule", "add"): frozenset({Role.ORG_ADMIN}),
    ("retentionrule", "change"): frozenset({Role.ORG_ADMIN}),
    ("retentionrule", "delete"): frozenset({Role.ORG_ADMIN}),
    # Archive packages (E-ARK) of decided cases: made by the administrator, who delivers the
    # organisation's records to its archive; coordinators see what was delivered.
    ("archiveexport", "view"): MANAGERS,
    ("archiveexport", "add"): frozenset({Role.ORG_ADMIN}),
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
    # Agreements between organisations and a body's regulations (agreements app): recorded and
    # changed by the recording organisation's managers; every party and member reads them.
    ("agreement", "view"): ALL_ROLES,
    ("agreement", "add"): MANAGERS,
    ("agreement", "change"): MANAGERS,
    ("agreement", "delete"): MANAGERS,
    ("regulation", "view"): ALL_ROLES,
    ("regulation", "add"): MANAGERS,
    ("regulation", "change"): MANAGERS,
    ("regulation", "delete"): MANAGERS,
    ("actionplan", "view"): ALL_ROLES,
    ("actionplan", "add"): PLANNERS,
    ("actionplan", "change"): PLANNERS,
    ("priorityarea", "change"): PLANNERS,
    ("priorityarea", "delete"): PLANNERS,
    ("goal", "change"): PLANNERS,
    ("goal", "delete"): PLANNERS,
    ("activity", "change"): PLANNERS,
    ("activity", "delete"): PLANNERS,
    # Checked in the responsible body's scope: its people record what their activity achieved.
    ("followup", "add"): PREPARERS,
    ("followup", "change"): PREPARERS,
    ("followup", "delete"): PLANNERS,
    # The yearly self-assessment of the success factors and the child-friendly municipality
    # cycle: the plan's owners keep them; every member reads them.
    ("selfassessment", "view"): ALL_ROLES,
    ("selfassessment", "add"): PLANNERS,
    ("selfassessment", "change"): PLANNERS,
    ("childfriendlyagreement", "view"): ALL_ROLES,
    ("childfriendlyagreement", "add"): PLANNERS,
    ("childfriendlyagreement", "change"): PLANNERS,
    ("childfriendlystep", "change"): PLANNERS,
    # The indicator catalogue is shared: coordinators of any organisation keep it (decision
    # 0009); an organisation's own indicators are kept by its coordinators.
    ("indicator", "view"): ALL_ROLES,
    ("indicator", "add"): PLANNERS,
    ("indicator", "change"): PLANNERS,
    ("importrun", "add"): PLANNERS,
    # Citing statistics in an assessment is part of writing it.
    ("citation", "add"): PREPARERS,
    ("citation", "delete"): PREPARERS,
    # Training records and headcounts feed the coordinator's follow-up: coordinators keep them.
    ("trainingsession", "view"): ALL_ROLES,
    ("trainingsession", "add"): PLANNERS,
    ("trainingsession", "change"): PLANNERS,
    ("trainingsession", "delete"): PLANNERS,
    # Names of who took part and who has not been trained are personal data about colleagues.
    ("trainingsession", "view_attendees"): MANAGERS,
    ("trainingmaterial", "add"): PLANNERS,
    ("trainingmaterial", "delete"): PLANNERS,
    ("headcount", "change"): PLANNERS,
    ("childbudget", "view"): ALL_ROLES,
    ("childbudget", "add"): PLANNERS,
    ("childbudget", "change"): PLANNERS,
    ("childbudget", "delete"): PLANNERS,
    ("childbudget", "import"): PLANNERS,
    # The yearly report: coordinators prepare and publish it; a decision-maker approves it.
    ("report", "view"): ALL_ROLES,
    ("report", "add"): PLANNERS,
    ("report", "change"): PLANNERS,
    ("report", "approve"): frozenset({Role.DECISION_MAKER}),
    ("report", "publish"): PLANNERS,
    # Good examples: reading follows the example's visibility (own organisation, networks, public).
    ("example", "view"): ALL_ROLES,
    ("example", "add"): EXAMPLE_EDITORS,
    ("example", "change"): EXAMPLE_EDITORS,
    ("example", "delete"): EXAMPLE_EDITORS,
    # Peer review (kollegial granskning), checked per side (peerreview/access.py): planned by a
    # coordinator of the network's convener or of a member; the plan changed by the convener's
    # or a reviewing organisation's coordinators; findings recorded by the reviewing
    # organisations' coordinators (and the named reviewers); answered by the reviewed
    # organisation's coordinators. Network members read a review once it is reported.
    ("peerreview", "view"): ALL_ROLES,
    ("peerreview", "add"): PLANNERS,
    ("peerreview", "change"): PLANNERS,
    ("peerreview", "review"): PLANNERS,
    ("peerreview", "answer"): PLANNERS,
}


def allowed_roles(object_type: str, action: str) -> frozenset[str]:
    return PERMISSIONS.get((object_type, action), frozenset())
