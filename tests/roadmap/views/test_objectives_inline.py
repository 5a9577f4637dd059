"""Objectives edited and deleted in place on the roadmap's "Objectives and KPIs"
page (htmx), and the same links as plain pages without JavaScript.

"Change" and "Delete" are links to the full form and to the question; with htmx
their GET swaps the objective's item for the form (`edit-item`) or the question
(`confirm-item`). Saving or deleting answers with the page's `objectives` part;
"Cancel" and "No, keep it" ask the page for that part again (HX-Target:
objectives) with `?focus=` naming the link that takes focus back.

Personas (tests/conftest.py): eddie-editor and vik-viewer are members of agency
A, which owns `roadmap` (with one objective, "Services online"); agency B owns
`other_roadmap` (the same slug).
"""

import re

import pytest
from django.db import connection
from django.test.html import Element, parse_html
from django.test.utils import CaptureQueriesContext

from roadmap.models import KPI, Measurement, Objective
from tests.helpers import HTMX, MARKUP, in_place_banner, signed_in, url
from tests.helpers import roadmaps_and_objectives as database_state
from tests.html import elements, find, squash, text_of

from .test_objectives import (
    OBJECTIVES_PAGE_BUDGET,
    add_kpi,
    fill_roadmap,
    full_objective,
    objective_cases,
)

OBJECTIVES_PART = {**HTMX, "HX-Target": "objectives"}


def list_url(roadmap) -> str:
    """The objectives' list is their page: its `objectives` part with htmx."""
    return url("objectives", roadmap)


def ids(objective: Objective) -> str:
    """The field ids of an objective opened for change in place: its own."""
    return f"change-objective-{objective.pk}-"


FIELDS = (
    "title",
    "description",
    "desired_outcomes",
    "priority",
    "owner",
    "citizen_centric",
    "citizen_outcome",
)


@pytest.fixture
def second(roadmap):
    return Objective.objects.create(roadmap=roadmap, title="Skills for all", position=1)


def edit_url(objective: Objective) -> str:
    return url("objective-edit", objective.roadmap, pk=objective.pk)


def delete_url(objective: Objective) -> str:
    return url("objective-delete", objective.roadmap, pk=objective.pk)


def fragment(response) -> Element:
    """The one element an htmx response holds (not a whole page)."""
    assert response.status_code == 200
    assert "<html" not in response.text and "<body" not in response.text
    root = parse_html(response.text)
    if not root.name and in_place_banner(response):  # the part, then the banner's swap
        root = root.children[0] if len(root.children) == 2 else root
    assert root.name, "more than one element at the top of the fragment"
    return root


def attrs_of(element: Element) -> dict[str, str]:
    return dict(element.attributes)


def link(root: Element, text: str) -> Element:
    found = [e for e in elements(root) if e.name == "a" and squash(text_of(e)) == text]
    assert len(found) == 1, f"{len(found)} links read {text!r}"
    return found[0]


def announcement(response) -> str:
    return in_place_banner(response)


def offers_to_add(root: Element, roadmap) -> bool:
    """The "Add an objective" button is there (the add form opens on demand), and no
    add form is open."""
    add = find(root, href=url("objective-create", roadmap))
    return (
        add is not None
        and squash(text_of(add)) == "Add an objective"
        and attrs_of(add)["hx-get"] == url("objective-create", roadmap)
        and attrs_of(add)["hx-target"] == "#objectives"
        and find(root, id="id_title") is None
    )


def autofocused(root: Element) -> list[Element]:
    return [e for e in elements(root) if "data-autofocus" in attrs_of(e)]


def value(root: Element, widget_id: str) -> str:
    widget = find(root, id=widget_id)
    assert widget is not None, widget_id
    if widget.name == "textarea":
        return text_of(widget)
    if widget.name == "select":
        options = [o for o in elements(widget) if o.name == "option"]
        return next((attrs_of(o)["value"] for o in options if "selected" in attrs_of(o)), "")
    return squash(attrs_of(widget).get("value") or "")


def is_checked(root: Element, widget_id: str) -> bool:
    widget = find(root, id=widget_id)
    assert widget is not None, widget_id
    return "checked" in attrs_of(widget)


# Opening the form and the question ---------------------------------------------------


