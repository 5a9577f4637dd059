"""Objectives on the roadmap's "Objectives and KPIs" page and their full form; the
roadmap's purpose (on its "Vision and principles" page); the KPI tally per
objective; moving objectives; and the query count of the objectives' page.

Personas (tests/conftest.py): alice-admin, lena-lead, eddie-editor and
vik-viewer are members of agency A, which owns `roadmap` (with one objective,
"Services online"); olga-outsider is a lead of agency B, which owns
`other_roadmap` (the same slug).
"""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from roadmap.models import (
    KPI,
    GuidingPrinciple,
    Measurement,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Priority,
)
from roadmap.rules.kpi_status import KPIStatus
from roadmap.rules.kpi_summary import summarise_kpis
from roadmap.selectors.kpis import kpis_with_measurements
from tests.helpers import HTMX, MARKUP, count_queries, in_place_banner, signed_in, url
from tests.helpers import roadmaps_and_objectives as database_state
from tests.html import FormPage, elements, find, squash, text_of

BASELINE_DAY = date(2025, 1, 1)
TARGET_DAY = date(2027, 1, 1)  # 730 days later
HALFWAY = date(2026, 1, 1)  # 365 days in: the plan expects 50 of 0 -> 100


@pytest.fixture
def objectives(roadmap, objective):
    return [
        objective,
        Objective.objects.create(roadmap=roadmap, title="Data shared once", position=1),
        Objective.objects.create(roadmap=roadmap, title="Skills for all", position=2),
    ]


def add_kpi(objective: Objective, name: str, *values: str, higher: bool = True) -> KPI:
    """A KPI planned from 0 to 100 (or 100 to 0) over two years, with measurements
    at the halfway date, where the plan expects 50."""
    kpi = KPI.objects.create(
        objective=objective,
        name=name,
        unit="%",
        direction="higher" if higher else "lower",
        baseline_value=Decimal(0 if higher else 100),
        baseline_date=BASELINE_DAY,
        target_value=Decimal(100 if higher else 0),
        target_date=TARGET_DAY,
    )
    for n, value in enumerate(values):
        Measurement.objects.create(
            kpi=kpi, value=Decimal(value), date=HALFWAY - timedelta(days=len(values) - 1 - n)
        )
    return kpi


# The KPI tally --------------------------------------------------------------------


def tally(objective: Objective) -> str:
    return str(summarise_kpis(kpis_with_measurements().filter(objective=objective)))


def test_an_objective_without_kpis_says_so(objective):
    assert tally(objective) == "No KPIs yet"
    assert summarise_kpis([]).counts == ()


def test_the_tally_counts_each_status_best_news_first(objective):
    add_kpi(objective, "Off", "10")  # 40% behind the line
    add_kpi(objective, "Risk", "35")  # 15% behind
    add_kpi(objective, "On", "20", "48")  # the latest counts: 2% behind
    add_kpi(objective, "On too", "55")  # ahead of the line
    add_kpi(objective, "Met", "100")
    add_kpi(objective, "Nothing yet")
    add_kpi(objective, "Falling", "52", higher=False)  # lower is better: 2% behind

    summary = summarise_kpis(kpis_with_measurements().filter(objective=objective))

    assert str(summary) == (
        "7 KPIs: 1 achieved, 3 on track, 1 at risk, 1 off track, 1 not measured yet"
    )
    assert [count.status for count in summary.counts] == [
        KPIStatus.ACHIEVED,
        KPIStatus.ON_TRACK,
        KPIStatus.AT_RISK,
        KPIStatus.OFF_TRACK,
        KPIStatus.NO_DATA,
    ]


def test_one_kpi_is_singular(objective):
    add_kpi(objective, "Only", "50")

    assert tally(objective) == "1 KPI: 1 on track"


def test_the_tally_uses_loaded_measurements_without_a_query_per_kpi(objective):
    for n in range(5):
        add_kpi(objective, f"KPI {n}", "50", "60")
    kpis = list(kpis_with_measurements().filter(objective=objective))

    with CaptureQueriesContext(connection) as queries:
        summary = summarise_kpis(kpis)

    assert len(queries) == 0
    assert str(summary) == "5 KPIs: 5 on track"


# The objectives' page shows each objective in full ----------------------------------


def objectives_page(roadmap) -> str:
    return url("objectives", roadmap)


def objective_items(page: str) -> list[str]:
    return re.findall(r'<li class="objective" id="objective-(\d+)">', page)


