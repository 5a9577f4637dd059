"""Django admin refuses what the services refuse: a circle of dependencies."""

import itertools
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from roadmap.models import Dependency
from roadmap.services.initiatives import dependency_add, initiative_create
from tests.accounts.two_factor import sign_in_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    platform = get_user_model().objects.create_superuser("platform", "p@example.gov")
    sign_in_with_second_factor(client, platform)
    return client


def change_data(initiative, prerequisites) -> dict:
    """The change form as the admin posts it, with `prerequisites` as new inline rows."""
    data = {
        "roadmap": initiative.roadmap_id,
        "component": initiative.component_id,
        "title": initiative.title,
        "summary": "",
        "objectives": [],
        "tags": "",
        "owner": "",
        "sponsor": "",
        "sponsor_name": "",
        "sponsor_role": "",
        "sponsor_organisation": "",
        "start_month": initiative.start_month.isoformat(),
        "end_month": initiative.end_month.isoformat(),
        "status": initiative.status,
        "percent_complete": "0",
        "rag": "green",
        "rag_reason": "",
        "capital_cost": "",
        "operating_cost": "",
        "funding_source": "",
        "funding_status": "unfunded",
        "benefits": "",
        "benefit_type": "service_improvement",
        "value": "3",
        "effort": "3",
        "confidence": "medium",
        "position": "0",
        "dependencies-TOTAL_FORMS": str(len(prerequisites)),
        "dependencies-INITIAL_FORMS": "0",
        "dependencies-MIN_NUM_FORMS": "0",
        "dependencies-MAX_NUM_FORMS": "1000",
    }
    for n, prerequisite in enumerate(prerequisites):
        data[f"dependencies-{n}-prerequisite"] = str(prerequisite.pk)
        data[f"dependencies-{n}-initiative"] = str(initiative.pk)
    return data


def test_a_circle_of_dependencies_is_refused_in_admin_and_named(admin_client, roadmap):
    chain = [
        initiative_create(
            roadmap=roadmap,
            title=f"Step {n}",
            component=roadmap.components.first(),
            start_month=date(2026, 1, 1),
            end_month=date(2026, 6, 1),
        )
        for n in range(1, 4)
    ]
    for earlier, later in itertools.pairwise(chain):
        dependency_add(initiative=later, prerequisite=earlier)
    first = chain[0]
    address = reverse("admin:roadmap_initiative_change", args=[first.pk])

    response = admin_client.post(address, change_data(first, [chain[2]]))

    assert response.status_code == 200
    assert "circle of dependencies" in response.text and "Step 3" in response.text
    assert Dependency.objects.count() == 2
    # A dependency that makes no circle is saved.
    fourth = initiative_create(
        roadmap=roadmap,
        title="Step 0",
        component=roadmap.components.first(),
        start_month=date(2025, 1, 1),
        end_month=date(2025, 6, 1),
    )
    saved = admin_client.post(address, change_data(first, [fourth]))
    assert saved.status_code == 302
    assert first.depends_on.get() == fourth
