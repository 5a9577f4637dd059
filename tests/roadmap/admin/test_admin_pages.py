"""Django admin for roadmaps, principles, goals, objectives, KPIs and measurements:
every changelist, change page and add page loads for a platform admin, in a number
of queries that does not grow with the rows it lists."""

import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies.models import Organisation
from roadmap.models import (
    KPI,
    GuidingPrinciple,
    Measurement,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Roadmap,
)
from roadmap.services.principles import principle_update
from tests.accounts.two_factor import sign_in_with_second_factor
from ui.concurrency import StaleEdit

pytestmark = pytest.mark.django_db

MODELS = [Roadmap, GuidingPrinciple, OrganisationalGoal, Objective, KPI, Measurement]

# Measured on SQLite and PostgreSQL: the session, the user, the two-factor device
# that verified the session (Django admin needs one), then the page's own work.
# Raise a budget only on purpose.
CHANGELIST_BUDGET = 11
CHANGE_PAGE_BUDGET = 12


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    return Roadmap.objects.get(slug="digital-transformation-2026-2030")


@pytest.fixture
def admin_client(client, demo):
    sign_in_with_second_factor(client, get_user_model().objects.get(username="admin"))
    return client


def url(model, action: str, *args) -> str:
    return reverse(f"admin:roadmap_{model._meta.model_name}_{action}", args=args)


def queries_for(client, address: str) -> tuple[int, str]:
    client.get(address)  # warm what is not the page's own work
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(queries), response.text


def add_a_second_agency(copies: int = 3) -> None:
    """Another agency with a roadmap as full as the demo's, `copies` times over."""
    agency = Organisation.objects.create(name="Second agency", slug="second-agency")
    owner = get_user_model().objects.create_user("second-owner", first_name="Sam")
    today = timezone.localdate()
    for copy in range(copies):
        roadmap = Roadmap.objects.create(
            organisation=agency,
            title=f"Second roadmap {copy}",
            slug=f"second-{copy}",
            horizon_start_year=2026,
            horizon_end_year=2029,
        )
        goal = OrganisationalGoal.objects.create(
            organisation=agency, title=f"Goal {copy}", position=copy
        )
        for n in range(4):
            GuidingPrinciple.objects.create(roadmap=roadmap, title=f"Principle {n}", position=n)
            objective = Objective.objects.create(
                roadmap=roadmap, title=f"Objective {n}", owner=owner, position=n
            )
            ObjectiveAlignment.objects.create(objective=objective, goal=goal, rationale="Why")
            kpi = KPI.objects.create(
                objective=objective,
                name=f"KPI {n}",
                unit="%",
                baseline_value=Decimal(10),
                baseline_date=today - timedelta(days=400),
                target_value=Decimal(50),
                target_date=today + timedelta(days=700),
                owner=owner,
            )
            Measurement.objects.bulk_create(
                Measurement(kpi=kpi, value=Decimal(10 + m), date=today - timedelta(days=30 * m))
                for m in range(6)
            )


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_each_changelist_loads_in_the_same_queries_with_more_rows(admin_client, demo, model):
    few, _ = queries_for(admin_client, url(model, "changelist"))
    rows_before = model.objects.count()

    add_a_second_agency()
    many, _ = queries_for(admin_client, url(model, "changelist"))

    assert model.objects.count() > rows_before
    assert few == many, f"{model.__name__}: {few} queries, then {many} with more rows"
    assert many <= CHANGELIST_BUDGET, f"{model.__name__}: {many} queries"


def test_the_changelists_show_useful_columns(admin_client, demo):
    _, kpis = queries_for(admin_client, url(KPI, "changelist"))
    assert re.search(r"42% \(\d{1,2} \w+ \d{4}\)", kpis), "a baseline with its date"
    assert re.search(r"80% by \d{1,2} \w+ \d{4}", kpis), "a target with its date"
    for expected in [
        "Share of transactions completed online",
        "Demo Department of Digital Services",  # the agency
        "On track",
        "At risk",
        "Off track",
        "Achieved",
        "No data",
    ]:
        assert expected in kpis, expected
    _, objectives = queries_for(admin_client, url(Objective, "changelist"))
    assert "Lena Okafor" in objectives
    assert "Give residents one secure account" in objectives


