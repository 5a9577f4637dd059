"""The ends of every range (roadmap.rules.bounds) are stored through the services, and
then every page of the project, Django admin's pages for them and the PDF report
render without error (issue 7, finding 4: one KPI date once broke a page and the PDF).

Every page: the routes of tests/test_permissions.py's TABLE that take a GET, asked
by agency A's admin (who may see them all), on that file's `world`.
Every date and number field: the ones the project's forms edit, found by walking
them; `test_every_date_and_number_field_a_form_edits_is_covered` names one that a
new form adds and no scenario here stores at its ends.
"""

import inspect
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from assessments.models import EARLIEST_YEAR_INTRODUCED, Answer, Assessment, Process, System
from reports.assembly import load_roadmap_for_report, render_report_html
from reports.pdf import render_pdf
from roadmap.models import KPI, Initiative, Measurement, Milestone, Risk, Roadmap
from roadmap.rules.bounds import (
    HORIZON_YEARS,
    KPI_DATES,
    KPI_VALUES,
    MONEY,
    PERCENT,
    PLAN_DATES,
    SCORE,
)
from roadmap.services.initiatives import initiative_update
from roadmap.services.kpis import kpi_update
from roadmap.services.measurements import measurement_record, measurement_update
from roadmap.services.milestones import milestone_update
from roadmap.services.risks import risk_update
from roadmap.services.roadmaps import roadmap_update
from stakeholders.models import CommunicationItem, FollowUp, Interaction, Stakeholder
from tests.accounts.two_factor import sign_in_with_second_factor
from tests.property.discovery import project_form_classes
from tests.test_permissions import (  # noqa: F401
    NOT_ALLOWED,
    TABLE,
    World,
    an_assessment,
    engagement,
    inventory,
    report_file,
)
from tests.test_permissions import world as world
from ui.models import StagedImport

LOW, HIGH = KPI_VALUES.low, KPI_VALUES.high
FIRST_DAY, LAST_DAY = KPI_DATES.low, KPI_DATES.high
TINY = Decimal("0.0001")  # the smallest step a value field holds


def today() -> date:
    return timezone.localdate()


@dataclass(frozen=True)
class Scenario:
    """A roadmap horizon, a KPI plan and its measurements (date, value)."""

    horizon: tuple[int, int]
    unit: str
    direction: str
    baseline: tuple[date, Decimal]
    target: tuple[date, Decimal]
    measurements: list[tuple[date, Decimal]] = field(default_factory=list)
    # The world's first initiative, changed through its service: months, money, scores.
    initiative: dict = field(default_factory=dict)
    # The world's milestone (due, at day or month precision, and when it was done)
    # and its risk (likelihood, impact).
    milestone_due: tuple[date, str] = (PLAN_DATES.high, "day")
    milestone_done_on: date | None = None
    risk: tuple[int, int] = (SCORE.high, SCORE.high)
    # The current-state assessment and the stakeholders at the low or high end of
    # each of their ranges (see `store_assessment_and_stakeholders`).
    ends: str = "high"


SCENARIOS = {
    # The widest plan: the lowest value on the first day to the highest on the last.
    "widest plan, money": Scenario(
        horizon=(HORIZON_YEARS.low, HORIZON_YEARS.high),
        unit="£",
        direction="higher",
        baseline=(FIRST_DAY, LOW),
        target=(LAST_DAY, HIGH),
        measurements=[(FIRST_DAY, LOW), (date(2000, 1, 1), TINY), (today(), HIGH)],
        initiative={
            "start_month": PLAN_DATES.low,
            "end_month": PLAN_DATES.high.replace(day=1),
            "capital_cost": MONEY.high,
            "operating_cost": MONEY.low,
            "percent_complete": PERCENT.high,
            "value": SCORE.high,
            "effort": SCORE.low,
        },
        milestone_due=(PLAN_DATES.high, "day"),
        milestone_done_on=PLAN_DATES.low,
    ),
    # The narrowest plan: one day and the smallest step, then a reading a trillion off
    # (the gap as a share of the planned change is 10^16).
    "narrowest plan, percentage": Scenario(
        horizon=(HORIZON_YEARS.high, HORIZON_YEARS.high),
        unit="%",
        direction="higher",
        baseline=(today() - timedelta(days=1), Decimal(0)),
        target=(today(), TINY),
        measurements=[(today(), LOW)],
        initiative={
            "start_month": today().replace(day=1),
            "end_month": today().replace(day=1),
            "capital_cost": Decimal("0.01"),
            "operating_cost": MONEY.high,
            "percent_complete": PERCENT.low,
            "value": SCORE.low,
            "effort": SCORE.high,
        },
        milestone_due=(PLAN_DATES.low, "month"),
        milestone_done_on=today(),
        risk=(SCORE.low, SCORE.low),
        ends="low",
    ),
    # Lower is better, the target date long past, the values at the far ends.
    "lower is better, long past": Scenario(
        horizon=(HORIZON_YEARS.low, HORIZON_YEARS.low),
        unit="%",
        direction="lower",
        baseline=(FIRST_DAY, HIGH),
        target=(FIRST_DAY + timedelta(days=1), LOW),
        measurements=[(FIRST_DAY + timedelta(days=1), HIGH - TINY), (today(), HIGH)],
        milestone_due=(PLAN_DATES.low, "day"),
        risk=(SCORE.low, SCORE.high),
        ends="low",
    ),
    # Every digit the fields hold, and the longest unit.
    "every digit, long unit": Scenario(
        horizon=(HORIZON_YEARS.low, HORIZON_YEARS.high),
        unit="applications decided a month"[:30],
        direction="higher",
        baseline=(FIRST_DAY, -(HIGH - TINY)),
        target=(LAST_DAY, HIGH - TINY),
        measurements=[(today() - timedelta(days=n), HIGH - TINY * n) for n in range(3)],
    ),
}

