"""Writes to a roadmap's assessments: add, change, complete (answers freeze) and
reopen."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from roadmap.models import Roadmap
from ui.concurrency import Refused, editor, locked, only_known_fields, save_revised

from ..models import Assessment, AssessmentStatus, Framework

FIELDS = ("title", "assessed_on", "framework", "scope")


def _checked(assessment: Assessment) -> None:
    assessment.title = assessment.title.strip()
    if not assessment.title:
        raise Refused("title", "Enter a title.")
    try:
        assessment.clean_fields(exclude=["roadmap", "status", "completed_at"])
    except Exception as error:  # ValidationError: the first message, on its field
        field, messages = next(iter(error.message_dict.items()))
        raise Refused(field, messages[0]) from error


@transaction.atomic
def assessment_create(
    *,
    roadmap: Roadmap,
    framework: Framework,
    title: str,
    assessed_on: date,
    scope: str = "",
    by: AbstractBaseUser | None = None,
) -> Assessment:
    if not framework.is_current:
        raise Refused("framework", "Choose the current version of a framework.")
    assessment = Assessment(
        roadmap=roadmap,
        framework=framework,
        title=title,
        assessed_on=assessed_on,
        scope=scope,
        updated_by=editor(by),
    )
    _checked(assessment)
    assessment.save()
    return assessment


@transaction.atomic
def assessment_update(
    *,
    assessment: Assessment,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    **fields,
) -> Assessment:
    """Change the fields given (any of FIELDS). The framework changes only while
    nobody has answered, and only to a current version."""
    only_known_fields(fields, FIELDS, "assessment_update")
    framework = fields.get("framework")
    if framework is not None and framework.pk != assessment.framework_id:
        if assessment.answers.exists():
            raise Refused("framework", "The framework cannot change once someone has answered.")
        if not framework.is_current:
            raise Refused("framework", "Choose the current version of a framework.")
    for name, value in fields.items():
        setattr(assessment, name, value)
    _checked(assessment)
    save_revised(assessment, fields=FIELDS, revision=revision, by=by)
    return assessment


@transaction.atomic
def assessment_complete(*, assessment: Assessment, by: AbstractBaseUser | None = None) -> None:
    """Completed: the answers are frozen and the results final."""
    current = locked(assessment)
    if current.status == AssessmentStatus.COMPLETED:
        raise Refused(None, "This assessment is already completed.")
    if not current.answers.exists():
        raise Refused(None, "Nobody has answered yet: there is nothing to complete.")
    assessment.status = AssessmentStatus.COMPLETED
    assessment.completed_at = timezone.now()
    assessment.revision = current.revision
    assessment.bump(by)
    assessment.save(
        update_fields=["status", "completed_at", "revision", "updated_by", "updated_at"]
    )


@transaction.atomic
def assessment_reopen(*, assessment: Assessment, by: AbstractBaseUser | None = None) -> None:
    """Back in progress: members can change their answers again (leads only: the view checks)."""
    current = locked(assessment)
    if current.status != AssessmentStatus.COMPLETED:
        raise Refused(None, "This assessment is already in progress.")
    assessment.status = AssessmentStatus.IN_PROGRESS
    assessment.completed_at = None
    assessment.revision = current.revision
    assessment.bump(by)
    assessment.save(
        update_fields=["status", "completed_at", "revision", "updated_by", "updated_at"]
    )
