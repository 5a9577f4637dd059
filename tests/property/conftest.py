"""The world the property tests run in: the demo (which every later part of the
product extends with its own data, so new models have rows here too), plus a
second agency with a roadmap, objective, goal, member, pending invitation,
report job and plan (components, initiatives, a dependency, a milestone, a
risk), so that another agency's objects are among the inputs.

Loaded once per module inside a transaction that is rolled back at the end; each
example runs in a savepoint of its own, rolled back after it.
"""

import io
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from agencies.models import Invitation, Membership, Organisation, Role, token_digest
from reports.models import ReportJob
from roadmap.models import (
    KPI,
    Dependency,
    Initiative,
    Measurement,
    Milestone,
    Objective,
    OrganisationalGoal,
    Risk,
    Roadmap,
)
from roadmap.services.components import components_seed
from stakeholders.models import CalendarFeed

from .discovery import project_apps


def add_agency_b() -> None:
    agency = Organisation.objects.create(name="Agency B", slug="agency-b")
    user = apps.get_model("auth", "User").objects.create_user("b-admin", "b@example.gov")
    Membership.objects.create(organisation=agency, user=user, role=Role.ADMIN)
    now = timezone.now()
    Invitation.objects.create(
        organisation=agency,
        email="invited@example.gov",
        role=Role.EDITOR,
        token_digest=token_digest("b-invitation"),
        invited_by=user,
        sent_at=now,
        expires_at=now + timedelta(days=7),
    )
    roadmap = Roadmap.objects.create(
        organisation=agency,
        title="B's roadmap",
        slug="b",
        horizon_start_year=2026,
        horizon_end_year=2028,
    )
    objective = Objective.objects.create(roadmap=roadmap, title="B's objective")
    OrganisationalGoal.objects.create(organisation=agency, title="B's goal")
    today = timezone.localdate()
    kpi = KPI.objects.create(
        objective=objective,
        name="B's KPI",
        baseline_value=0,
        target_value=10,
        baseline_date=today - timedelta(days=100),
        target_date=today + timedelta(days=100),
    )
    Measurement.objects.create(kpi=kpi, value=3, date=today)
    ReportJob.objects.create(roadmap=roadmap, options={"version": 1})
    add_plan(roadmap)
    CalendarFeed.objects.create(roadmap=roadmap, user=user)  # the demo keeps no secret address


def add_plan(roadmap: Roadmap) -> None:
    """The roadmap's plan: the seed's components, two initiatives one depending on
    the other, a milestone of one and a risk to both."""
    components = components_seed(roadmap=roadmap)
    first, second = (
        Initiative.objects.create(
            roadmap=roadmap,
            component=components[0],
            title=title,
            start_month=date(2026, month, 1),
            end_month=date(2026, month + 5, 1),
            position=month,
        )
        for title, month in (("B's first initiative", 1), ("B's second initiative", 6))
    )
    Dependency.objects.create(initiative=second, prerequisite=first)
    Milestone.objects.create(
        roadmap=roadmap, initiative=first, title="B's milestone", due_date=date(2026, 3, 31)
    )
    risk = Risk.objects.create(roadmap=roadmap, title="B's risk", likelihood=4, impact=5)
    risk.initiatives.set([first, second])


def snapshot() -> dict[str, list[dict]]:
    """Every row of every project model: what a refusal must leave as it was."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for config in project_apps()
        for model in config.get_models()
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        add_agency_b()
        add_a_framework_dimension()
        yield
        transaction.set_rollback(True)


def add_a_framework_dimension() -> None:
    """A maturity dimension for the SWOT and gaps to name, and an assessment for a
    gap to come from, when neither the reference data nor the demo has one yet."""
    from assessments.models import Assessment, Dimension, Framework

    if not Dimension.objects.exists():
        framework = Framework.objects.create(code="property-tests", name="Property tests")
        Dimension.objects.create(framework=framework, name="Data management")
    if not Assessment.objects.exists():
        Assessment.objects.create(
            roadmap=Roadmap.objects.first(),
            framework=Dimension.objects.first().framework,
            title="Baseline",
            assessed_on=date(2026, 6, 1),
        )


class Rollback(Exception):
    """Raised at the end of each example to undo it."""


def in_savepoint(run) -> None:
    """Run `run()` and undo whatever it wrote."""
    try:
        with transaction.atomic():
            run()
            raise Rollback
    except Rollback:
        pass


@pytest.fixture(autouse=True, scope="module")
def _a_broker_queue_of_their_own():
    """Generated input may ask for reports: their messages go to a queue no worker
    reads, deleted afterwards, so the real workers of later tests never meet them."""
    import uuid

    from config.celery import app as celery_app

    queue = f"roadmap-property-{uuid.uuid4().hex[:8]}"
    usual = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    yield
    celery_app.conf.task_default_queue = usual
    try:
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
    except Exception:  # noqa: S110 - the queue may never have been declared
        pass
