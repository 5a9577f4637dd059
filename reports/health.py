"""A roadmap's health (reads only): the findings of the rules in roadmap/rules/health.py over
what each app knows, composed here because the findings span apps (the
roadmap's plan now; the assessment's gaps and the stakeholders' links as those
parts land, each from its own read function)."""

from dataclasses import dataclass

from django.utils import timezone

from assessments.selectors.gaps import gap_health_facts
from roadmap.models import Roadmap
from roadmap.rules.health import Finding, counts_by_severity, findings
from roadmap.selectors.health import health_facts


@dataclass(frozen=True)
class HealthFinding:
    finding: Finding
    address: str  # where to fix it


def roadmap_findings(roadmap: Roadmap) -> list[HealthFinding]:
    facts = health_facts(roadmap)
    gaps, gap_addresses = gap_health_facts(roadmap)  # the assessment's own read function
    addresses = {**facts.addresses, **gap_addresses}
    found = findings(
        today=timezone.localdate(),
        initiatives=facts.initiatives,
        objectives=facts.objectives,
        risks=facts.risks,
        gaps=gaps,
        conflicts=facts.conflicts,
    )
    return [HealthFinding(f, addresses.get(f.subject, "")) for f in found]


def overview_health(membership, roadmap: Roadmap) -> dict:
    """What the overview's health panel shows: the count of findings by severity."""
    found = roadmap_findings(roadmap)
    return {
        "finding_count": len(found),
        "counts": counts_by_severity(f.finding for f in found),
    }
