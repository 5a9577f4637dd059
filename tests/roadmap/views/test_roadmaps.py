"""Roadmap pages over HTTP: who may read and write, and how htmx gets fragments.

Personas (tests/conftest.py): alice-admin, lena-lead, eddie-editor and
vik-viewer are members of agency A, which owns `roadmap`; olga-outsider is a
lead of agency B, which owns `other_roadmap`. Both roadmaps use the same slug.
"""

import json
import re

import pytest
from django.test import Client
from django.test.html import parse_html
from django.urls import reverse

from roadmap.models import Objective, Roadmap, RoadmapStatus
from tests.helpers import in_place_banner, signed_in, url
from tests.helpers import roadmaps_and_objectives as database_state
from tests.html import find, text_of

# Helpers ----------------------------------------------------------------------


NEW_ROADMAP = {
    "title": "A new roadmap",
    "slug": "new-roadmap",
    "horizon_start_year": "2027",
    "horizon_end_year": "2031",
    "vision": "New vision.",
}
EDITED_ROADMAP = {
    "title": "Renamed roadmap",
    "horizon_start_year": "2026",
    "horizon_end_year": "2032",
    "vision": "A changed vision.",
}


def endpoints(roadmap: Roadmap, objective: Objective) -> dict[str, tuple[str, dict | None]]:
    """Every roadmap page: its URL and, for a write, a valid POST."""
    agency = roadmap.organisation.slug
    return {
        "roadmap list": (reverse("roadmap:agency", kwargs={"agency": agency}), None),
        "roadmap": (url("detail", roadmap), None),
        "vision and principles": (url("vision", roadmap), None),
        "objectives": (url("objectives", roadmap), None),
        "every KPI": (url("kpis", roadmap), None),
        "create roadmap": (reverse("roadmap:create", kwargs={"agency": agency}), NEW_ROADMAP),
        "edit vision": (url("edit", roadmap), EDITED_ROADMAP),
        "add objective": (
            url("objective-create", roadmap),
            {"title": "A new objective", "description": "Why it matters."},
        ),
        "edit objective": (
            url("objective-edit", roadmap, pk=objective.pk),
            {"title": "A changed objective", "description": "Changed."},
        ),
        "delete objective": (url("objective-delete", roadmap, pk=objective.pk), {}),
    }


PAGES = ["roadmap list", "roadmap", "vision and principles", "objectives", "every KPI"]
# Where each write is offered: the vision is changed from its section's page,
# objectives from theirs.
OFFERED_ON = {
    "edit vision": "vision and principles",
    "add objective": "objectives",
    "edit objective": "objectives",
    "delete objective": "objectives",
}
WRITES = ["create roadmap", "edit vision", "add objective", "edit objective", "delete objective"]


def send(client, method: str, target: tuple[str, dict | None]):
    address, data = target
    if method == "post":
        return client.post(address, data or {})
    return client.get(address)


# Tenancy: another agency's roadmap does not exist for you -----------------------
# Each page's status for every persona and method (sign in, 404, 403, 405, or
# done) is in tests/test_permissions.py; here, what that table does not show.


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("page", ["edit objective", "delete objective"])
def test_another_agencys_objective_is_not_found_through_your_own_roadmap(
    client, editor, roadmap, other_objective, page, method
):
    """Only the id of agency B's objective, under agency A's roadmap: still not found."""
    before = database_state()

    response = send(signed_in(client, editor), method, endpoints(roadmap, other_objective)[page])

    assert response.status_code == 404
    assert database_state() == before


def test_the_same_slug_in_two_agencies_opens_your_agencys_roadmap(
    client, viewer, roadmap, other_roadmap
):
    assert roadmap.slug == other_roadmap.slug

    response = signed_in(client, viewer).get(url("detail", roadmap))

    assert response.status_code == 200
    assert "Every service digital by default." in response.text
    assert "Not for agency A." not in response.text


def test_home_lists_only_your_agencies_roadmaps(client, viewer, roadmap, other_roadmap):
    response = signed_in(client, viewer).get(reverse("home"))

    assert response.status_code == 200
    assert roadmap.title in response.text
    assert "Agency B" not in response.text
    assert "secret roadmap" not in response.text


# Roles: viewers read, editors and above write --------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_viewer_reads_the_roadmap_pages(client, viewer, roadmap, objective, page):
    response = signed_in(client, viewer).get(endpoints(roadmap, objective)[page][0])

    assert response.status_code == 200
    assert roadmap.title in response.text


