"""The demo register: 30+ entries at every level, people and groups, a RACI on a
handful of initiatives; seeding again changes nothing, --reset replaces it."""

import pytest
from django.core.management import call_command

from stakeholders.models import Level, RaciAssignment, Stakeholder
from stakeholders.rules.analysis import Quadrant, quadrant

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_full_register_and_seeding_again_changes_nothing(capsys):
    call_command("seed_demo")
    entries = list(Stakeholder.objects.all())
    assert len(entries) >= 30
    assert {e.level for e in entries} == set(Level.values)
    assert {e.kind for e in entries} == {"person", "group"}
    names = {e.name for e in entries}
    assert {"Frontline staff", "Service users with disabilities", "UNISON branch"} <= names
    assert {quadrant(e.influence, e.interest) for e in entries} == set(Quadrant)
    assert all(e.lawful_basis and e.review_on for e in entries if e.email or e.phone)
    assert RaciAssignment.objects.values("initiative").distinct().count() >= 4
    assert not RaciAssignment.objects.filter(role="accountable").exists()
    assert "stakeholders" in capsys.readouterr().out

    edited = Stakeholder.objects.get(name="Frontline staff")
    edited.notes = "Changed by a user"
    edited.save()
    call_command("seed_demo")
    assert Stakeholder.objects.count() == len(entries)
    assert Stakeholder.objects.get(name="Frontline staff").notes == "Changed by a user"

    call_command("seed_demo", "--reset")
    assert Stakeholder.objects.count() == len(entries)
    assert Stakeholder.objects.get(name="Frontline staff").notes != "Changed by a user"
