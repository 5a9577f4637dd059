"""Issue 12 in a real browser, axe-clean: the export form (a bad "as at" date
refused beside its field, what was typed kept), partners added in place on the
overview, a goal of the roadmap added on its vision page, and a roadmap that
calls its objectives missions, with an outside sponsor shown."""

import pytest

from roadmap.models import Partner
from tests.e2e.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_future_as_at_date_is_refused_and_the_form_is_accessible(page, lead, roadmap):
    sign_in(page, lead.username)
    page.goto(roadmap.address("reports:roadmap-exports"))
    assert_accessible(page, "the exports page with its form")

    page.fill("#id_as_at", "1")
    page.fill("#id_as_at_month", "1")
    page.fill("#id_as_at_year", "2999")
    page.get_by_label("Name individual stakeholders").check()
    page.get_by_role("button", name="Export PDF").click()

    assert "must be today" in page.locator("#id_as_at_error").inner_text()
    assert page.locator("#id_as_at_year").input_value() == "2999"
    assert page.get_by_label("Name individual stakeholders").is_checked()
    assert_accessible(page, "the exports page with an error")


def test_partners_and_a_roadmap_goal_are_added_in_place(page, editor, roadmap):
    sign_in(page, editor.username)
    page.goto(roadmap.get_absolute_url())
    page.get_by_role("link", name="Add a partner organisation").click()
    page.locator("#partners #id_name").wait_for()  # opened in place, not a new page
    assert page.url.endswith(roadmap.get_absolute_url())
    page.locator("#id_name").fill("Regional Health Authority")
    page.get_by_role("button", name="Add partner").click()
    page.locator("#partners li", has_text="Regional Health Authority").wait_for()
    assert Partner.objects.get().name == "Regional Health Authority"
    assert_accessible(page, "the overview with a partner")

    page.goto(roadmap.address("roadmap:vision"))
    page.get_by_role("link", name="Add a goal of this roadmap").click()
    page.locator("#roadmap-goals #goal-title").wait_for()  # in its own section
    page.locator("#goal-title").fill("One front door")
    page.get_by_role("button", name="Add goal").click()
    page.locator("#roadmap-goals li", has_text="One front door").wait_for()
    assert_accessible(page, "the vision page with a goal of the roadmap")


def test_a_roadmap_of_missions_with_an_outside_sponsor(page, viewer, roadmap):
    roadmap.objective_label = "mission"
    roadmap.save()
    objective = roadmap.objectives.get()
    objective.sponsor_name, objective.sponsor_role = "Dr Amina Okafor", "Permanent Secretary"
    objective.save()

    sign_in(page, viewer.username)
    page.goto(roadmap.address("roadmap:objectives"))
    assert page.get_by_role("heading", level=1).inner_text() == "Missions and KPIs"
    assert page.locator(".roadmap-nav [aria-current=page]").inner_text() == "Missions and KPIs"
    assert "Dr Amina Okafor, Permanent Secretary" in page.locator("#objectives").inner_text()
    assert_accessible(page, "the missions page")

    page.goto(objective.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "Mission 1: Services online"
    assert_accessible(page, "a mission's page")
