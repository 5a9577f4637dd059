"""Signing in, in a real browser: the lockout, "Forgot your password?" by email,
setting up two-factor authentication with the code an app would show, the second
sign-in step, and Django admin behind it. Every page is checked with axe-core
and watched for Content Security Policy violations (the QR code is inline SVG)."""

import re
from base64 import b32decode
from binascii import hexlify

import pytest
from django.conf import settings
from django.core import mail

from tests.accounts.two_factor import give_authenticator, totp_code
from tests.conftest import TEST_PASSWORD
from tests.e2e.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def csp_violations(page):
    violations = []
    page.on(
        "console",
        lambda m: (
            m.type == "error" and "Content Security Policy" in m.text and violations.append(m.text)
        ),
    )
    page.on("pageerror", lambda error: violations.append(f"page error: {error}"))
    return violations


def submit_sign_in(page, username, password):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_lockout_and_password_reset(page, lead, csp_violations):
    page.goto("/accounts/login/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        submit_sign_in(page, lead.username, "not-the-password")
    assert "Signing in is paused" in page.get_by_role("alert").inner_text()
    assert_accessible(page, "the sign-in page, locked")

    page.get_by_role("link", name="Forgot your password?").click()
    page.wait_for_url("**/accounts/password-reset/")
    page.get_by_role("button", name="Send the link").click()
    assert "Enter your email address." in page.get_by_role("alert").inner_text()
    assert_accessible(page, "the password reset form with an error")

    page.get_by_label("Email address").fill(lead.email)
    page.get_by_role("button", name="Send the link").click()
    page.wait_for_url("**/accounts/password-reset/sent/")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    assert_accessible(page, "the check-your-email page")

    link = re.search(r"https?://\S+/accounts/password-reset/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Choose a new password"
    assert_accessible(page, "the choose-a-new-password page")
    page.get_by_label("New password", exact=True).fill("A-brand-new-passphrase-77")
    page.get_by_label("New password confirmation").fill("A-brand-new-passphrase-77")
    page.get_by_role("button", name="Save the new password").click()
    page.wait_for_url("**/accounts/password-reset/complete/")
    assert_accessible(page, "the password-changed page")

    page.get_by_role("link", name="Sign in").last.click()
    sign_in(page, lead.username, "A-brand-new-passphrase-77")  # the lockout was lifted
    assert page.get_by_role("heading", level=1).inner_text() == "Your agencies and roadmaps"
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "This link does not work"
    assert_accessible(page, "a used reset link")
    assert csp_violations == []


def test_setting_up_two_factor_and_signing_in_with_it(page, lead, csp_violations):
    sign_in(page, lead.username)
    page.get_by_role("link", name="Your account").click()
    page.wait_for_url("**/accounts/")
    assert_accessible(page, "the account page")

    page.get_by_role("link", name="Set up two-factor authentication").click()
    page.wait_for_url("**/accounts/two-factor/set-up/")
    assert page.get_by_role("img", name="QR code to add this account to your app").is_visible()
    assert_accessible(page, "the set-up page")
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#secret-key").inner_text().replace(" ", "")
    key_hex = hexlify(b32decode(secret)).decode()

    page.get_by_role("button", name="Turn on two-factor authentication").click()
    assert "Enter the 6-digit code" in page.get_by_role("alert").inner_text()
    assert_accessible(page, "the set-up page with an error")
    page.get_by_label("Code from the app").fill(totp_code(key_hex))
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    page.wait_for_url("**/accounts/two-factor/recovery-codes/**")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page, "the recovery codes page")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, lead.username)
    page.wait_for_url("**/accounts/two-factor/verify/**")
    assert_accessible(page, "the enter-your-code page")
    page.get_by_label("Code").fill(totp_code(key_hex, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: "/two-factor/" not in url)
    assert page.get_by_role("heading", level=1).inner_text() == "Your agencies and roadmaps"

    page.goto("/accounts/two-factor/remove/")
    assert_accessible(page, "the turn-off page")
    assert csp_violations == []


def test_django_admin_asks_for_the_code(page, django_user_model):
    platform_admin = django_user_model.objects.create_superuser(
        "pat-platform", "pat@example.gov", TEST_PASSWORD
    )
    give_authenticator(platform_admin)

    page.goto("/admin/")
    page.wait_for_url("**/accounts/login/?next=%2Fadmin%2F")
    submit_sign_in(page, platform_admin.username, TEST_PASSWORD)
    page.wait_for_url("**/accounts/two-factor/verify/?next=%2Fadmin%2F")
    page.get_by_label("Code").fill(totp_code())
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/")
    assert page.get_by_role("heading", name="Site administration").is_visible()
