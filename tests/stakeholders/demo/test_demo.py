"""The demo's communication plan and engagement log: what the brief asks of them
(15+ items across channels, some done, one overdue, some recurring, some about
initiatives or milestones; 20+ interactions with sentiment moving over time and
open follow-ups), added once, never twice, and linked to the register by name."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from roadmap.models import Roadmap
from stakeholders.demo.engagements import seed_engagement
from stakeholders.models import CommunicationItem, FollowUp, Interaction
from stakeholders.selectors.communications import communication_plan
from stakeholders.selectors.engagements import open_follow_ups

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())
    return Roadmap.objects.get(slug="digital-transformation-2026-2030")


def test_the_demo_plan_has_what_the_brief_asks(demo):
    items = list(demo.communications.all())
    assert len(items) >= 15
    assert len({item.channel for item in items}) >= 7
    assert sum(item.status == "done" for item in items) >= 3
    assert sum(item.frequency != "once" for item in items) >= 3
    assert (
        sum(item.initiative_id is not None or item.milestone_id is not None for item in items) >= 5
    )
    today = timezone.localdate()
    months = communication_plan(demo, today=today, state="overdue", everything=True)
    assert [item.purpose for month in months for item in month.items] == [
        "Explain the landing zone to service managers"
    ]
    assert not CommunicationItem.objects.filter(roadmap=demo, audience=None).exists()


def test_the_demo_log_moves_over_time_with_open_follow_ups(demo):
    interactions = list(demo.interactions.order_by("occurred_on"))
    assert len(interactions) >= 20
    first_half = [i.sentiment for i in interactions[:10]]
    second_half = [i.sentiment for i in interactions[-10:]]
    assert sum(second_half) > sum(first_half)  # from sceptical to supportive
    still_open = open_follow_ups(demo, today=timezone.localdate())
    assert len(still_open) >= 3 and any(f.overdue for f in still_open)
    assert FollowUp.objects.filter(interaction__roadmap=demo, done=True).exists()


def test_seeding_again_adds_nothing_and_an_edit_stays(demo):
    interaction = demo.interactions.first()
    Interaction.objects.filter(pk=interaction.pk).update(summary="Edited by a user")
    counts = (CommunicationItem.objects.count(), Interaction.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (CommunicationItem.objects.count(), Interaction.objects.count()) == counts
    assert Interaction.objects.get(pk=interaction.pk).summary == "Edited by a user"


def test_the_demo_links_the_registers_entries_by_name_and_makes_none_when_it_has_some(roadmap):
    from tests.stakeholders.conftest import make_stakeholder

    ceo = make_stakeholder(roadmap, "Chief executive")
    seed_engagement(roadmap, users={})
    assert roadmap.stakeholders.count() == 1  # the register's own entries only
    assert ceo.communications.exists() and ceo.interactions.exists()