def objects_to_open(demo) -> dict:
    kpi = KPI.objects.filter(objective__roadmap=demo).exclude(measurements=None).first()
    return {
        Roadmap: demo,
        GuidingPrinciple: demo.principles.first(),
        OrganisationalGoal: OrganisationalGoal.objects.filter(organisation=demo.organisation)
        .order_by("position")
        .first(),
        Objective: demo.objectives.order_by("position").first(),
        KPI: kpi,
        Measurement: kpi.measurements.first(),
    }


def grow(obj) -> None:
    """Give an object many more inline rows than the demo has."""
    today = timezone.localdate()
    if isinstance(obj, Roadmap):
        for n in range(10):
            GuidingPrinciple.objects.create(roadmap=obj, title=f"Extra principle {n}", position=50)
            Objective.objects.create(
                roadmap=obj,
                title=f"Extra objective {n}",
                owner=get_user_model().objects.get(username="editor"),
                position=50 + n,
            )
    elif isinstance(obj, Objective):
        for n in range(10):
            goal = OrganisationalGoal.objects.create(
                organisation=obj.roadmap.organisation, title=f"Extra goal {n}", position=50 + n
            )
            ObjectiveAlignment.objects.create(objective=obj, goal=goal, rationale=f"Reason {n}")
            kpi = KPI.objects.create(
                objective=obj,
                name=f"Extra KPI {n}",
                baseline_value=Decimal(1),
                baseline_date=today - timedelta(days=90),
                target_value=Decimal(2),
                target_date=today + timedelta(days=90),
            )
            Measurement.objects.create(kpi=kpi, value=Decimal("1.5"), date=today)
    elif isinstance(obj, KPI):
        Measurement.objects.bulk_create(
            Measurement(
                kpi=obj,
                value=Decimal(n),
                date=obj.baseline_date + timedelta(days=n + 1),
                entered_by=get_user_model().objects.get(username="viewer"),
            )
            for n in range(20)
        )


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_each_change_page_loads_in_bounded_queries(admin_client, demo, model):
    obj = objects_to_open(demo)[model]
    address = url(model, "change", obj.pk)
    few, _ = queries_for(admin_client, address)

    grow(obj)
    many, _ = queries_for(admin_client, address)

    assert few == many, f"{model.__name__}: {few} queries, then {many} with more inline rows"
    assert many <= CHANGE_PAGE_BUDGET, f"{model.__name__}: {many} queries"


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_each_add_page_loads(admin_client, model):
    count, _ = queries_for(admin_client, url(model, "add"))
    assert count <= CHANGE_PAGE_BUDGET


def test_the_roadmap_page_shows_its_principles_and_objectives_inline(admin_client, demo):
    _, text = queries_for(admin_client, url(Roadmap, "change", demo.pk))
    assert "Digital by default" in text
    assert "Secure by design" in text
    assert "Make every high-volume service available online end to end" in text
    assert demo.purpose[:40] in text


def test_the_objective_page_offers_only_its_own_agencys_goals(admin_client, demo):
    add_a_second_agency(copies=1)
    objective = demo.objectives.order_by("position").first()

    _, text = queries_for(admin_client, url(Objective, "change", objective.pk))

    assert "Simple, fast and accessible services" in text
    assert "Online journeys remove paper forms" in text  # a rationale
    assert "Share of transactions completed online" in text  # a KPI, inline
    assert "Goal 0" not in text  # the other agency's goal


def test_the_kpi_page_shows_its_measurements_and_status(admin_client, demo):
    kpi = KPI.objects.get(name="Open cases still on the legacy system")

    _, text = queries_for(admin_client, url(KPI, "change", kpi.pk))

    assert "Off track" in text
    assert "cases behind plan. Off track." in text
    assert text.count('name="measurements-') >= 12 * 3  # twelve readings inline
    assert "Amira Haddad" in text  # who entered them


