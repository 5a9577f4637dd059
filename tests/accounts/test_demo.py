"""seed_demo gives the demo admin an authenticator app and prints how to use it,
so a person trying the demo reaches Django admin."""

import io
import re
from base64 import b32decode
from binascii import hexlify

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.two_factor import totp_code

pytestmark = pytest.mark.django_db


def seed_demo() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def printed(output: str) -> tuple[str, list[str]]:
    secret = re.search(r"add this key to an authenticator app: ([A-Z2-7]+)", output).group(1)
    codes = re.search(r"or use a recovery code, each once: ([a-z2-7 ]+)", output).group(1)
    return secret, codes.split()


def sign_in_as_demo_admin(client, monkeypatch):
    response = client.post(
        "/accounts/login/", {"username": "admin", "password": "roadmap-demo", "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"
    return client.get("/admin/")


def test_the_demo_admin_reaches_django_admin_with_the_printed_key(client, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    secret, codes = printed(seed_demo())
    assert len(codes) == 10

    asked = sign_in_as_demo_admin(client, monkeypatch)
    assert asked["Location"] == "/accounts/two-factor/verify/?next=%2Fadmin%2F"
    key_hex = hexlify(b32decode(secret)).decode()
    response = client.post(asked["Location"], {"code": totp_code(key_hex), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_printed_recovery_code_works_too_once(client, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    _, codes = printed(seed_demo())

    asked = sign_in_as_demo_admin(client, monkeypatch)
    client.post(asked["Location"], {"code": codes[0], "next": "/admin/"})
    assert client.get("/admin/").status_code == 200

    # Run again, it keeps the key and prints only the codes still unused.
    secret_again, codes_again = printed(seed_demo())
    assert codes_again == codes[1:]
    assert TOTPDevice.objects.filter(user__username="admin").count() == 1
    assert hexlify(b32decode(secret_again)).decode() == TOTPDevice.objects.get().key
