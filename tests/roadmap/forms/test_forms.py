"""Bad input on the roadmap and objective forms, through the pages a user sees.

Each case checks three things: the exact message is shown next to its field
(the field's aria-describedby points at it), nothing changed in the database,
and what the user typed is still in the form.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape

from roadmap.models import Objective, Roadmap
from tests.helpers import MARKUP
from tests.helpers import roadmaps_and_objectives as database_state
from tests.html import FormPage, find, squash, text_of

CREATE_URL = reverse("roadmap:create", kwargs={"agency": "agency-a"})
NEW_ROADMAP = {
    "title": "Data and digital roadmap",
    "slug": "data-2027",
    "horizon_start_year": "2027",
    "horizon_end_year": "2030",
    "vision": "Services that work first time.",
}
ROADMAP_FIELDS = list(NEW_ROADMAP)


def roadmap_url(name: str, **kwargs) -> str:
    return reverse(
        f"roadmap:{name}", kwargs={"agency": "agency-a", "slug": "digital-2026", **kwargs}
    )


def assert_refused(response, field: str, message: str, typed: dict) -> FormPage:
    page = FormPage(response)
    assert response.status_code == 200
    assert message in page.error(field)
    for name, value in typed.items():
        assert page.value(name) == squash(value), f"{name} lost what was typed"
    return page


# Creating a roadmap --------------------------------------------------------------


def create_cases():
    return [
        pytest.param({"title": ""}, "title", "Enter a title.", id="empty title"),
        pytest.param({"title": "   "}, "title", "Enter a title.", id="blank title"),
        pytest.param(
            {"title": "T" * 201},
            "title",
            "Title must be 200 characters or fewer (it has 201). Shorten it and try again.",
            id="overlong title",
        ),
        pytest.param(
            {"slug": "digital-2026"},
            "slug",
            "Your agency already has a roadmap called 'digital-2026'. Choose another short name.",
            id="slug used in the agency",
        ),
        pytest.param(
            {"title": "Digital 2026", "slug": ""},
            "slug",
            "Your agency already has a roadmap called 'digital-2026'. Choose another short name.",
            id="slug made from the title used in the agency",
        ),
        pytest.param(
            {"title": "!!!", "slug": ""},
            "slug",
            "Enter a short name using letters or numbers, for example 'roadmap-2026'.",
            id="no slug can be made from the title",
        ),
        pytest.param(
            {"slug": "Not a slug!"},
            "slug",
            "Use only lower-case letters, numbers and hyphens.",
            id="slug with spaces",
        ),
        pytest.param(
            {"horizon_start_year": "2030", "horizon_end_year": "2026"},
            "horizon_end_year",
            "The last year must be the same as or after the first year (2030).",
            id="end year before start year",
        ),
        pytest.param(
            {"horizon_start_year": "1999"},
            "horizon_start_year",
            "Enter a year from 2000 to 2100.",
            id="start year out of range",
        ),
        pytest.param(
            {"horizon_end_year": ""},
            "horizon_end_year",
            "Enter the last year, for example 2030.",
            id="no end year",
        ),
        pytest.param(
            {"vision": "V" * 100_000},
            "vision",
            "Vision statement must be 10,000 characters or fewer (it has 100,000). "
            "Shorten it and try again.",
            id="vision of 100,000 characters",
        ),
    ]


@pytest.mark.parametrize("change, field, message", create_cases())
def test_create_roadmap_refuses_bad_input(editor_client, roadmap, change, field, message):
    typed = {**NEW_ROADMAP, **change}
    before = database_state()

    response = editor_client.post(CREATE_URL, typed)

    assert_refused(response, field, message, typed)
    assert database_state() == before


def test_the_same_slug_in_another_agency_is_fine(editor_client, agency, other_roadmap):
    response = editor_client.post(CREATE_URL, {**NEW_ROADMAP, "slug": other_roadmap.slug})

    assert response.status_code == 302
    assert Roadmap.objects.filter(organisation=agency, slug=other_roadmap.slug).exists()
    assert Roadmap.objects.filter(slug=other_roadmap.slug).count() == 2


def test_a_long_text_field_has_no_maxlength_that_would_silently_cut_it(editor_client):
    page = FormPage(editor_client.get(CREATE_URL))

    for field in ("title", "slug", "vision"):
        assert "maxlength" not in dict(page.widget(field).attributes), field


# Editing the vision --------------------------------------------------------------


EDITED = {
    "title": "Renamed roadmap",
    "horizon_start_year": "2026",
    "horizon_end_year": "2030",
    "vision": "A changed vision.",
}


def edit_cases():
    return [
        pytest.param({"title": ""}, "title", "Enter a title.", id="empty title"),
        pytest.param(
            {"title": "T" * 201},
            "title",
            "Title must be 200 characters or fewer (it has 201). Shorten it and try again.",
            id="overlong title",
        ),
        pytest.param(
            {"horizon_start_year": "2031"},
            "horizon_end_year",
            "The last year must be the same as or after the first year (2031).",
            id="end year before start year",
        ),
        pytest.param(
            {"vision": "V" * 100_000},
            "vision",
            "Vision statement must be 10,000 characters or fewer (it has 100,000). "
            "Shorten it and try again.",
            id="vision of 100,000 characters",
        ),
    ]


@pytest.mark.parametrize("change, field, message", edit_cases())
def test_edit_vision_refuses_bad_input(editor_client, roadmap, change, field, message):
    typed = {**EDITED, **change}
    before = database_state()

    response = editor_client.post(roadmap_url("edit"), typed)

    assert_refused(response, field, message, typed)
    assert database_state() == before


# Objectives ----------------------------------------------------------------------


def objective_cases():
    return [
        pytest.param({"title": ""}, "title", "Enter a title.", id="empty title"),
        pytest.param(
            {"title": "O" * 201},
            "title",
            "Title must be 200 characters or fewer (it has 201). Shorten it and try again.",
            id="overlong title",
        ),
        pytest.param(
            {"title": "services ONLINE"},
            "title",
            "This roadmap already has an objective with that title.",
            id="title already used in the roadmap",
        ),
        pytest.param(
            {"description": "D" * 5001},
            "description",
            "Description must be 5,000 characters or fewer (it has 5,001). "
            "Shorten it and try again.",
            id="overlong description",
        ),
    ]


NEW_OBJECTIVE = {"title": "Data shared once", "description": "Ask citizens only once."}


@pytest.mark.parametrize("change, field, message", objective_cases())
def test_add_objective_refuses_bad_input(editor_client, roadmap, change, field, message):
    typed = {**NEW_OBJECTIVE, **change}
    before = database_state()

    response = editor_client.post(roadmap_url("objective-create"), typed)

    assert_refused(response, field, message, typed)
    assert "<html" in response.text  # without JavaScript: the whole page again
    assert database_state() == before


@pytest.mark.parametrize("change, field, message", objective_cases())
def test_htmx_add_objective_refuses_bad_input_in_the_fragment(
    editor_client, roadmap, change, field, message
):
    typed = {**NEW_OBJECTIVE, **change}
    before = database_state()

    response = editor_client.post(
        roadmap_url("objective-create"), typed, headers={"HX-Request": "true"}
    )

    assert_refused(response, field, message, typed)
    assert "<html" not in response.text
    assert 'id="objectives"' in response.text
    assert database_state() == before


@pytest.mark.parametrize("change, field, message", objective_cases()[:2] + objective_cases()[3:])
def test_edit_objective_refuses_bad_input(editor_client, roadmap, change, field, message):
    other = Objective.objects.create(roadmap=roadmap, title="Data shared once", position=1)
    typed = {**NEW_OBJECTIVE, **change}
    before = database_state()

    response = editor_client.post(roadmap_url("objective-edit", pk=other.pk), typed)

    assert_refused(response, field, message, typed)
    assert database_state() == before


def test_edit_objective_refuses_the_title_of_another_objective(editor_client, roadmap):
    other = Objective.objects.create(roadmap=roadmap, title="Data shared once", position=1)
    before = database_state()

    response = editor_client.post(
        roadmap_url("objective-edit", pk=other.pk), {"title": "Services Online"}
    )

    assert_refused(
        response,
        "title",
        "This roadmap already has an objective with that title.",
        {"title": "Services Online"},
    )
    assert database_state() == before


# The error summary ---------------------------------------------------------------


def test_the_error_summary_counts_one_problem(editor_client):
    response = editor_client.post(CREATE_URL, {**NEW_ROADMAP, "title": ""})

    assert "There is 1 problem with what you entered" in FormPage(response).summary()


def test_an_empty_title_and_empty_short_name_is_one_problem_not_two(editor_client):
    """The short name is made from the title: only the title needs fixing."""
    response = editor_client.post(CREATE_URL, {**NEW_ROADMAP, "title": "", "slug": ""})

    summary = FormPage(response).summary()
    assert "There is 1 problem with what you entered" in summary
    assert "Enter a title." in summary


def test_the_error_summary_counts_and_links_every_problem(editor_client):
    typed = {
        **NEW_ROADMAP,
        "title": "",
        "horizon_start_year": "2030",
        "horizon_end_year": "2026",
        "vision": "V" * 10_001,
    }

    response = editor_client.post(CREATE_URL, typed)

    page = FormPage(response)
    assert "There are 3 problems with what you entered" in page.summary()
    assert response.text.index('role="alert"') < response.text.index('id="id_title"'), (
        "the summary is not above the form"
    )
    for field in ("title", "horizon_end_year", "vision"):
        link = find(page.document, href=f"#id_{field}")
        assert link is not None, f"the summary does not link to {field}"
        assert page.error(field).removeprefix("Error:").strip() in text_of(link)
    assert page.error("slug") == ""


def test_the_htmx_fragment_has_its_own_error_summary(editor_client, roadmap):
    response = editor_client.post(
        roadmap_url("objective-create"), {"title": ""}, headers={"HX-Request": "true"}
    )

    assert "There is 1 problem with what you entered" in FormPage(response).summary()


def test_a_page_without_errors_has_no_error_summary(editor_client, roadmap):
    assert FormPage(editor_client.get(CREATE_URL)).summary() == ""


# Markup is text --------------------------------------------------------------------


def assert_shown_as_text(response, text: str = MARKUP) -> None:
    assert response.status_code == 200
    assert escape(text) in response.text
    assert text not in response.text
    assert "<script>alert" not in response.text
    assert "<b onmouseover" not in response.text


def test_markup_in_a_roadmap_is_stored_as_typed_and_shown_as_text(editor_client, agency, roadmap):
    response = editor_client.post(
        CREATE_URL, {**NEW_ROADMAP, "title": MARKUP, "vision": f"{MARKUP}\n\n{MARKUP}"}
    )

    created = Roadmap.objects.get(organisation=agency, slug="data-2027")
    assert response.status_code == 302
    assert (created.title, created.vision) == (MARKUP, f"{MARKUP}\n\n{MARKUP}")
    for page in (
        created.get_absolute_url(),
        reverse("roadmap:vision", kwargs={"agency": "agency-a", "slug": "data-2027"}),
        reverse("roadmap:agency", kwargs={"agency": "agency-a"}),
        reverse("home"),
        reverse("roadmap:edit", kwargs={"agency": "agency-a", "slug": "data-2027"}),
    ):
        assert_shown_as_text(editor_client.get(page))


def test_markup_in_an_objective_is_stored_as_typed_and_shown_as_text(editor_client, roadmap):
    editor_client.post(roadmap_url("objective-create"), {"title": MARKUP, "description": MARKUP})

    objective = roadmap.objectives.get(position=1)
    assert (objective.title, objective.description) == (MARKUP, MARKUP)
    assert_shown_as_text(editor_client.get(roadmap_url("detail")))
    assert_shown_as_text(editor_client.get(roadmap_url("objective-edit", pk=objective.pk)))
    assert_shown_as_text(editor_client.get(roadmap_url("objective-delete", pk=objective.pk)))


def refused_markup_cases():
    return [
        pytest.param(CREATE_URL, {**NEW_ROADMAP, "slug": MARKUP}, ["slug"], id="slug"),
        pytest.param(
            CREATE_URL,
            {**NEW_ROADMAP, "title": MARKUP, "vision": MARKUP, "horizon_end_year": "2026"},
            ["title", "vision"],
            id="title and vision",
        ),
        pytest.param(
            roadmap_url("objective-create"),
            {"title": "", "description": MARKUP},
            ["description"],
            id="objective description",
        ),
        pytest.param(
            roadmap_url("objective-create"),
            {"title": MARKUP, "description": "D" * 5001},
            ["title"],
            id="objective title",
        ),
    ]


@pytest.mark.parametrize("address, typed, fields", refused_markup_cases())
def test_markup_comes_back_as_text_in_a_refused_form(
    editor_client, roadmap, address, typed, fields
):
    before = database_state()

    response = editor_client.post(address, typed)

    assert_shown_as_text(response)
    for field in fields:
        assert FormPage(response).value(field) == squash(MARKUP)
    assert database_state() == before