def test_htmx_edit_opens_every_field_in_the_objectives_place(client, editor, roadmap, objective):
    Objective.objects.filter(pk=objective.pk).update(
        description="Why it matters.", priority="high", owner=editor
    )

    response = signed_in(client, editor).get(edit_url(objective), headers=HTMX)

    item = fragment(response)
    assert (item.name, attrs_of(item)["id"]) == ("li", f"objective-{objective.pk}")
    form = find(item, action=edit_url(objective))
    assert attrs_of(form)["method"] == "post"
    assert attrs_of(form)["hx-post"] == edit_url(objective)
    assert attrs_of(form)["hx-target"] == "#objectives"
    assert find(form, name="csrfmiddlewaretoken") is not None
    for field in FIELDS:
        assert find(form, id=f"{ids(objective)}{field}") is not None, field
    for field in ("title", "description", "desired_outcomes", "owner", "citizen_outcome"):
        assert f'for="{ids(objective)}{field}"' in response.text, field
    # Its own ids: nothing clashes with the "Add an objective" form on the page.
    assert 'id="id_' not in response.text
    assert value(item, f"{ids(objective)}title") == "Services online"
    assert value(item, f"{ids(objective)}description") == "Why it matters."
    assert is_checked(item, f"{ids(objective)}priority_0")  # high
    assert value(item, f"{ids(objective)}owner") == str(editor.pk)
    heading = find(item, id=f"change-objective-{objective.pk}-heading")
    assert squash(text_of(heading)) == "Change the objective \u201cServices online\u201d"
    assert autofocused(item) == [heading]
    assert find(item, type="submit") is not None and "Save objective" in response.text
    cancel = link(item, "Cancel")
    assert attrs_of(cancel)["href"] == f"{list_url(roadmap)}#objective-{objective.pk}"
    assert attrs_of(cancel)["hx-get"] == f"{list_url(roadmap)}?focus=change-{objective.pk}"
    assert attrs_of(cancel)["hx-target"] == "#objectives"
    assert 'style="' not in response.text and "<script" not in response.text


@pytest.mark.parametrize(
    "kpis, says",
    [
        pytest.param(
            2,
            "Delete the objective \u201cServices online\u201d? Its 2 KPIs and all their "
            "measurements will be deleted too, and it will no longer be aligned to any goal. "
            "This cannot be undone.",
            id="two KPIs",
        ),
        pytest.param(
            1,
            "Delete the objective \u201cServices online\u201d? Its 1 KPI and all its "
            "measurements will be deleted too, and it will no longer be aligned to any goal. "
            "This cannot be undone.",
            id="one KPI",
        ),
        pytest.param(
            0,
            "Delete the objective \u201cServices online\u201d? This cannot be undone.",
            id="no KPIs",
        ),
    ],
)
def test_htmx_delete_asks_in_the_objectives_place(client, editor, roadmap, objective, kpis, says):
    for n in range(kpis):
        add_kpi(objective, f"KPI {n}", "40")

    response = signed_in(client, editor).get(delete_url(objective), headers=HTMX)

    item = fragment(response)
    assert (item.name, attrs_of(item)["id"]) == ("li", f"objective-{objective.pk}")
    assert "confirm" in attrs_of(item)["class"].split()
    question = find(item, **{"class": "confirm__question"})
    assert squash(text_of(question)) == says
    assert autofocused(item) == [question]
    form = find(item, action=delete_url(objective))
    assert attrs_of(form)["method"] == "post"
    assert attrs_of(form)["hx-post"] == delete_url(objective)
    assert attrs_of(form)["hx-target"] == "#objectives"
    assert "hx-confirm" not in response.text
    assert "Yes, delete it" in text_of(find(form, type="submit"))
    keep = link(item, "No, keep it")
    assert attrs_of(keep)["href"] == f"{list_url(roadmap)}#objective-{objective.pk}"
    assert attrs_of(keep)["hx-get"] == f"{list_url(roadmap)}?focus=delete-{objective.pk}"
    assert roadmap.objectives.filter(pk=objective.pk).exists()


@pytest.mark.parametrize("name", ["objective-edit", "objective-delete"])
def test_without_htmx_edit_and_delete_are_whole_pages(client, editor, roadmap, objective, name):
    response = signed_in(client, editor).get(url(name, roadmap, pk=objective.pk))

    assert response.status_code == 200
    assert "<html" in response.text
    assert "<h1>" in response.text
    assert "change-objective-" not in response.text  # the full form keeps the usual ids
    if name == "objective-edit":
        assert 'id="id_title"' in response.text


