"""A member's answer to one question of an assessment: saved (added or changed)
one question at a time."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.concurrency import (
    REVISION_FIELDS,
    Refused,
    check_revision,
    editor,
    locked,
    unique_or_refused,
)

from ..models import Answer, AnswerConfidence, Assessment, AssessmentStatus, Question
from ..rules.results import check_level

FIELDS = ("current_level", "target_level", "evidence", "confidence")


@transaction.atomic
def answer_save(
    *,
    assessment: Assessment,
    question: Question,
    respondent: AbstractBaseUser,
    current_level: int,
    target_level: int,
    evidence: str = "",
    confidence: str = AnswerConfidence.MEDIUM,
    revision: int | None = None,
) -> Answer:
    """Add or change `respondent`'s answer. Refused once the assessment is
    completed, for a question of another framework, or for levels outside 1-5.
    `revision`: the one the respondent saw (another tab may have saved since)."""
    if locked(assessment).status != AssessmentStatus.IN_PROGRESS:
        raise Refused(None, "This assessment is completed: its answers cannot change.")
    if question.dimension.framework_id != assessment.framework_id:
        raise Refused(None, "That question is not part of this assessment.")
    for name, value in (("current_level", current_level), ("target_level", target_level)):
        try:
            check_level(value, "a current level" if name == "current_level" else "a target level")
        except ValueError as error:
            raise Refused(name, str(error)) from error
    if confidence not in AnswerConfidence.values:
        raise Refused("confidence", "Choose low, medium or high.")
    if "\x00" in evidence:
        raise Refused("evidence", "Null characters are not allowed.")
    evidence = evidence.strip()
    answer = (
        Answer.objects.select_for_update()
        .filter(assessment=assessment, question=question, respondent=respondent)
        .first()
    )
    if answer is None:
        answer = Answer(
            assessment=assessment,
            question=question,
            respondent=respondent,
            updated_by=editor(respondent),
        )
    else:
        check_revision(answer, revision)
        answer.bump(respondent)
    answer.current_level = current_level
    answer.target_level = target_level
    answer.evidence = evidence
    answer.confidence = confidence
    try:
        answer.full_clean(exclude=["assessment", "question", "respondent"], validate_unique=False)
    except Exception as error:
        field, messages = next(iter(error.message_dict.items()))
        raise Refused(field if field in FIELDS else None, messages[0]) from error
    with unique_or_refused(None, "Your answer was saved in another window: reload the page."):
        if answer.pk is None:
            answer.save()
        else:
            answer.save(update_fields=[*FIELDS, *REVISION_FIELDS])
    return answer
