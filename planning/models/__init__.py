"""Policies and programmes (styrdokument), the action plan with its priority areas, goals,
activities and follow-ups, the yearly self-assessment of the success factors, and UNICEF's
child-friendly municipality cycle."""

from .childfriendly import ChildFriendlyAgreement, ChildFriendlyStep
from .plans import ActionPlan, Activity, FollowUp, Goal, PriorityArea
from .policies import Policy
from .selfassessment import FactorRating, SelfAssessment

__all__ = [
    "ActionPlan",
    "Activity",
    "ChildFriendlyAgreement",
    "ChildFriendlyStep",
    "FactorRating",
    "FollowUp",
    "Goal",
    "Policy",
    "PriorityArea",
    "SelfAssessment",
]
