"""Guiding principles (per roadmap, on its "Vision and principles" page) and
organisational goals (per agency) over HTTP.

Personas (tests/conftest.py): alice-admin, lena-lead, eddie-editor and
vik-viewer are members of agency A, which owns `roadmap`; olga-outsider is a
lead of agency B, which owns `other_roadmap` (the same slug).
"""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from roadmap.models import GuidingPrinciple, Objective, ObjectiveAlignment, OrganisationalGoal
from tests.helpers import HTMX, MARKUP, count_queries, in_place_banner, signed_in
from tests.helpers import url as roadmap_url
from tests.html import FormPage, find, squash, text_of


@pytest.fixture
def principles(roadmap):
    return [
        GuidingPrinciple.objects.create(roadmap=roadmap, title=title, position=n)
        for n, title in enumerate(["Digital by default", "Citizen-centric", "Secure by design"])
    ]


@pytest.fixture
def goals(agency):
    return [
        OrganisationalGoal.objects.create(organisation=agency, title=title, position=n)
        for n, title in enumerate(["Cut waiting times", "Spend less", "Trusted by the public"])
    ]


@pytest.fixture
def other_principle(other_roadmap):
    return GuidingPrinciple.objects.create(roadmap=other_roadmap, title="Agency B's principle")


@pytest.fixture
def other_goal(other_agency):
    return OrganisationalGoal.objects.create(organisation=other_agency, title="Agency B's goal")


def vision_page(roadmap) -> str:
    """The page that holds the roadmap's guiding principles."""
    return roadmap_url("vision", roadmap)


def agency_url(name: str, agency, **kwargs) -> str:
    return reverse(f"roadmap:{name}", kwargs={"agency": agency.slug, **kwargs})


def endpoints(roadmap, principle, goal) -> dict[str, tuple[str, dict]]:
    """Every view of this file: its address and a valid POST."""
    agency = roadmap.organisation
    return {
        "goals": (agency_url("goals", agency), {}),
        "add principle": (
            roadmap_url("principle-create", roadmap),
            {"title": "Open by default", "description": "Publish what we can."},
        ),
        "edit principle": (
            roadmap_url("principle-edit", roadmap, pk=principle.pk),
            {"title": "Renamed principle", "description": "Changed."},
        ),
        "move principle": (
            roadmap_url("principle-move", roadmap, pk=principle.pk),
            {"direction": "down"},
        ),
        "delete principle": (roadmap_url("principle-delete", roadmap, pk=principle.pk), {}),
        "add goal": (
            agency_url("goal-create", agency),
            {"title": "Grow digital skills", "description": "Across the agency."},
        ),
        "edit goal": (
            agency_url("goal-edit", agency, pk=goal.pk),
            {"title": "Renamed goal", "description": "Changed."},
        ),
        "move goal": (agency_url("goal-move", agency, pk=goal.pk), {"direction": "down"}),
        "delete goal": (agency_url("goal-delete", agency, pk=goal.pk), {}),
    }


POST_ONLY = ["move principle", "move goal"]


def with_methods(pages: list[str]) -> list:
    """(page, method) pairs: GET and POST, but a move is POST only (a GET is 405)."""
    return [
        pytest.param(page, method, id=f"{method} {page}")
        for page in pages
        for method in ("get", "post")
        if not (method == "get" and page in POST_ONLY)
    ]


def database_state() -> tuple[list[dict], ...]:
    return (
        list(GuidingPrinciple.objects.order_by("pk").values()),
        list(OrganisationalGoal.objects.order_by("pk").values()),
        list(ObjectiveAlignment.objects.order_by("pk").values()),
    )


def send(client, method: str, target: tuple[str, dict], **kwargs):
    address, data = target
    if method == "post":
        return client.post(address, data, **kwargs)
    return client.get(address, **kwargs)


# Tenancy: another agency's principles and goals do not exist for you ------------
# Each page's status for every persona and method (sign in, 404, 403, 405, or
# done) is in tests/test_permissions.py; here, what that table does not show.


