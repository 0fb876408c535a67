"""Policies and programmes (styrdokument) and the action plan with its priority areas, goals,
activities and follow-ups."""

from .plans import ActionPlan, Activity, FollowUp, Goal, PriorityArea
from .policies import Policy

__all__ = ["ActionPlan", "Activity", "FollowUp", "Goal", "Policy", "PriorityArea"]
