"""Every model of the assessments app, one module per concept."""

from ._fields import Severity
from .assessments import Answer, AnswerConfidence, Assessment, AssessmentStatus
from .frameworks import LEVEL_NAMES, LEVELS, Dimension, Framework, LevelDescriptor, Question
from .gaps import Gap, GapSource
from .processes import Channel, Digitisation, Process
from .swot import SWOT_ITEM_MAX_LENGTH, Quadrant, SwotItem
from .systems import (
    EARLIEST_YEAR_INTRODUCED,
    Criticality,
    DataClassification,
    Hosting,
    LifecycleDecision,
    System,
)

__all__ = [
    "EARLIEST_YEAR_INTRODUCED",
    "LEVELS",
    "LEVEL_NAMES",
    "SWOT_ITEM_MAX_LENGTH",
    "Answer",
    "AnswerConfidence",
    "Assessment",
    "AssessmentStatus",
    "Channel",
    "Criticality",
    "DataClassification",
    "Digitisation",
    "Dimension",
    "Framework",
    "Gap",
    "GapSource",
    "Hosting",
    "LevelDescriptor",
    "LifecycleDecision",
    "Process",
    "Quadrant",
    "Question",
    "Severity",
    "SwotItem",
    "System",
]
