"""Networks and what happens in them (see `network` for the network itself, its contact
persons, meetings and shared items; `meetings` for meetings that repeat, attendance and the
partners who are not users)."""

from .meetings import (
    MAX_MEETINGS_IN_SERIES,
    MeetingAttendance,
    MeetingSeries,
    NetworkPartner,
)
from .network import (
    ITEM_FIELD_NAMES,
    ITEM_KINDS,
    MEMBER_NETWORK_IDS,
    MeetingDocument,
    Network,
    NetworkContact,
    NetworkMeeting,
    SavedComparison,
    SharedItem,
    in_member_networks,
    meeting_document_path,
    member_networks,
    shared_example_ids,
)

__all__ = [
    "ITEM_FIELD_NAMES",
    "ITEM_KINDS",
    "MAX_MEETINGS_IN_SERIES",
    "MEMBER_NETWORK_IDS",
    "MeetingAttendance",
    "MeetingDocument",
    "MeetingSeries",
    "Network",
    "NetworkContact",
    "NetworkMeeting",
    "NetworkPartner",
    "SavedComparison",
    "SharedItem",
    "in_member_networks",
    "meeting_document_path",
    "member_networks",
    "shared_example_ids",
]
