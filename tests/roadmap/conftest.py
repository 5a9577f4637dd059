"""Fixtures shared by the roadmap tests: agency A's objective and KPI, agency B's
objective, and a client signed in as eddie-editor."""

import pytest

from roadmap.models import Objective

from .kpi_factories import make_kpi


@pytest.fixture
def objective(roadmap):
    return roadmap.objectives.get()


@pytest.fixture
def other_objective(other_roadmap):
    return Objective.objects.create(roadmap=other_roadmap, title="Agency B's objective")


@pytest.fixture
def kpi(objective):
    """0% 200 days ago, 100% in 200 days: the plan is at 50% today."""
    return make_kpi(objective)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
