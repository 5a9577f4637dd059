"""The two maturity frameworks shipped with the product (assessments/frameworks)."""

from django.db import migrations


def add_frameworks(apps, schema_editor):
    from assessments.frameworks import load_frameworks

    load_frameworks(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("roadmap", "0007_component_kinds"),
    ]

    operations = [migrations.RunPython(add_frameworks, migrations.RunPython.noop)]