def test_the_objectives_page_links_edit_and_delete_for_both_htmx_and_plain_browsers(
    client, editor, roadmap, objective
):
    response = signed_in(client, editor).get(list_url(roadmap))

    item = find(parse_html(response.text), id=f"objective-{objective.pk}")
    for text, address in (
        ("Change Services online", edit_url(objective)),
        ("Delete Services online", delete_url(objective)),
    ):
        control = link(item, text)
        assert attrs_of(control)["href"] == attrs_of(control)["hx-get"] == address
        assert attrs_of(control)["hx-target"] == f"#objective-{objective.pk}"
        assert attrs_of(control)["hx-swap"] == "outerHTML"
    assert not autofocused(parse_html(response.text))


def test_viewer_sees_no_edit_or_delete_links(client, viewer, roadmap, objective):
    response = signed_in(client, viewer).get(list_url(roadmap))

    assert response.status_code == 200
    assert f'id="objective-{objective.pk}"' in response.text
    assert edit_url(objective) not in response.text
    assert delete_url(objective) not in response.text


# Saving in place ---------------------------------------------------------------------


def test_htmx_save_returns_the_list_with_the_change_announced_and_focus_on_edit(
    client, editor, roadmap, objective, second
):
    response = signed_in(client, editor).post(
        edit_url(objective), full_objective(editor), headers=HTMX
    )

    section = fragment(response)
    assert attrs_of(section)["id"] == "objectives"
    objective.refresh_from_db()
    assert (objective.title, objective.priority, objective.owner, objective.citizen_outcome) == (
        "Data shared once",
        "high",
        editor,
        "Less time filling in forms",
    )
    assert announcement(response) == "Objective saved: Data shared once"
    shown = re.findall(
        r'<h3 class="objective__title"><span class="objective__number">[^<]+</span> '
        r'<a href="[^"]+">([^<]+)</a></h3>',
        response.text,
    )
    assert shown == ["Data shared once", "Skills for all"]
    item = find(section, id=f"objective-{objective.pk}")
    assert autofocused(section) == [link(item, "Change Data shared once")]
    assert f"{ids(objective)}title" not in response.text  # the form is closed
    assert offers_to_add(section, roadmap)


@pytest.mark.parametrize("change, field, message", objective_cases())
def test_htmx_save_refuses_bad_input_in_place_and_keeps_what_was_typed(
    client, editor, roadmap, objective, change, field, message
):
    other = Objective.objects.create(roadmap=roadmap, title="Skills for all", position=1)
    typed = {**full_objective(editor), **change}
    before = database_state()

    response = signed_in(client, editor).post(edit_url(other), typed, headers=HTMX)

    assert database_state() == before
    section = fragment(response)
    assert attrs_of(section)["id"] == "objectives"
    item = find(section, id=f"objective-{other.pk}")
    assert item.name == "li" and "inline-change" in attrs_of(item)["class"]
    # The message next to its field, which points at it; the summary above.
    widget = find(item, id=f"{ids(other)}{field}")
    assert f"{ids(other)}{field}_error" in attrs_of(widget)["aria-describedby"].split()
    assert message in text_of(find(item, id=f"{ids(other)}{field}_error"))
    summary = find(item, role="alert")
    assert "There is 1 problem with what you entered" in text_of(summary)
    assert find(summary, href=f"#{ids(other)}{field}") is not None
    assert autofocused(section) == [summary]
    # Nothing typed is lost.
    for name in ("title", "description", "desired_outcomes", "citizen_outcome"):
        assert value(item, f"{ids(other)}{name}") == squash(typed[name]), f"{name} lost"
    assert is_checked(item, f"{ids(other)}citizen_centric")
    if typed["priority"] in ("high", "medium", "low"):
        position = ["high", "medium", "low"].index(typed["priority"])
        assert is_checked(item, f"{ids(other)}priority_{position}")
    if typed["owner"] != "999999":
        assert value(item, f"{ids(other)}owner") == typed["owner"]
    # The heading still names the objective as saved; the other item and the add form stay.
    assert "Change the objective \u201cSkills for all\u201d" in squash(text_of(item))
    assert find(section, id=f"objective-{objective.pk}") is not None
    assert offers_to_add(section, roadmap)
    assert announcement(response) == ""
    assert "<script>alert" not in response.text and "<b onmouseover" not in response.text


