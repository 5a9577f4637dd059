"""Django admin for the communication plan, the calendar feeds and the
engagement log: every changelist loads in the same queries with ten times the
rows, the change and add pages load, and the admin refuses what the app's forms
refuse (a follow-up due before its interaction, stakeholders or an audience of
another roadmap, a sentiment outside -2 to +2). A feed's secret is not shown."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from stakeholders.models import CalendarFeed, CommunicationItem, FollowUp, Interaction
from stakeholders.services.communications import calendar_feed_create, communication_create
from stakeholders.services.engagements import follow_up_create, interaction_create
from tests.accounts.two_factor import sign_in_with_second_factor
from tests.roadmap.admin.test_admin_pages import (
    CHANGE_PAGE_BUDGET,
    CHANGELIST_BUDGET,
    queries_for,
)

from ..conftest import make_stakeholder

pytestmark = pytest.mark.django_db

MODELS = [CommunicationItem, CalendarFeed, Interaction, FollowUp]


@pytest.fixture
def admin_client(client):
    platform = get_user_model().objects.create_superuser("platform", "p@example.gov")
    sign_in_with_second_factor(client, platform)
    return client


def url(model, action: str, *args) -> str:
    return reverse(f"admin:stakeholders_{model._meta.model_name}_{action}", args=args)


def add_rows(roadmap, owner, first: int, count: int) -> None:
    for n in range(first, first + count):
        person = make_stakeholder(roadmap, f"Person {n}")
        communication_create(
            roadmap=roadmap,
            purpose=f"Item {n}",
            channel="email",
            planned_on=date(2027, 1, 1),
            owner=owner,
            audience=[person],
        )
        interaction = interaction_create(
            roadmap=roadmap,
            occurred_on=date(2027, 1, 1),
            kind="meeting",
            summary=f"Talk {n}",
            stakeholders=[person],
        )
        follow_up_create(interaction=interaction, action=f"Act {n}", owner=owner)
        user = get_user_model().objects.create_user(f"member-{n}")
        calendar_feed_create(roadmap=roadmap, user=user)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_each_changelist_and_change_page_loads_in_bounded_queries(
    admin_client, roadmap, lead, model
):
    add_rows(roadmap, lead, 0, 2)
    few, _ = queries_for(admin_client, url(model, "changelist"))
    add_rows(roadmap, lead, 2, 18)
    many, text = queries_for(admin_client, url(model, "changelist"))
    assert few == many <= CHANGELIST_BUDGET, f"{model.__name__}: {few}, then {many}"
    change, page = queries_for(admin_client, url(model, "change", model.objects.first().pk))
    assert change <= CHANGE_PAGE_BUDGET + 4, f"{model.__name__}: {change}"
    if model is CalendarFeed:
        assert CalendarFeed.objects.first().token not in page + text  # the secret stays secret
    else:
        queries_for(admin_client, url(model, "add"))


def interaction_data(interaction, **changes) -> dict:
    data = {
        "roadmap": str(interaction.roadmap_id),
        "kind": "meeting",
        "summary": "Talked",
        "sentiment": "0",
        "stakeholders": ",".join(str(s.pk) for s in interaction.stakeholders.all()),
        "occurred_on": "2027-03-10",
        "follow_ups-TOTAL_FORMS": "1",
        "follow_ups-INITIAL_FORMS": "0",
        "follow_ups-MIN_NUM_FORMS": "0",
        "follow_ups-MAX_NUM_FORMS": "1000",
        "follow_ups-0-action": "",
        "follow_ups-0-position": "0",
        **changes,
    }
    return data


def test_the_admin_refuses_a_follow_up_due_before_its_interaction(admin_client, roadmap, ada):
    interaction = interaction_create(
        roadmap=roadmap,
        occurred_on=date(2027, 3, 10),
        kind="meeting",
        summary="Talked",
        stakeholders=[ada],
    )
    address = url(Interaction, "change", interaction.pk)
    response = admin_client.post(
        address,
        interaction_data(
            interaction,
            **{"follow_ups-0-action": "Call back", "follow_ups-0-due_on": "2027-03-09"},
        ),
    )
    assert response.status_code == 200
    assert "on or after the interaction&#x27;s date (10 March 2027)" in response.text
    assert not FollowUp.objects.exists()
    # A follow-up changed on its own page: refused the same way.
    follow_up_create(interaction=interaction, action="Call", due_on=date(2027, 3, 12))
    follow_up = FollowUp.objects.get()
    moved = admin_client.post(
        url(FollowUp, "change", follow_up.pk),
        {
            "interaction": str(interaction.pk),
            "action": "Call",
            "due_on": "2027-03-01",
            "position": "0",
        },
    )
    assert "on or after the interaction&#x27;s date" in moved.text
    assert FollowUp.objects.get().due_on == date(2027, 3, 12)


def test_the_admin_refuses_stakeholders_and_sentiment_the_form_refuses(
    admin_client, roadmap, ada, stranger
):
    interaction = interaction_create(
        roadmap=roadmap,
        occurred_on=date(2027, 3, 10),
        kind="meeting",
        summary="Talked",
        stakeholders=[ada],
    )
    address = url(Interaction, "change", interaction.pk)
    response = admin_client.post(
        address, interaction_data(interaction, stakeholders=f"{ada.pk},{stranger.pk}")
    )
    assert "Choose stakeholders and groups of this roadmap." in response.text
    response = admin_client.post(address, interaction_data(interaction, sentiment="3"))
    assert "Enter a sentiment from -2 (very negative) to +2 (very positive)." in response.text
    interaction.refresh_from_db()
    assert interaction.sentiment == 0 and list(interaction.stakeholders.all()) == [ada]


def test_the_admin_refuses_an_audience_of_another_roadmap(admin_client, roadmap, stranger):
    response = admin_client.post(
        url(CommunicationItem, "add"),
        {
            "roadmap": str(roadmap.pk),
            "purpose": "Brief",
            "channel": "email",
            "frequency": "once",
            "status": "planned",
            "planned_on": "2027-01-05",
            "position": "0",
            "audience": str(stranger.pk),
        },
    )
    assert "Choose stakeholders and groups of this roadmap." in response.text
    assert not CommunicationItem.objects.exists()
