"""The plan in a real browser: three dependent initiatives, the conflict and the
critical path seen on the timeline, a date fixed with the keyboard only, and
every page of the Roadmap section axe-clean."""

from datetime import date

import pytest
from playwright.sync_api import expect

from roadmap.services.initiatives import dependency_add, initiative_create
from tests.e2e.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_conflict_is_seen_on_the_timeline_and_fixed_with_the_keyboard(page, editor, roadmap):
    component = roadmap.components.first()

    def plan(title, start, end):
        return initiative_create(
            roadmap=roadmap,
            title=title,
            component=component,
            start_month=date(*start, 1),
            end_month=date(*end, 1),
            objectives=[roadmap.objectives.get()],
        )

    landing = plan("Landing zone", (2026, 1), (2026, 3))
    cloud = plan("Cloud hosting", (2026, 4), (2027, 3))
    sign_in(page, editor.username)

    # The third initiative is added through the form, then made to depend on the second.
    page.goto(roadmap.address("roadmap:initiatives"))
    page.get_by_role("link", name="Add an initiative").click()
    page.get_by_label("Title").fill("Retire the old system")
    page.get_by_label("Services online").check()
    start = page.get_by_role("group", name="Start month")
    start.get_by_label("Month").fill("1")
    start.get_by_label("Year").fill("2027")
    end = page.get_by_role("group", name="End month")
    end.get_by_label("Month").fill("12")
    end.get_by_label("Year").fill("2027")
    assert_accessible(page, "the initiative form")
    page.get_by_role("button", name="Add initiative").click()
    expect(page.locator("#notifications")).to_contain_text("Initiative added")
    dependency_add(initiative=cloud, prerequisite=landing)
    page.get_by_role("link", name="Retire the old system").click()
    page.get_by_label("Depends on").select_option(label="Cloud hosting")
    page.get_by_role("button", name="Add the dependency").click()
    expect(page.locator("#dependencies")).to_contain_text("Conflict")
    assert_accessible(page, "an initiative with a conflict")

    page.goto(roadmap.address("roadmap:timeline"))
    expect(page.locator("#timeline [role=status]")).to_contain_text("1 schedule conflict")
    expect(page.locator("#timeline")).to_contain_text(
        "Landing zone → Cloud hosting → Retire the old system"
    )
    assert page.locator(".timeline__arrow--conflict").count() == 1
    assert_accessible(page, "the timeline")
    page.get_by_role("link", name="Table").click()
    expect(page.get_by_role("cell", name="Cloud hosting (conflict)")).to_be_visible()
    assert_accessible(page, "the timeline as a table")

    # Fix it with the keyboard: from the table to the initiative, Change, new start month.
    page.get_by_role("link", name="Retire the old system").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Change Retire the old system").focus()
    page.keyboard.press("Enter")
    start = page.get_by_role("group", name="Start month")
    start.get_by_label("Month").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("4")
    page.get_by_role("button", name="Save initiative").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#notifications")).to_contain_text("Initiative saved")
    expect(page.locator("#dependencies")).not_to_contain_text("Conflict")

    page.goto(roadmap.address("roadmap:timeline"))
    expect(page.locator("#timeline [role=status]")).not_to_contain_text("conflict")
    assert page.locator(".timeline__arrow--conflict").count() == 0
    page.goto(roadmap.address("roadmap:components"))
    assert_accessible(page, "the components")
