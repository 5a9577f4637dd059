"""Issue 12, people and organisations: an objective's sponsor (a member, or a
named person outside the product), a roadmap's publisher and partners, goals of
one roadmap, and the roadmap's own word for its objectives, over HTTP.

Personas (tests/conftest.py): lena-lead, eddie-editor and vik-viewer of agency A,
which owns `roadmap`; olga-outsider of agency B, which owns `other_roadmap`.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape

from roadmap.models import ObjectiveAlignment, OrganisationalGoal, Partner
from tests.helpers import HTMX, MARKUP, count_queries, in_place_banner, signed_in, url
from tests.html import FormPage, field_error, squash

pytestmark = pytest.mark.django_db

OUTSIDE = {
    "sponsor_name": "Dr Amina Okafor",
    "sponsor_role": "Permanent Secretary",
    "sponsor_organisation": "Department for Work and Pensions",
}


def objective_form(**fields) -> dict[str, str]:
    return {"title": "Services online", "priority": "high", **fields}


# Sponsors -------------------------------------------------------------------------


def test_an_objectives_sponsor_outside_the_product_is_saved_and_shown(
    editor_client, roadmap, objective
):
    response = editor_client.post(
        url("objective-edit", roadmap, pk=objective.pk), objective_form(**OUTSIDE)
    )

    assert response.status_code == 302
    objective.refresh_from_db()
    assert (objective.sponsor, objective.sponsor_name) == (None, "Dr Amina Okafor")
    shown = "Dr Amina Okafor, Permanent Secretary, Department for Work and Pensions"
    assert shown in squash(editor_client.get(objective.get_absolute_url()).text)
    assert shown in squash(editor_client.get(url("objectives", roadmap)).text)


def test_a_member_sponsor_is_shown_by_name_and_nobody_is_said_missing(
    editor_client, roadmap, objective, lead
):
    page = squash(editor_client.get(objective.get_absolute_url()).text)
    assert "No sponsor named yet" in page and "Not set" not in page

    editor_client.post(
        url("objective-edit", roadmap, pk=objective.pk), objective_form(sponsor=str(lead.pk))
    )

    objective.refresh_from_db()
    assert objective.sponsor == lead
    assert lead.get_full_name() in editor_client.get(objective.get_absolute_url()).text


@pytest.mark.parametrize(
    "typed, message",
    [
        ({"sponsor_name": "Dr Amina Okafor", "sponsor": "member"}, "not both"),
        ({"sponsor_role": "Permanent Secretary"}, "Enter the sponsor's name"),
        ({"sponsor_organisation": "DWP", "sponsor_name": "   "}, "Enter the sponsor's name"),
    ],
    ids=["a member and a named person", "a role with no name", "a blank name"],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_bad_sponsor_is_refused_beside_its_field_keeping_what_was_typed(
    editor_client, roadmap, objective, lead, typed, message, htmx
):
    posted = objective_form(**{k: str(lead.pk) if v == "member" else v for k, v in typed.items()})
    before = objective.revision

    response = editor_client.post(
        url("objective-edit", roadmap, pk=objective.pk), posted, headers=HTMX if htmx else {}
    )

    objective.refresh_from_db()
    assert objective.revision == before and objective.sponsor_name == ""
    if htmx:
        assert escape(message) in response.text
        for value in typed.values():
            if value not in ("member", "   "):
                assert f'value="{value}"' in response.text
    else:
        page = FormPage(response)
        assert message in page.error("sponsor_name")
        assert "There is 1 problem" in page.summary()
        for field, value in typed.items():
            if value not in ("member",):
                assert page.value(field) == value.strip()


def test_an_initiative_sponsor_with_a_role_and_no_name_is_refused_too(editor_client, roadmap):
    response = editor_client.post(
        url("initiative-create", roadmap),
        {"title": "Cloud", "component": roadmap.components.first().pk, "sponsor_role": "Director"},
    )
    assert "Enter the sponsor's name" in FormPage(response).error("sponsor_name")


# Publisher and partners -----------------------------------------------------------


def partners_url(roadmap) -> str:
    return url("partner-list", roadmap)


def test_the_overview_shows_the_publisher_and_partners_in_order(client, viewer, roadmap, agency):
    Partner.objects.create(roadmap=roadmap, name="Second partner", position=1)
    Partner.objects.create(roadmap=roadmap, name="First partner", position=0)

    page = squash(signed_in(client, viewer).get(roadmap.get_absolute_url()).text)

    assert f"<dt>Publisher</dt><dd>{agency.name}</dd>" in page.replace("> <", "><")
    assert page.index("First partner") < page.index("Second partner")
    assert "Add a partner organisation" not in page  # a viewer only reads


def test_an_editor_adds_a_partner_in_place(editor_client, roadmap):
    response = editor_client.post(
        url("partner-create", roadmap), {"name": "  Cabinet Office "}, headers=HTMX
    )

    assert response.status_code == 200 and "<html" not in response.text
    assert 'id="partners"' in response.text and "Cabinet Office" in response.text
    assert in_place_banner(response) == "Partner organisation added: Cabinet Office"
    assert list(roadmap.partners.values_list("name", flat=True)) == ["Cabinet Office"]


@pytest.mark.parametrize(
    "name, message",
    [
        ("", "Enter the partner organisation's name."),
        ("x" * 201, "200"),
        ("cabinet office", "already names that partner"),
    ],
    ids=["empty", "too long", "the same name"],
)
def test_a_bad_partner_name_is_refused_and_nothing_saved(editor_client, roadmap, name, message):
    Partner.objects.create(roadmap=roadmap, name="Cabinet Office")

    response = editor_client.post(url("partner-create", roadmap), {"name": name})

    page = FormPage(response)
    assert message in page.error("name")
    assert page.value("name") == name
    assert roadmap.partners.count() == 1


def test_markup_in_a_partner_name_is_shown_as_text(editor_client, roadmap):
    editor_client.post(url("partner-create", roadmap), {"name": MARKUP})

    page = editor_client.get(roadmap.get_absolute_url()).text
    assert escape(MARKUP) in page and MARKUP not in page


def test_partners_are_written_by_editors_of_the_agency_only(
    client, viewer, outsider, roadmap, other_roadmap
):
    partner = Partner.objects.create(roadmap=roadmap, name="Cabinet Office")
    create = url("partner-create", roadmap)
    assert signed_in(client, viewer).post(create, {"name": "X"}).status_code == 403
    assert signed_in(client, outsider).post(create, {"name": "X"}).status_code == 404
    edit = url("partner-edit", roadmap, pk=partner.pk)
    assert client.post(edit, {"name": "X"}).status_code == 404  # still the outsider
    assert client.get(url("partner-move", roadmap, pk=partner.pk)).status_code == 405
    assert list(Partner.objects.values_list("name", flat=True)) == ["Cabinet Office"]


def test_the_overview_costs_the_same_queries_with_ten_times_the_partners(client, viewer, roadmap):
    client = signed_in(client, viewer)
    Partner.objects.create(roadmap=roadmap, name="Partner 0")
    few, _ = count_queries(client, roadmap.get_absolute_url())
    for n in range(1, 10):
        Partner.objects.create(roadmap=roadmap, name=f"Partner {n}", position=n)
    many, page = count_queries(client, roadmap.get_absolute_url())
    assert few == many and "Partner 9" in page


# Goals of one roadmap -----------------------------------------------------------


@pytest.fixture
def shared_goal(agency):
    return OrganisationalGoal.objects.create(organisation=agency, title="Spend less", position=0)


@pytest.fixture
def own_goal(roadmap, agency):
    return OrganisationalGoal.objects.create(
        organisation=agency, roadmap=roadmap, title="One front door", position=0
    )


def test_an_editor_adds_a_goal_of_the_roadmap_on_its_vision_page(editor_client, roadmap, agency):
    response = editor_client.post(
        url("roadmap_goal-create", roadmap), {"title": "One front door"}, headers=HTMX
    )

    assert 'id="roadmap-goals"' in response.text and "One front door" in response.text
    [goal] = OrganisationalGoal.objects.all()
    assert (goal.roadmap, goal.organisation) == (roadmap, agency)
    # It is the roadmap's, not the agency's: the agency's goals page does not list it.
    agency_page = editor_client.get(reverse("roadmap:goals", kwargs={"agency": agency.slug}))
    assert "One front door" not in agency_page.text
    assert "One front door" in editor_client.get(url("vision", roadmap)).text


def test_a_roadmap_goal_may_not_repeat_a_shared_goal(editor_client, roadmap, shared_goal):
    response = editor_client.post(url("roadmap_goal-create", roadmap), {"title": "spend less"})

    # The vision page holds two "add" forms: the goal's fields have ids of their own.
    assert "already shares that goal" in field_error(FormPage(response).document, "goal-title")
    assert OrganisationalGoal.objects.count() == 1


def test_the_roadmaps_own_goals_come_first_and_no_other_roadmaps_goal_is_offered(
    editor_client, roadmap, objective, shared_goal, own_goal, agency, other_roadmap
):
    from roadmap.models import Roadmap

    sibling = Roadmap.objects.create(
        organisation=agency,
        title="Another",
        slug="another",
        horizon_start_year=2026,
        horizon_end_year=2027,
    )
    elsewhere = OrganisationalGoal.objects.create(
        organisation=agency, roadmap=sibling, title="Another roadmap's aim"
    )
    foreign = OrganisationalGoal.objects.create(
        organisation=other_roadmap.organisation, title="Agency B's goal"
    )

    page = squash(editor_client.get(objective.get_absolute_url()).text)

    assert page.index("One front door (this roadmap)") < page.index(">Spend less<")
    assert "Another roadmap's aim" not in page and "Agency B's goal" not in page
    align = url("alignment-create", roadmap, pk=objective.pk)
    for goal in (elsewhere, foreign):
        response = editor_client.post(align, {"goal": goal.pk, "rationale": "Why"})
        assert escape("Choose one of your agency's goals or this roadmap's own.") in response.text
    assert not ObjectiveAlignment.objects.exists()


def test_an_objective_lists_the_roadmaps_goal_before_the_shared_one(
    editor_client, roadmap, objective, shared_goal, own_goal
):
    ObjectiveAlignment.objects.create(objective=objective, goal=shared_goal, rationale="Cheaper")
    ObjectiveAlignment.objects.create(objective=objective, goal=own_goal, rationale="The door")

    page = editor_client.get(objective.get_absolute_url()).text
    assert page.index("One front door") < page.index("Spend less")


def test_a_roadmap_goal_is_not_reached_through_the_agency_goals_or_another_roadmap(
    client, editor, outsider, roadmap, own_goal, agency
):
    agency_edit = reverse("roadmap:goal-edit", kwargs={"agency": agency.slug, "pk": own_goal.pk})
    assert signed_in(client, editor).get(agency_edit).status_code == 404
    own_edit = url("roadmap_goal-edit", roadmap, pk=own_goal.pk)
    assert client.get(own_edit).status_code == 200
    assert signed_in(client, outsider).get(own_edit).status_code == 404


def test_the_vision_page_costs_the_same_queries_with_ten_times_the_goals(
    client, viewer, roadmap, agency
):
    client = signed_in(client, viewer)
    OrganisationalGoal.objects.create(organisation=agency, roadmap=roadmap, title="Goal 0")
    few, _ = count_queries(client, url("vision", roadmap))
    for n in range(1, 10):
        OrganisationalGoal.objects.create(
            organisation=agency, roadmap=roadmap, title=f"Goal {n}", position=n
        )
    many, page = count_queries(client, url("vision", roadmap))
    assert few == many and "Goal 9" in page


# The roadmap's word for its objectives ---------------------------------------------


def roadmap_form(roadmap, **fields) -> dict[str, str]:
    return {
        "title": roadmap.title,
        "horizon_start_year": roadmap.horizon_start_year,
        "horizon_end_year": roadmap.horizon_end_year,
        "vision": roadmap.vision,
        **fields,
    }


def test_a_roadmap_that_calls_its_objectives_missions_says_so_everywhere(
    editor_client, roadmap, objective
):
    response = editor_client.post(
        url("edit", roadmap),
        roadmap_form(roadmap, objective_label="mission", publisher="HM Treasury"),
    )
    assert response.status_code == 302

    listing = squash(editor_client.get(url("objectives", roadmap)).text)
    assert "<h1>Missions and KPIs</h1>" in listing
    assert "Add a mission" in listing and "Add an objective" not in listing
    assert '<span class="objective__number">Mission 1:</span>' in listing
    assert 'aria-current="page">Missions and KPIs</a>' in listing  # the navigation
    detail = squash(editor_client.get(objective.get_absolute_url()).text)
    assert "Mission 1: Services online" in detail.replace(
        '<span class="objective__number">', ""
    ).replace("</span>", "")
    overview = squash(editor_client.get(roadmap.get_absolute_url()).text)
    assert "HM Treasury" in overview
    added = editor_client.post(url("objective-create", roadmap), {"title": "Skills"}, headers=HTMX)
    assert in_place_banner(added) == "Mission added: Skills"
    # The pages that name objectives beside them say "mission" too.
    initiative_form = squash(editor_client.get(url("initiative-create", roadmap)).text)
    assert "The missions it serves: at least one." in initiative_form
    traceability = squash(editor_client.get(url("traceability", roadmap)).text)
    assert "Which initiative serves which mission." in traceability
    assert "A mission no initiative serves" in traceability
    objective_form_page = squash(
        editor_client.get(url("objective-edit", roadmap, pk=objective.pk)).text
    )
    assert "This mission is citizen-centric" in objective_form_page
    home = squash(editor_client.get(reverse("home")).text)
    assert "2 missions" in home and "objectives" not in home.lower()


@pytest.mark.parametrize("label", ["nonsense", "<b>mission</b>"])
def test_an_unknown_label_is_refused_beside_its_field_and_nothing_saved(
    editor_client, roadmap, label
):
    response = editor_client.post(
        url("edit", roadmap), roadmap_form(roadmap, title="Changed", objective_label=label)
    )

    assert response.status_code == 200
    assert "Choose one of the names listed" in response.text
    assert 'value="Changed"' in response.text
    roadmap.refresh_from_db()
    assert (roadmap.title, roadmap.objective_label) == ("Digital roadmap 2026 to 2030", "objective")
