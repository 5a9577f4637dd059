"""The footer's pages: help, accessibility statement, privacy notice. Anyone reads
them, signed in or not, and every page links to them."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = {
    "help": ["Help: first steps", "What each role may do", 'id="report-a-problem"'],
    "accessibility": [
        "Accessibility statement",
        "WCAG",
        "2.2",
        "level AA",
        "axe-core",
        "keyboard only",
        "Known issues",
        "Report an accessibility problem",
    ],
    "privacy": [
        "Privacy notice",
        "What personal data the service holds",
        "Why it is held",
        "contact details",
        "Stakeholders",
        "Your rights",
    ],
}


@pytest.mark.parametrize("name", PAGES)
def test_a_footer_page_is_readable_signed_out(client, name):
    response = client.get(reverse(f"pages:{name}"))

    assert response.status_code == 200
    for text in PAGES[name]:
        assert text in response.text, f"{name} page does not say {text!r}"


@pytest.mark.parametrize("name", PAGES)
def test_a_footer_page_is_readable_signed_in(client, viewer, name):
    client.force_login(viewer)

    response = client.get(reverse(f"pages:{name}"))

    assert response.status_code == 200
    assert "Signed in as" in response.text


@pytest.mark.parametrize("address", ["/accounts/login/", "/", "/help/"])
def test_every_page_links_to_the_footer_pages(client, viewer, address):
    if address == "/":
        client.force_login(viewer)

    footer = client.get(address).text.split('<footer class="site-footer">')[1]

    for name, label in [
        ("help", "Help"),
        ("accessibility", "Accessibility statement"),
        ("privacy", "Privacy notice"),
    ]:
        assert f'<a href="{reverse(f"pages:{name}")}">{label}</a>' in footer
