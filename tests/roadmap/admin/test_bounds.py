"""Django admin applies the same ranges and the same baseline rule as the app's forms
and the services (roadmap.rules.bounds): refused in words beside the field."""

from datetime import timedelta

import pytest
from django.utils import timezone

from roadmap.models import KPI

from .test_admin_pages import admin_client, demo, url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def kpi_change(admin_client, kpi, **changes):  # noqa: F811
    form = admin_client.get(url(KPI, "change", kpi.pk)).context["adminform"].form
    data = {
        name: form.initial.get(name) if form.initial.get(name) is not None else ""
        for name in form.fields
    }
    data.update(
        {
            "objective": kpi.objective_id,
            "owner": kpi.owner_id or "",
            "baseline_date": kpi.baseline_date.isoformat(),
            "target_date": kpi.target_date.isoformat(),
            "measurements-TOTAL_FORMS": "0",
            "measurements-INITIAL_FORMS": "0",
            **changes,
        }
    )
    return admin_client.post(url(KPI, "change", kpi.pk), data)


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"target_date": "9999-12-01"},
            "Enter a target date between 1 January 1990 and 31 December 2100.",
        ),
        (
            {"baseline_value": "-1000000000001"},
            "Enter a baseline value between -1,000,000,000,000 and 1,000,000,000,000.",
        ),
        (
            {"baseline_date": str(timezone.localdate() + timedelta(days=1))},
            "The baseline date must be today or in the past",
        ),
    ],
)
def test_admin_refuses_a_kpi_out_of_range_or_with_a_future_baseline(
    admin_client,  # noqa: F811
    demo,  # noqa: F811
    changes,
    message,
):
    kpi = KPI.objects.get(name="Critical data sets with a named owner")
    before = KPI.objects.values().get(pk=kpi.pk)

    response = kpi_change(admin_client, kpi, **changes)

    assert response.status_code == 200
    field = next(iter(changes))
    assert any(message in error for error in response.context["adminform"].form.errors[field])
    assert KPI.objects.values().get(pk=kpi.pk) == before


def test_admin_refuses_a_baseline_after_the_kpis_first_measurement(
    admin_client,  # noqa: F811
    demo,  # noqa: F811
):
    kpi = KPI.objects.filter(measurements__isnull=False).distinct().order_by("pk").first()
    first = kpi.measurements.order_by("date").first()
    before = KPI.objects.values().get(pk=kpi.pk)

    response = kpi_change(
        admin_client, kpi, baseline_date=(first.date + timedelta(days=1)).isoformat()
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["baseline_date"]
    assert any("dated before" in error for error in errors)
    assert KPI.objects.values().get(pk=kpi.pk) == before