@pytest.mark.parametrize("page", PAGES[1:])
def test_viewer_is_not_offered_the_write_actions(client, viewer, roadmap, objective, page):
    response = signed_in(client, viewer).get(endpoints(roadmap, objective)[page][0])

    assert response.status_code == 200
    for write in WRITES[1:]:
        assert endpoints(roadmap, objective)[write][0] not in response.text, write
    assert 'name="title"' not in response.text


@pytest.mark.parametrize("write", WRITES[1:])
def test_editor_is_offered_the_write_actions(client, editor, roadmap, objective, write):
    response = signed_in(client, editor).get(endpoints(roadmap, objective)[OFFERED_ON[write]][0])

    assert endpoints(roadmap, objective)[write][0] in response.text


def test_editor_opens_the_add_objective_form_in_place(client, editor, roadmap, objective):
    """The objectives' page offers "Add an objective"; with htmx it opens the short
    form in the list, without JavaScript the whole form on its own page."""
    client = signed_in(client, editor)
    address = url("objective-create", roadmap)
    add = find(parse_html(client.get(url("objectives", roadmap)).text), href=address)
    assert text_of(add) == "Add an objective"
    assert (dict(add.attributes)["hx-get"], dict(add.attributes)["hx-target"]) == (
        address,
        "#objectives",
    )

    response = client.get(address, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    section = parse_html(response.text)  # one element: the section htmx swaps
    assert dict(section.attributes).get("id") == "objectives"
    assert find(section, id=f"objective-{objective.pk}") is not None  # the list stays
    form = find(section, action=address)
    assert (dict(form.attributes)["method"], dict(form.attributes)["hx-post"]) == ("post", address)
    assert find(form, id="id_title") is not None and find(form, id="id_description") is not None
    assert find(section, **{"hx-get": address}) is None  # the button gives way to the form
    assert text_of(find(section, href=address)) == "Add an objective with all its details"
    whole = client.get(address)
    assert "<html" in whole.text and 'id="id_title"' in whole.text


# What the writes do ----------------------------------------------------------------


def test_editor_creates_a_draft_roadmap(client, editor, agency):
    response = signed_in(client, editor).post(
        reverse("roadmap:create", kwargs={"agency": "agency-a"}), NEW_ROADMAP
    )

    created = Roadmap.objects.get(organisation=agency, slug="new-roadmap")
    assert response.status_code == 302
    assert response["Location"] == "/agencies/agency-a/roadmaps/new-roadmap/"
    assert (created.title, created.horizon, created.vision) == (
        "A new roadmap",
        "2027\u20132031",
        "New vision.",
    )
    assert (created.status, created.version, created.created_by) == (
        RoadmapStatus.DRAFT,
        1,
        editor,
    )


def test_a_roadmap_without_a_slug_gets_one_from_its_title(client, editor, agency):
    signed_in(client, editor).post(
        reverse("roadmap:create", kwargs={"agency": "agency-a"}),
        {
            "title": "Cloud First: 2027 to 2029!",
            "slug": "",
            "horizon_start_year": "2027",
            "horizon_end_year": "2029",
        },
    )

    assert Roadmap.objects.get(organisation=agency).slug == "cloud-first-2027-to-2029"


def test_editor_edits_the_vision_but_not_the_slug(client, editor, roadmap):
    response = signed_in(client, editor).post(
        url("edit", roadmap), {**EDITED_ROADMAP, "slug": "hijacked"}
    )

    roadmap.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/agencies/agency-a/roadmaps/digital-2026/"
    assert (roadmap.title, roadmap.horizon, roadmap.vision, roadmap.slug) == (
        "Renamed roadmap",
        "2026\u20132032",
        "A changed vision.",
        "digital-2026",
    )


def test_editor_adds_an_objective_after_the_others(client, editor, roadmap):
    response = signed_in(client, editor).post(
        url("objective-create", roadmap), {"title": "Data shared once", "description": "Why."}
    )

    assert response.status_code == 302
    assert response["Location"] == "/agencies/agency-a/roadmaps/digital-2026/objectives/#objectives"
    assert list(roadmap.objectives.values_list("title", "description", "position")) == [
        ("Services online", "", 0),
        ("Data shared once", "Why.", 1),
    ]


def test_editor_edits_an_objective(client, editor, roadmap, objective):
    response = signed_in(client, editor).post(
        url("objective-edit", roadmap, pk=objective.pk),
        {"title": "All services online", "description": "By 2028."},
    )

    objective.refresh_from_db()
    assert response["Location"] == (
        f"/agencies/agency-a/roadmaps/digital-2026/objectives/#objective-{objective.pk}"
    )
    assert (objective.title, objective.description) == ("All services online", "By 2028.")


def test_editor_keeps_an_objectives_title_when_editing_only_its_description(
    client, editor, roadmap, objective
):
    response = signed_in(client, editor).post(
        url("objective-edit", roadmap, pk=objective.pk),
        {"title": "Services online", "description": "Now described."},
    )

    assert response.status_code == 302
    assert roadmap.objectives.get().description == "Now described."


def test_delete_asks_first_and_removes_on_post(client, editor, roadmap, objective):
    client = signed_in(client, editor)
    address = url("objective-delete", roadmap, pk=objective.pk)

    confirm = client.get(address)
    assert confirm.status_code == 200
    assert 'Delete the objective "Services online"?' in confirm.text
    assert roadmap.objectives.exists()

    response = client.post(address)

    assert response["Location"] == "/agencies/agency-a/roadmaps/digital-2026/objectives/#objectives"
    assert not roadmap.objectives.exists()


def test_htmx_delete_returns_the_objectives_fragment(client, editor, roadmap, objective):
    # Deleting in place: tests/roadmap/views/test_objectives_inline.py
    response = signed_in(client, editor).post(
        url("objective-delete", roadmap, pk=objective.pk), headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "HX-Redirect" not in response
    assert 'id="objectives"' in response.text and "<html" not in response.text
    assert not roadmap.objectives.exists()


# htmx: the objectives fragment ------------------------------------------------------


def test_htmx_add_objective_returns_only_the_objectives_fragment(client, editor, roadmap):
    response = signed_in(client, editor).post(
        url("objective-create", roadmap),
        {"title": "Data shared once", "description": "Why."},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "<header" not in response.text
    # One element, the #objectives container that htmx swaps (hx-swap="outerHTML").
    assert dict(parse_html(response.text).children[0].attributes).get("id") == "objectives"
    assert "Services online" in response.text
    assert "Data shared once" in response.text
    assert roadmap.objectives.filter(title="Data shared once").exists()
    assert 'name="title"' not in response.text  # the add form has closed...
    add = url("objective-create", roadmap)
    assert f'href="{add}" hx-get="{add}"' in response.text  # ...and opens again for another
    added = roadmap.objectives.get(title="Data shared once")
    focused = re.findall(r'<a href="([^"]+)" data-autofocus>([^<]*)</a>', response.text)
    assert focused == [(added.get_absolute_url(), "Data shared once")]  # focus is not lost
    assert response.text.count("data-autofocus") == 1


def test_plain_add_objective_form_is_a_whole_page(client, editor, roadmap):
    response = signed_in(client, editor).get(url("objective-create", roadmap))

    assert response.status_code == 200
    assert "<html" in response.text
    assert "Add an objective" in response.text


# CSRF: every write needs the token; htmx sends it from the header set in the page ---


def test_a_post_without_the_csrf_token_is_refused(editor, roadmap):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    before = database_state()

    response = client.post(url("objective-create", roadmap), {"title": "Forged"})

    assert response.status_code == 403
    assert database_state() == before


def test_htmx_posts_with_the_token_the_page_puts_in_hx_headers(editor, roadmap):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get(url("detail", roadmap))
    hx_headers = json.loads(re.search(r"hx-headers='([^']*)'", page.text).group(1))

    response = client.post(
        url("objective-create", roadmap),
        {"title": "Sent by htmx"},
        headers={"HX-Request": "true", **hx_headers},
    )

    assert response.status_code == 200
    assert roadmap.objectives.filter(title="Sent by htmx").exists()


def test_a_refused_edit_keeps_showing_the_saved_title(client, editor, roadmap):
    client.force_login(editor)
    response = client.post(
        url("edit", roadmap),
        {**EDITED_ROADMAP, "title": "Renamed but refused", "horizon_end_year": "2020"},
    )

    assert response.status_code == 200
    page = response.content.decode()
    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', page, re.S).group(0)
    assert roadmap.title in breadcrumbs
    assert "Renamed but refused" not in breadcrumbs
    assert 'value="Renamed but refused"' in page  # what they typed is kept
    roadmap.refresh_from_db()
    assert roadmap.title == "Digital roadmap 2026 to 2030"


def test_an_objective_added_with_htmx_is_confirmed_in_the_banner(client, editor, roadmap):
    client.force_login(editor)
    response = client.post(
        url("objective-create", roadmap),
        {"title": "Open data by default", "description": ""},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert in_place_banner(response) == "Objective added: Open data by default"
    # The whole page keeps one banner, a live region, empty once the message was shown.
    page = client.get(url("objectives", roadmap)).text
    assert page.count('id="notifications"') == 1
    assert "Objective added" not in page
