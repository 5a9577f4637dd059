"""A roadmap's sections in a real browser: every section found from the roadmap
navigation with the keyboard only, each page axe-clean; on a phone the sections
fold behind one button; an "add" form opens on demand and a principle is added
without the mouse."""

import pytest

from tests.e2e.conftest import assert_accessible, sign_in
from tests.e2e.test_app_shell import focused, tab_to
from tests.roadmap.kpi_factories import make_kpi

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTIONS = [  # label, address under the roadmap's, how the page's title starts
    ("Vision and principles", "vision/", "Vision and principles"),
    ("Objectives and KPIs", "objectives/", "Objectives and KPIs"),
    ("Assessment", "assessments/", "Maturity assessments"),
    ("Exports", "exports/", "PDF exports"),
    ("Overview", "", "Digital roadmap"),
]


def test_every_section_is_found_from_the_navigation_with_the_keyboard_only(page, lead, roadmap):
    make_kpi(roadmap.objectives.get(), name="Applications made online")
    sign_in(page, lead.username)
    page.goto(roadmap.get_absolute_url())
    assert page.locator(".roadmap-nav [aria-current=page]").inner_text() == "Overview"
    assert_accessible(page, "the roadmap's overview")

    for section, address, title in SECTIONS:
        tab_to(page, section, limit=40)
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{roadmap.get_absolute_url()}{address}")
        assert page.locator(".roadmap-nav [aria-current=page]").inner_text() == section
        assert page.title().startswith(title)
        assert_accessible(page, f"the {section} page")

    # From the overview's KPI figure to the table behind it, and into an objective.
    tab_to(page, "1 not measured yet", limit=60)
    page.keyboard.press("Enter")
    page.wait_for_url("**/kpis/?status=no_data")
    assert page.locator(".roadmap-nav [aria-current=true]").inner_text() == "Objectives and KPIs"
    assert page.get_by_role("link", name="Applications made online").is_visible()
    assert_accessible(page, "every KPI, filtered by status")


def test_on_a_phone_the_sections_fold_behind_one_button(browser, live_server, lead, roadmap):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="en-GB"
    )
    page = context.new_page()
    try:
        sign_in(page, lead.username)
        page.goto(roadmap.address("roadmap:objectives"))
        toggle = page.get_by_role("button", name="Sections: Objectives and KPIs")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not page.get_by_role("link", name="Vision and principles").is_visible()
        # The export is near the top of the overview, not below the lists.
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert_accessible(page, "the sections opened on a phone")
        page.get_by_role("link", name="Overview").click()
        page.wait_for_url(f"**{roadmap.get_absolute_url()}")
        button = page.get_by_role("button", name="Export PDF")
        assert button.bounding_box()["y"] < 844, "Export PDF is below the first screen"
    finally:
        context.close()


def test_without_javascript_the_sections_are_links_in_plain_sight(no_js_page, lead, roadmap):
    sign_in(no_js_page, lead.username)
    no_js_page.goto(roadmap.get_absolute_url())
    for section, *_ in SECTIONS:
        assert no_js_page.locator(".roadmap-nav").get_by_role("link", name=section).is_visible()


def test_a_principle_is_added_on_demand_with_the_keyboard(page, editor, roadmap):
    sign_in(page, editor.username)
    page.goto(roadmap.address("roadmap:vision"))
    assert page.get_by_label("Title").count() == 0  # no form until asked for

    tab_to(page, "Add a guiding principle", limit=40)
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", name="Add a guiding principle")
    heading.wait_for()
    assert focused(page)["text"] == "Add a guiding principle"  # focus moved to the form
    page.keyboard.press("Tab")
    page.keyboard.type("Digital by default")
    page.get_by_role("button", name="Add principle").focus()
    page.keyboard.press("Enter")

    page.locator("#notifications .notification--live").wait_for()
    assert "Digital by default" in page.locator("#principles ol").inner_text()
    assert page.get_by_role("link", name="Add a guiding principle").is_visible()
    assert_accessible(page, "the principles after an add")


def test_on_a_laptop_the_sections_fit_one_row_whatever_the_objectives_are_called(
    page, lead, roadmap
):
    """At 1280 pixels, with the longest label ("Commitments and KPIs"), every
    section is on one line: none wraps under the others."""
    roadmap.objective_label = "commitment"
    roadmap.save()
    sign_in(page, lead.username)
    page.goto(roadmap.get_absolute_url())
    tops = page.locator(".roadmap-nav__item").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    assert len(tops) >= 8 and len(set(tops)) == 1, f"the sections wrap: tops {tops}"
    assert page.get_by_role("link", name="Commitments and KPIs").is_visible()
