"""Two-factor authentication end to end, with real TOTP codes computed here:
set up (QR code and key), the second sign-in step, recovery codes that work
once, removal, Django admin, and agency admins when REQUIRE_MFA_FOR_AGENCY_ADMINS."""

import re
from base64 import b32decode
from binascii import hexlify

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.two_factor import (
    a_while_later,
    give_authenticator,
    sign_in_with_second_factor,
    totp_code,
)
from tests.conftest import TEST_PASSWORD
from tests.helpers import HTMX

pytestmark = pytest.mark.django_db

SETUP = reverse("accounts:two-factor-setup")
VERIFY = reverse("accounts:two-factor-verify")
CODES = reverse("accounts:recovery-codes")
REMOVE = reverse("accounts:two-factor-remove")
ACCOUNT = reverse("accounts:detail")


def sign_in(client, user, next_url=""):
    data = {"username": user.username, "password": TEST_PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post("/accounts/login/", data)
    assert response.status_code == 302, "the password step failed"
    return response


def shown_key(page: str) -> tuple[str, str]:
    """The signed key the form sends back, and the key in hex (from the one to type by hand)."""
    signed = re.search(r'name="key" value="([^"]+)"', page).group(1)
    secret = re.search(r'<p class="secret" id="secret-key">([A-Z2-7 ]+)</p>', page).group(1)
    return signed, hexlify(b32decode(secret.replace(" ", ""))).decode()


def recovery_codes_on(page: str) -> list[str]:
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)


# Setting up ------------------------------------------------------------------------


def test_setting_up_with_the_code_from_the_app_turns_it_on(client, lead):
    client.force_login(lead)
    page = client.get(SETUP)
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert '<svg role="img"' in page.text and "<title>QR code" in page.text
    assert "style=" not in page.text.split("<svg", 1)[1].split("</svg>", 1)[0]  # CSP
    signed, key_hex = shown_key(page.text)
    assert not TOTPDevice.objects.exists()  # showing the page stores nothing

    response = client.post(SETUP, {"key": signed, "code": totp_code(key_hex)})

    assert response.status_code == 302
    assert response["Location"].startswith(CODES)
    device = TOTPDevice.objects.get(user=lead)
    assert device.confirmed and device.key == key_hex
    codes = recovery_codes_on(client.get(response["Location"]).text)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(ACCOUNT).status_code == 200  # this session gave its code


def test_a_wrong_code_at_set_up_adds_nothing_and_keeps_the_same_key(client, lead):
    client.force_login(lead)
    signed, key_hex = shown_key(client.get(SETUP).text)
    wrong = f"{(int(totp_code(key_hex)) + 1) % 1_000_000:06d}"

    response = client.post(SETUP, {"key": signed, "code": wrong})

    assert response.status_code == 400
    assert "The code is not right" in response.text
    assert shown_key(response.text)[1] == key_hex  # the QR code they scanned still works
    assert not TOTPDevice.objects.exists()

    forgotten = client.post(SETUP, {"key": signed, "code": ""})
    assert "Enter the 6-digit code" in forgotten.text
    assert shown_key(forgotten.text)[1] == key_hex


def test_a_key_signed_for_another_purpose_is_refused(client, lead):
    client.force_login(lead)
    response = client.post(SETUP, {"key": "3132:forged", "code": totp_code()})
    assert response.status_code == 400
    assert not TOTPDevice.objects.exists()


# The second sign-in step -----------------------------------------------------------