def test_markup_typed_into_the_inline_form_comes_back_as_text(client, editor, objective):
    client = signed_in(client, editor)
    saved = client.post(
        edit_url(objective),
        {**full_objective(editor), "title": MARKUP, "citizen_outcome": MARKUP},
        headers=HTMX,
    )
    opened = client.get(edit_url(objective), headers=HTMX)
    asked = client.get(delete_url(objective), headers=HTMX)

    for response in (saved, opened, asked):
        assert response.status_code == 200
        assert "<script>alert" not in response.text
        assert "<b onmouseover" not in response.text
    assert announcement(saved) == f"Objective saved: {MARKUP}"  # as text: see above


# Cancel and "No, keep it" -------------------------------------------------------------


@pytest.mark.parametrize("control", ["change", "delete"])
def test_cancel_returns_the_list_with_focus_back_on_the_link_that_opened_it(
    client, editor, roadmap, objective, second, control
):
    response = signed_in(client, editor).get(
        f"{list_url(roadmap)}?focus={control}-{second.pk}", headers=OBJECTIVES_PART
    )

    section = fragment(response)
    assert attrs_of(section)["id"] == "objectives"
    item = find(section, id=f"objective-{second.pk}")
    words = {"change": "Change", "delete": "Delete"}[control]
    assert autofocused(section) == [link(item, f"{words} Skills for all")]
    assert announcement(response) == ""


@pytest.mark.parametrize(
    "focus", ["", "change-", "change-abc", "title-1", "change-1-2", "edit-1", "<b>"]
)
def test_a_focus_that_names_no_link_focuses_nothing(client, editor, roadmap, objective, focus):
    response = signed_in(client, editor).get(
        list_url(roadmap), {"focus": focus}, headers=OBJECTIVES_PART
    )

    assert not autofocused(fragment(response))


def test_only_an_htmx_get_aimed_at_the_objectives_gets_the_part(client, editor, roadmap, objective):
    client = signed_in(client, editor)
    address = list_url(roadmap)

    for headers in ({}, HTMX, {**HTMX, "HX-Target": "principles"}):  # not aimed at the list
        whole = client.get(address, headers=headers)
        assert whole.status_code == 200, headers
        assert "<html" in whole.text and "<h1>Objectives and KPIs</h1>" in whole.text, headers
        assert f'id="objective-{objective.pk}"' in whole.text, headers
    part = client.get(address, headers=OBJECTIVES_PART)
    assert attrs_of(fragment(part))["id"] == "objectives"
    assert f'id="objective-{objective.pk}"' in part.text


# Deleting in place ---------------------------------------------------------------------


def test_htmx_delete_removes_it_and_returns_the_list_with_focus_on_the_heading(
    client, editor, roadmap, objective, second
):
    add_kpi(objective, "Online share", "40", "45")

    response = signed_in(client, editor).post(delete_url(objective), headers=HTMX)

    section = fragment(response)
    assert attrs_of(section)["id"] == "objectives"
    assert "HX-Redirect" not in response
    assert list(roadmap.objectives.values_list("title", flat=True)) == ["Skills for all"]
    assert not KPI.objects.exists() and not Measurement.objects.exists()
    assert announcement(response) == "Objective deleted: Services online"
    assert f'id="objective-{objective.pk}"' not in response.text
    assert f'id="objective-{second.pk}"' in response.text
    heading = find(section, id="objectives-heading")
    assert autofocused(section) == [heading]
    assert attrs_of(heading)["tabindex"] == "-1"


def test_htmx_delete_of_the_last_objective_says_there_are_none(client, editor, roadmap, objective):
    response = signed_in(client, editor).post(delete_url(objective), headers=HTMX)

    assert "No objectives yet." in response.text
    assert offers_to_add(fragment(response), roadmap)  # the way to add one stays


# Who may: viewers are refused, another agency's objective does not exist ------------------


def fragment_requests(objective: Objective) -> dict[str, tuple[str, str, dict]]:
    return {
        "open the inline form": ("get", edit_url(objective), {}),
        "save in place": ("post", edit_url(objective), {"title": "Changed", "priority": "low"}),
        "ask in place": ("get", delete_url(objective), {}),
        "delete in place": ("post", delete_url(objective), {}),
    }


REQUESTS = ["open the inline form", "save in place", "ask in place", "delete in place"]


def send(client, method: str, address: str, data: dict, headers: dict):
    if method == "post":
        return client.post(address, data, headers=headers)
    return client.get(address, headers=headers)


