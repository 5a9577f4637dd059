"""The plan's pages: the initiatives' list with filters in the address, adding
and changing an initiative by month, its page with dependencies both ways, and
the components' list."""

import itertools
from datetime import date

import pytest

from roadmap.models import Dependency, Initiative
from roadmap.services.initiatives import dependency_add, initiative_create
from tests.helpers import HTMX, count_queries, in_place_banner, signed_in, url
from tests.html import FormPage

pytestmark = pytest.mark.django_db


def plan(roadmap, title, start=(2026, 4), end=(2027, 3), component=None, **fields):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=component or roadmap.components.first(),
        start_month=date(*start, 1),
        end_month=date(*end, 1),
        **fields,
    )


def month(name, year, month_number):
    return {f"{name}_month": str(month_number), f"{name}_year": str(year)}


def form_data(roadmap, **changes):
    data = {
        "title": "Cloud hosting",
        "summary": "Move the case system to a public cloud.",
        "component": str(roadmap.components.first().pk),
        "objectives": [str(roadmap.objectives.get().pk)],
        **month("start_month", 2026, 4),
        **month("end_month", 2027, 3),
        "status": "planned",
        "rag": "green",
        "percent_complete": "0",
        "funding_status": "unfunded",
        "benefit_type": "cost_saving",
        "value": "4",
        "effort": "2",
        "confidence": "medium",
    }
    data.update(changes)
    return data


def listed(response) -> list[str]:
    page = response.text.split('id="initiatives"')[1]
    return [
        row.split('">', 1)[1].split("</a>")[0]
        for row in page.split('<th scope="row"><a href="')[1:]
    ]


# The list ----------------------------------------------------------------------


def test_the_list_filters_and_sorts_from_the_address(client, viewer, lead, roadmap):
    technology, change = roadmap.components.all()[:2]
    plan(roadmap, "Cloud hosting", (2026, 6), (2027, 6), technology, status="in_progress")
    plan(roadmap, "Retire the old system", (2027, 1), (2027, 12), technology, owner=lead)
    plan(roadmap, "Training", (2026, 2), (2026, 9), change, objectives=[roadmap.objectives.get()])
    signed_in(client, viewer)
    address = url("initiatives", roadmap)
    assert listed(client.get(address)) == ["Cloud hosting", "Retire the old system", "Training"]
    assert listed(client.get(f"{address}?component={change.pk}")) == ["Training"]
    assert listed(client.get(f"{address}?status=in_progress")) == ["Cloud hosting"]
    assert listed(client.get(f"{address}?owner={lead.pk}")) == ["Retire the old system"]
    objective = roadmap.objectives.get()
    assert listed(client.get(f"{address}?objective={objective.pk}")) == ["Training"]
    by_start = client.get(f"{address}?sort=start")
    assert listed(by_start) == ["Training", "Cloud hosting", "Retire the old system"]
    assert "1 initiative match" in client.get(f"{address}?status=in_progress").text
    # With htmx the list alone comes back, for the filters to replace in place.
    fragment = client.get(
        f"{address}?status=in_progress", headers={**HTMX, "HX-Target": "initiatives"}
    )
    assert fragment.text.lstrip().startswith('<section aria-labelledby="initiatives-heading"')
    assert listed(fragment) == ["Cloud hosting"]


def test_an_initiative_serving_no_objective_says_so(client, viewer, roadmap):
    plan(roadmap, "Cloud hosting")
    text = signed_in(client, viewer).get(url("initiatives", roadmap)).text
    assert "Serves no objective yet" in text


def test_another_agencys_plan_is_not_found(client, viewer, other_roadmap):
    theirs = plan(other_roadmap, "Their secret")
    signed_in(client, viewer)
    for address in (
        url("initiatives", other_roadmap),
        url("components", other_roadmap),
        theirs.get_absolute_url(),
    ):
        response = client.get(address)
        assert response.status_code == 404
        assert "Their secret" not in response.text


def test_the_list_costs_the_same_with_ten_times_the_initiatives(client, viewer, lead, roadmap):
    signed_in(client, viewer)

    def grow(count):
        start = roadmap.initiatives.count()
        made = [
            plan(
                roadmap,
                f"Initiative {start + n}",
                owner=lead,
                sponsor=lead,
                objectives=[roadmap.objectives.get()],
            )
            for n in range(count)
        ]
        for earlier, later in itertools.pairwise(made):
            dependency_add(initiative=later, prerequisite=earlier)

    grow(3)
    small, _ = count_queries(client, url("initiatives", roadmap))
    grow(27)
    large, _ = count_queries(client, url("initiatives", roadmap))
    assert large == small