def test_with_an_app_signing_in_asks_for_its_code(client, lead, roadmap):
    give_authenticator(lead)
    sign_in(client, lead)

    response = client.get(roadmap.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next={roadmap.get_absolute_url().replace('/', '%2F')}"
    # Every page waits for the code, htmx requests too, with a whole-page redirect.
    assert client.get(ACCOUNT).status_code == 302
    htmx = client.get(roadmap.get_absolute_url(), headers=HTMX)
    assert htmx["HX-Redirect"].startswith(VERIFY)

    # Not until the code is given: no account page, agency switcher or agency navigation.
    waiting = client.get(VERIFY).text
    assert "Your account</a>" not in waiting
    assert 'class="switcher"' not in waiting and "service-nav" not in waiting
    assert roadmap.organisation.name not in waiting
    wrong = client.post(VERIFY, {"code": "000000", "next": roadmap.get_absolute_url()})
    assert wrong.status_code == 400
    assert client.get(roadmap.get_absolute_url()).status_code == 302

    a_while_later(lead)
    response = client.post(
        VERIFY, {"code": totp_code(steps_ahead=1), "next": roadmap.get_absolute_url()}
    )
    assert (response.status_code, response["Location"]) == (302, roadmap.get_absolute_url())
    assert client.get(roadmap.get_absolute_url()).status_code == 200


def test_a_code_is_accepted_only_once(client, lead):
    give_authenticator(lead)
    code = totp_code(steps_ahead=1)
    sign_in(client, lead)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.logout()

    sign_in(client, lead)
    assert client.post(VERIFY, {"code": code}).status_code == 400


def test_too_many_wrong_codes_are_slowed_down(client, lead):
    give_authenticator(lead)
    sign_in(client, lead)
    for _ in range(3):
        client.post(VERIFY, {"code": "000000"})

    response = client.post(VERIFY, {"code": totp_code()})

    assert response.status_code == 400
    assert "Wait a few seconds before you try again" in response.text

    a_while_later(lead)
    assert client.post(VERIFY, {"code": totp_code()}).status_code == 302


def test_the_next_address_must_be_on_this_site(client, lead):
    give_authenticator(lead)
    sign_in(client, lead)
    response = client.post(VERIFY, {"code": totp_code(), "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


def test_without_an_app_signing_in_is_one_step(client, lead, roadmap):
    sign_in(client, lead)
    assert client.get(roadmap.get_absolute_url()).status_code == 200


# Recovery codes ----------------------------------------------------------------------


def test_a_recovery_code_works_once(client, lead, roadmap):
    sign_in_with_second_factor(client, lead)
    codes = recovery_codes_on(client.post(CODES, follow=True).text)
    client.logout()

    sign_in(client, lead)
    assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    assert client.get(roadmap.get_absolute_url()).status_code == 200
    assert len(recovery_codes_on(client.get(CODES).text)) == 9
    client.logout()

    sign_in(client, lead)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 400
    assert "The code is not right" in response.text


def test_new_recovery_codes_replace_the_old_ones(client, lead):
    sign_in_with_second_factor(client, lead)
    old = recovery_codes_on(client.post(CODES, follow=True).text)

    new = recovery_codes_on(client.post(CODES, follow=True).text)

    assert len(new) == 10 and not set(old) & set(new)
    assert StaticToken.objects.filter(token__in=old).count() == 0


# Removing it ----------------------------------------------------------------------------


def test_removing_it_needs_a_current_code(client, lead):
    sign_in_with_second_factor(client, lead)

    refused = client.post(REMOVE, {"code": "123456"})
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user=lead).exists()

    a_while_later(lead)
    response = client.post(REMOVE, {"code": totp_code(steps_ahead=1)})
    assert (response.status_code, response["Location"]) == (302, ACCOUNT)
    assert not TOTPDevice.objects.filter(user=lead).exists()
    assert "Two-factor authentication is off" in client.get(ACCOUNT).text


# Django admin ------------------------------------------------------------------------


@pytest.fixture
def platform_admin(django_user_model):
    return django_user_model.objects.create_superuser(
        "pat-platform", "pat@example.gov", TEST_PASSWORD
    )


def test_admin_sign_in_goes_through_the_site_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    login_page = client.get(response["Location"])
    assert login_page.status_code == 302
    assert login_page["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_a_platform_admin_without_an_app_is_sent_to_set_one_up(client, platform_admin):
    sign_in(client, platform_admin, next_url="/admin/")

    response = client.get("/admin/")
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2F"
    assert "You need it to use Django admin." in client.get(response["Location"]).text
    assert client.get("/admin/auth/user/").status_code == 302

    signed, key_hex = shown_key(client.get(SETUP).text)
    done = client.post(SETUP, {"key": signed, "code": totp_code(key_hex), "next": "/admin/"})
    codes_page = client.get(done["Location"])
    assert 'href="/admin/"' in codes_page.text  # "Continue" goes on to admin
    assert client.get("/admin/").status_code == 200


def test_a_platform_admin_with_an_app_gives_its_code_for_admin(client, platform_admin):
    give_authenticator(platform_admin)
    sign_in(client, platform_admin, next_url="/admin/")
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"

    response = client.post(VERIFY, {"code": totp_code(), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


# Agency admins ----------------------------------------------------------------------


@override_settings(REQUIRE_MFA_FOR_AGENCY_ADMINS=True)
def test_when_required_an_agency_admin_sets_it_up_before_anything_else(client, admin_user, agency):
    sign_in(client, admin_user)
    members = reverse("agencies:members", kwargs={"agency": agency.slug})

    response = client.get(members)
    assert response["Location"] == f"{SETUP}?next={members.replace('/', '%2F')}"
    page = client.get(response["Location"])
    assert "Agency admins must use two-factor authentication." in page.text

    signed, key_hex = shown_key(page.text)
    client.post(SETUP, {"key": signed, "code": totp_code(key_hex), "next": members})
    assert client.get(members).status_code == 200


@override_settings(REQUIRE_MFA_FOR_AGENCY_ADMINS=True)
def test_when_required_other_roles_are_only_offered_it(client, lead, roadmap):
    sign_in(client, lead)
    assert client.get(roadmap.get_absolute_url()).status_code == 200


def test_when_not_required_an_agency_admin_is_only_offered_it(client, admin_user, agency):
    sign_in(client, admin_user)
    assert client.get(reverse("roadmap:agency", kwargs={"agency": agency.slug})).status_code == 200
    assert "Set up two-factor authentication" in client.get(ACCOUNT).text


# The account page ---------------------------------------------------------------------


def test_the_account_page_says_whether_it_is_on(client, lead):
    client.force_login(lead)
    page = client.get(ACCOUNT).text
    assert "<strong>Off.</strong>" in page and f'href="{SETUP}"' in page

    sign_in_with_second_factor(client, lead)
    page = client.get(ACCOUNT).text
    assert "<strong>On.</strong>" in page and f'href="{REMOVE}"' in page


def test_the_header_links_to_the_account_page(client, lead):
    client.force_login(lead)
    assert f'href="{ACCOUNT}">Your account</a>' in client.get(reverse("home")).text
