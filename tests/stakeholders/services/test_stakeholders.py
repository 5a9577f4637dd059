"""Writes to the register: the service refuses what a form would, and
anonymisation erases, keeps and records what it should."""

from datetime import date

import pytest

from stakeholders.models import (
    Interaction,
    PersonalDataAction,
    PersonalDataEvent,
    RaciAssignment,
    Stakeholder,
)
from stakeholders.services.stakeholders import (
    stakeholder_anonymise,
    stakeholder_create,
    stakeholder_update,
)
from tests.helpers import MARKUP
from ui.concurrency import Refused, StaleEdit

from ..conftest import group, person

pytestmark = pytest.mark.django_db


def test_a_person_is_added_with_tidy_tags_and_a_position(roadmap):
    first = person(roadmap, tags="Digital, north , digital")
    second = group(roadmap)
    assert first.tags == ["Digital", "north"]
    assert second.position > first.position


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"influence": 6}, "influence"),
        ({"interest": 0}, "interest"),
        ({"email": "not an email"}, "email"),
        ({"lawful_basis": ""}, "lawful_basis"),
        ({"review_on": None}, "review_on"),
        ({"level": "nobody"}, "level"),
        ({"tags": ["x" * 41]}, "tags"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(roadmap, fields, field):
    with pytest.raises(Refused) as refused:
        person(roadmap, **fields)
    assert refused.value.field == field
    assert not Stakeholder.objects.exists()


def test_a_group_with_contact_details_is_refused(roadmap):
    with pytest.raises(Refused) as refused:
        group(roadmap, email="team@example.gov")
    assert refused.value.field == "email"
    assert not Stakeholder.objects.exists()


def test_only_a_group_has_members_and_only_people_of_its_roadmap(roadmap, other_roadmap):
    dana = person(roadmap)
    with pytest.raises(Refused, match="Only a group"):
        person(roadmap, name="Sam", email="", members=[dana])
    with pytest.raises(Refused, match="this roadmap"):
        group(roadmap, members=[person(other_roadmap, name="B")])
    team = group(roadmap, members=[dana])
    assert list(dana.groups.all()) == [team]


def test_markup_is_stored_as_typed(roadmap):
    entry = person(roadmap, name=MARKUP, notes=MARKUP, role=MARKUP)
    entry.refresh_from_db()
    assert entry.name == MARKUP.strip() and entry.notes == MARKUP


def test_an_update_over_a_newer_revision_is_refused(dana):
    stakeholder_update(stakeholder=Stakeholder.objects.get(pk=dana.pk), influence=5, revision=1)
    with pytest.raises(StaleEdit):
        stakeholder_update(stakeholder=dana, influence=2, revision=1)
    dana.refresh_from_db()
    assert dana.influence == 5


def test_anonymising_erases_personal_fields_keeps_history_and_records_it(roadmap, dana, lead):
    dana = stakeholder_update(stakeholder=dana, notes="Prefers calls", tags=["north"])
    team = group(roadmap, members=[dana])
    initiative = roadmap.initiatives.create(
        title="Casework",
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )
    RaciAssignment.objects.create(initiative=initiative, stakeholder=dana, role="consulted")
    met = Interaction.objects.create(
        roadmap=roadmap, occurred_on=date(2026, 5, 1), kind="meeting", summary="Kick-off"
    )
    met.stakeholders.add(dana)

    stakeholder_anonymise(stakeholder=dana, by=lead)

    dana.refresh_from_db()
    assert dana.name == "Anonymised stakeholder 1"
    assert (dana.role, dana.organisation, dana.email, dana.phone, dana.notes) == ("",) * 5
    assert dana.tags == [] and dana.lawful_basis == "" and dana.review_on is None
    assert dana.anonymised_at is not None
    assert (dana.level, dana.influence, dana.interest) == ("senior", 3, 3)
    assert list(dana.groups.all()) == [team]
    assert dana.raci_assignments.get().role == "consulted"
    assert list(dana.interactions.all()) == [met]
    event = PersonalDataEvent.objects.get()
    assert (event.action, event.by, event.stakeholder) == (
        PersonalDataAction.ANONYMISED,
        lead,
        dana,
    )
    assert "Dana" not in event.note


def test_anonymising_twice_or_a_group_is_refused(roadmap, dana, frontline, lead):
    stakeholder_anonymise(stakeholder=dana, by=lead)
    with pytest.raises(Refused, match="already"):
        stakeholder_anonymise(stakeholder=dana, by=lead)
    with pytest.raises(Refused, match="group"):
        stakeholder_anonymise(stakeholder=frontline, by=lead)
    second = person(roadmap, name="Sam", email="")
    assert stakeholder_anonymise(stakeholder=second, by=lead).name == "Anonymised stakeholder 2"


def test_an_anonymised_entry_takes_no_contact_details_again(dana, lead):
    stakeholder_anonymise(stakeholder=dana, by=lead)
    with pytest.raises(Refused):
        stakeholder_update(stakeholder=dana, email="new@example.gov", lawful_basis="consent")


def test_the_service_takes_only_known_fields(dana):
    with pytest.raises(TypeError):
        stakeholder_update(stakeholder=dana, anonymised_at=None)


def test_create_defaults(roadmap):
    entry = stakeholder_create(roadmap=roadmap, name="  Residents ", level="citizens", kind="group")
    assert entry.name == "Residents" and entry.tags == []
