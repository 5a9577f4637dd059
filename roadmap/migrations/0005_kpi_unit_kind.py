"""KPI.unit_kind: whether a KPI counts whole things or measures a quantity.

Existing KPIs are sorted by their unit: a quantity when the unit is a
percentage, money (a currency symbol or code), a time (days, hours, ...), a
score, points, a rate, a ratio or an index, or "per" something; a count
otherwise (services, cases, people, an empty unit), but only when every value
it holds (baseline, target and measurements) is already a whole number.
"""

import re

from django.db import migrations, models

CURRENCY_SYMBOLS = ("£", "€", "$", "¥", "₹")
CURRENCY_CODES = {"gbp", "usd", "eur", "aud", "cad", "nzd", "jpy", "inr", "chf"}
TIME_WORDS = {
    "second",
    "seconds",
    "secs",
    "minute",
    "minutes",
    "mins",
    "hour",
    "hours",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
}
MEASURE_WORDS = {
    "percent",
    "percentage",
    "pct",
    "score",
    "scores",
    "point",
    "points",
    "pts",
    "rate",
    "ratio",
    "index",
    "per",
    "average",
    "mean",
    "median",
    "pounds",
    "pence",
    "dollars",
    "euros",
} | CURRENCY_CODES


def is_quantity(unit: str) -> bool:
    unit = unit.strip()
    if "%" in unit or "‰" in unit or any(symbol in unit for symbol in CURRENCY_SYMBOLS):
        return True
    words = re.findall(r"[a-z]+", unit.lower())
    if not words:
        return False
    return words[0] in TIME_WORDS or any(word in MEASURE_WORDS for word in words)


def whole(value) -> bool:
    return value == value.to_integral_value()


def sort_kpis(apps, schema_editor):
    KPI = apps.get_model("roadmap", "KPI")
    Measurement = apps.get_model("roadmap", "Measurement")
    for kpi in KPI.objects.all().only("pk", "unit", "baseline_value", "target_value"):
        count = (
            not is_quantity(kpi.unit)
            and whole(kpi.baseline_value)
            and whole(kpi.target_value)
            and all(
                whole(value)
                for value in Measurement.objects.filter(kpi_id=kpi.pk).values_list(
                    "value", flat=True
                )
            )
        )
        KPI.objects.filter(pk=kpi.pk).update(unit_kind="count" if count else "quantity")


class Migration(migrations.Migration):
    dependencies = [
        ("roadmap", "0004_bounded_ranges"),
    ]

    operations = [
        migrations.AddField(
            model_name="kpi",
            name="unit_kind",
            field=models.CharField(
                choices=[
                    ("count", "Count of whole things (people, services, cases)"),
                    ("quantity", "Quantity or measure (%, money, days, hours)"),
                ],
                default="quantity",
                help_text="A count is always a whole number: 412 services, never 412.5.",
                max_length=10,
                verbose_name="What kind of number is it?",
            ),
        ),
        migrations.RunPython(sort_kpis, migrations.RunPython.noop),
    ]
