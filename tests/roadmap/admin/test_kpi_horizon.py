"""Django admin warns of a target year outside the roadmap's horizon, as the KPI
form does, and keeps the year when the admin ticks the box."""

import pytest

from roadmap.models import KPI, Objective

from .test_admin_pages import admin_client, demo, url  # noqa: F401 (fixtures)
from .test_bounds import kpi_change

pytestmark = pytest.mark.django_db


def test_admin_warns_of_a_year_beyond_the_horizon_then_keeps_it_when_ticked(
    admin_client,  # noqa: F811
):
    kpi = KPI.objects.select_related("objective__roadmap").filter(tracked=False).first()
    roadmap = kpi.objective.roadmap
    beyond = f"{roadmap.horizon_end_year + 5}-01-01"
    before = KPI.objects.values().get(pk=kpi.pk)

    warned = kpi_change(admin_client, kpi, target_precision="year", target_date=beyond)

    assert warned.status_code == 200
    errors = warned.context["adminform"].form.errors["target_date"]
    assert f"outside the roadmap's horizon ({roadmap.horizon_start_year} to" in errors[0]
    assert KPI.objects.values().get(pk=kpi.pk) == before

    kept = kpi_change(
        admin_client, kpi, target_precision="year", target_date=beyond, beyond_horizon="on"
    )

    assert kept.status_code == 302
    kpi.refresh_from_db()
    assert (kpi.target_precision, kpi.target_date.isoformat()) == ("year", beyond)
    # Saved again with its target unchanged, it is not warned of again.
    renamed = kpi_change(admin_client, kpi, name="Renamed", target_precision="year")
    assert renamed.status_code == 302
    kpi.refresh_from_db()
    assert (kpi.name, kpi.target_date.isoformat()) == ("Renamed", beyond)


def test_the_objective_page_lists_its_kpis_plans_as_published_and_adds_them_on_their_own(
    admin_client,  # noqa: F811
):
    """A year target reads "by 2030" in the objective's KPI table, never as the
    invented day it is stored as, and KPIs are added where all the plan's fields are."""
    kpi = KPI.objects.filter(target_precision="year").select_related("objective").first()
    assert kpi is not None, "the demo has a KPI with a year target"

    text = admin_client.get(url(Objective, "change", kpi.objective_id)).text

    assert f"{kpi.target_text} {kpi.target_when}" in text
    assert kpi.target_date.isoformat() not in text
    assert 'name="kpis-0-target_date"' not in text
    assert 'name="kpis-MAX_NUM_FORMS" value="0"' in text  # no row to add
