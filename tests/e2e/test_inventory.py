"""The SWOT, inventory and gaps in a real browser: a system is added in the
inventory, a gap is suggested from it, an initiative is said to close it, and the
gap shows on the initiative's page and in the traceability matrix; every page of
the part (and its forms, opened) is axe-clean."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from assessments.models import Gap, System
from assessments.services.processes import process_create
from assessments.services.swot import swot_item_create
from roadmap.models import Component
from roadmap.services.initiatives import initiative_create
from tests.assessments.factories import aurl
from tests.e2e.conftest import assert_accessible, sign_in
from tests.helpers import url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cloud(roadmap):
    # A transactional test flushes the kinds a migration loads, and with them the
    # seeded components: make one when there is none.
    component = roadmap.components.first() or Component.objects.create(
        roadmap=roadmap, name="Technology adoption"
    )
    return initiative_create(
        roadmap=roadmap,
        title="Move to the cloud",
        component=component,
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )


def test_a_system_becomes_a_gap_that_an_initiative_closes(page, editor, roadmap, cloud):
    sign_in(page, editor.username)
    page.goto(aurl("systems", roadmap))
    assert_accessible(page, "the systems page, empty")

    page.get_by_role("link", name="Add a system").click()
    section = page.locator("#systems")
    section.get_by_role("heading", name="Add a system").wait_for()
    assert_accessible(page, "the systems page with the add form")
    section.get_by_label("Name").fill("Benefits mainframe")
    section.get_by_label("Hosting").select_option(label="On premises")
    section.get_by_label("Year introduced").fill("1949")
    section.get_by_label("Lifecycle decision").select_option(label="Migrate")
    section.get_by_label("3 Adequate").check()
    section.get_by_label("Business criticality").select_option(label="Critical")
    section.get_by_role("button", name="Add system").click()
    expect(section).to_contain_text("1949 is before the first computers")
    assert not System.objects.exists()
    expect(section.get_by_label("Name")).to_have_value("Benefits mainframe")  # nothing lost
    section.get_by_label("Year introduced").fill("1978")
    section.get_by_role("button", name="Add system").click()
    expect(section.get_by_role("table", name="Systems: hosting")).to_contain_text(
        "Benefits mainframe"
    )
    assert System.objects.get().year_introduced == 1978
    assert_accessible(page, "the systems page with a system")

    page.goto(aurl("gap-suggest", roadmap))
    assert_accessible(page, "the suggestions")
    expect(page.get_by_label("Benefits mainframe: migrate")).to_be_checked()
    page.get_by_role("button", name="Add the gaps ticked").click()
    gaps = page.locator("#gaps")
    expect(gaps).to_contain_text("Migrate Benefits mainframe")
    expect(gaps).to_contain_text("No initiative closes it yet")
    assert_accessible(page, "the gaps page")

    gap = Gap.objects.get()
    gaps.get_by_role("link", name="Change Migrate Benefits mainframe").click()
    form = page.locator(f"#gap-{gap.pk}")
    form.get_by_role("heading", name="Change the gap").wait_for()
    assert_accessible(page, "the gaps page with a gap opened for change")
    form.get_by_label("Move to the cloud").check()
    form.get_by_role("button", name="Save gap").click()
    expect(gaps).to_contain_text("Closed by: Move to the cloud")

    gaps.get_by_role("link", name="Move to the cloud").click()
    panel = page.locator("#gaps-closed")
    expect(panel).to_contain_text("Migrate Benefits mainframe")
    assert_accessible(page, "the initiative's page with the gap it closes")
    panel.get_by_role("link", name="Migrate Benefits mainframe").click()
    expect(page).to_have_url(re.compile(rf"{aurl('gaps', roadmap)}#gap-{gap.pk}$"))

    page.goto(url("traceability", roadmap))
    expect(page.locator("#gap-matrix")).to_contain_text("Migrate Benefits mainframe")
    assert_accessible(page, "the traceability page with the gaps matrix")


def test_the_swot_and_processes_pages_are_accessible(page, editor, roadmap):
    swot_item_create(roadmap=roadmap, quadrant="strength", text="Committed leaders")
    swot_item_create(roadmap=roadmap, quadrant="weakness", text="Paper forms")
    process_create(roadmap=roadmap, name="Parking permits", channel="post", digitisation="paper")
    sign_in(page, editor.username)
    page.goto(aurl("swot", roadmap))
    assert_accessible(page, "the SWOT page")
    page.get_by_role("link", name="Add a threat").click()
    threats = page.locator("#threats")
    threats.get_by_role("heading", name="Add a threat").wait_for()
    assert_accessible(page, "the SWOT page with an add form open")
    threats.get_by_label("The threat").fill("Budget cuts of 4% a year")
    threats.get_by_role("button", name="Add a threat").click()
    expect(threats).to_contain_text("Budget cuts of 4% a year")

    page.goto(aurl("processes", roadmap))
    assert_accessible(page, "the processes page")
    expect(page.locator("#processes")).to_contain_text("Parking permits")
