"""The stakeholder pages in a real browser: a stakeholder is added, moved on the
power/interest grid by editing their influence (the new quadrant shows), and
every page of the section is axe-clean."""

from datetime import date

import pytest
from playwright.sync_api import expect

from roadmap.models import Component
from roadmap.services.initiatives import initiative_create
from stakeholders.models import Stakeholder
from stakeholders.services.raci import raci_set
from stakeholders.services.stakeholders import stakeholder_create
from tests.e2e.conftest import assert_accessible, sign_in
from tests.stakeholders.helpers import address

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_add_a_stakeholder_and_move_them_on_the_grid(page, lead, roadmap, live_server):
    stakeholder_create(roadmap=roadmap, name="Frontline staff", kind="group", level="staff")
    sign_in(page, lead.username)
    page.goto(live_server.url + address("register", roadmap))
    assert_accessible(page, "the register")

    page.get_by_role("link", name="Add a stakeholder").click()
    assert_accessible(page, "the add form")
    page.get_by_label("Name", exact=True).fill("Priya Natarajan")
    page.get_by_label("Role or title").fill("Head of parking")
    page.get_by_label("Level").select_option(label="Senior management")
    page.get_by_role("group", name="Influence").get_by_label("2", exact=True).check()
    page.get_by_role("group", name="Interest").get_by_label("5", exact=True).check()
    page.get_by_label("Email").fill("priya@example.gov")
    page.get_by_role("button", name="Add stakeholder").click()
    # Contact details without a lawful basis: refused, what was typed kept.
    expect(page.locator(".error-summary")).to_contain_text("lawful basis")
    expect(page.get_by_label("Name", exact=True)).to_have_value("Priya Natarajan")
    assert_accessible(page, "the add form with errors")
    page.get_by_label("Lawful basis").select_option(label="Public task")
    review = page.get_by_role("group", name="Review date")
    review.get_by_label("Day").fill("1")
    review.get_by_label("Month").fill("6")
    review.get_by_label("Year").fill("2028")
    page.get_by_role("button", name="Add stakeholder").click()
    expect(page.locator("#register")).to_contain_text("Priya Natarajan")
    priya = Stakeholder.objects.get(name="Priya Natarajan")

    page.goto(live_server.url + address("grid", roadmap))
    row = page.locator(f"#grid-stakeholder-{priya.pk}")
    expect(row).to_contain_text("Keep informed")
    assert_accessible(page, "the grid")

    page.goto(live_server.url + priya.change_url)
    page.get_by_role("group", name="Influence").get_by_label("5", exact=True).check()
    page.get_by_role("button", name="Save stakeholder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya Natarajan")
    expect(page.locator(".sidebar")).to_contain_text("Manage closely")
    assert_accessible(page, "the stakeholder's page")
    page.goto(live_server.url + address("grid", roadmap))
    expect(page.locator(f"#grid-stakeholder-{priya.pk}")).to_contain_text("Manage closely")


def test_every_other_page_of_the_section_is_axe_clean(page, lead, roadmap, live_server):
    component = roadmap.components.first() or Component.objects.create(
        roadmap=roadmap, name="Technology adoption"
    )
    initiative = initiative_create(
        roadmap=roadmap,
        title="Casework platform",
        component=component,
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
        sponsor=lead,
    )
    dana = stakeholder_create(
        roadmap=roadmap,
        name="Dana Whitfield",
        level="senior",
        email="dana@example.gov",
        lawful_basis="public_task",
        review_on=date(2020, 1, 1),
        current_engagement="unaware",
        desired_engagement="leading",
    )
    raci_set(initiative=initiative, responsible=[dana])
    sign_in(page, lead.username)
    for label, target in [
        ("the engagement matrix", address("engagement", roadmap)),
        ("the data-subject export", address("stakeholder-personal-data", roadmap, pk=dana.pk)),
        ("the personal data record", address("personal-data-log", roadmap)),
        ("the anonymise question", address("stakeholder-anonymise", roadmap, pk=dana.pk)),
        ("the delete question", dana.delete_url),
        ("the RACI page", address("raci-edit", roadmap, pk=initiative.pk)),
        ("the initiative page with its RACI", initiative.get_absolute_url()),
        ("the register with reviews due", address("register", roadmap)),
    ]:
        page.goto(live_server.url + target)
        assert_accessible(page, label)
    page.goto(live_server.url + address("stakeholder-personal-data", roadmap, pk=dana.pk))
    page.get_by_role("button", name="Show everything held").click()
    expect(page.locator("main")).to_contain_text("dana@example.gov")
    assert_accessible(page, "the data-subject export, shown")
    page.goto(live_server.url + address("raci-edit", roadmap, pk=initiative.pk))
    page.get_by_role("group", name="Consulted").get_by_label("Dana Whitfield").check()
    page.get_by_role("button", name="Save the RACI").click()
    expect(page.locator(".error-summary")).to_contain_text("one role")
    assert_accessible(page, "the RACI page with an error")


def test_an_editors_register_with_long_contact_details_fits_a_laptop_screen(page, lead, roadmap):
    """Eight columns and a long email address: no sideways scrolling at 1280
    pixels; the address wraps at its @ and dots."""
    stakeholder_create(
        roadmap=roadmap,
        name="Cllr Amina Hassan",
        role="Leader of the council",
        organisation="Full council",
        level="elected",
        email="amina.hassan@council.example.gov",
        phone="01632 960 101",
        lawful_basis="public_task",
        review_on=date(2030, 1, 1),
        tags=["political", "sponsor"],
    )
    sign_in(page, lead.username)
    page.goto(address("register", roadmap))
    region = page.get_by_role("region", name="Table of stakeholders")
    widths = region.evaluate("r => [r.scrollWidth, r.clientWidth]")
    assert widths[0] <= widths[1], f"the table scrolls sideways: {widths}"
    assert page.get_by_role("link", name="amina.hassan@council.example.gov").is_visible()
