"""Writes to maturity frameworks: a version that assessments use is frozen
(assessments/rules/frameworks.py), so the only change it takes is a copy into
the next version, which becomes the current one and can be edited.

`framework_check_editable` is called by the admin before it saves anything of a
framework, and by the model signals in `guard_frozen_frameworks`, so no other
path (a shell, a script, a future import) can change a frozen version either.
"""

from django.db import transaction
from django.db.models.signals import pre_delete, pre_save

from ui.concurrency import Refused

from ..models import Dimension, Framework, LevelDescriptor, Question
from ..rules.frameworks import frozen_message, next_version


class FrameworkFrozen(Refused):
    """An edit of a framework version that assessments use: refused with the
    reason, as any refused write is, so forms and pages show it."""

    def __init__(self, message: str):
        super().__init__(None, message)


def assessments_using(framework: Framework) -> list[str]:
    return list(framework.assessments.order_by("assessed_on", "pk").values_list("title", flat=True))


def frozen_reason(framework: Framework) -> str | None:
    if framework.pk is None:
        return None
    return frozen_message(framework.name, framework.version, assessments_using(framework))


def framework_check_editable(framework: Framework) -> None:
    """Refuse any change to `framework` (or its dimensions, questions or level
    descriptors) while assessments use it."""
    reason = frozen_reason(framework)
    if reason:
        raise FrameworkFrozen(reason)


@transaction.atomic
def framework_new_version(*, framework: Framework) -> Framework:
    """Copy `framework` with its dimensions (and their component kinds), questions
    and level descriptors into the next version of its code, which becomes the
    current version; the one copied stays as it is, for the results that use it."""
    Framework.objects.select_for_update().filter(code=framework.code).exists()
    versions = list(Framework.objects.filter(code=framework.code).values_list("version", flat=True))
    Framework.objects.filter(code=framework.code, is_current=True).update(is_current=False)
    copy = Framework.objects.create(
        code=framework.code,
        version=next_version(versions),
        name=framework.name,
        description=framework.description,
        source=framework.source,
        is_current=True,
    )
    dimensions = framework.dimensions.prefetch_related("kinds", "questions__levels")
    for dimension in dimensions:
        new_dimension = Dimension.objects.create(
            framework=copy,
            name=dimension.name,
            description=dimension.description,
            weight=dimension.weight,
            position=dimension.position,
        )
        new_dimension.kinds.set(dimension.kinds.all())
        for question in dimension.questions.all():
            new_question = Question.objects.create(
                dimension=new_dimension,
                text=question.text,
                guidance=question.guidance,
                weight=question.weight,
                position=question.position,
            )
            LevelDescriptor.objects.bulk_create(
                LevelDescriptor(question=new_question, level=d.level, description=d.description)
                for d in question.levels.all()
            )
    return copy


# The signals: the last line of defence under every write path.


def _framework_of(instance) -> Framework | None:
    if isinstance(instance, Framework):
        return instance
    if isinstance(instance, Dimension):
        return Framework.objects.filter(pk=instance.framework_id).first()
    if isinstance(instance, Question):
        return Framework.objects.filter(dimensions__pk=instance.dimension_id).first()
    if isinstance(instance, LevelDescriptor):
        return Framework.objects.filter(dimensions__questions__pk=instance.question_id).first()
    return None


def _refuse_frozen(sender, instance, update_fields=None, **kwargs) -> None:
    only_current = update_fields is not None and set(update_fields) <= {"is_current"}
    if isinstance(instance, Framework) and (instance.pk is None or only_current):
        return  # a new framework, or which version is current: no result changes
    framework = _framework_of(instance)
    if framework is not None:
        framework_check_editable(framework)


def _refuse_frozen_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Framework):
        return  # an assessment protects its framework (on_delete=PROTECT)
    framework = _framework_of(instance)
    if framework is not None:
        framework_check_editable(framework)


def guard_frozen_frameworks() -> None:
    """Called from AppConfig.ready()."""
    for model in (Framework, Dimension, Question, LevelDescriptor):
        pre_save.connect(_refuse_frozen, sender=model, dispatch_uid=f"frozen-save-{model.__name__}")
        pre_delete.connect(
            _refuse_frozen_delete, sender=model, dispatch_uid=f"frozen-delete-{model.__name__}"
        )
