"""Reads for answering: one dimension's questions with their level descriptors,
and the caller's own answers to them."""

from django.shortcuts import get_object_or_404

from ..models import Answer, Assessment, Dimension, Question


def dimension_for(assessment: Assessment, pk: int) -> Dimension:
    """A dimension of the assessment's framework: 404 for any other."""
    return get_object_or_404(Dimension, framework=assessment.framework_id, pk=pk)


def questions_of(dimension: Dimension) -> list[Question]:
    return list(dimension.questions.prefetch_related("levels"))


def question_for(dimension: Dimension, pk) -> Question:
    return get_object_or_404(
        Question.objects.select_related("dimension").prefetch_related("levels"),
        dimension=dimension,
        pk=pk,
    )


def own_answers(assessment: Assessment, respondent, dimension: Dimension) -> dict[int, Answer]:
    answers = Answer.objects.filter(
        assessment=assessment, respondent=respondent, question__dimension=dimension
    )
    return {answer.question_id: answer for answer in answers}
