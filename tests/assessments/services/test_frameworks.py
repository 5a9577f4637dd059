"""A framework version an assessment uses is frozen, whatever writes to it; a
new version copies it and becomes the current one."""

import pytest
from django.db import transaction

from assessments.frameworks import FRAMEWORKS, load_frameworks
from assessments.models import Dimension, Framework, LevelDescriptor, Question
from assessments.services.frameworks import (
    FrameworkFrozen,
    framework_check_editable,
    framework_new_version,
)
from tests.assessments.conftest import make_assessment

pytestmark = pytest.mark.django_db


def test_the_two_frameworks_are_loaded_by_migrate(framework, oecd):
    assert framework.dimensions.count() == 8
    assert oecd.dimensions.count() == 6
    for dimension in framework.dimensions.all():
        assert 3 <= dimension.questions.count() <= 5, dimension.name
        assert dimension.kinds.exists(), dimension.name
    for dimension in oecd.dimensions.all():
        assert 2 <= dimension.questions.count() <= 4, dimension.name
        assert dimension.kinds.exists(), dimension.name
    for question in Question.objects.all():
        assert sorted(question.levels.values_list("level", flat=True)) == [1, 2, 3, 4, 5]
    descriptors = list(LevelDescriptor.objects.values_list("description", flat=True))
    assert len(descriptors) == len(set(descriptors)), "every descriptor is its own sentence"


def test_loading_again_adds_nothing(framework):
    before = Question.objects.count()
    assert load_frameworks() == []
    assert Question.objects.count() == before
    assert Framework.objects.count() == len(FRAMEWORKS)


def test_an_unused_framework_can_change(framework):
    framework_check_editable(framework)
    framework.name = "Renamed"
    framework.save()
    Dimension.objects.filter(framework=framework).first().delete()


def test_a_used_framework_refuses_every_change_naming_the_assessments(roadmap, framework):
    make_assessment(roadmap, framework, title="Baseline 2026")
    with pytest.raises(FrameworkFrozen, match="used by “Baseline 2026”"):
        framework_check_editable(framework)
    dimension = framework.dimensions.first()
    question = dimension.questions.first()
    descriptor = question.levels.first()
    for thing, change in (
        (framework, "name"),
        (dimension, "name"),
        (question, "text"),
        (descriptor, "description"),
    ):
        setattr(thing, change, "Changed")
        with pytest.raises(FrameworkFrozen):
            thing.save()
    with pytest.raises(FrameworkFrozen):
        Question.objects.create(dimension=dimension, text="A new question")
    # A delete runs in Django's own atomic block: the refusal rolls back to here.
    with pytest.raises(FrameworkFrozen), transaction.atomic():
        descriptor.delete()
    question.refresh_from_db()
    assert question.text != "Changed"


def test_a_new_version_copies_everything_and_becomes_current(roadmap, framework):
    assessment = make_assessment(roadmap, framework)
    copy = framework_new_version(framework=framework)
    framework.refresh_from_db()
    assert (copy.version, copy.is_current, framework.is_current) == (2, True, False)
    assert copy.code == framework.code
    old = [(d.name, d.weight, [k.code for k in d.kinds.all()]) for d in framework.dimensions.all()]
    new = [(d.name, d.weight, [k.code for k in d.kinds.all()]) for d in copy.dimensions.all()]
    assert old == new
    assert (
        LevelDescriptor.objects.filter(question__dimension__framework=copy).count()
        == LevelDescriptor.objects.filter(question__dimension__framework=framework).count()
    )
    # The copy is free to change; the assessment keeps the version it used.
    dimension = copy.dimensions.first()
    dimension.name = "Leadership"
    dimension.save()
    assessment.refresh_from_db()
    assert assessment.framework_id == framework.pk
    assert framework.dimensions.first().name == "Strategy and leadership"
    assert framework_new_version(framework=copy).version == 3