def test_the_objectives_page_shows_each_objectives_details(
    client, viewer, editor, roadmap, objective, agency
):
    roadmap.purpose = "So residents get help faster."
    roadmap.save()
    goal = OrganisationalGoal.objects.create(organisation=agency, title="Cut waiting times")
    ObjectiveAlignment.objects.create(objective=objective, goal=goal, rationale="Fewer calls.")
    Objective.objects.filter(pk=objective.pk).update(
        priority=Priority.HIGH,
        owner=editor,
        citizen_centric=True,
        citizen_outcome="Faster benefit decisions",
    )
    editor.first_name, editor.last_name = "Eddie", "Edwards"
    editor.save()
    add_kpi(objective, "Online share", "48")
    add_kpi(objective, "Calls", "40")
    add_kpi(objective, "Satisfaction", "35")

    client = signed_in(client, viewer)
    assert "So residents get help faster." in client.get(url("vision", roadmap)).text
    response = client.get(objectives_page(roadmap))

    page = squash(response.text)
    assert '<span class="tag tag--priority-high">High priority</span>' in page
    assert '<span class="tag tag--citizen">Citizen-centric</span>' in page
    assert "<dt>Owner</dt> <dd>Eddie Edwards</dd>" in page
    assert "<dt>Outcome for citizens</dt> <dd>Faster benefit decisions</dd>" in page
    assert '<ul class="inline-list"><li>Cut waiting times</li></ul>' in page
    kpis = text_of(
        next(
            e
            for e in elements(FormPage(response).document)
            if e.name == "dd" and "KPI" in text_of(e)
        )
    )
    assert squash(kpis) == "3 KPIs: 2 on track , 1 at risk"
    detail = url("objective-detail", roadmap, pk=objective.pk)
    assert f'<a href="{detail}">Services online</a>' in page


def test_an_objective_with_nothing_set_says_what_is_missing(client, viewer, roadmap, objective):
    client = signed_in(client, viewer)
    page = squash(client.get(objectives_page(roadmap)).text)

    assert '<span class="tag tag--priority-medium">Medium priority</span>' in page
    assert "No owner yet" in page
    assert "Not aligned to a goal yet" in page
    assert "No KPIs yet" in page
    assert "Citizen-centric" not in page
    assert "No purpose written yet." in client.get(url("vision", roadmap)).text


def test_viewer_sees_no_move_buttons(client, viewer, roadmap, objectives):
    page = signed_in(client, viewer).get(objectives_page(roadmap)).text

    assert "/move/" not in page
    assert objective_items(page) == [str(o.pk) for o in objectives]


# Moving objectives -------------------------------------------------------------------
# Each page's status for every persona and method (sign in, 404, 403, 405, or
# done) is in tests/test_permissions.py; here, what that table does not show.


def move_url(roadmap, objective) -> str:
    return url("objective-move", roadmap, pk=objective.pk)


def titles(roadmap) -> list[str]:
    return list(roadmap.objectives.order_by("position", "pk").values_list("title", flat=True))


@pytest.mark.parametrize(
    "index, direction, expected",
    [
        pytest.param(
            0, "up", ["Services online", "Data shared once", "Skills for all"], id="first up"
        ),
        pytest.param(
            0, "down", ["Data shared once", "Services online", "Skills for all"], id="first down"
        ),
        pytest.param(
            1, "up", ["Data shared once", "Services online", "Skills for all"], id="middle up"
        ),
        pytest.param(
            1, "down", ["Services online", "Skills for all", "Data shared once"], id="middle down"
        ),
        pytest.param(
            2, "down", ["Services online", "Data shared once", "Skills for all"], id="last down"
        ),
    ],
)
def test_move_objective_without_javascript(
    client, editor, roadmap, objectives, index, direction, expected
):
    moving = objectives[index]

    response = signed_in(client, editor).post(move_url(roadmap, moving), {"direction": direction})

    assert response.status_code == 302
    assert response["Location"] == f"{objectives_page(roadmap)}#objective-{moving.pk}"
    assert titles(roadmap) == expected