@pytest.mark.parametrize(
    "page, method", with_methods(["edit principle", "move principle", "delete principle"])
)
def test_another_agencys_principle_is_not_found_through_your_own_roadmap(
    client, editor, roadmap, principles, other_principle, page, method
):
    before = database_state()

    response = send(
        signed_in(client, editor), method, endpoints(roadmap, other_principle, principles[0])[page]
    )

    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize("page, method", with_methods(["edit goal", "move goal", "delete goal"]))
def test_another_agencys_goal_is_not_found_through_your_own_agency(
    client, editor, roadmap, principles, other_goal, page, method
):
    before = database_state()

    response = send(
        signed_in(client, editor), method, endpoints(roadmap, principles[0], other_goal)[page]
    )

    assert response.status_code == 404
    assert database_state() == before


def test_the_goals_page_lists_only_your_agencys_goals(client, viewer, goals, other_goal):
    response = signed_in(client, viewer).get(agency_url("goals", goals[0].organisation))

    assert response.status_code == 200
    for goal in goals:
        assert goal.title in response.text
    assert "Agency B" not in response.text


# Roles: viewers read, editors and above write -------------------------------------


def test_viewer_reads_the_goals_page_without_write_controls(
    client, viewer, roadmap, principles, goals
):
    response = signed_in(client, viewer).get(agency_url("goals", roadmap.organisation))

    assert response.status_code == 200
    assert [g.title for g in goals] == re.findall(
        r'<h3 class="ordered-item__title">([^<]+)</h3>', response.text
    )
    for page in ["add goal", "edit goal", "move goal", "delete goal"]:
        assert endpoints(roadmap, principles[0], goals[0])[page][0] not in response.text
    assert "<form" not in response.text.split('id="main"')[1]


def test_viewer_sees_principles_without_write_controls(client, viewer, roadmap, principles):
    response = signed_in(client, viewer).get(vision_page(roadmap))

    assert [p.title for p in principles] == re.findall(
        r'<h3 class="ordered-item__title">([^<]+)</h3>', response.text
    )
    assert "/principles/" not in response.text
    assert "Move up" not in response.text


def test_editor_is_offered_every_write_control(client, editor, roadmap, principles, goals):
    client = signed_in(client, editor)
    vision = client.get(vision_page(roadmap)).text
    goals_page = client.get(agency_url("goals", roadmap.organisation)).text

    for page in ["add principle", "edit principle", "move principle", "delete principle"]:
        assert endpoints(roadmap, principles[1], goals[1])[page][0] in vision, page
    for page in ["add goal", "edit goal", "move goal", "delete goal"]:
        assert endpoints(roadmap, principles[1], goals[1])[page][0] in goals_page, page


# Guiding principles: what the writes do --------------------------------------------


def test_editor_adds_a_principle_after_the_others(client, editor, roadmap, principles):
    response = signed_in(client, editor).post(
        roadmap_url("principle-create", roadmap),
        {"title": "Open by default", "description": "Publish what we can."},
    )

    assert response.status_code == 302
    assert response["Location"] == f"{vision_page(roadmap)}#principles"
    assert list(roadmap.principles.values_list("title", "position")) == [
        ("Digital by default", 0),
        ("Citizen-centric", 1),
        ("Secure by design", 2),
        ("Open by default", 3),
    ]


