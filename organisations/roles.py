"""The roles a membership can give. Permissions per role live in `permissions.py`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator")
    CASE_OFFICER = "case_officer", _("case officer")
    DECISION_MAKER = "decision_maker", _("decision-maker")
    DIALOGUE_LEADER = "dialogue_leader", _("dialogue leader")
    READER = "reader", _("reader")
    ORG_ADMIN = "org_admin", _("organisation admin")


ALL_ROLES = frozenset(Role.values)
