"""Error pages with DEBUG off: in the site's layout, plain, with a way back, and
nothing of what was asked for (another agency's page is simply "not found")."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ui.error_urls")]

HEADINGS = {
    400: "Sorry, there is a problem with this request",
    403: "You cannot do this with your role",
    404: "Page not found",
    500: "Sorry, there is a problem with the service",
}
CSRF_HEADING = "Your change was not saved"


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


@pytest.fixture(params=["anonymous", "signed in"])
def visitor(request, django_user_model, agency):
    client = Client(raise_request_exception=False)
    if request.param == "signed in":
        user = django_user_model.objects.create_user(
            username="eddie", first_name="Eddie", last_name="Marsh"
        )
        client.force_login(user)
    client.signed_in = request.param == "signed in"
    return client


def assert_branded(response, heading: str, *, signed_in: bool | None = None) -> str:
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert f"<title>{heading} \N{EN DASH} Roadmap planner</title>" in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert "/static/css/app" in page
    assert 'href="/"' in page, "a way back"
    assert reverse("pages:help") + "#report-a-problem" in page
    if signed_in is False:
        assert f'href="{reverse("login")}"' in page
    assert "a detail nobody should see" not in page
    assert "Traceback" not in page and "DEBUG" not in page
    return page


@pytest.mark.parametrize("status", [400, 403, 500])
def test_each_error_page_is_in_the_layout(visitor, status):
    response = visitor.get(f"/test-errors/{status}/")

    assert response.status_code == status
    assert_branded(
        response, HEADINGS[status], signed_in=None if status == 500 else visitor.signed_in
    )


def test_an_unknown_address_is_page_not_found(visitor):
    response = visitor.get("/no-such-page/")

    assert response.status_code == 404
    assert_branded(response, HEADINGS[404], signed_in=visitor.signed_in)


def test_a_bad_host_is_a_branded_400(visitor):
    response = visitor.get("/", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert_branded(response, HEADINGS[400])


def test_a_form_sent_without_its_security_token_gets_the_branded_page(visitor):
    visitor.handler.enforce_csrf_checks = True

    response = visitor.post(reverse("login"), {"username": "x", "password": "y"})

    assert response.status_code == 403
    page = assert_branded(response, CSRF_HEADING, signed_in=visitor.signed_in)
    assert "reload the page" in page
    main = page.split('<main id="main"')[1]
    assert "CSRF" not in main and "Referer" not in main, "plain language, not Django's reason"


def test_a_member_below_the_role_gets_the_branded_403(client, viewer, agency):
    client.force_login(viewer)

    response = client.post(reverse("roadmap:goal-create", kwargs={"agency": agency.slug}))

    assert response.status_code == 403
    assert_branded(response, HEADINGS[403])


def test_another_agencys_roadmap_is_not_found_and_not_named(client, outsider, roadmap):
    client.force_login(outsider)

    response = client.get(roadmap.get_absolute_url())

    assert response.status_code == 404
    page = assert_branded(response, HEADINGS[404])
    for secret in (roadmap.title, roadmap.organisation.name, roadmap.organisation.slug):
        assert secret not in page
    assert "permission" not in page.lower() and "your role" not in page.lower()
