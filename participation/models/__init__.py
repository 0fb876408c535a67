"""Consultations with children, their answers, views recorded at meetings, and the feedback
that tells the children what happened."""

from .consultations import AgeBand, ClassCode, Consultation, ParticipationSettings, Question
from .responses import Answer, Feedback, OfflineVoice, Response

__all__ = [
    "AgeBand",
    "Answer",
    "ClassCode",
    "Consultation",
    "Feedback",
    "OfflineVoice",
    "ParticipationSettings",
    "Question",
    "Response",
]
