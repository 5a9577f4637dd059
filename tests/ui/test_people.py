"""People by their name: `person_name` gives the full name, else the user name."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ui.templatetags.people import email_breaks, person_name

pytestmark = pytest.mark.django_db


def test_a_person_with_a_name_is_shown_by_their_full_name(django_user_model):
    user = django_user_model(username="lead", first_name="Lena", last_name="Okafor")

    assert person_name(user) == "Lena Okafor"


@pytest.mark.parametrize(("first", "last"), [("", ""), ("  ", " ")])
def test_a_person_with_no_name_is_shown_by_their_user_name(django_user_model, first, last):
    user = django_user_model(username="jdoe", first_name=first, last_name=last)

    assert person_name(user) == "jdoe"


@pytest.mark.parametrize("nobody", [None, AnonymousUser()])
def test_nobody_has_no_name(nobody):
    assert person_name(nobody) == ""


def test_the_header_names_the_person_signed_in(client, django_user_model, agency):
    user = django_user_model.objects.create_user(
        username="lead", first_name="Lena", last_name="Okafor", password="x"
    )
    client.force_login(user)

    page = client.get("/").content.decode()

    assert "Signed in as <strong>Lena Okafor</strong>" in page
    assert ">lead<" not in page


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        (
            "amina.hassan@council.example.gov",
            "amina<wbr>.hassan@<wbr>council<wbr>.example<wbr>.gov",
        ),
        ("ceo@agency.gov", "ceo@<wbr>agency<wbr>.gov"),
        ("", ""),
        ('<b>"x"</b>@example.gov', "&lt;b&gt;&quot;x&quot;&lt;/b&gt;@<wbr>example<wbr>.gov"),
    ],
)
def test_an_email_address_may_wrap_after_its_at_and_before_its_dots(address, shown):
    assert email_breaks(address) == shown
