"""Writes to gaps: the source must fit its picker (the rule in rules/gaps.py), what
it names and the initiatives closing it must be of the gap's roadmap, and the
inventory's suggestions become gaps once."""

import pytest

from assessments.models import Gap
from assessments.services.gaps import gap_update, gaps_from_inventory
from ui.concurrency import Refused

from ..factories import make_gap, make_initiative, make_item, make_process, make_system

pytestmark = pytest.mark.django_db


def test_a_gap_found_in_a_weakness_closed_by_initiatives(roadmap):
    weakness = make_item(roadmap, "Paper forms")
    cloud = make_initiative(roadmap)
    gap = make_gap(roadmap, source="weakness", weakness=weakness, initiatives=[cloud])
    assert list(gap.initiatives.all()) == [cloud]
    assert list(cloud.gaps.all()) == [gap]


@pytest.mark.parametrize(
    ("make_source", "field", "message"),
    [
        (
            lambda r: {"source": "weakness", "weakness": make_item(r, "Good staff", "strength")},
            "weakness",
            "that SWOT item is a strength",
        ),
        (
            lambda r: {"source": "system", "system": make_system(r, lifecycle="invest")},
            "system",
            "that one is marked invest",
        ),
        (
            lambda r: {"source": "process", "process": make_process(r, digitisation="online")},
            "process",
            "online end to end",
        ),
        (lambda r: {"source": "other", "system": make_system(r)}, "system", "Leave this empty"),
        (lambda r: {"source": "system"}, "system", "Choose the system"),
    ],
)
def test_a_source_that_does_not_fit_is_refused(roadmap, make_source, field, message):
    with pytest.raises(Refused) as refused:
        make_gap(roadmap, **make_source(roadmap))
    assert refused.value.field == field
    assert message in refused.value.message
    assert not Gap.objects.exists()


def test_another_roadmaps_things_are_refused(roadmap, other_roadmap):
    theirs = make_system(other_roadmap)
    with pytest.raises(Refused) as refused:
        make_gap(roadmap, source="system", system=theirs)
    assert refused.value.field == "system"
    their_initiative = make_initiative(other_roadmap)
    with pytest.raises(Refused) as refused:
        make_gap(roadmap, initiatives=[their_initiative])
    assert refused.value.field == "initiatives"
    assert not Gap.objects.exists()


def test_an_update_keeps_its_initiatives_unless_given(roadmap):
    cloud = make_initiative(roadmap)
    gap = make_gap(roadmap, initiatives=[cloud])
    gap_update(gap=gap, title="Renamed", severity="critical")
    assert list(Gap.objects.get().initiatives.all()) == [cloud]
    gap_update(gap=Gap.objects.get(), initiatives=[])
    assert not Gap.objects.get().initiatives.exists()
    with pytest.raises(TypeError):
        gap_update(gap=gap, roadmap=None)


def test_the_inventory_suggests_gaps_once(roadmap, editor):
    mainframe = make_system(roadmap, "Mainframe", lifecycle="migrate", criticality="critical")
    access = make_system(roadmap, "Access database", lifecycle="eliminate", criticality="low")
    kept = make_system(roadmap, "Payroll", lifecycle="tolerate")
    paper = make_process(roadmap, "Parking permits", pain_points="Re-keyed by hand.")
    made = gaps_from_inventory(
        roadmap=roadmap, systems=[mainframe, access, kept], processes=[paper], by=editor
    )
    assert sorted((gap.title, gap.severity, gap.source) for gap in made) == [
        ("Migrate Mainframe", "critical", "system"),
        ("Retire Access database", "low", "system"),
        ("Take Parking permits online", "medium", "process"),
    ]
    assert Gap.objects.get(process=paper).description == "Re-keyed by hand."
    # Again: each already has its gap, so nothing more is made.
    assert gaps_from_inventory(roadmap=roadmap, systems=[mainframe], processes=[paper]) == []
    assert Gap.objects.count() == 3


def test_a_suggestion_whose_title_is_taken_is_left_out(roadmap):
    mainframe = make_system(roadmap, "Mainframe")
    make_gap(roadmap, "Migrate mainframe")
    assert gaps_from_inventory(roadmap=roadmap, systems=[mainframe]) == []
    assert Gap.objects.count() == 1
