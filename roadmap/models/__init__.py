"""Every model of the roadmap app, one module per concept."""

from .components import Component, ComponentKind
from .goals import OrganisationalGoal
from .initiatives import (
    RAG,
    BenefitType,
    Confidence,
    Dependency,
    FundingStatus,
    Initiative,
    InitiativeStatus,
)
from .kpis import KPI, KPIDirection, KPIUnitKind, ReportingFrequency
from .measurements import Measurement
from .milestones import DuePrecision, Milestone
from .objectives import Objective, ObjectiveAlignment, Priority
from .partners import Partner
from .principles import GuidingPrinciple
from .risks import Risk, RiskStatus
from .roadmaps import (
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    VISION_MAX_LENGTH,
    Roadmap,
    RoadmapQuerySet,
    RoadmapStatus,
)

__all__ = [
    "DESCRIPTION_MAX_LENGTH",
    "KPI",
    "RAG",
    "TITLE_MAX_LENGTH",
    "VISION_MAX_LENGTH",
    "BenefitType",
    "Component",
    "ComponentKind",
    "Confidence",
    "Dependency",
    "DuePrecision",
    "FundingStatus",
    "GuidingPrinciple",
    "Initiative",
    "InitiativeStatus",
    "KPIDirection",
    "KPIUnitKind",
    "Measurement",
    "Milestone",
    "Objective",
    "ObjectiveAlignment",
    "OrganisationalGoal",
    "Partner",
    "Priority",
    "ReportingFrequency",
    "Risk",
    "RiskStatus",
    "Roadmap",
    "RoadmapQuerySet",
    "RoadmapStatus",
]
