"""The confirmation banner: after a change, on the next page (plain request) or in
place (htmx, an out-of-band swap of the same banner), once, without taking focus."""

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.html import parse_html
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from roadmap.models import OrganisationalGoal
from tests.helpers import HTMX, signed_in
from tests.html import elements, find, text_of
from ui.feedback import FeedbackMiddleware, confirm

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(agency):
    return OrganisationalGoal.objects.create(organisation=agency, title="Cut waiting times")


def goals_url(name: str, agency, **kwargs) -> str:
    return reverse(f"roadmap:{name}", kwargs={"agency": agency.slug, **kwargs})


def banner(response) -> str:
    """The text of the page's banner: the polite status region, in every page."""
    document = parse_html(response.content.decode())
    region = find(document, id="notifications")
    assert region is not None, "no banner on the page"
    attributes = dict(region.attributes)
    assert attributes["role"] == "status"
    # It never takes focus: no tabindex or autofocus in it.
    for element in [region, *elements(region)]:
        assert not {"tabindex", "data-autofocus", "autofocus"} & dict(element.attributes).keys()
    return text_of(region)


def out_of_band_banner(response) -> str | None:
    """The banner's new content in an htmx response, or None when there is none."""
    document = parse_html(response.content.decode())
    region = find(document, id="notifications")
    if region is None:
        return None
    assert dict(region.attributes) == {"id": "notifications", "hx-swap-oob": "innerHTML"}
    assert document.children[-1] is region or document is region, "the banner comes last"
    return text_of(region)


# Plain requests: the next page shows it, once ----------------------------------------


def test_a_change_is_confirmed_on_the_page_it_redirects_to_and_only_there(
    client, editor, agency, goal
):
    client = signed_in(client, editor)

    response = client.post(
        goals_url("goal-edit", agency, pk=goal.pk),
        {"title": "Shorter waits", "description": "", "revision": goal.revision},
        follow=True,
    )

    assert banner(response) == "Goal saved: Shorter waits"
    assert banner(client.get(goals_url("goals", agency))) == "", "shown once"


def test_adding_and_deleting_a_goal_are_confirmed(client, editor, agency, goal):
    client = signed_in(client, editor)

    added = client.post(
        goals_url("goal-create", agency), {"title": "Spend less", "description": ""}, follow=True
    )
    deleted = client.post(goals_url("goal-delete", agency, pk=goal.pk), follow=True)

    assert banner(added) == "Goal added: Spend less"
    assert banner(deleted) == "Goal deleted: Cut waiting times"


def test_a_move_without_javascript_is_confirmed(client, editor, agency, goal):
    OrganisationalGoal.objects.create(organisation=agency, title="Spend less", position=1)

    response = signed_in(client, editor).post(
        goals_url("goal-move", agency, pk=goal.pk), {"direction": "down"}, follow=True
    )

    assert banner(response) == "\u201cCut waiting times\u201d moved down: it is now 2 of 2."


def test_starting_a_pdf_export_is_confirmed(
    client, lead, roadmap, django_capture_on_commit_callbacks
):
    address = reverse(
        "reports:roadmap-exports",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug},
    )
    with django_capture_on_commit_callbacks():
        response = signed_in(client, lead).post(address, follow=True)

    assert banner(response) == "PDF export started. It is usually ready in under a minute."


def test_a_page_with_nothing_to_confirm_has_an_empty_banner(client, viewer, agency):
    assert banner(signed_in(client, viewer).get(goals_url("goals", agency))) == ""


# htmx: the same banner, in place ---------------------------------------------------------


def test_an_htmx_change_brings_the_banner_with_it_and_not_again_on_the_next_page(
    client, editor, agency, goal
):
    client = signed_in(client, editor)

    response = client.post(
        goals_url("goal-create", agency), {"title": "Spend less", "description": ""}, headers=HTMX
    )

    assert response.status_code == 200
    assert out_of_band_banner(response) == "Goal added: Spend less"
    assert 'class="notification notification--success notification--live"' in response.text
    assert banner(client.get(goals_url("goals", agency))) == "", "shown once, in place"


def test_an_htmx_move_is_confirmed_in_place(client, editor, agency, goal):
    OrganisationalGoal.objects.create(organisation=agency, title="Spend less", position=1)

    response = signed_in(client, editor).post(
        goals_url("goal-move", agency, pk=goal.pk), {"direction": "down"}, headers=HTMX
    )

    assert (
        out_of_band_banner(response)
        == "\u201cCut waiting times\u201d moved down: it is now 2 of 2."
    )


def test_an_htmx_pdf_export_is_confirmed_in_place(
    client, lead, roadmap, django_capture_on_commit_callbacks
):
    address = reverse(
        "reports:roadmap-exports",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug},
    )
    with django_capture_on_commit_callbacks():
        response = signed_in(client, lead).post(address, headers=HTMX)

    assert out_of_band_banner(response) == (
        "PDF export started. It is usually ready in under a minute."
    )


def test_an_htmx_delete_in_place_is_confirmed_in_place_and_only_there(client, editor, agency, goal):
    client = signed_in(client, editor)

    response = client.post(
        goals_url("goal-delete", agency, pk=goal.pk), headers={**HTMX, "HX-Target": "goals"}
    )

    assert "HX-Redirect" not in response
    assert out_of_band_banner(response) == "Goal deleted: Cut waiting times"
    assert banner(client.get(goals_url("goals", agency))) == ""


def test_an_htmx_refusal_shows_no_banner(client, editor, agency, goal):
    response = signed_in(client, editor).post(
        goals_url("goal-create", agency), {"title": "", "description": ""}, headers=HTMX
    )

    assert out_of_band_banner(response) is None


# The middleware on its own ------------------------------------------------------------


def htmx_request(*, htmx: bool = True):
    request = RequestFactory().post("/", headers=HTMX if htmx else {})
    request.session = {}
    request._messages = FallbackStorage(request)
    request.htmx = HtmxDetails(request)
    return request


def respond_with(response):
    def view(request):
        confirm(request, "Saved")
        return response

    return view


@pytest.mark.parametrize(
    "response",
    [
        HttpResponse("<p>x</p>", status=422),
        HttpResponse(status=204),
        HttpResponse('{"a": 1}', content_type="application/json"),
        HttpResponseClientRedirect("/elsewhere/"),
    ],
    ids=["error", "no content", "not html", "client redirect"],
)
def test_responses_htmx_does_not_swap_in_place_keep_the_message(response):
    request = htmx_request()
    before = response.content

    answered = FeedbackMiddleware(respond_with(response))(request)

    assert answered.content == before
    assert [str(m) for m in request._messages] == ["Saved"], "kept for the next page"


def test_a_plain_request_is_left_to_the_next_page():
    request = htmx_request(htmx=False)

    answered = FeedbackMiddleware(respond_with(HttpResponse("<p>x</p>")))(request)

    assert answered.content == b"<p>x</p>"
    assert [str(m) for m in request._messages] == ["Saved"]


def test_the_banner_is_escaped():
    request = htmx_request()

    def view(request):
        confirm(request, "<b>bold</b> & co")
        return HttpResponse("<p>x</p>")

    answered = FeedbackMiddleware(view)(request)

    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in answered.content.decode()
    assert "<b>" not in answered.content.decode()
