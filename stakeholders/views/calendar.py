"""A member's calendar feed of a roadmap's communication plan: the page with
their secret address (and how to subscribe), getting one, resetting it after a
question; and the feed itself, which needs no sign-in (calendar programs send
none) but works only while its token is current and its user is a member of
the agency (DESIGN.md: calendar feeds behind a per-user secret URL)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from roadmap.selectors.roadmaps import roadmap_for
from roadmap.views.lists import list_membership
from ui.feedback import confirm
from ui.http import HtmxHttpRequest, member_page

from ..selectors.calendar import plan_as_ical
from ..selectors.communications import feed_for_token, feed_of
from ..services.communications import calendar_feed_create, calendar_feed_reset


def _feed_address(request: HtmxHttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("stakeholders:calendar-feed", args=[token]))


@login_required
@require_http_methods(["GET", "POST"])
def calendar_page(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """GET: the member's feed address, or a button to get one. POST: get one."""
    membership = list_membership(request, agency, write=False)
    roadmap = roadmap_for(membership, slug)
    if request.method == "POST":
        calendar_feed_create(roadmap=roadmap, user=request.user)
        confirm(request, "Your calendar address is ready.")
        return redirect(roadmap.address("stakeholders:calendar"))
    feed = feed_of(roadmap, request.user)
    address = _feed_address(request, feed.token) if feed else ""
    return render(
        request,
        "stakeholders/calendar/page.html",
        member_page(
            membership,
            roadmap=roadmap,
            feed=feed,
            address=address,
            webcal=address.replace("https://", "webcal://").replace("http://", "webcal://"),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def calendar_reset(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """GET: the question. POST: a new address; the old one stops working."""
    membership = list_membership(request, agency, write=False)
    roadmap = roadmap_for(membership, slug)
    feed = feed_of(roadmap, request.user)
    if feed is None:
        return redirect(roadmap.address("stakeholders:calendar"))
    if request.method == "POST":
        calendar_feed_reset(feed=feed)
        confirm(
            request,
            "Your calendar address has been reset. Subscribe again with the new one: "
            "the old one no longer works.",
        )
        return redirect(roadmap.address("stakeholders:calendar"))
    return render(
        request,
        "stakeholders/calendar/confirm_reset.html",
        member_page(membership, roadmap=roadmap, feed=feed),
    )


@never_cache
@require_GET
def calendar_feed(request: HtmxHttpRequest, token: str) -> HttpResponse:
    feed = feed_for_token(token)
    roadmap = feed.roadmap
    plan_url = request.build_absolute_uri(roadmap.address("stakeholders:communications"))
    response = HttpResponse(
        plan_as_ical(roadmap, plan_url=plan_url), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{roadmap.slug}-communications.ics"'
    return response
