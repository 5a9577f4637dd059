"""Django admin for milestones and risks: each changelist loads in the same number
of queries with ten times the rows, shows the due date and the score in words,
the change and add pages load, and the admin refuses what the app's form
refuses (a done milestone with no date, or one in the future)."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from roadmap.models import Milestone, Risk
from roadmap.services.initiatives import initiative_create
from tests.accounts.two_factor import sign_in_with_second_factor

from .test_admin_pages import CHANGE_PAGE_BUDGET, CHANGELIST_BUDGET, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    platform = get_user_model().objects.create_superuser("platform", "p@example.gov")
    sign_in_with_second_factor(client, platform)
    return client


def url(model, action: str, *args) -> str:
    return reverse(f"admin:roadmap_{model._meta.model_name}_{action}", args=args)


def add_rows(roadmap, lead, first: int, count: int) -> None:
    for n in range(first, first + count):
        initiative = initiative_create(
            roadmap=roadmap,
            title=f"Initiative {n}",
            component=roadmap.components.first(),
            start_month=date(2026, 4, 1),
            end_month=date(2027, 3, 1),
        )
        Milestone.objects.create(
            roadmap=roadmap,
            initiative=initiative,
            title=f"Milestone {n}",
            due_date=date(2027, 3, 1),
            due_precision="month",
        )
        risk = Risk.objects.create(
            roadmap=roadmap, title=f"Risk {n}", likelihood=4, impact=5, owner=lead
        )
        risk.initiatives.add(initiative)


@pytest.mark.parametrize("model", [Milestone, Risk], ids=lambda model: model.__name__)
def test_each_changelist_costs_the_same_with_ten_times_the_rows(admin_client, roadmap, lead, model):
    add_rows(roadmap, lead, 0, 3)
    few, _ = queries_for(admin_client, url(model, "changelist"))
    add_rows(roadmap, lead, 3, 27)
    many, text = queries_for(admin_client, url(model, "changelist"))
    assert few == many, f"{model.__name__}: {few} queries, then {many} with more rows"
    assert many <= CHANGELIST_BUDGET
    assert ("March 2027" if model is Milestone else "20 (high)") in text


@pytest.mark.parametrize("model", [Milestone, Risk], ids=lambda model: model.__name__)
def test_the_change_and_add_pages_load(admin_client, roadmap, lead, model):
    add_rows(roadmap, lead, 0, 1)
    count, _ = queries_for(admin_client, url(model, "change", model.objects.get().pk))
    assert count <= CHANGE_PAGE_BUDGET
    queries_for(admin_client, url(model, "add"))


@pytest.mark.parametrize(
    ("done_on", "message"),
    [
        ("", "Enter the date it was done."),
        ((timezone.localdate() + timedelta(days=1)).isoformat(), "today or in the past"),
    ],
)
def test_the_admin_refuses_a_done_milestone_without_a_past_date(
    admin_client, roadmap, done_on, message
):
    data = {
        "roadmap": roadmap.pk,
        "initiative": "",
        "title": "Board approval",
        "due_date": "2026-11-30",
        "due_precision": "day",
        "done": "on",
        "done_on": done_on,
        "position": "0",
    }
    response = admin_client.post(url(Milestone, "add"), data)
    assert response.status_code == 200
    assert message in response.text
    assert not Milestone.objects.exists()
    data.update(done="", done_on="")
    assert admin_client.post(url(Milestone, "add"), data).status_code == 302
    assert Milestone.objects.get().title == "Board approval"