@pytest.mark.parametrize(
    "index, direction, expected, announcement, focused",
    [
        pytest.param(
            0,
            "up",
            ["Services online", "Data shared once", "Skills for all"],
            "\u201cServices online\u201d is already first.",
            "down",
            id="first up changes nothing",
        ),
        pytest.param(
            2,
            "up",
            ["Services online", "Skills for all", "Data shared once"],
            "\u201cSkills for all\u201d moved up: it is now 2 of 3.",
            "up",
            id="last up",
        ),
        pytest.param(
            1,
            "down",
            ["Services online", "Skills for all", "Data shared once"],
            "\u201cData shared once\u201d moved down: it is now 3 of 3.",
            "up",
            id="to the bottom: focus on its move-up button",
        ),
    ],
)
def test_htmx_move_objective_swaps_the_objectives_list(
    client, editor, roadmap, objectives, index, direction, expected, announcement, focused
):
    moving = objectives[index]

    response = signed_in(client, editor).post(
        move_url(roadmap, moving), {"direction": direction}, headers=HTMX
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert dict(FormPage(response).document.children[0].attributes).get("id") == "objectives"
    assert titles(roadmap) == expected
    shown = re.findall(
        r'<h3 class="objective__title"><span class="objective__number">[^<]+</span> '
        r'<a href="[^"]+">([^<]+)</a></h3>',
        response.text,
    )
    assert shown == expected
    assert in_place_banner(response) == announcement
    autofocus = re.findall(r'id="(move-objectives-\d+-(?:up|down))" data-autofocus', response.text)
    assert autofocus == [f"move-objectives-{moving.pk}-{focused}"]
    add = find(FormPage(response).document, href=url("objective-create", roadmap))
    assert text_of(add) == "Add an objective"  # the way to add one is still there
    assert dict(add.attributes)["hx-target"] == "#objectives"


def test_every_move_button_is_a_post_form_that_works_without_javascript(
    client, editor, roadmap, objectives
):
    response = signed_in(client, editor).get(objectives_page(roadmap))

    document = FormPage(response).document
    address = move_url(roadmap, objectives[1])
    forms = [
        e for e in elements(document) if e.name == "form" and ("action", address) in e.attributes
    ]
    assert len(forms) == 3  # up, down, and "move to position" (three objectives)
    for form in forms:
        attributes = dict(form.attributes)
        assert attributes["method"] == "post"
        assert attributes["hx-post"] == address
        assert attributes["hx-target"] == "#objectives"
        assert find(form, name="csrfmiddlewaretoken") is not None
    directions = [dict(find(form, name="direction").attributes)["value"] for form in forms[:2]]
    assert directions == ["up", "down"]
    position = dict(find(forms[2], name="position").attributes)
    assert (position["value"], position["min"], position["max"]) == ("2", "1", "3")


def test_moving_another_agencys_objective_through_your_roadmap_is_not_found(
    client, editor, roadmap, other_objective
):
    before = database_state()

    response = signed_in(client, editor).post(
        move_url(roadmap, other_objective), {"direction": "down"}
    )

    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize("direction", ["", "left", "Down"])
def test_a_move_must_say_up_or_down(client, editor, roadmap, objectives, direction):
    before = database_state()

    response = signed_in(client, editor).post(
        move_url(roadmap, objectives[1]), {"direction": direction}
    )

    assert response.status_code == 400
    assert database_state() == before


# The full objective form ------------------------------------------------------------


def checked(page: FormPage, widget_id: str) -> bool:
    widget = find(page.document, id=widget_id)
    assert widget is not None, widget_id
    return "checked" in dict(widget.attributes)


def selected(page: FormPage, field: str) -> str:
    options = [e for e in elements(page.widget(field)) if e.name == "option"]
    return next(
        (dict(o.attributes)["value"] for o in options if "selected" in dict(o.attributes)), ""
    )


def full_objective(owner) -> dict[str, str]:
    return {
        "title": "Data shared once",
        "description": "Ask residents for the same thing only once.",
        "desired_outcomes": "Fewer forms\nNo repeated questions",
        "priority": "high",
        "owner": str(owner.pk),
        "citizen_centric": "on",
        "citizen_outcome": "Less time filling in forms",
    }


def test_the_add_page_has_every_field(editor_client, roadmap, editor, viewer, outsider):
    response = editor_client.get(url("objective-create", roadmap))

    page = FormPage(response)
    assert response.status_code == 200
    for field in ("title", "description", "desired_outcomes", "owner", "citizen_outcome"):
        page.widget(field)
    priority = page.widget("priority")
    assert priority.name == "fieldset"
    assert text_of(find(priority, **{"class": "field__label"})) == "Priority"
    assert [
        dict(find(page.document, id=f"id_priority_{n}").attributes)["value"] for n in range(3)
    ] == [
        "high",
        "medium",
        "low",
    ]
    assert checked(page, "id_priority_1")  # medium
    assert dict(page.widget("citizen_centric").attributes)["type"] == "checkbox"
    owners = [text_of(o) for o in elements(page.widget("owner")) if o.name == "option"]
    assert owners == ["No owner yet", editor.username, viewer.username]  # not agency B's
    assert reverse("roadmap:goals", kwargs={"agency": "agency-a"}) in response.text


def test_editor_adds_an_objective_with_every_field(editor_client, roadmap, editor):
    response = editor_client.post(url("objective-create", roadmap), full_objective(editor))

    assert response.status_code == 302
    created = roadmap.objectives.get(title="Data shared once")
    assert (
        created.description,
        created.desired_outcomes,
        created.priority,
        created.owner,
        created.citizen_centric,
        created.citizen_outcome,
        created.position,
    ) == (
        "Ask residents for the same thing only once.",
        "Fewer forms\nNo repeated questions",
        "high",
        editor,
        True,
        "Less time filling in forms",
        1,
    )


def test_the_edit_page_shows_what_is_saved(editor_client, roadmap, objective, editor):
    editor_client.post(
        url("objective-edit", roadmap, pk=objective.pk),
        {**full_objective(editor), "priority": "low"},
    )

    page = FormPage(editor_client.get(url("objective-edit", roadmap, pk=objective.pk)))

    assert page.value("title") == "Data shared once"
    assert page.value("desired_outcomes") == "Fewer forms No repeated questions"
    assert checked(page, "id_priority_2")
    assert not checked(page, "id_priority_0")
    assert selected(page, "owner") == str(editor.pk)
    assert checked(page, "id_citizen_centric")
    assert page.value("citizen_outcome") == "Less time filling in forms"
    detail = url("objective-detail", roadmap, pk=objective.pk)
    assert f"{detail}#alignments" in page.response.text


def test_an_objective_that_stops_being_citizen_centric_loses_its_outcome(
    editor_client, roadmap, objective, editor
):
    address = url("objective-edit", roadmap, pk=objective.pk)
    editor_client.post(address, full_objective(editor))

    typed = full_objective(editor)
    del typed["citizen_centric"]
    editor_client.post(address, typed)

    objective.refresh_from_db()
    assert (objective.citizen_centric, objective.citizen_outcome) == (False, "")


def test_delete_confirmation_says_the_kpis_go_too(editor_client, roadmap, objective):
    add_kpi(objective, "Online share", "40")
    add_kpi(objective, "Calls")

    response = editor_client.get(url("objective-delete", roadmap, pk=objective.pk))

    assert "Its 2 KPIs and all their measurements will be deleted too" in response.text


# Bad input on the full form: message next to the field, nothing saved, typed kept ---


def objective_cases():
    return [
        pytest.param(
            {"citizen_outcome": ""},
            "citizen_outcome",
            "Say which outcome for citizens this objective improves.",
            id="citizen-centric without an outcome",
        ),
        pytest.param(
            {"citizen_outcome": "   "},
            "citizen_outcome",
            "Say which outcome for citizens this objective improves.",
            id="citizen-centric with a blank outcome",
        ),
        pytest.param(
            {"title": "SERVICES online"},
            "title",
            "This roadmap already has an objective with that title.",
            id="duplicate title",
        ),
        pytest.param(
            {"title": "T" * 10_000},
            "title",
            "Title must be 200 characters or fewer (it has 10,000). Shorten it and try again.",
            id="10,000-character title",
        ),
        pytest.param(
            {"description": "D" * 10_000},
            "description",
            "Description must be 5,000 characters or fewer (it has 10,000).",
            id="10,000-character description",
        ),
        pytest.param(
            {"desired_outcomes": "O" * 10_000},
            "desired_outcomes",
            "Desired outcomes must be 5,000 characters or fewer (it has 10,000).",
            id="10,000-character outcomes",
        ),
        pytest.param(
            {"citizen_outcome": "C" * 10_000},
            "citizen_outcome",
            "Outcome for citizens must be 200 characters or fewer (it has 10,000).",
            id="10,000-character citizen outcome",
        ),
        pytest.param(
            {"owner": "999999"},
            "owner",
            "Choose a member of your agency.",
            id="owner who is not a member",
        ),
        pytest.param(
            {"priority": "urgent"},
            "priority",
            "Choose high, medium or low.",
            id="priority that is not offered",
        ),
        pytest.param(
            {
                "title": MARKUP,
                "description": MARKUP,
                "desired_outcomes": MARKUP,
                "citizen_outcome": "",
            },
            "citizen_outcome",
            "Say which outcome for citizens this objective improves.",
            id="markup in every text field comes back as text",
        ),
    ]


def assert_refused_and_kept(response, field: str, message: str, typed: dict[str, str]) -> None:
    page = FormPage(response)
    assert response.status_code == 200
    assert message in page.error(field)
    assert "There is 1 problem with what you entered" in page.summary()
    for name in ("title", "description", "desired_outcomes", "citizen_outcome"):
        assert page.value(name) == squash(typed[name]), f"{name} lost what was typed"
    assert checked(page, "id_citizen_centric")
    if typed["priority"] in ("high", "medium", "low"):
        assert checked(page, f"id_priority_{['high', 'medium', 'low'].index(typed['priority'])}")
    if typed["owner"] != "999999":
        assert selected(page, "owner") == typed["owner"]
    assert "<script>alert" not in response.text
    assert "<b onmouseover" not in response.text


@pytest.mark.parametrize("change, field, message", objective_cases())
def test_add_objective_refuses_bad_input_on_the_full_form(
    editor_client, roadmap, editor, change, field, message
):
    typed = {**full_objective(editor), **change}
    before = database_state()

    response = editor_client.post(url("objective-create", roadmap), typed)

    assert_refused_and_kept(response, field, message, typed)
    assert database_state() == before


@pytest.mark.parametrize("change, field, message", objective_cases())
def test_edit_objective_refuses_bad_input_on_the_full_form(
    editor_client, roadmap, editor, change, field, message
):
    other = Objective.objects.create(roadmap=roadmap, title="Skills for all", position=1)
    typed = {**full_objective(editor), **change}
    before = database_state()

    response = editor_client.post(url("objective-edit", roadmap, pk=other.pk), typed)

    assert_refused_and_kept(response, field, message, typed)
    assert database_state() == before
    assert "<title>Error: Change the objective Skills for all" in response.text


def test_an_owner_from_another_agency_is_refused(editor_client, roadmap, editor, outsider):
    before = database_state()

    response = editor_client.post(
        url("objective-create", roadmap), {**full_objective(editor), "owner": str(outsider.pk)}
    )

    assert "Choose a member of your agency." in FormPage(response).error("owner")
    assert database_state() == before


def test_markup_in_every_objective_field_is_stored_as_typed_and_shown_as_text(
    editor_client, roadmap, editor, agency
):
    editor_client.post(
        url("objective-create", roadmap),
        {
            **full_objective(editor),
            "title": MARKUP,
            "description": MARKUP,
            "desired_outcomes": MARKUP,
            "citizen_outcome": MARKUP,
        },
    )

    created = roadmap.objectives.get(position=1)
    assert (
        created.title,
        created.description,
        created.desired_outcomes,
        created.citizen_outcome,
    ) == (
        MARKUP,
        MARKUP,
        MARKUP,
        MARKUP,
    )
    for address in (
        objectives_page(roadmap),
        url("objective-edit", roadmap, pk=created.pk),
        url("objective-delete", roadmap, pk=created.pk),
    ):
        response = editor_client.get(address)
        assert response.status_code == 200
        assert escape(MARKUP) in response.text
        assert MARKUP not in response.text
        assert "<script>alert" not in response.text
    page = editor_client.get(objectives_page(roadmap)).text
    assert page.count(escape(MARKUP)) >= 3  # title, description, citizen outcome
    moved = editor_client.post(
        url("objective-move", roadmap, pk=created.pk), {"direction": "up"}, headers=HTMX
    )
    assert "<script>alert" not in moved.text  # the announcement names it as text


# The roadmap's purpose --------------------------------------------------------------


EDITED = {
    "title": "Digital roadmap 2026 to 2030",
    "horizon_start_year": "2026",
    "horizon_end_year": "2030",
    "vision": "Every service digital by default.",
    "purpose": "So residents get help faster.",
}


def test_editor_edits_the_purpose(editor_client, roadmap):
    response = editor_client.post(url("edit", roadmap), EDITED)

    roadmap.refresh_from_db()
    assert response.status_code == 302
    assert roadmap.purpose == "So residents get help faster."
    assert "So residents get help faster." in editor_client.get(url("vision", roadmap)).text


@pytest.mark.parametrize(
    "change, field, message",
    [
        pytest.param(
            {"purpose": "P" * 10_000},
            "purpose",
            "Purpose must be 5,000 characters or fewer (it has 10,000). Shorten it and try again.",
            id="10,000-character purpose",
        ),
        pytest.param(
            {"purpose": MARKUP, "title": ""},
            "title",
            "Enter a title.",
            id="markup in the purpose comes back as text",
        ),
    ],
)
def test_edit_purpose_refuses_bad_input(editor_client, roadmap, change, field, message):
    typed = {**EDITED, **change}
    before = database_state()

    response = editor_client.post(url("edit", roadmap), typed)

    page = FormPage(response)
    assert message in page.error(field)
    for name, value in typed.items():
        assert page.value(name) == squash(value), f"{name} lost what was typed"
    assert "<script>alert" not in response.text
    assert database_state() == before


def test_markup_in_the_purpose_is_shown_as_text(editor_client, roadmap):
    editor_client.post(url("edit", roadmap), {**EDITED, "purpose": MARKUP})

    response = editor_client.get(url("vision", roadmap))

    assert escape(MARKUP) in response.text
    assert "<script>alert" not in response.text


# Query counts: the objectives' page (and the principles' page) cost the same at 1x and 10x


OBJECTIVES_PAGE_BUDGET = 9  # session, user, header's agencies, membership, roadmap,
# objectives (with owners), alignments (with goals), KPIs, measurements
VISION_PAGE_BUDGET = 7  # session, user, header's agencies, membership, roadmap, principles,
# the roadmap's own goals


def fill_roadmap(roadmap, owner, first: int, count: int) -> None:
    """`count` more of everything: principles, goals, objectives aligned to two goals,
    each with two KPIs of three measurements."""
    GuidingPrinciple.objects.bulk_create(
        GuidingPrinciple(roadmap=roadmap, title=f"Principle number {n:02}", position=n)
        for n in range(first, first + count)
    )
    goals = OrganisationalGoal.objects.bulk_create(
        OrganisationalGoal(organisation=roadmap.organisation, title=f"Goal {n:02}", position=n)
        for n in range(first, first + count)
    )
    objectives = Objective.objects.bulk_create(
        Objective(
            roadmap=roadmap,
            title=f"Objective number {n:02}",
            position=n + 1,
            owner=owner,
            citizen_centric=n % 2 == 0,
            citizen_outcome="Faster decisions" if n % 2 == 0 else "",
        )
        for n in range(first, first + count)
    )
    ObjectiveAlignment.objects.bulk_create(
        ObjectiveAlignment(objective=objective, goal=goal, rationale="Because.")
        for objective, goal in zip(objectives, goals, strict=True)
    )
    ObjectiveAlignment.objects.bulk_create(
        ObjectiveAlignment(objective=objective, goal=goals[0], rationale="Because.")
        for objective in objectives[1:]
    )
    kpis = KPI.objects.bulk_create(
        KPI(
            objective=objective,
            name=f"KPI {k}",
            baseline_value=Decimal(0),
            baseline_date=BASELINE_DAY,
            target_value=Decimal(100),
            target_date=TARGET_DAY,
            position=k,
        )
        for objective in objectives
        for k in range(2)
    )
    Measurement.objects.bulk_create(
        Measurement(
            kpi=kpi, value=Decimal(20 + 10 * m + k), date=HALFWAY - timedelta(days=90 * (2 - m))
        )
        for k, kpi in enumerate(kpis)
        for m in range(3)
    )


@pytest.mark.parametrize("persona", ["viewer", "editor"])
def test_the_objectives_and_principles_pages_queries_do_not_grow(
    client, request_persona, persona, roadmap, editor
):
    client = signed_in(client, request_persona(persona))
    objectives, vision = objectives_page(roadmap), url("vision", roadmap)

    fill_roadmap(roadmap, editor, 0, 3)
    few, text = count_queries(client, objectives)
    assert len(set(re.findall(r"Objective number \d+", text))) == 3
    few_principles, text = count_queries(client, vision)
    assert len(set(re.findall(r"Principle number \d+", text))) == 3

    fill_roadmap(roadmap, editor, 3, 27)
    many, text = count_queries(client, objectives)
    assert len(set(re.findall(r"Objective number \d+", text))) == 30
    assert text.count("2 KPIs:") == 30
    many_principles, text = count_queries(client, vision)
    assert len(set(re.findall(r"Principle number \d+", text))) == 30

    assert few == many, f"{few} queries with 3 of everything, {many} with 30"
    assert many <= OBJECTIVES_PAGE_BUDGET, f"{many} queries, over the budget"
    assert few_principles == many_principles, f"{few_principles} queries, then {many_principles}"
    assert many_principles <= VISION_PAGE_BUDGET, f"{many_principles} queries, over the budget"
