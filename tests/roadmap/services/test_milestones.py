"""Milestones' writes: refused, with a message naming the field, whatever calls
the service, when they break a rule; a month kept as its first day; one outside
its initiative's months allowed (the page warns)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from roadmap.models import Milestone
from roadmap.services.initiatives import initiative_create
from roadmap.services.milestones import milestone_create, milestone_delete, milestone_update
from ui.concurrency import Refused, StaleEdit

pytestmark = pytest.mark.django_db


def plan(roadmap, title="Cloud hosting", start=(2026, 4), end=(2027, 3)):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=date(*start, 1),
        end_month=date(*end, 1),
    )


def test_a_month_is_kept_as_its_first_day_and_said_as_the_month(roadmap):
    milestone = milestone_create(
        roadmap=roadmap, title="Go live", due_date=date(2027, 3, 17), due_precision="month"
    )
    milestone.refresh_from_db()
    assert milestone.due_date == date(2027, 3, 1)
    assert milestone.due_text == "March 2027"


def test_one_outside_its_initiatives_months_is_saved_and_warned(roadmap):
    cloud = plan(roadmap)
    milestone = milestone_create(
        roadmap=roadmap, title="Switch off", initiative=cloud, due_date=date(2027, 6, 30)
    )
    assert Milestone.objects.get(pk=milestone.pk).initiative == cloud
    assert "3 months after it ends" in milestone.outside_warning
    inside = milestone_create(
        roadmap=roadmap, title="Supplier chosen", initiative=cloud, due_date=date(2026, 6, 30)
    )
    assert inside.outside_warning is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": "  "}, "title", "cannot be blank"),
        ({"title": "x" * 201}, "title", "at most 200"),
        ({"due_date": date(2101, 1, 1)}, "due_date", "between"),
        ({"due_precision": "week"}, "due_precision", "not a valid choice"),
        ({"done": True}, "done_on", "Enter the date it was done"),
        (
            {"done": True, "done_on": timezone.localdate() + timedelta(days=1)},
            "done_on",
            "today or in the past",
        ),
    ],
)
def test_bad_input_is_refused_naming_its_field(roadmap, fields, field, message):
    arguments = {"roadmap": roadmap, "title": "Go live", "due_date": date(2027, 3, 1), **fields}
    with pytest.raises(Refused) as refused:
        milestone_create(**arguments)
    assert refused.value.field == field
    assert message in refused.value.message
    assert not Milestone.objects.exists()


def test_an_initiative_of_another_roadmap_is_refused(roadmap, other_roadmap):
    theirs = plan(other_roadmap)
    with pytest.raises(Refused) as refused:
        milestone_create(roadmap=roadmap, title="Go", due_date=date(2027, 1, 1), initiative=theirs)
    assert refused.value.field == "initiative"
    assert not Milestone.objects.exists()


def test_not_done_forgets_when_and_a_stale_change_is_refused(roadmap, editor):
    milestone = milestone_create(
        roadmap=roadmap,
        title="Go live",
        due_date=date(2026, 1, 10),
        done=True,
        done_on=date(2026, 1, 12),
    )
    seen = milestone.revision
    milestone_update(milestone=milestone, done=False, revision=seen, by=editor)
    milestone.refresh_from_db()
    assert (milestone.done, milestone.done_on) == (False, None)
    with pytest.raises(StaleEdit):
        milestone_update(milestone=milestone, title="Old news", revision=seen, by=editor)
    assert Milestone.objects.get().title == "Go live"


def test_a_deleted_initiative_takes_its_milestones_and_delete_removes_one(roadmap):
    cloud = plan(roadmap)
    milestone_create(roadmap=roadmap, title="Of cloud", initiative=cloud, due_date=date(2026, 5, 1))
    whole = milestone_create(roadmap=roadmap, title="Whole", due_date=date(2026, 5, 1))
    cloud.delete()
    assert list(Milestone.objects.values_list("title", flat=True)) == ["Whole"]
    milestone_delete(milestone=whole)
    assert not Milestone.objects.exists()
