"""Every model of the stakeholders app, one module per concept."""

from .communications import (
    CalendarFeed,
    CommunicationChannel,
    CommunicationItem,
    CommunicationStatus,
    Frequency,
)
from .engagements import FollowUp, Interaction, InteractionKind
from .raci import RaciAssignment, RaciRole
from .stakeholders import (
    Attitude,
    Engagement,
    EntryKind,
    LawfulBasis,
    Level,
    PersonalDataAction,
    PersonalDataEvent,
    Stakeholder,
)

__all__ = [
    "Attitude",
    "CalendarFeed",
    "CommunicationChannel",
    "CommunicationItem",
    "CommunicationStatus",
    "Engagement",
    "EntryKind",
    "FollowUp",
    "Frequency",
    "Interaction",
    "InteractionKind",
    "LawfulBasis",
    "Level",
    "PersonalDataAction",
    "PersonalDataEvent",
    "RaciAssignment",
    "RaciRole",
    "Stakeholder",
]
