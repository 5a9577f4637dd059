"""The seven kinds of roadmap component (reference data), and the seven
components every roadmap starts with, for the roadmaps made before they existed."""

from django.db import migrations

KINDS = [
    (
        "technology-adoption",
        "Technology adoption",
        False,
        "New and replacement systems, platforms and infrastructure: cloud hosting, "
        "shared platforms, modern case management, retiring legacy systems.",
    ),
    (
        "change-management",
        "Change management",
        False,
        "Helping staff and users through the change: communication, training on new "
        "ways of working, redesigned processes, support while old and new run side by side.",
    ),
    (
        "data-management-and-security",
        "Data management and security",
        False,
        "Data that is owned, accurate, shared safely and reused, and systems that are "
        "secure by design: data governance, standards, privacy, cyber security.",
    ),
    (
        "agile-implementation-and-monitoring",
        "Agile implementation and monitoring",
        False,
        "Delivering in small, tested steps and measuring progress: multidisciplinary "
        "teams, service assessments, performance data, regular reviews of the plan.",
    ),
    (
        "leadership-commitment",
        "Leadership commitment",
        True,
        "Senior sponsorship and governance that keep the roadmap funded, prioritised "
        "and visible: a board, named sponsors, decisions taken and published.",
    ),
    (
        "talent-development-and-training",
        "Talent development and training",
        True,
        "The digital, data and technology skills the agency needs: hiring, training, "
        "career paths, and the digital literacy of every member of staff.",
    ),
    (
        "collaborative-partnerships",
        "Collaborative partnerships",
        True,
        "Working with other agencies, suppliers, academia and citizens: shared "
        "services, joint procurement, open standards and co-design.",
    ),
]


def add_kinds(apps) -> list:
    """The seven kinds, those missing added (tests that empty the database call it
    to put the reference data back)."""
    ComponentKind = apps.get_model("roadmap", "ComponentKind")
    kinds = []
    for position, (code, name, is_strategy, description) in enumerate(KINDS):
        kind, _ = ComponentKind.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "description": description,
                "is_strategy": is_strategy,
                "position": position,
            },
        )
        kinds.append(kind)
    return kinds


def add_kinds_and_components(apps, schema_editor):
    Component = apps.get_model("roadmap", "Component")
    Roadmap = apps.get_model("roadmap", "Roadmap")
    kinds = add_kinds(apps)
    for roadmap in Roadmap.objects.all():
        if Component.objects.filter(roadmap=roadmap).exists():
            continue
        Component.objects.bulk_create(
            Component(
                roadmap=roadmap,
                kind=kind,
                name=kind.name,
                description=kind.description,
                position=position,
            )
            for position, kind in enumerate(kinds)
        )


class Migration(migrations.Migration):
    dependencies = [("roadmap", "0006_components_initiatives")]

    operations = [migrations.RunPython(add_kinds_and_components, migrations.RunPython.noop)]