# Adding and changing ------------------------------------------------------------


def test_an_editor_adds_an_initiative_by_month(client, editor, roadmap):
    response = signed_in(client, editor).post(url("initiative-create", roadmap), form_data(roadmap))
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert (initiative.start_month, initiative.end_month) == (date(2026, 4, 1), date(2027, 3, 1))
    assert list(initiative.objectives.all()) == [roadmap.objectives.get()]
    assert initiative.priority_score == 32  # value 4, effort 2, medium confidence
    page = client.get(response["Location"])
    assert "Initiative added: Cloud hosting" in page.text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({**month("end_month", 2026, 3)}, "end_month", "start month or after"),
        ({"end_month_month": ""}, "end_month", "must include a month"),
        ({"start_month_year": "26"}, "start_month", "Year must include 4 numbers"),
        ({"rag": "red"}, "rag_reason", "Say what is wrong"),
        ({"percent_complete": "150"}, "percent_complete", "between 0 and 100"),
        ({"capital_cost": "-5"}, "capital_cost", "between"),
        ({"title": ""}, "title", "Enter a title"),
    ],
)
def test_bad_input_is_shown_beside_its_field_and_what_was_typed_stays(
    client, editor, roadmap, changes, field, message
):
    data = form_data(roadmap, summary="Typed <b>carefully</b>", **changes)
    response = signed_in(client, editor).post(url("initiative-create", roadmap), data)
    assert response.status_code == 200
    page = FormPage(response)
    assert message in page.error(field)
    assert page.value("summary") == "Typed <b>carefully</b>"
    assert not Initiative.objects.exists()


def test_a_viewer_cannot_add(client, viewer, roadmap):
    response = signed_in(client, viewer).post(url("initiative-create", roadmap), form_data(roadmap))
    assert response.status_code == 403
    assert not Initiative.objects.exists()


def test_a_change_lands_on_the_initiatives_page(client, editor, roadmap):
    initiative = plan(roadmap, "Cloud hosting")
    data = form_data(roadmap, title="Cloud hosting, phase 1", revision=str(initiative.revision))
    response = signed_in(client, editor).post(initiative.change_url, data)
    assert response["Location"] == initiative.get_absolute_url()
    initiative.refresh_from_db()
    assert initiative.title == "Cloud hosting, phase 1"


# Dependencies on the initiative's page --------------------------------------------


def test_the_page_shows_dependencies_both_ways_with_their_conflicts(client, viewer, roadmap):
    cloud = plan(roadmap, "Cloud hosting", (2026, 4), (2027, 3))
    retire = plan(roadmap, "Retire the old system", (2027, 1), (2027, 12))
    dependency_add(initiative=retire, prerequisite=cloud)
    signed_in(client, viewer)
    retire_page = client.get(retire.get_absolute_url()).text
    assert "Cloud hosting</a>" in retire_page
    assert "Conflict: this initiative starts in January 2027, before it ends." in retire_page
    cloud_page = client.get(cloud.get_absolute_url()).text
    assert "Retire the old system</a>" in cloud_page
    assert "Conflict: it starts before this one ends." in cloud_page


def test_a_dependency_is_added_in_place_and_a_cycle_refused_with_its_name(client, editor, roadmap):
    first, second = plan(roadmap, "First"), plan(roadmap, "Second")
    signed_in(client, editor)
    add = second.address("roadmap:dependency-create")
    added = client.post(add, {"prerequisite": first.pk}, headers=HTMX)
    assert added.text.lstrip().startswith('<section aria-labelledby="dependencies-heading"')
    assert "“Second” now depends on “First”." in in_place_banner(added)
    back = first.address("roadmap:dependency-create")
    refused = client.post(back, {"prerequisite": second.pk}, headers=HTMX)
    assert "circle" in refused.text and "First" in refused.text
    assert Dependency.objects.count() == 1


def test_a_dependency_is_removed(client, editor, roadmap):
    first, second = plan(roadmap, "First"), plan(roadmap, "Second")
    dependency = dependency_add(initiative=second, prerequisite=first)
    response = signed_in(client, editor).post(dependency.delete_url)
    assert response["Location"] == f"{second.get_absolute_url()}#dependencies"
    assert not Dependency.objects.exists()


# Components ---------------------------------------------------------------------


