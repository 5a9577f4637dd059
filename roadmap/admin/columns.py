"""What the roadmap app's admin pages share: a person's name, counts as
subqueries, a KPI's status tag, choices loaded once per page."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from ..models import (
    KPI,
    Measurement,
)


def person(user) -> str | None:
    if user is None:
        return None  # the admin shows its "empty" mark
    return user.get_full_name() or user.get_username()


def measurements_by_date():
    return Prefetch("measurements", queryset=Measurement.objects.order_by("date", "pk"))


def count_of(model, field: str):
    """How many `model` rows point at this row through `field`, as a subquery: no join,
    so the changelist's row count and date filters stay simple queries."""
    per_row = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(per_row, output_field=IntegerField()), 0)


def status_tag(kpi: KPI) -> str:
    """The KPI's status in words (from its prefetched measurements)."""
    return kpi.assess(kpi.measurements.all()).status.label


def load_choices_once(field, queryset, *, label=str) -> None:
    """Give a select its choices as a list, so each inline row reuses them instead of
    running the query again."""
    field.queryset = queryset
    field.choices = [("", field.empty_label or "---------")] + [
        (item.pk, label(item)) for item in queryset
    ]