# Which fields each scenario stores at its ends: the KPI's plan, its measurements'
# values and dates, the roadmap's years.
COVERED = {
    (Roadmap, "horizon_start_year"),
    (Roadmap, "horizon_end_year"),
    (KPI, "baseline_value"),
    (KPI, "baseline_date"),
    (KPI, "target_value"),
    (KPI, "target_date"),
    (Measurement, "value"),
    (Measurement, "date"),
    (Initiative, "start_month"),
    (Initiative, "end_month"),
    (Initiative, "capital_cost"),
    (Initiative, "operating_cost"),
    (Initiative, "percent_complete"),
    (Initiative, "value"),
    (Initiative, "effort"),
    (Milestone, "due_date"),
    (Milestone, "done_on"),
    (Risk, "likelihood"),
    (Risk, "impact"),
    (Answer, "current_level"),
    (Answer, "target_level"),
    (Assessment, "assessed_on"),
    (System, "annual_cost"),
    (System, "condition"),
    (System, "user_count"),
    (System, "year_introduced"),
    (Process, "yearly_volume"),
    (Stakeholder, "influence"),
    (Stakeholder, "interest"),
    (Stakeholder, "review_on"),
    (CommunicationItem, "planned_on"),
    (Interaction, "occurred_on"),
    (Interaction, "sentiment"),
    (FollowUp, "due_on"),
}

# The ends of the current-state assessment's and the stakeholders' ranges.
YEAR_INTRODUCED = (EARLIEST_YEAR_INTRODUCED, today().year)
SYSTEM_COST = (Decimal(0), Decimal("999999999999.99"))  # every digit the field holds
USERS = (0, 2**31 - 1)
VOLUME = (0, 2**63 - 1)
SENTIMENT = (-2, 2)


def store_assessment_and_stakeholders(world: World, ends: str) -> None:
    """The world's assessments (answered; one completed), system, process, stakeholder,
    communication, interaction and follow-up, each field at the scenario's end of
    its range (for levels: current at one end, target at the other)."""
    end = 0 if ends == "low" else 1
    day = (PLAN_DATES.low, PLAN_DATES.high)[end]
    level = (SCORE.low, SCORE.high)[end]
    other_level = (SCORE.high, SCORE.low)[end]
    # The one the walked pages answer (in progress), and one completed for the report.
    for assessment in (
        an_assessment(world),
        an_assessment(world, "Completed at the ends", completed=True),
    ):
        Assessment.objects.filter(pk=assessment.pk).update(assessed_on=day)
        assessment.answers.update(current_level=level, target_level=other_level)
    parts = inventory(world)
    System.objects.filter(pk=parts.system.pk).update(
        annual_cost=SYSTEM_COST[end],
        condition=level,
        user_count=USERS[end],
        year_introduced=YEAR_INTRODUCED[end],
    )
    Process.objects.filter(pk=parts.process.pk).update(yearly_volume=VOLUME[end])
    talk = engagement(world)
    Stakeholder.objects.filter(pk__in=[world.stakeholder.pk, talk.stakeholder.pk]).update(
        influence=level, interest=other_level, review_on=day
    )
    CommunicationItem.objects.filter(pk=talk.communication.pk).update(planned_on=day)
    Interaction.objects.filter(pk=talk.interaction.pk).update(
        occurred_on=day, sentiment=SENTIMENT[end]
    )
    FollowUp.objects.filter(pk=talk.follow_up.pk).update(due_on=day)


def replan(kpi: KPI, **changes) -> None:
    fields = ("name", "definition", "unit", "direction", "baseline_value", "baseline_date")
    fields += ("target_value", "target_date", "data_source", "owner", "reporting_frequency")
    kpi_update(kpi=kpi, **{name: getattr(kpi, name) for name in fields} | changes)


