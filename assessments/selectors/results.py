"""Reads that feed the aggregation rules (assessments/rules/results.py) and the
progress of an assessment: a fixed number of queries whatever the number of
answers."""

from dataclasses import dataclass

from django.db.models import Count

from ..models import Answer, Assessment, Dimension, Framework, Question
from ..rules.results import DimensionSpec, Levels, QuestionSpec, Results, aggregate


def framework_specs(framework: Framework) -> tuple[list[DimensionSpec], list[QuestionSpec]]:
    dimensions = [
        DimensionSpec(pk, name, weight)
        for pk, name, weight in Dimension.objects.filter(framework=framework).values_list(
            "pk", "name", "weight"
        )
    ]
    questions = [
        QuestionSpec(pk, dimension, weight)
        for pk, dimension, weight in Question.objects.filter(
            dimension__framework=framework
        ).values_list("pk", "dimension_id", "weight")
    ]
    return dimensions, questions


def results_of(assessment: Assessment) -> Results:
    dimensions, questions = framework_specs(assessment.framework_id)
    answers = [
        Levels(*row)
        for row in Answer.objects.filter(assessment=assessment).values_list(
            "question_id", "current_level", "target_level"
        )
    ]
    return aggregate(dimensions, questions, answers)


def framework_outline(framework: Framework) -> list[Dimension]:
    """Its dimensions, each with its questions, each with its five level descriptors."""
    return list(
        Dimension.objects.filter(framework=framework).prefetch_related("questions__levels", "kinds")
    )


@dataclass(frozen=True)
class Progress:
    respondent: object  # a user
    answered: int
    questions: int

    @property
    def done(self) -> bool:
        return self.answered >= self.questions


def question_count(assessment: Assessment) -> int:
    return Question.objects.filter(dimension__framework=assessment.framework_id).count()


def progress_of(assessment: Assessment) -> list[Progress]:
    """Who has answered, and how far each has got, most answers first."""
    from django.contrib.auth import get_user_model

    total = question_count(assessment)
    counts = dict(
        Answer.objects.filter(assessment=assessment)
        .values_list("respondent")
        .annotate(n=Count("pk"))
        .values_list("respondent", "n")
    )
    people = get_user_model().objects.filter(pk__in=counts).order_by("first_name", "last_name")
    rows = [Progress(person, counts[person.pk], total) for person in people]
    return sorted(rows, key=lambda row: -row.answered)


def answered_per_dimension(assessment: Assessment, respondent) -> dict[int, int]:
    """How many questions of each dimension `respondent` has answered."""
    return dict(
        Answer.objects.filter(assessment=assessment, respondent=respondent)
        .values_list("question__dimension")
        .annotate(n=Count("pk"))
        .values_list("question__dimension", "n")
    )
