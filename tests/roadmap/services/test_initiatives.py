"""The plan's writes: every roadmap starts with the seven components; an
initiative and its dependencies are refused, with a message naming the field,
whatever calls the service (form, admin, import), when they break a rule."""

import itertools
from datetime import date
from decimal import Decimal

import pytest

from roadmap.models import Component, ComponentKind, Dependency, Initiative, Objective
from roadmap.services.components import component_delete, component_update, components_seed
from roadmap.services.initiatives import dependency_add, initiative_create, initiative_update
from roadmap.services.roadmaps import roadmap_create
from ui.concurrency import Refused, StaleEdit

pytestmark = pytest.mark.django_db

SEED = [
    "Technology adoption",
    "Change management",
    "Data management and security",
    "Agile implementation and monitoring",
    "Leadership commitment",
    "Talent development and training",
    "Collaborative partnerships",
]


def plan(roadmap, title="Cloud hosting", start=(2026, 4), end=(2027, 3), **fields):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=fields.pop("component", None) or roadmap.components.first(),
        start_month=date(*start, 1),
        end_month=date(*end, 1),
        **fields,
    )


def test_the_seven_kinds_are_reference_data_in_the_seeds_order():
    assert list(ComponentKind.objects.values_list("name", flat=True)) == SEED
    strategies = ComponentKind.objects.filter(is_strategy=True).values_list("name", flat=True)
    assert list(strategies) == SEED[4:]


def test_a_new_roadmap_starts_with_the_seven_components(agency, lead):
    roadmap = roadmap_create(
        organisation=agency,
        created_by=lead,
        title="Digital 2027",
        slug="digital-2027",
        horizon_start_year=2027,
        horizon_end_year=2030,
    )
    components = list(roadmap.components.select_related("kind"))
    assert [c.name for c in components] == SEED
    assert [c.kind.name for c in components] == SEED
    assert all(c.description for c in components)


def test_seeding_again_adds_no_component_to_a_roadmap_that_has_them(roadmap):
    roadmap.components.get(name="Change management").delete()
    before = list(roadmap.components.values_list("pk", "name"))

    assert components_seed(roadmap=roadmap) == []

    assert list(roadmap.components.values_list("pk", "name")) == before


def test_renaming_a_component_keeps_its_kind(roadmap):
    component = roadmap.components.get(name="Change management")
    kind = component.kind
    component_update(component=component, name="People and change", kind=kind, description="")
    component.refresh_from_db()
    assert (component.name, component.kind) == ("People and change", kind)


def test_a_component_that_holds_initiatives_is_not_deleted(roadmap):
    component = roadmap.components.first()
    plan(roadmap, component=component)
    with pytest.raises(Refused, match="still holds 1 initiative"):
        component_delete(component=component)
    assert Component.objects.filter(pk=component.pk).exists()


