"""Writes to the SWOT, systems and processes: what a form refuses, a service
refuses too (an import or the admin cannot store it), and nothing is saved."""

from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Process, SwotItem, System
from assessments.services.swot import swot_item_move, swot_item_update
from assessments.services.systems import system_update
from ui.concurrency import Refused, StaleEdit
from ui.ordering import Move

from ..factories import make_item, make_process, make_system

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"year_introduced": 1949}, "year_introduced", "1949 is before the first computers"),
        ({"year_introduced": 2999}, "year_introduced", "2999 is in the future"),
        ({"annual_cost": Decimal("-1")}, "annual_cost", "cannot be negative"),
        ({"hosting": "the moon"}, "hosting", "is not a valid choice"),
        ({"condition": 6}, "condition", "Enter a condition from 1 to 5."),
    ],
)
def test_a_system_out_of_bounds_is_refused_and_not_saved(roadmap, fields, field, message):
    with pytest.raises(Refused) as refused:
        make_system(roadmap, **fields)
    assert refused.value.field == field
    assert message in refused.value.message
    assert not System.objects.exists()


def test_this_year_is_a_year_a_system_may_be_introduced(roadmap):
    system = make_system(roadmap, year_introduced=timezone.localdate().year)
    assert system.year_introduced == timezone.localdate().year


def test_two_systems_of_one_roadmap_cannot_share_a_name(roadmap, other_roadmap):
    make_system(roadmap, "Mainframe")
    make_system(other_roadmap, "Mainframe")  # another roadmap's may
    with pytest.raises(Refused) as refused:
        make_system(roadmap, "  Mainframe ")
    assert refused.value.field == "name"
    assert System.objects.filter(roadmap=roadmap).count() == 1


def test_a_system_update_checks_the_rules_and_the_revision(roadmap, editor):
    system = make_system(roadmap)
    with pytest.raises(Refused):
        system_update(system=system, year_introduced=1900)
    assert System.objects.get().year_introduced is None
    system_update(system=System.objects.get(), annual_cost=Decimal("5"), revision=1, by=editor)
    with pytest.raises(StaleEdit):
        system_update(system=System.objects.get(), name="Renamed", revision=1)
    assert System.objects.get().name == "Mainframe"


def test_a_process_with_an_unknown_digitisation_level_is_refused(roadmap):
    with pytest.raises(Refused) as refused:
        make_process(roadmap, digitisation="fax")
    assert refused.value.field == "digitisation"
    assert not Process.objects.exists()


def test_a_swot_item_moves_within_its_quadrant(roadmap):
    first = make_item(roadmap, "Paper forms")
    second = make_item(roadmap, "Few data skills")
    strength = make_item(roadmap, "Committed leaders", quadrant="strength")
    result = swot_item_move(swot_item=first, move=Move.DOWN)
    assert (result.place, result.total) == (2, 2)
    weaknesses = SwotItem.objects.filter(quadrant="weakness").order_by("position")
    assert list(weaknesses) == [second, first]
    assert SwotItem.objects.get(pk=strength.pk).position == 0


def test_a_swot_item_names_only_a_dimension_the_roadmap_may_use(roadmap):
    from assessments.models import Dimension, Framework

    old = Framework.objects.create(code="old", name="Old framework", is_current=False)
    dimension = Dimension.objects.create(framework=old, name="Not offered")
    item = make_item(roadmap, "Paper forms")
    with pytest.raises(Refused) as refused:
        swot_item_update(swot_item=item, text="Paper forms", dimension=dimension)
    assert refused.value.field == "dimension"
    current = Framework.objects.create(code="new", name="Current framework")
    offered = Dimension.objects.create(framework=current, name="Data")
    swot_item_update(swot_item=item, text="Paper forms", dimension=offered)
    assert SwotItem.objects.get().dimension == offered
