"""The app shell in a real browser: the service navigation walked with the keyboard
only, the confirmation banner shown in place by htmx without taking focus, the
footer's pages and an error page checked with axe-core, and the header on a phone."""

import pytest

from roadmap.models import OrganisationalGoal
from tests.e2e.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
        return {text: el.textContent.trim(), current: el.getAttribute('aria-current'),
                href: el.getAttribute('href'),
                inBanner: !!el.closest('#notifications')}; }"""
    )


def tab_to(page, text: str, limit: int = 25) -> dict:
    """Press Tab until the link or button reading `text` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["text"] == text:
            return now
    pytest.fail(f"{text!r} cannot be reached with the Tab key")


def test_the_service_navigation_is_walked_with_the_keyboard_only(page, admin_user, agency):
    sign_in(page, admin_user.username)
    page.goto(f"/agencies/{agency.slug}/")

    assert tab_to(page, "Roadmaps")["current"] == "page"
    for section, address in [("Goals", "goals/"), ("Members", "members/")]:
        tab_to(page, section)
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/agencies/{agency.slug}/{address}")
        assert page.locator(".service-nav [aria-current=page]").inner_text() == section
        assert_accessible(page, f"the {section} page with its navigation")
    tab_to(page, "Roadmaps")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/agencies/{agency.slug}/")


def test_an_in_place_change_shows_the_banner_without_taking_focus(page, editor, agency):
    for n in range(12):  # enough that the form is below the fold
        OrganisationalGoal.objects.create(
            organisation=agency, title=f"Goal {n}", description="A goal.\n\n" * 4, position=n
        )
    sign_in(page, editor.username)
    page.goto(f"/agencies/{agency.slug}/goals/")
    page.get_by_label("Goal", exact=True).fill("Grow digital skills")

    page.get_by_role("button", name="Add goal").click()

    banner = page.locator("#notifications .notification--live")
    banner.wait_for()
    assert banner.inner_text().startswith("Goal added: Grow digital skills")
    assert banner.is_visible()
    box = banner.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], "in view where the person works"
    assert page.url.endswith("/goals/"), "no reload"
    assert not focused(page)["inBanner"]
    assert_accessible(page, "the goals page with the banner shown in place")

    page.get_by_role("button", name="Dismiss this message").click()
    assert page.locator("#notifications .notification").count() == 0


@pytest.mark.parametrize(
    "address", ["/help/", "/accessibility/", "/privacy/", "/no-such-page/"], ids=str
)
def test_the_footer_pages_and_not_found_are_accessible_signed_out(page, address):
    page.goto(address)

    assert_accessible(page, address)


def test_on_a_phone_the_header_and_navigation_fit_the_screen(
    browser, live_server, admin_user, agency
):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 640}, locale="en-GB"
    )
    page = context.new_page()
    try:
        sign_in(page, admin_user.username)
        page.goto(f"/agencies/{agency.slug}/goals/")

        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"the page is {width}px wide on a 320px screen"
        for section in ("Roadmaps", "Goals", "Members"):
            assert page.locator(".service-nav").get_by_role("link", name=section).is_visible()
        assert_accessible(page, "the goals page on a phone")
    finally:
        context.close()


def test_a_change_saved_on_its_own_page_is_confirmed_in_view_of_the_row(page, editor, agency):
    goals = [
        OrganisationalGoal.objects.create(
            organisation=agency, title=f"Goal {n}", description="A goal.\n\n" * 4, position=n
        )
        for n in range(12)
    ]
    sign_in(page, editor.username)
    page.goto(f"/agencies/{agency.slug}/goals/{goals[9].pk}/edit/")
    page.get_by_label("Goal", exact=True).fill("Goal nine, renamed")

    page.get_by_role("button", name="Save").click()

    page.wait_for_url(f"**/goals/#goal-{goals[9].pk}")
    banner = page.locator("#notifications .notification")
    assert banner.inner_text().startswith("Goal saved: Goal nine, renamed")
    box = banner.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], "the redirect scrolled past it"
    row = page.locator(f"#goal-{goals[9].pk}").bounding_box()
    assert row["y"] >= box["y"] + box["height"] - 1, "the row is not hidden under the banner"
