"""The engagement log's services refuse what the forms refuse, for any caller:
a follow-up due before its interaction (either way round), a sentiment out of
range, stakeholders of another roadmap or none."""

from datetime import date

import pytest

from stakeholders.models import FollowUp, Interaction
from stakeholders.services.engagements import (
    follow_up_create,
    follow_up_update,
    interaction_create,
    interaction_update,
)
from ui.concurrency import Refused

pytestmark = pytest.mark.django_db


def log(roadmap, who, **fields):
    data = {"occurred_on": date(2027, 3, 10), "kind": "meeting", "summary": "Talked", **fields}
    return interaction_create(roadmap=roadmap, stakeholders=who, **data)


@pytest.mark.parametrize("sentiment", [-3, 3, 99])
def test_a_sentiment_outside_minus_two_to_two_is_refused(roadmap, ada, sentiment):
    with pytest.raises(Refused) as refused:
        log(roadmap, [ada], sentiment=sentiment)
    assert refused.value.field == "sentiment"
    assert not Interaction.objects.exists()


def test_stakeholders_of_another_roadmap_or_none_are_refused(roadmap, ada, stranger):
    for who in ([ada, stranger], []):
        with pytest.raises(Refused) as refused:
            log(roadmap, who)
        assert refused.value.field == "stakeholders"
    assert not Interaction.objects.exists()


def test_a_follow_up_due_before_its_interaction_is_refused_on_create_and_update(roadmap, ada):
    interaction = log(roadmap, [ada])
    with pytest.raises(Refused) as refused:
        follow_up_create(interaction=interaction, action="Call", due_on=date(2027, 3, 9))
    assert refused.value.field == "due_on"
    follow_up = follow_up_create(interaction=interaction, action="Call", due_on=date(2027, 3, 10))
    with pytest.raises(Refused):
        follow_up_update(follow_up=follow_up, due_on=date(2027, 1, 1))
    follow_up.refresh_from_db()
    assert follow_up.due_on == date(2027, 3, 10)
    assert FollowUp.objects.count() == 1


def test_an_interaction_cannot_move_after_a_follow_ups_due_date(roadmap, ada):
    interaction = log(roadmap, [ada])
    follow_up_create(interaction=interaction, action="Call", due_on=date(2027, 3, 12))
    with pytest.raises(Refused) as refused:
        interaction_update(interaction=interaction, occurred_on=date(2027, 3, 13))
    assert refused.value.field == "occurred_on"
    interaction.refresh_from_db()
    assert interaction.occurred_on == date(2027, 3, 10)
    interaction_update(interaction=interaction, occurred_on=date(2027, 3, 12))


def test_done_records_the_day_and_undone_clears_it(roadmap, ada):
    follow_up = follow_up_create(interaction=log(roadmap, [ada]), action="Call", done=True)
    assert follow_up.done_on is not None
    follow_up_update(follow_up=follow_up, done=False)
    follow_up.refresh_from_db()
    assert follow_up.done_on is None
