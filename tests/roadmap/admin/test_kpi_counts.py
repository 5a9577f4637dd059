"""Django admin refuses a fraction of a thing for a KPI that counts whole things,
beside the field, as the app's forms and the services do."""

from decimal import Decimal

import pytest

from roadmap.models import KPI, KPIUnitKind, Measurement

from .test_admin_pages import admin_client, demo, url  # noqa: F401 (fixtures)
from .test_bounds import kpi_change

pytestmark = pytest.mark.django_db

COUNTED = "Open cases still on the legacy system"


def test_the_demo_kpi_counts_cases_and_the_admin_shows_the_kind(
    admin_client,  # noqa: F811
):
    kpi = KPI.objects.get(name=COUNTED)
    response = admin_client.get(url(KPI, "change", kpi.pk))

    assert kpi.unit_kind == KPIUnitKind.COUNT
    assert "What kind of number is it?" in response.text
    assert "Count of whole things (people, services, cases)" in response.text


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("baseline_value", "Baseline must be a whole number: this KPI counts cases."),
        ("target_value", "Target must be a whole number: this KPI counts cases."),
    ],
)
def test_admin_refuses_a_fraction_of_a_case(
    admin_client,  # noqa: F811
    field,
    message,
):
    kpi = KPI.objects.get(name=COUNTED)
    before = KPI.objects.values().get(pk=kpi.pk)

    response = kpi_change(admin_client, kpi, **{field: "100.5"})

    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors[field]
    assert KPI.objects.values().get(pk=kpi.pk) == before


def test_admin_refuses_a_fractional_measurement_of_a_count(
    admin_client,  # noqa: F811
):
    kpi = KPI.objects.get(name=COUNTED)
    reading = kpi.measurements.order_by("date").first()
    response = admin_client.post(
        url(Measurement, "change", reading.pk),
        {
            "kpi": kpi.pk,
            "date": reading.date.isoformat(),
            "value": "1.5",
            "note": reading.note,
            "entered_by": reading.entered_by_id or "",
        },
    )

    assert response.status_code == 200
    assert (
        "Value must be a whole number: this KPI counts cases."
        in (response.context["adminform"].form.errors["value"])
    )
    reading.refresh_from_db()
    assert reading.value == reading.value.to_integral_value() != Decimal("1.5")
