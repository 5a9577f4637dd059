"""Setting an initiative's RACI: replaced whole, never an accountable, one role each."""

from datetime import date

import pytest

from stakeholders.models import RaciAssignment
from stakeholders.services.raci import raci_set
from ui.concurrency import Refused

from ..conftest import group, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(roadmap):
    return roadmap.initiatives.create(
        title="Casework",
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )


def test_the_raci_is_replaced_whole(roadmap, initiative):
    dana, staff = person(roadmap), group(roadmap)
    raci_set(initiative=initiative, responsible=[dana], informed=[staff])
    raci_set(initiative=initiative, consulted=[dana])
    assert list(RaciAssignment.objects.values_list("stakeholder__name", "role")) == [
        ("Dana Whitfield", "consulted")
    ]


def test_an_accountable_is_refused_and_nothing_changes(roadmap, initiative):
    dana = person(roadmap)
    raci_set(initiative=initiative, informed=[dana])
    with pytest.raises(Refused, match="sponsor is accountable"):
        raci_set(initiative=initiative, accountable=[dana])
    assert initiative.raci_assignments.get().role == "informed"


def test_two_roles_for_one_stakeholder_are_refused(roadmap, initiative):
    dana = person(roadmap)
    with pytest.raises(Refused, match="one role"):
        raci_set(initiative=initiative, responsible=[dana], consulted=[dana])
    assert not RaciAssignment.objects.exists()


def test_another_roadmaps_stakeholder_is_refused(roadmap, other_roadmap, initiative):
    with pytest.raises(Refused, match="this roadmap"):
        raci_set(initiative=initiative, responsible=[person(other_roadmap)])
    assert not RaciAssignment.objects.exists()
