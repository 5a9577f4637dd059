"""Milestones and risks in a real browser: both pages open and are axe-clean,
with the add forms open too; a milestone is added by month (the day left
empty); a risk is added with the keyboard alone, and the heat map follows."""

from datetime import date

import pytest
from playwright.sync_api import expect

from roadmap.models import Component, Milestone, Risk
from roadmap.services.initiatives import initiative_create
from roadmap.services.milestones import milestone_create
from roadmap.services.risks import risk_create
from tests.e2e.conftest import assert_accessible, sign_in
from tests.helpers import url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cloud(roadmap):
    # A transactional test flushes the kinds that a migration loads, and with them
    # the seeded components: make one when there is none.
    component = roadmap.components.first() or Component.objects.create(
        roadmap=roadmap, name="Technology adoption"
    )
    return initiative_create(
        roadmap=roadmap,
        title="Cloud hosting",
        component=component,
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )


def test_milestones_page_adds_a_month_and_warns_outside_the_initiative(
    page, editor, roadmap, cloud
):
    milestone_create(
        roadmap=roadmap, title="Supplier chosen", initiative=cloud, due_date=date(2026, 6, 30)
    )
    sign_in(page, editor.username)
    page.goto(url("milestones", roadmap))
    assert_accessible(page, "the milestones page")

    page.get_by_role("link", name="Add a milestone").click()
    section = page.locator("#milestones")
    section.get_by_role("heading", name="Add a milestone").wait_for()
    assert_accessible(page, "the milestones page with the add form")
    section.get_by_label("Title").fill("Old system switched off")
    section.get_by_label("Initiative").select_option(label="Cloud hosting")
    due = section.get_by_role("group", name="Due date", exact=True)
    due.get_by_label("Month", exact=True).fill("6")
    due.get_by_label("Year", exact=True).fill("2027")
    section.get_by_role("button", name="Add milestone").click()
    expect(section).to_contain_text("Due in June 2027")
    expect(section).to_contain_text("3 months after it ends")
    assert Milestone.objects.get(title="Old system switched off").due_precision == "month"
    assert_accessible(page, "the milestones page with a warning")


def test_a_risk_is_added_with_the_keyboard_and_the_heat_map_follows(page, editor, roadmap, cloud):
    risk_create(roadmap=roadmap, title="Key person leaves", likelihood=2, impact=2)
    sign_in(page, editor.username)
    page.goto(url("risks", roadmap))
    assert_accessible(page, "the risks page")
    section = page.locator("#risks")
    expect(section).to_contain_text("1 risk: 0 high, 0 medium and 1 low.")

    page.get_by_role("link", name="Add a risk").focus()
    page.keyboard.press("Enter")
    heading = section.get_by_role("heading", name="Add a risk")
    expect(heading).to_be_focused()  # focus moves to the form that opened
    assert_accessible(page, "the risks page with the add form")

    keys = page.keyboard
    keys.press("Tab")  # Title
    keys.type("Supplier cannot deliver")
    keys.press("Tab")  # Description
    keys.type("The market is small.")
    keys.press("Tab")  # Likelihood: 1 ... 4
    keys.press("Space")
    for _ in range(3):
        keys.press("ArrowDown")
    keys.press("Tab")  # Impact: 1 ... 5
    keys.press("Space")
    for _ in range(4):
        keys.press("ArrowDown")
    keys.press("Tab")  # Owner (left empty)
    keys.press("Tab")  # Mitigation (left empty)
    keys.press("Tab")  # Status: open, as it is
    keys.press("Tab")  # Initiatives: Cloud hosting
    keys.press("Space")
    keys.press("Tab")  # Add risk
    expect(page.locator(":focus")).to_have_text("Add risk")
    keys.press("Enter")

    expect(section).to_contain_text("2 risks: 1 high, 0 medium and 1 low.")
    expect(section).to_contain_text("A high risk with no mitigation")
    risk = Risk.objects.get(title="Supplier cannot deliver")
    assert (risk.likelihood, risk.impact, risk.score) == (4, 5, 20)
    assert list(risk.initiatives.all()) == [cloud]
    cell = page.locator('.risk-map__cell[data-likelihood="4"][data-impact="5"] .risk-map__count')
    expect(cell).to_have_text("1")
    assert_accessible(page, "the risks page with a high risk")

    # The initiative's page names the risk, and links back.
    page.goto(cloud.get_absolute_url())
    page.get_by_role("link", name="Supplier cannot deliver").click()
    page.wait_for_url(f"**/risks/#risk-{risk.pk}")
    assert_accessible(page, "the risks page reached from the initiative")