def store(world: World, scenario: Scenario) -> None:
    """Through the services, as a form or an import would."""
    roadmap, kpi = world.roadmap, world.kpi
    roadmap_update(
        roadmap=roadmap,
        title=roadmap.title,
        horizon_start_year=scenario.horizon[0],
        horizon_end_year=scenario.horizon[1],
        vision=roadmap.vision,
    )
    # The world's own measurement (its pages are among those walked) becomes the
    # scenario's first: the baseline goes back to the first day while it moves, since
    # a baseline may not follow a measurement nor a measurement precede the baseline.
    (day, value), *others = scenario.measurements
    replan(kpi, baseline_date=FIRST_DAY)
    measurement_update(measurement=world.measurement, value=value, date=day, note="")
    replan(
        kpi,
        unit=scenario.unit,
        direction=scenario.direction,
        baseline_date=scenario.baseline[0],
        baseline_value=scenario.baseline[1],
        target_date=scenario.target[0],
        target_value=scenario.target[1],
        owner=None,
    )
    for day, value in others:
        measurement_record(kpi=kpi, value=value, date=day, entered_by=None)
    if scenario.initiative:
        initiative_update(initiative=world.initiative, **scenario.initiative)
    due, precision = scenario.milestone_due
    milestone_update(
        milestone=world.milestone,
        due_date=due,
        due_precision=precision,
        done=scenario.milestone_done_on is not None,
        done_on=scenario.milestone_done_on,
    )
    likelihood, impact = scenario.risk
    risk_update(risk=world.risk, likelihood=likelihood, impact=impact)
    store_assessment_and_stakeholders(world, scenario.ends)


def project_pages(world: World) -> dict[str, str]:
    """Every project page that answers a GET, by route name."""
    return {
        name: reverse(name, kwargs=route.kwargs(world))
        for name, route in TABLE.items()
        if route.get is not NOT_ALLOWED
    }


def admin_pages(world: World) -> list[str]:
    pages = []
    for instance in (
        world.roadmap,
        world.kpi,
        world.kpi.measurements.first(),
        world.initiative,
        world.component,
        world.milestone,
        world.risk,
    ):
        meta = instance._meta
        pages.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        pages.append(
            reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])
        )
    return pages


@pytest.mark.parametrize("scenario", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_values_at_the_ends_of_every_range_render_on_every_page_and_in_the_pdf(
    client, world, scenario
):
    store(world, scenario)
    client.raise_request_exception = False  # a 500 is an answer to report, with its page

    admin_user = world.users["admin_user"]
    client.force_login(admin_user)
    broken = {}
    for name, address in project_pages(world).items():
        route = TABLE[name]
        if route.before:  # what the page is about: a staged import, a calendar feed
            StagedImport.objects.filter(user=admin_user).delete()  # one per list and person
            route.before(world, client, admin_user)
        headers = {}
        if route.get_redirect:  # an inline list's own address: its section, as htmx asks
            section = route.get_redirect(world).rpartition("#")[2]
            headers = {"HX-Request": "true", "HX-Target": section}
        response = client.get(address, headers=headers)
        if response.status_code != 200:
            broken[name] = response.status_code
    platform_admin = get_user_model().objects.create_superuser("platform", "p@example.gov")
    sign_in_with_second_factor(client, platform_admin)  # Django admin asks for both steps
    for address in admin_pages(world):
        response = client.get(address)
        if response.status_code != 200:
            broken[address] = response.status_code

    assert broken == {}
    assert len(project_pages(world)) >= 10  # the walk did reach the pages
    html = render_report_html(
        load_roadmap_for_report(world.roadmap.pk), generated_at=timezone.now(), version=1
    )
    pdf, pages = render_pdf(html)
    assert pages == len(PdfReader(io.BytesIO(pdf)).pages) > 0


# A list's order, which pages show as a place from 1 to n whatever the number is
# (only the admin edits it directly).
ORDER_FIELDS = {"position"}


def date_and_number_fields_the_forms_edit() -> set[tuple[type, str]]:
    found = set()
    for form_class in project_form_classes():
        meta = getattr(form_class, "_meta", None)
        model = getattr(meta, "model", None)
        if model is None:
            continue
        for name, form_field in form_class.base_fields.items():
            kinds = (forms.DateField, forms.DecimalField, forms.IntegerField, forms.FloatField)
            model_fields = {f.name for f in model._meta.fields}
            if isinstance(form_field, kinds) and name in model_fields - ORDER_FIELDS:
                found.add((model, name))
    return found


def test_every_date_and_number_field_a_form_edits_is_covered():
    missing = date_and_number_fields_the_forms_edit() - COVERED
    assert not missing, (
        f"Add the ends of these fields' ranges to a scenario in {inspect.getfile(Scenario)}: "
        + ", ".join(f"{model.__name__}.{name}" for model, name in sorted(missing, key=str))
    )
