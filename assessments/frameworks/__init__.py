"""The maturity frameworks shipped with the product, as data, and their loader.

`load_frameworks` is called by the data migration (with the migration's model
registry) and by the tests that empty the database; it adds the frameworks
whose code is missing and leaves any version already there untouched.
"""

from django.apps import apps as global_apps

from .content import FrameworkContent
from .oecd import OECD
from .public_sector import PUBLIC_SECTOR

FRAMEWORKS: tuple[FrameworkContent, ...] = (PUBLIC_SECTOR, OECD)


def load_frameworks(apps=global_apps) -> list:
    Framework = apps.get_model("assessments", "Framework")
    Dimension = apps.get_model("assessments", "Dimension")
    Question = apps.get_model("assessments", "Question")
    LevelDescriptor = apps.get_model("assessments", "LevelDescriptor")
    ComponentKind = apps.get_model("roadmap", "ComponentKind")
    kinds = {kind.code: kind for kind in ComponentKind.objects.all()}
    added = []
    for content in FRAMEWORKS:
        if Framework.objects.filter(code=content.code).exists():
            continue
        framework = Framework.objects.create(
            code=content.code,
            version=1,
            name=content.name,
            description=content.description,
            source=content.source,
            is_current=True,
        )
        for d_position, part in enumerate(content.dimensions):
            dimension = Dimension.objects.create(
                framework=framework,
                name=part.name,
                description=part.description,
                position=d_position,
            )
            dimension.kinds.set([kinds[code] for code in part.kinds if code in kinds])
            for q_position, item in enumerate(part.questions):
                question = Question.objects.create(
                    dimension=dimension, text=item.text, position=q_position
                )
                LevelDescriptor.objects.bulk_create(
                    LevelDescriptor(question=question, level=level, description=text)
                    for level, text in enumerate(item.levels, start=1)
                )
        added.append(framework)
    return added