def test_an_initiative_is_stored_by_month(roadmap):
    initiative = initiative_create(
        roadmap=roadmap,
        title="  Cloud hosting  ",
        component=roadmap.components.first(),
        start_month=date(2026, 4, 17),
        end_month=date(2027, 3, 31),
        objectives=[roadmap.objectives.get()],
    )
    initiative.refresh_from_db()
    assert initiative.title == "Cloud hosting"
    assert (initiative.start_month, initiative.end_month) == (date(2026, 4, 1), date(2027, 3, 1))
    assert list(initiative.objectives.all()) == [roadmap.objectives.get()]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"start": (2027, 4), "end": (2027, 3)}, "end_month", "start month or after"),
        ({"rag": "amber"}, "rag_reason", "Say why it is amber"),
        ({"rag": "red", "rag_reason": "   "}, "rag_reason", "Say why it is red"),
        ({"percent_complete": 101}, "percent_complete", "between 0 and 100"),
        ({"capital_cost": Decimal("-1")}, "capital_cost", "between"),
        ({"operating_cost": Decimal("1e14")}, "operating_cost", "between"),
        ({"value": 6}, "value", "between 1 and 5"),
        ({"effort": 0}, "effort", "between 1 and 5"),
        ({"status": "finished"}, "status", "not a valid choice"),
        ({"start": (1989, 12)}, "start_month", "between"),
        ({"end": (2101, 1)}, "end_month", "between"),
        ({"title": "x" * 201}, "title", "at most"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(roadmap, fields, field, message):
    with pytest.raises(Refused) as refused:
        plan(roadmap, **fields)
    assert refused.value.field == field
    assert message in refused.value.message
    assert not Initiative.objects.exists()


def test_one_sponsor_a_member_or_someone_outside_not_both(roadmap, lead):
    with pytest.raises(Refused, match="Name one sponsor") as refused:
        plan(roadmap, sponsor=lead, sponsor_name="Permanent Secretary")
    assert refused.value.field == "sponsor_name"
    outside = plan(
        roadmap,
        sponsor_name="Ana Ruiz",
        sponsor_role="Permanent Secretary",
        sponsor_organisation="Cabinet Office",
    )
    assert (outside.sponsor, outside.sponsor_name) == (None, "Ana Ruiz")


def test_what_an_initiative_serves_and_sits_in_must_be_of_its_own_roadmap(roadmap, other_roadmap):
    other_component = Component.objects.create(roadmap=other_roadmap, name="Theirs")
    with pytest.raises(Refused, match="this roadmap's components"):
        plan(roadmap, component=other_component)
    theirs = Objective.objects.create(roadmap=other_roadmap, title="Theirs")
    with pytest.raises(Refused, match="objectives of this roadmap"):
        plan(roadmap, objectives=[theirs])
    assert not Initiative.objects.exists()


def test_markup_is_stored_as_typed(roadmap):
    markup = '<script>alert("x")</script>'
    initiative = plan(roadmap, title=markup, summary=markup, tags=markup)
    initiative.refresh_from_db()
    assert (initiative.title, initiative.summary, initiative.tags) == (markup, markup, markup)


def test_a_green_initiative_keeps_no_reason(roadmap):
    initiative = plan(roadmap, rag="amber", rag_reason="Supplier late")
    initiative_update(initiative=initiative, rag="green", revision=initiative.revision)
    initiative.refresh_from_db()
    assert (initiative.rag, initiative.rag_reason) == ("green", "")


def test_a_change_over_one_not_seen_is_refused(roadmap):
    initiative = plan(roadmap)
    seen = initiative.revision
    initiative_update(initiative=initiative, title="Cloud hosting, phase 1", revision=seen)
    stale = Initiative.objects.get(pk=initiative.pk)
    with pytest.raises(StaleEdit):
        initiative_update(initiative=stale, title="Something else", revision=seen)
    assert Initiative.objects.get(pk=initiative.pk).title == "Cloud hosting, phase 1"


# Dependencies -----------------------------------------------------------------


def test_a_dependency_on_itself_is_refused(roadmap):
    initiative = plan(roadmap)
    with pytest.raises(Refused) as refused:
        dependency_add(initiative=initiative, prerequisite=initiative)
    assert refused.value.message == "“Cloud hosting” cannot depend on itself."
    assert not Dependency.objects.exists()


def test_a_cycle_across_five_initiatives_is_refused_and_named(roadmap):
    chain = [plan(roadmap, title=f"Step {n}") for n in range(1, 6)]
    for earlier, later in itertools.pairwise(chain):
        dependency_add(initiative=later, prerequisite=earlier)
    with pytest.raises(Refused) as refused:
        dependency_add(initiative=chain[0], prerequisite=chain[4])
    assert refused.value.field == "prerequisite"
    for n in range(1, 6):
        assert f"Step {n}" in refused.value.message
    assert Dependency.objects.count() == 4


def test_a_dependency_twice_or_across_roadmaps_is_refused(roadmap, other_roadmap):
    first, second = plan(roadmap, title="First"), plan(roadmap, title="Second")
    dependency_add(initiative=second, prerequisite=first)
    with pytest.raises(Refused, match="already depends"):
        dependency_add(initiative=second, prerequisite=first)
    other = Component.objects.create(roadmap=other_roadmap, name="Theirs")
    theirs = plan(other_roadmap, title="Theirs", component=other)
    with pytest.raises(Refused, match="this roadmap"):
        dependency_add(initiative=second, prerequisite=theirs)
    assert Dependency.objects.count() == 1
