"""The communication plan's services refuse what the form refuses, for any caller."""

from datetime import date

import pytest

from roadmap.services.initiatives import initiative_create
from roadmap.services.milestones import milestone_create
from stakeholders.models import CommunicationItem
from stakeholders.services.communications import (
    calendar_feed_create,
    calendar_feed_reset,
    communication_create,
    communication_update,
)
from ui.concurrency import Refused, StaleEdit

pytestmark = pytest.mark.django_db


def create(roadmap, **fields):
    data = {"purpose": "Brief", "channel": "email", "planned_on": date(2027, 1, 1), **fields}
    return communication_create(roadmap=roadmap, **data)


def test_an_audience_of_another_roadmap_is_refused(roadmap, ada, stranger):
    with pytest.raises(Refused) as refused:
        create(roadmap, audience=[ada, stranger])
    assert refused.value.field == "audience"
    assert not CommunicationItem.objects.exists()


def test_an_initiative_or_milestone_of_another_agency_is_refused(roadmap, other_roadmap):
    theirs = initiative_create(
        roadmap=other_roadmap,
        title="Theirs",
        component=other_roadmap.components.first(),
        start_month=date(2027, 1, 1),
        end_month=date(2027, 3, 1),
    )
    their_milestone = milestone_create(roadmap=other_roadmap, title="M", due_date=date(2027, 2, 1))
    with pytest.raises(Refused) as refused:
        create(roadmap, initiative=theirs)
    assert refused.value.field == "initiative"
    with pytest.raises(Refused) as refused:
        create(roadmap, milestone=their_milestone)
    assert refused.value.field == "milestone"
    assert not CommunicationItem.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"purpose": " "}, "purpose"),
        ({"channel": "pigeon"}, "channel"),
        ({"frequency": "daily"}, "frequency"),
        ({"status": "lost"}, "status"),
        ({"purpose": "x" * 201}, "purpose"),
        ({"purpose": "nul\x00"}, "purpose"),
    ],
)
def test_fields_the_form_checks_are_checked(roadmap, fields, field):
    with pytest.raises(Refused) as refused:
        create(roadmap, **fields)
    assert refused.value.field == field
    assert not CommunicationItem.objects.exists()


def test_an_update_over_a_newer_revision_is_refused(roadmap, editor):
    item = create(roadmap)
    communication_update(communication=item, purpose="First", revision=1, by=editor)
    with pytest.raises(StaleEdit):
        communication_update(communication=item, purpose="Second", revision=1, by=editor)
    item.refresh_from_db()
    assert item.purpose == "First"


def test_a_feed_is_one_per_member_and_roadmap_and_reset_changes_its_token(roadmap, editor):
    feed = calendar_feed_create(roadmap=roadmap, user=editor)
    assert calendar_feed_create(roadmap=roadmap, user=editor).pk == feed.pk
    old = feed.token
    calendar_feed_reset(feed=feed)
    feed.refresh_from_db()
    assert feed.token != old and len(feed.token) >= 40