@pytest.mark.parametrize("request_name", REQUESTS)
def test_viewer_is_refused_every_inline_request(client, viewer, objective, request_name):
    before = database_state()
    method, address, data = fragment_requests(objective)[request_name]

    response = send(signed_in(client, viewer), method, address, data, HTMX)

    assert response.status_code == 403
    assert database_state() == before


@pytest.mark.parametrize("persona", ["viewer", "editor", "admin_user"])
@pytest.mark.parametrize("request_name", REQUESTS)
def test_another_agencys_objective_is_not_found_inline(
    client, request, persona, request_name, other_objective
):
    before = database_state()
    method, address, data = fragment_requests(other_objective)[request_name]

    response = send(
        signed_in(client, request.getfixturevalue(persona)), method, address, data, HTMX
    )

    assert response.status_code == 404
    assert "Agency B" not in response.text
    assert database_state() == before


@pytest.mark.parametrize("request_name", REQUESTS)
def test_another_agencys_objective_through_your_roadmap_is_not_found_inline(
    client, editor, roadmap, other_objective, request_name
):
    before = database_state()
    method, _, data = fragment_requests(other_objective)[request_name]
    name = (
        "objective-edit" if "form" in request_name or "save" in request_name else "objective-delete"
    )

    response = send(
        signed_in(client, editor), method, url(name, roadmap, pk=other_objective.pk), data, HTMX
    )

    assert response.status_code == 404
    assert database_state() == before


def test_another_agencys_objectives_part_is_not_found(client, editor, other_roadmap):
    response = signed_in(client, editor).get(
        f"{list_url(other_roadmap)}?focus=change-1", headers=OBJECTIVES_PART
    )

    assert response.status_code == 404
    assert "Agency B" not in response.text


# Query counts --------------------------------------------------------------------------


def queries_for(client, method: str, address: str, data=None, headers=None) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = send(client, method, address, data or {}, headers or {})
    assert response.status_code == 200
    return len(queries), response.text


@pytest.mark.parametrize("persona", ["viewer", "editor"])
def test_the_objectives_page_costs_its_budget(client, request, persona, roadmap, editor):
    """What editing in place adds to the page (the edit, delete and move controls)
    costs no query: a viewer's page and an editor's cost the same."""
    client = signed_in(client, request.getfixturevalue(persona))
    fill_roadmap(roadmap, editor, 0, 3)
    client.get(list_url(roadmap))

    count, _ = queries_for(client, "get", list_url(roadmap))

    assert count == OBJECTIVES_PAGE_BUDGET


def test_the_inline_fragments_cost_the_same_with_ten_times_the_objectives(
    client, editor, roadmap, objective
):
    client = signed_in(client, editor)
    add_kpi(objective, "Online share", "40", "45")

    def costs() -> list[int]:
        part = f"{list_url(roadmap)}?focus=change-{objective.pk}"
        client.get(part, headers=OBJECTIVES_PART)  # warm the session
        return [
            queries_for(client, "get", edit_url(objective), headers=HTMX)[0],
            queries_for(client, "get", delete_url(objective), headers=HTMX)[0],
            queries_for(client, "get", part, headers=OBJECTIVES_PART)[0],
            queries_for(client, "post", edit_url(objective), {"title": "Services online"}, HTMX)[0],
            queries_for(client, "post", edit_url(objective), {"title": ""}, HTMX)[0],
        ]

    fill_roadmap(roadmap, editor, 0, 3)
    few = costs()
    fill_roadmap(roadmap, editor, 3, 27)
    many = costs()

    assert few == many, f"{few} queries with 4 objectives, {many} with 31"


def test_deleting_in_place_costs_the_same_with_ten_times_the_objectives(client, editor, roadmap):
    client = signed_in(client, editor)
    fill_roadmap(roadmap, editor, 0, 3)
    client.get(list_url(roadmap))
    first = roadmap.objectives.get(title="Objective number 00")
    few, _ = queries_for(client, "post", delete_url(first), headers=HTMX)

    fill_roadmap(roadmap, editor, 3, 27)
    second = roadmap.objectives.get(title="Objective number 01")
    many, text = queries_for(client, "post", delete_url(second), headers=HTMX)

    assert len(re.findall(r'<li class="objective" id=', text)) == 29  # 1 + 30 - 2 deleted
    assert few == many, f"{few} queries with 3 objectives, {many} with 30"
    assert not Measurement.objects.filter(kpi__objective_id__in=[first.pk, second.pk]).exists()
