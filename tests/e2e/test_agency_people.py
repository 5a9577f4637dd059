"""Invitations, hand-overs and agency settings in a real browser, checked with
axe-core on every page; the invitation is accepted with JavaScript off."""

import re

import pytest
from django.core import mail

from agencies.models import Membership, Role
from tests.e2e.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_invites_and_a_new_person_joins_without_javascript(
    page, no_js_page, admin_user, editor, lead, agency, roadmap
):
    roadmap.objectives.update(owner=editor)
    sign_in(page, admin_user.username)
    page.goto(f"/agencies/{agency.slug}/members/")
    assert_accessible(page, "the members page, as agency admin")

    page.get_by_role("button", name="Send invitation").click()
    assert "There is 1 problem" in page.get_by_role("alert").inner_text()
    assert_accessible(page, "the members page with an invitation error")

    page.get_by_label("Email address").fill("nia.newcomer@example.gov")
    page.get_by_label(re.compile("^Programme lead:")).check()
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_url(f"**/agencies/{agency.slug}/members/")
    assert page.get_by_role("rowheader", name="nia.newcomer@example.gov").is_visible()
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/invitations/" in line)

    page.get_by_role("link", name="Withdraw the invitation to nia.newcomer@example.gov").click()
    page.wait_for_url("**/withdraw/")
    assert_accessible(page, "the withdraw-invitation question")
    page.go_back()

    # Lowering an owner's role asks who takes over.
    page.get_by_label(f"Role of {editor.username}").select_option(label="Viewer")
    page.get_by_role("button", name=f"Change role of {editor.username}").click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Make {editor.username} a viewer?"
    assert_accessible(page, "the who-takes-over question")
    page.get_by_label(lead.username).check()
    page.get_by_role("button", name="Change their role").click()
    page.wait_for_url(f"**/agencies/{agency.slug}/members/")
    assert roadmap.objectives.get().owner == lead

    page.goto(f"/agencies/{agency.slug}/settings/")
    assert_accessible(page, "the agency settings page")
    page.get_by_label("Currency code").fill("EURO")
    page.get_by_role("button", name="Save settings").click()
    assert "There is 1 problem" in page.get_by_role("alert").inner_text()
    assert_accessible(page, "the agency settings page with an error")

    # The person, signed out and with JavaScript off, follows the emailed link.
    person = no_js_page
    person.goto(link)
    assert person.get_by_role("heading", level=1).inner_text() == f"Join {agency.name}"
    person.get_by_label("First name").fill("Nia")
    person.get_by_label("Last name").fill("Newcomer")
    person.get_by_label("Password", exact=True).fill("a-long-unusual-phrase")
    person.get_by_label("Confirm password").fill("a-long-unusual-phrase")
    person.get_by_role("button", name="Create account and join").click()
    person.wait_for_url(f"**/agencies/{agency.slug}/")
    assert Membership.objects.get(user__username="nia.newcomer@example.gov").role == Role.LEAD

    person.goto(link)
    assert "This invitation link no longer works" in person.content()


def test_the_invitation_page_is_accessible_signed_out(page, scriptless_page, admin_user, agency):
    sign_in(page, admin_user.username)
    page.goto(f"/agencies/{agency.slug}/members/")
    page.get_by_label("Email address").fill("someone@example.gov")
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_url(f"**/agencies/{agency.slug}/members/")
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/invitations/" in line)

    scriptless_page.goto(link)
    assert_accessible(scriptless_page, "the invitation page, signed out")
    scriptless_page.get_by_role("button", name="Create account and join").click()
    assert "problems with what you entered" in scriptless_page.get_by_role("alert").inner_text()
    assert_accessible(scriptless_page, "the invitation page with errors")