def test_a_component_holding_initiatives_cannot_be_deleted(client, lead, roadmap):
    component = roadmap.components.first()
    plan(roadmap, "Cloud hosting", component=component)
    signed_in(client, lead)
    question = client.get(component.delete_url)
    assert "cannot be deleted" in question.text and "Yes, delete it" not in question.text
    response = client.post(component.delete_url)
    assert response.status_code == 200
    assert "holds 1 initiative" in response.text
    assert roadmap.components.filter(pk=component.pk).exists()


def test_an_empty_component_is_deleted_and_one_is_added_on_demand(client, lead, roadmap):
    component = roadmap.components.last()
    signed_in(client, lead)
    client.post(component.delete_url)
    assert not roadmap.components.filter(pk=component.pk).exists()
    page = client.get(url("components", roadmap)).text
    assert 'name="name"' not in page and ">Add a component</a>" in page
    added = client.post(
        url("component-create", roadmap), {"name": "Cloud", "kind": "", "description": ""}
    )
    assert added.status_code == 302
    assert roadmap.components.last().name == "Cloud"
    assert roadmap.components.last().kind is None


# The timeline -------------------------------------------------------------------


def test_the_timeline_shows_conflicts_and_the_critical_path(client, viewer, roadmap):
    landing = plan(roadmap, "Landing zone", (2026, 1), (2026, 3))
    cloud = plan(roadmap, "Cloud hosting", (2026, 4), (2027, 3))
    retire = plan(roadmap, "Retire the old system", (2027, 1), (2027, 12))
    plan(roadmap, "Training", (2026, 2), (2026, 9), roadmap.components.last())
    dependency_add(initiative=cloud, prerequisite=landing)
    dependency_add(initiative=retire, prerequisite=cloud)
    text = signed_in(client, viewer).get(url("timeline", roadmap)).text
    assert "4 initiatives; <strong" in text and "1 schedule conflict</strong>" in text
    assert "Landing zone → Cloud hosting → Retire the old system." in text
    assert f'id="timeline-bar-{retire.pk}"' in text
    assert "timeline__arrow--conflict" in text
    assert retire.get_absolute_url() in text  # every bar a link


def test_the_timeline_table_and_zoom_keep_the_filters(client, viewer, roadmap):
    technology = roadmap.components.first()
    plan(roadmap, "Cloud hosting", component=technology)
    plan(roadmap, "Training", component=roadmap.components.last())
    signed_in(client, viewer)
    address = f"{url('timeline', roadmap)}?component={technology.pk}"
    table = client.get(f"{address}&view=table").text
    assert "Cloud hosting</a>" in table and "Training" not in table.split("<tbody>")[1]
    assert "<svg" not in table
    assert f'href="?component={technology.pk}">Chart</a>' in table
    years = client.get(f"{address}&zoom=years").text
    assert '<strong aria-current="page">Years</strong>' in years
    assert f'href="?component={technology.pk}">Quarters</a>' in years
    assert "Q1" not in years.split("<svg")[1]  # years only


def test_the_timeline_costs_the_same_with_ten_times_the_initiatives(client, viewer, lead, roadmap):
    signed_in(client, viewer)

    def grow(count):
        start = roadmap.initiatives.count()
        made = [
            plan(
                roadmap,
                f"Initiative {start + n}",
                owner=lead,
                objectives=[roadmap.objectives.get()],
            )
            for n in range(count)
        ]
        for earlier, later in itertools.pairwise(made):
            dependency_add(initiative=later, prerequisite=earlier)

    grow(3)
    small, _ = count_queries(client, url("timeline", roadmap))
    grow(27)
    large, _ = count_queries(client, url("timeline", roadmap))
    assert large == small


def test_the_timeline_shows_milestones_in_their_lanes_and_the_roadmaps_own(client, viewer, roadmap):
    from roadmap.services.milestones import milestone_create

    cloud = plan(roadmap, "Cloud hosting", (2026, 4), (2027, 3))
    milestone_create(
        roadmap=roadmap, title="Landing zone live", due_date=date(2026, 9, 30), initiative=cloud
    )
    milestone_create(roadmap=roadmap, title="Board approves", due_date=date(2026, 2, 12))
    signed_in(client, viewer)
    chart = client.get(url("timeline", roadmap)).text.split("<svg")[1]
    assert "Landing zone live" in chart and "Board approves" in chart
    # Filtered to a component, the roadmap's own milestones are left off.
    filtered = client.get(f"{url('timeline', roadmap)}?component={cloud.component_id}").text
    assert "Landing zone live" in filtered and "Board approves" not in filtered
