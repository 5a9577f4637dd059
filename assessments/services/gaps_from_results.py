"""Capability gaps from an assessment's results: one gap for every dimension
whose target is GAP_THRESHOLD (2) levels or more above where it stands, its
severity by `assessments.rules.results.gap_severity` (documented there).

A gap whose title the roadmap already has (titles are unique per roadmap) is
skipped, so offering it again, or for a follow-up assessment, adds only what is
new."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.concurrency import editor, locked
from ui.ordering import next_position

from ..models import Assessment, Gap, GapSource
from ..rules.results import gap_severity, level_text
from ..selectors.results import results_of


@dataclass(frozen=True)
class GapsMade:
    created: list[Gap]
    skipped: list[str]  # titles the roadmap already had


def gap_title(dimension_name: str) -> str:
    return f"{dimension_name}: below target maturity"


@transaction.atomic
def gaps_from_results(*, assessment: Assessment, by: AbstractBaseUser | None = None) -> GapsMade:
    roadmap = assessment.roadmap
    locked(roadmap)  # two people pressing at once add each gap once
    results = results_of(assessment)
    existing = set(roadmap.gaps.values_list("title", flat=True))
    dimensions = {d.pk: d for d in assessment.framework.dimensions.all()}
    created, skipped = [], []
    position = next_position(roadmap.gaps.all())
    for result in results.by_gap():
        if result.gap is None or (severity := gap_severity(result.gap)) is None:
            continue
        title = gap_title(result.name)
        if title in existing:
            skipped.append(title)
            continue
        created.append(
            Gap.objects.create(
                roadmap=roadmap,
                title=title,
                description=(
                    f"“{assessment.title}” found {result.name.lower()} at level "
                    f"{level_text(result.current)} against a target of "
                    f"{level_text(result.target)}: "
                    f"a gap of {level_text(result.gap)} levels."
                ),
                severity=severity,
                source=GapSource.DIMENSION,
                assessment=assessment,
                dimension=dimensions[result.key],
                position=position,
                updated_by=editor(by),
            )
        )
        position += 1
    return GapsMade(created, skipped)
