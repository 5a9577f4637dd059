"""The engagement log and communication plan in a real browser, axe-clean: an
interaction with two stakeholders is logged in place, and filtering the log by
one of them shows their sentiment trend; the plan (with its add form open), the
calendar page and an interaction's page are axe-clean too. A filter changed the
moment its list is swapped in still applies."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from stakeholders.models import Interaction
from stakeholders.services.communications import communication_create
from stakeholders.services.engagements import follow_up_create, interaction_create
from tests.e2e.conftest import assert_accessible, sign_in
from tests.stakeholders.conftest import make_stakeholder
from tests.stakeholders.views.test_communications import address

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_interaction_with_two_stakeholders_is_logged_and_the_trend_follows(
    page, editor, roadmap
):
    ada = make_stakeholder(roadmap, "Ada Lovelace", role="Chief digital officer")
    make_stakeholder(roadmap, "Bob Marley", role="Union representative")
    make_stakeholder(roadmap, "Frontline staff", kind="group", level="staff")
    interaction_create(
        roadmap=roadmap,
        occurred_on=date(2026, 1, 10),
        kind="interview",
        summary="Sceptical at first",
        sentiment=-1,
        stakeholders=[ada],
    )
    sign_in(page, editor.username)
    page.goto(address("interactions", roadmap))
    assert_accessible(page, "the engagement log")

    page.get_by_role("link", name="Log an interaction").click()
    section = page.locator("#interactions")
    section.get_by_role("heading", name="Log an interaction").wait_for()
    assert_accessible(page, "the engagement log with the add form")
    form = section.locator("form.card")
    when = form.get_by_role("group", name="Date", exact=True)
    when.get_by_label("Day", exact=True).fill("12")
    when.get_by_label("Month", exact=True).fill("3")
    when.get_by_label("Year", exact=True).fill("2026")
    form.get_by_label("Type").select_option(label="Workshop")
    form.get_by_label("Ada Lovelace").check()
    form.get_by_label("Bob Marley").check()
    form.get_by_label("Summary").fill("Agreed the pilot in two service areas.")
    form.get_by_label("Very positive (+2)").check()
    form.get_by_role("button", name="Log interaction").click()
    expect(section).to_contain_text("Workshop on 12 March 2026")
    expect(section).to_contain_text("With Ada Lovelace, Bob Marley")
    logged = Interaction.objects.get(kind="workshop")
    assert {s.name for s in logged.stakeholders.all()} == {"Ada Lovelace", "Bob Marley"}

    section.get_by_label("Stakeholder").select_option(label="Ada Lovelace")
    trend = section.get_by_role("img", name="Sentiment of Ada Lovelace over time")
    expect(trend).to_be_visible()
    expect(section.locator("svg desc")).to_contain_text(
        "negative at first, very positive most recently"
    )
    assert "stakeholder=" in page.url  # the filter is in the address, to share
    assert_accessible(page, "the engagement log filtered by a stakeholder")

    follow_up_create(interaction=logged, action="Send the pilot plan", due_on=date(2026, 3, 20))
    page.goto(logged.get_absolute_url())
    expect(page.locator("#follow-ups")).to_contain_text("Send the pilot plan")
    assert_accessible(page, "an interaction's page")


def test_a_filter_changed_the_moment_its_list_is_swapped_in_still_applies(page, editor, roadmap):
    # htmx binds swapped-in content when it settles; a settle delay (htmx's
    # default is 20 ms) left a window in which a change did nothing. The change
    # here comes in the first task after the swap, inside any such window.
    ada = make_stakeholder(roadmap, "Ada Lovelace", role="Chief digital officer")
    bob = make_stakeholder(roadmap, "Bob Marley", role="Union representative")
    for person, day in ((ada, 10), (bob, 11)):
        interaction_create(
            roadmap=roadmap,
            occurred_on=date(2026, 1, day),
            kind="interview",
            summary=f"Interview {day}",
            sentiment=1,
            stakeholders=[person],
        )
    sign_in(page, editor.username)
    page.goto(address("interactions", roadmap))
    page.evaluate(
        """(ada) => {
            let changed = false;  // once, after the list's own swap (not any swap's)
            document.body.addEventListener("htmx:afterSwap", (event) => {
                if (changed || event.detail.target.id !== "interactions") return;
                changed = true;
                setTimeout(() => {
                    const choice = document.querySelector("#interactions select[name=stakeholder]");
                    choice.value = ada;
                    choice.dispatchEvent(new Event("change", {bubbles: true}));
                }, 0);
            });
        }""",
        str(ada.pk),
    )
    page.locator("#interactions").get_by_label("Stakeholder").select_option(label="Bob Marley")
    expect(page).to_have_url(re.compile(rf"stakeholder={ada.pk}\b"))
    expect(page.locator("#interactions")).to_contain_text("Interview 10")
    expect(page.locator("#interactions")).not_to_contain_text("Interview 11")


def test_the_plan_and_calendar_pages_are_accessible(page, editor, roadmap):
    group = make_stakeholder(roadmap, "Frontline staff", kind="group", level="staff")
    communication_create(
        roadmap=roadmap,
        purpose="Staff newsletter",
        channel="newsletter",
        planned_on=date(2026, 1, 5),
        frequency="monthly",
        audience=[group],
    )
    sign_in(page, editor.username)
    page.goto(address("communications", roadmap))
    expect(page.locator("#communications")).to_contain_text("Staff newsletter")
    assert_accessible(page, "the communication plan")
    page.get_by_role("link", name="Add a communication").click()
    page.locator("#communications").get_by_role("heading", name="Add a communication").wait_for()
    assert_accessible(page, "the communication plan with the add form")
    page.goto(address("calendar", roadmap))
    page.get_by_role("button", name="Get your calendar address").click()
    feed = page.get_by_label("Calendar address").input_value()
    assert "/calendar/" in feed and feed.endswith(".ics")
    assert_accessible(page, "the calendar page")