def test_a_measurement_added_inline_records_the_admin_who_entered_it(admin_client, demo):
    kpi = KPI.objects.get(name="Critical data sets with a named owner")
    response = admin_client.get(url(KPI, "change", kpi.pk))
    form = response.context["adminform"].form
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
            "measurements-TOTAL_FORMS": "1",
            "measurements-INITIAL_FORMS": "0",
            "measurements-0-date": (kpi.baseline_date + timedelta(days=30)).isoformat(),
            "measurements-0-value": "22.5",
            "measurements-0-note": "First count from the new register.",
        }
    )

    response = admin_client.post(url(KPI, "change", kpi.pk), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    measurement = kpi.measurements.get()
    assert measurement.value == Decimal("22.5")
    assert measurement.entered_by.username == "admin"


def test_a_tracked_kpi_with_a_target_is_refused_in_words(admin_client, demo):
    kpi = KPI.objects.get(name="Critical data sets with a named owner")
    response = admin_client.get(url(KPI, "change", kpi.pk))
    form = response.context["adminform"].form
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
            "tracked": "on",  # and the target kept: a KPI cannot be both
            "measurements-TOTAL_FORMS": "0",
            "measurements-INITIAL_FORMS": "0",
        }
    )

    response = admin_client.post(url(KPI, "change", kpi.pk), data)

    assert response.status_code == 200
    assert "A KPI tracked without a target has no target value" in response.text
    kpi.refresh_from_db()
    assert not kpi.tracked
    assert kpi.target_value == Decimal(100)


def test_an_admin_change_is_a_revision_an_app_edit_opened_before_it_cannot_overwrite(
    admin_client, demo, django_user_model
):
    principle = demo.principles.order_by("position").first()
    seen = principle.revision
    admin_user = django_user_model.objects.get(username="admin")

    response = admin_client.post(
        url(GuidingPrinciple, "change", principle.pk),
        {
            "roadmap": demo.pk,
            "title": principle.title,
            "description": "Reworded by the platform admin.",
            "position": principle.position,
        },
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    principle.refresh_from_db()
    assert principle.revision == seen + 1
    assert principle.updated_by == admin_user
    with pytest.raises(StaleEdit):
        principle_update(
            principle=principle, title=principle.title, description="Mine", revision=seen
        )
    assert GuidingPrinciple.objects.get(pk=principle.pk).description == (
        "Reworded by the platform admin."
    )


def test_an_inline_change_in_admin_counts_as_a_revision_of_that_row(admin_client, demo):
    principles = list(demo.principles.order_by("position", "pk"))
    before = {p.pk: p.revision for p in principles}
    data = as_posted_unchanged(admin_client.get(url(Roadmap, "change", demo.pk)))
    first = principles[0]
    prefix = next(
        name.removesuffix("-id")
        for name, value in data.items()
        if name.endswith("-id") and str(value) == str(first.pk) and name.startswith("principles-")
    )
    data[f"{prefix}-description"] = "Changed inline."

    response = admin_client.post(url(Roadmap, "change", demo.pk), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    after = {p.pk: p.revision for p in GuidingPrinciple.objects.filter(roadmap=demo)}
    assert after[first.pk] == before[first.pk] + 1
    assert all(after[pk] == before[pk] for pk in before if pk != first.pk)  # untouched rows


def as_posted_unchanged(response) -> dict:
    """What an admin change page posts back when nothing is changed: the main
    form's and every inline form's current values, with the management forms."""
    data = {}

    def put(form) -> None:
        for name in form.fields:
            value = form[name].value()
            if isinstance(value, bool):
                if value:
                    data[form.add_prefix(name)] = "on"
            else:
                data[form.add_prefix(name)] = "" if value is None else value

    put(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        put(inline.formset.management_form)
        for form in inline.formset.forms:
            put(form)
    return data