def test_htmx_add_principle_returns_only_the_principles_fragment(
    client, editor, roadmap, principles
):
    response = signed_in(client, editor).post(
        roadmap_url("principle-create", roadmap),
        {"title": "Open by default", "description": ""},
        headers=HTMX,
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.strip().startswith('<section aria-labelledby="principles-heading"')
    assert response.text.count('class="ordered-item"') == 4
    assert 'value="Open by default"' not in response.text
    assert 'name="title"' not in response.text  # the add form has closed...
    add = roadmap_url("principle-create", roadmap)
    assert f'href="{add}" hx-get="{add}" hx-target="#principles"' in response.text  # ...for another
    added = roadmap.principles.get(title="Open by default")
    focused = re.findall(r"<([a-z0-9]+)[^>]* data-autofocus[^>]*>([^<]*)", response.text)
    assert focused == [("h3", "Open by default")]  # focus on what was added, not lost
    assert f'id="principle-{added.pk}"' in response.text
    assert in_place_banner(response) == "Principle added: Open by default"
    assert 'id="objectives"' not in response.text


def test_add_a_guiding_principle_opens_the_form_in_the_list(client, editor, roadmap, principles):
    """The principles' page offers "Add a guiding principle"; with htmx it opens the
    form in the list (its heading takes focus), without JavaScript a page of its own."""
    client = signed_in(client, editor)
    address = roadmap_url("principle-create", roadmap)
    add = find(FormPage(client.get(vision_page(roadmap))).document, href=address)
    assert squash(text_of(add)) == "Add a guiding principle"
    assert (dict(add.attributes)["hx-get"], dict(add.attributes)["hx-target"]) == (
        address,
        "#principles",
    )

    response = client.get(address, headers=HTMX)

    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.strip().startswith('<section aria-labelledby="principles-heading"')
    assert response.text.count('class="ordered-item"') == 3  # the list stays
    page = FormPage(response)
    form = find(page.document, action=address)
    assert (dict(form.attributes)["method"], dict(form.attributes)["hx-post"]) == ("post", address)
    assert page.value("title") == "" and page.value("description") == ""
    assert 'id="add-principle-heading" tabindex="-1" data-autofocus' in response.text
    assert find(page.document, href=address) is None  # the button gives way to the form
    cancel = find(form, href=f"{vision_page(roadmap)}#principles")
    assert squash(text_of(cancel)) == "Cancel"
    assert dict(cancel.attributes)["hx-target"] == "#principles"
    closed = client.get(
        dict(cancel.attributes)["hx-get"], headers={**HTMX, "HX-Target": "principles"}
    )
    assert closed.text.strip().startswith('<section aria-labelledby="principles-heading"')
    assert 'name="title"' not in closed.text
    assert find(FormPage(closed).document, href=address) is not None  # the button is back


def test_the_plain_add_principle_page_is_a_whole_page(client, editor, roadmap):
    response = signed_in(client, editor).get(roadmap_url("principle-create", roadmap))

    assert response.status_code == 200
    assert "<html" in response.text
    assert "Add a guiding principle" in response.text


def test_editor_edits_a_principle(client, editor, roadmap, principles):
    response = signed_in(client, editor).post(
        roadmap_url("principle-edit", roadmap, pk=principles[1].pk),
        {"title": "Citizen-centric always", "description": "Start with needs."},
    )

    principles[1].refresh_from_db()
    assert response["Location"] == f"{vision_page(roadmap)}#principle-{principles[1].pk}"
    assert (principles[1].title, principles[1].description, principles[1].position) == (
        "Citizen-centric always",
        "Start with needs.",
        1,
    )


def test_a_principle_keeps_its_own_title_when_only_its_description_changes(
    client, editor, roadmap, principles
):
    response = signed_in(client, editor).post(
        roadmap_url("principle-edit", roadmap, pk=principles[0].pk),
        {"title": "digital BY default", "description": "Now described."},
    )

    assert response.status_code == 302


def test_delete_principle_asks_first_and_removes_on_post(client, editor, roadmap, principles):
    client = signed_in(client, editor)
    address = roadmap_url("principle-delete", roadmap, pk=principles[0].pk)

    confirm = client.get(address)
    assert confirm.status_code == 200
    assert 'Delete the guiding principle "Digital by default"?' in confirm.text
    assert roadmap.principles.count() == 3

    response = client.post(address)

    assert response["Location"] == f"{vision_page(roadmap)}#principles"
    assert list(roadmap.principles.values_list("title", flat=True)) == [
        "Citizen-centric",
        "Secure by design",
    ]


def test_htmx_delete_principle_answers_with_the_list_focus_on_its_heading(
    client, editor, roadmap, principles
):
    response = signed_in(client, editor).post(
        roadmap_url("principle-delete", roadmap, pk=principles[0].pk), headers=HTMX
    )

    assert response.status_code == 200
    assert response.text.strip().startswith('<section aria-labelledby="principles-heading"')
    assert 'id="principles-heading" tabindex="-1" data-autofocus' in response.text
    assert f'id="principle-{principles[0].pk}"' not in response.text
    assert roadmap.principles.count() == 2


# Reordering: principles and goals, both ends -------------------------------------


def principle_titles(roadmap) -> list[str]:
    return list(roadmap.principles.order_by("position", "pk").values_list("title", flat=True))


def goal_titles(agency) -> list[str]:
    return list(agency.goals.order_by("position", "pk").values_list("title", flat=True))


@pytest.mark.parametrize(
    "index, direction, expected",
    [
        pytest.param(
            0, "up", ["Digital by default", "Citizen-centric", "Secure by design"], id="first up"
        ),
        pytest.param(
            0,
            "down",
            ["Citizen-centric", "Digital by default", "Secure by design"],
            id="first down",
        ),
        pytest.param(
            1, "up", ["Citizen-centric", "Digital by default", "Secure by design"], id="middle up"
        ),
        pytest.param(
            2, "up", ["Digital by default", "Secure by design", "Citizen-centric"], id="last up"
        ),
        pytest.param(
            2, "down", ["Digital by default", "Citizen-centric", "Secure by design"], id="last down"
        ),
    ],
)
def test_move_principle_without_javascript(
    client, editor, roadmap, principles, index, direction, expected
):
    principle = principles[index]

    response = signed_in(client, editor).post(
        roadmap_url("principle-move", roadmap, pk=principle.pk), {"direction": direction}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{vision_page(roadmap)}#principle-{principle.pk}"
    assert principle_titles(roadmap) == expected


@pytest.mark.parametrize(
    "index, direction, expected, announcement, focused",
    [
        pytest.param(
            0,
            "up",
            ["Digital by default", "Citizen-centric", "Secure by design"],
            "\u201cDigital by default\u201d is already first.",
            "down",
            id="first up: nothing moves, focus on its move-down button",
        ),
        pytest.param(
            1,
            "up",
            ["Citizen-centric", "Digital by default", "Secure by design"],
            "\u201cCitizen-centric\u201d moved up: it is now 1 of 3.",
            "down",
            id="to the top: its move-up button has gone, so move down takes focus",
        ),
        pytest.param(
            0,
            "down",
            ["Citizen-centric", "Digital by default", "Secure by design"],
            "\u201cDigital by default\u201d moved down: it is now 2 of 3.",
            "down",
            id="first down",
        ),
        pytest.param(
            2,
            "down",
            ["Digital by default", "Citizen-centric", "Secure by design"],
            "\u201cSecure by design\u201d is already last.",
            "up",
            id="last down: nothing moves",
        ),
    ],
)
def test_htmx_move_principle_swaps_the_list_and_says_where_it_went(
    client, editor, roadmap, principles, index, direction, expected, announcement, focused
):
    principle = principles[index]

    response = signed_in(client, editor).post(
        roadmap_url("principle-move", roadmap, pk=principle.pk),
        {"direction": direction},
        headers=HTMX,
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.strip().startswith('<section aria-labelledby="principles-heading"')
    assert principle_titles(roadmap) == expected
    assert re.findall(r'<h3 class="ordered-item__title">([^<]+)</h3>', response.text) == expected
    assert in_place_banner(response) == announcement
    autofocus = re.findall(r'id="(move-principles-\d+-(?:up|down))" data-autofocus', response.text)
    assert autofocus == [f"move-principles-{principle.pk}-{focused}"]


def test_the_first_has_no_move_up_and_the_last_no_move_down(client, editor, roadmap, principles):
    page = signed_in(client, editor).get(vision_page(roadmap)).text

    buttons = re.findall(r'id="move-principles-(\d+)-(up|down)"', page)
    first, middle, last = (str(p.pk) for p in principles)
    assert buttons == [(first, "down"), (middle, "up"), (middle, "down"), (last, "up")]
    assert 'Move up<span class="visually-hidden">: Citizen-centric</span>' in page


@pytest.mark.parametrize("direction", ["", "sideways", "UP"])
def test_a_move_must_say_up_or_down(client, editor, roadmap, principles, goals, direction):
    client = signed_in(client, editor)
    before = database_state()

    for address in (
        roadmap_url("principle-move", roadmap, pk=principles[1].pk),
        agency_url("goal-move", roadmap.organisation, pk=goals[1].pk),
    ):
        assert client.post(address, {"direction": direction}).status_code == 400
    assert database_state() == before


@pytest.mark.parametrize(
    "index, direction, expected",
    [
        pytest.param(
            0, "up", ["Cut waiting times", "Spend less", "Trusted by the public"], id="first up"
        ),
        pytest.param(
            0, "down", ["Spend less", "Cut waiting times", "Trusted by the public"], id="first down"
        ),
        pytest.param(
            2, "up", ["Cut waiting times", "Trusted by the public", "Spend less"], id="last up"
        ),
        pytest.param(
            2,
            "down",
            ["Cut waiting times", "Spend less", "Trusted by the public"],
            id="last down",
        ),
    ],
)
def test_move_goal_without_javascript(client, editor, agency, goals, index, direction, expected):
    goal = goals[index]

    response = signed_in(client, editor).post(
        agency_url("goal-move", agency, pk=goal.pk), {"direction": direction}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{agency_url('goals', agency)}#goal-{goal.pk}"
    assert goal_titles(agency) == expected


def test_htmx_move_goal_swaps_the_goals_list(client, editor, agency, goals):
    response = signed_in(client, editor).post(
        agency_url("goal-move", agency, pk=goals[2].pk), {"direction": "up"}, headers=HTMX
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    fragment, banner = FormPage(response).document.children
    assert dict(fragment.attributes).get("id") == "goals"
    assert re.findall(r'<h3 class="ordered-item__title">([^<]+)</h3>', response.text) == [
        "Cut waiting times",
        "Trusted by the public",
        "Spend less",
    ]
    assert dict(banner.attributes) == {"id": "notifications", "hx-swap-oob": "innerHTML"}
    assert text_of(banner) == "\u201cTrusted by the public\u201d moved up: it is now 2 of 3."


def test_moving_goals_leaves_another_agencys_goals_alone(client, editor, agency, goals, other_goal):
    signed_in(client, editor).post(
        agency_url("goal-move", agency, pk=goals[0].pk), {"direction": "down"}
    )

    other_goal.refresh_from_db()
    assert other_goal.position == 0
    assert goal_titles(agency) == ["Spend less", "Cut waiting times", "Trusted by the public"]


# Organisational goals: what the writes do ------------------------------------------


def align(objective_title: str, roadmap, goal, position: int = 1) -> Objective:
    objective = Objective.objects.create(roadmap=roadmap, title=objective_title, position=position)
    ObjectiveAlignment.objects.create(objective=objective, goal=goal, rationale="Because.")
    return objective


def test_the_goals_page_says_how_many_objectives_align_to_each(
    client, viewer, roadmap, agency, goals
):
    align("Services online everywhere", roadmap, goals[0])
    align("Fewer forms", roadmap, goals[0], position=2)
    align("Shared platforms", roadmap, goals[1], position=3)

    page = signed_in(client, viewer).get(agency_url("goals", agency)).text

    counts = re.findall(r'<p class="ordered-item__meta">([^<]+)</p>', page)
    assert counts == ["2 objectives aligned", "1 objective aligned", "No objectives aligned yet"]


def test_editor_adds_a_goal_after_the_others(client, editor, agency, goals):
    response = signed_in(client, editor).post(
        agency_url("goal-create", agency), {"title": "Grow digital skills", "description": ""}
    )

    assert response["Location"] == f"{agency_url('goals', agency)}#goals"
    assert goal_titles(agency)[-1] == "Grow digital skills"
    assert agency.goals.get(title="Grow digital skills").position == 3


def test_htmx_add_goal_returns_only_the_goals_fragment(client, editor, agency, goals):
    response = signed_in(client, editor).post(
        agency_url("goal-create", agency),
        {"title": "Grow digital skills", "description": ""},
        headers=HTMX,
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    fragment, banner = FormPage(response).document.children
    assert dict(fragment.attributes).get("id") == "goals"
    assert "Grow digital skills" in text_of(fragment)
    assert 'value="Grow digital skills"' not in response.text
    assert dict(banner.attributes) == {"id": "notifications", "hx-swap-oob": "innerHTML"}
    assert text_of(banner) == "Goal added: Grow digital skills"


def test_editor_edits_a_goal(client, editor, agency, goals):
    response = signed_in(client, editor).post(
        agency_url("goal-edit", agency, pk=goals[1].pk),
        {"title": "Spend less on running costs", "description": "Cost per transaction."},
    )

    goals[1].refresh_from_db()
    assert response["Location"] == f"{agency_url('goals', agency)}#goal-{goals[1].pk}"
    assert (goals[1].title, goals[1].description) == (
        "Spend less on running costs",
        "Cost per transaction.",
    )


def test_delete_goal_says_which_alignments_go_with_it(client, editor, roadmap, agency, goals):
    first = align("Services online everywhere", roadmap, goals[0])
    second = align("Fewer forms", roadmap, goals[0], position=2)
    align("Shared platforms", roadmap, goals[1], position=3)
    client = signed_in(client, editor)
    address = agency_url("goal-delete", agency, pk=goals[0].pk)

    confirm = client.get(address)

    assert confirm.status_code == 200
    assert 'Delete the goal "Cut waiting times"?' in confirm.text
    assert (
        "2 objectives are aligned to this goal. Their alignments will be deleted with it; "
        "the objectives stay." in squash(confirm.text)
    )
    assert first.title in confirm.text
    assert second.title in confirm.text
    assert ObjectiveAlignment.objects.count() == 3

    response = client.post(address)

    assert response["Location"] == f"{agency_url('goals', agency)}#goals"
    assert goal_titles(agency) == ["Spend less", "Trusted by the public"]
    assert ObjectiveAlignment.objects.count() == 1
    assert Objective.objects.filter(pk__in=[first.pk, second.pk]).count() == 2


def test_delete_goal_with_one_alignment_says_so(client, editor, roadmap, agency, goals):
    align("Services online everywhere", roadmap, goals[2])

    confirm = signed_in(client, editor).get(agency_url("goal-delete", agency, pk=goals[2].pk))

    assert (
        "1 objective is aligned to this goal. Its alignment will be deleted with it; "
        "the objective stays." in squash(confirm.text)
    )


def test_delete_goal_without_alignments_says_so(client, editor, agency, goals):
    confirm = signed_in(client, editor).get(agency_url("goal-delete", agency, pk=goals[1].pk))

    assert "No objectives are aligned to this goal." in confirm.text


def test_the_agency_page_and_the_roadmap_pages_link_to_the_goals(client, viewer, roadmap, agency):
    client = signed_in(client, viewer)
    goals_address = agency_url("goals", agency)

    assert goals_address in client.get(agency_url("agency", agency)).text
    assert goals_address in client.get(roadmap.get_absolute_url()).text
    assert goals_address in client.get(roadmap_url("objectives", roadmap)).text


# Bad input: a message next to the field, nothing saved, nothing typed lost ---------


def assert_refused(response, field: str, message: str, typed: dict[str, str]) -> FormPage:
    page = FormPage(response)
    assert response.status_code == 200
    assert message in page.error(field)
    assert "There is 1 problem with what you entered" in page.summary()
    for name, value in typed.items():
        assert page.value(name) == squash(value), f"{name} lost what was typed"
    return page


def principle_cases():
    return [
        pytest.param({"title": ""}, "title", "Enter the principle.", id="empty"),
        pytest.param(
            {"title": "secure BY design "},
            "title",
            "This roadmap already has that principle.",
            id="duplicate title, another case",
        ),
        pytest.param(
            {"title": "P" * 10_000},
            "title",
            "Principle must be 200 characters or fewer (it has 10,000). Shorten it and try again.",
            id="10,000-character title",
        ),
        pytest.param(
            {"description": "D" * 10_000},
            "description",
            "Description must be 5,000 characters or fewer (it has 10,000). "
            "Shorten it and try again.",
            id="10,000-character description",
        ),
        pytest.param(
            {"title": MARKUP, "description": "D" * 10_000},
            "description",
            "Description must be 5,000 characters or fewer",
            id="markup kept as typed in a refused form",
        ),
    ]


NEW_PRINCIPLE = {"title": "Open by default", "description": "Publish what we can."}


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("change, field, message", principle_cases())
def test_add_principle_refuses_bad_input(
    client, editor, roadmap, principles, change, field, message, htmx
):
    typed = {**NEW_PRINCIPLE, **change}
    before = database_state()

    response = signed_in(client, editor).post(
        roadmap_url("principle-create", roadmap), typed, headers=HTMX if htmx else {}
    )

    page = assert_refused(response, field, message, typed)
    assert ("<html" in response.text) is not htmx
    if htmx:  # the add form stays open in the list, with its errors
        assert 'id="principles"' in response.text
        form = find(page.document, action=roadmap_url("principle-create", roadmap))
        assert find(form, id=f"id_{field}") is not None
    assert database_state() == before
    assert "<script>alert" not in response.text


@pytest.mark.parametrize("change, field, message", principle_cases()[:4])
def test_edit_principle_refuses_bad_input(
    client, editor, roadmap, principles, change, field, message
):
    typed = {**NEW_PRINCIPLE, **change}
    before = database_state()

    response = signed_in(client, editor).post(
        roadmap_url("principle-edit", roadmap, pk=principles[0].pk), typed
    )

    assert_refused(response, field, message, typed)  # a page of its own: the usual ids
    assert database_state() == before
    assert "<title>Error: Change the principle Digital by default" in response.text


def goal_cases():
    return [
        pytest.param({"title": ""}, "title", "Enter the goal.", id="empty"),
        pytest.param(
            {"title": "SPEND less"},
            "title",
            "Your agency already has that goal.",
            id="duplicate title, another case",
        ),
        pytest.param(
            {"title": "G" * 10_000},
            "title",
            "Goal must be 200 characters or fewer (it has 10,000). Shorten it and try again.",
            id="10,000-character title",
        ),
        pytest.param(
            {"title": MARKUP, "description": "D" * 10_000},
            "description",
            "Description must be 5,000 characters or fewer (it has 10,000). "
            "Shorten it and try again.",
            id="10,000-character description, markup kept",
        ),
    ]


NEW_GOAL = {"title": "Grow digital skills", "description": "Across the agency."}


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("change, field, message", goal_cases())
def test_add_goal_refuses_bad_input(client, editor, agency, goals, change, field, message, htmx):
    typed = {**NEW_GOAL, **change}
    before = database_state()

    response = signed_in(client, editor).post(
        agency_url("goal-create", agency), typed, headers=HTMX if htmx else {}
    )

    assert_refused(response, field, message, typed)
    assert ("<html" in response.text) is not htmx
    assert database_state() == before
    assert "<script>alert" not in response.text


@pytest.mark.parametrize("change, field, message", goal_cases())
def test_edit_goal_refuses_bad_input(client, editor, agency, goals, change, field, message):
    typed = {**NEW_GOAL, **change}
    before = database_state()

    response = signed_in(client, editor).post(
        agency_url("goal-edit", agency, pk=goals[0].pk), typed
    )

    assert_refused(response, field, message, typed)
    assert database_state() == before
    assert "<title>Error: Change the goal Cut waiting times" in response.text


def test_the_same_goal_title_in_another_agency_is_fine(client, editor, agency, other_goal):
    response = signed_in(client, editor).post(
        agency_url("goal-create", agency), {"title": other_goal.title}
    )

    assert response.status_code == 302
    assert OrganisationalGoal.objects.filter(title=other_goal.title).count() == 2


def test_the_same_principle_in_another_roadmap_is_fine(
    client, editor, roadmap, other_roadmap, other_principle
):
    response = signed_in(client, editor).post(
        roadmap_url("principle-create", roadmap), {"title": other_principle.title}
    )

    assert response.status_code == 302
    assert GuidingPrinciple.objects.filter(title=other_principle.title).count() == 2


def assert_shown_as_text(response) -> None:
    assert response.status_code == 200
    assert escape(MARKUP) in response.text
    assert MARKUP not in response.text
    assert "<script>alert" not in response.text
    assert "<b onmouseover" not in response.text


def test_markup_in_a_principle_is_stored_as_typed_and_shown_as_text(client, editor, roadmap):
    client = signed_in(client, editor)
    client.post(roadmap_url("principle-create", roadmap), {"title": MARKUP, "description": MARKUP})

    principle = roadmap.principles.get()
    assert (principle.title, principle.description) == (MARKUP, MARKUP)
    for address in (
        vision_page(roadmap),
        roadmap_url("principle-edit", roadmap, pk=principle.pk),
        roadmap_url("principle-delete", roadmap, pk=principle.pk),
    ):
        assert_shown_as_text(client.get(address))
    moved = client.post(
        roadmap_url("principle-move", roadmap, pk=principle.pk), {"direction": "up"}, headers=HTMX
    )
    assert_shown_as_text(moved)  # the announcement too


def test_markup_in_a_goal_is_stored_as_typed_and_shown_as_text(client, editor, roadmap, agency):
    client = signed_in(client, editor)
    client.post(agency_url("goal-create", agency), {"title": MARKUP, "description": MARKUP})

    goal = agency.goals.get()
    assert (goal.title, goal.description) == (MARKUP, MARKUP)
    align("An objective", roadmap, goal)
    for address in (
        agency_url("goals", agency),
        agency_url("goal-edit", agency, pk=goal.pk),
        agency_url("goal-delete", agency, pk=goal.pk),
        roadmap_url("objectives", roadmap),  # the objective's aligned goals
    ):
        assert_shown_as_text(client.get(address))


# Query counts: the goals page costs the same with 3 goals or 30 ---------------------


def add_goals_with_alignments(agency, roadmap, first: int, count: int) -> None:
    goals = OrganisationalGoal.objects.bulk_create(
        OrganisationalGoal(organisation=agency, title=f"Goal number {n:02}", position=n)
        for n in range(first, first + count)
    )
    objectives = Objective.objects.bulk_create(
        Objective(roadmap=roadmap, title=f"Objective {n:02}", position=n)
        for n in range(first, first + count)
    )
    ObjectiveAlignment.objects.bulk_create(
        ObjectiveAlignment(objective=objective, goal=goal, rationale="Because.")
        for goal in goals
        for objective in objectives
    )


GOALS_PAGE_BUDGET = 5  # session, user, the header's agencies, membership, the goals


@pytest.mark.parametrize("persona", ["viewer", "editor"])
def test_the_goals_page_queries_do_not_grow_with_the_goals(
    client, request_persona, persona, agency, roadmap
):
    client = signed_in(client, request_persona(persona))
    address = agency_url("goals", agency)

    add_goals_with_alignments(agency, roadmap, 0, 3)
    few, text = count_queries(client, address)
    assert len(set(re.findall(r"Goal number \d+", text))) == 3

    add_goals_with_alignments(agency, roadmap, 3, 27)
    many, text = count_queries(client, address)
    assert len(set(re.findall(r"Goal number \d+", text))) == 30
    assert "27 objectives aligned" in text

    assert few == many, f"{few} queries with 3 goals, {many} with 30"
    assert many <= GOALS_PAGE_BUDGET
