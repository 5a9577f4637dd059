"""The calendar feed: a member's page with their secret address (getting one is
a POST), resetting it after a question (the old address then 404s); the .ics
itself, valid iCalendar with all-day events, stable UIDs, each occurrence of a
recurring item, cancelled items marked; no sign-in needed, but 404 for a reset
token, a former member or an unknown token; bounded queries."""

import html
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from agencies.models import Membership
from stakeholders.models import CalendarFeed
from stakeholders.services.communications import calendar_feed_create, communication_create
from tests.helpers import signed_in

from ..conftest import make_stakeholder
from .test_communications import address

pytestmark = pytest.mark.django_db


def feed_url(feed) -> str:
    return reverse("stakeholders:calendar-feed", args=[feed.token])


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return sorted(calendar.walk("VEVENT"), key=lambda e: (e.decoded("dtstart"), str(e["uid"])))


def test_a_member_gets_their_address_with_a_post_and_sees_how_to_subscribe(client, viewer, roadmap):
    signed_in(client, viewer)
    page = client.get(address("calendar", roadmap))
    assert "Get your calendar address" in page.text
    assert not CalendarFeed.objects.exists()  # reading the page creates nothing
    response = client.post(address("calendar", roadmap))
    assert response["Location"] == address("calendar", roadmap)
    feed = CalendarFeed.objects.get(user=viewer, roadmap=roadmap)
    page = html.unescape(client.get(address("calendar", roadmap)).text)
    assert f"http://testserver{feed_url(feed)}" in page
    assert f"webcal://testserver{feed_url(feed)}" in page
    assert "Outlook" in page and "Google Calendar" in page
    client.post(address("calendar", roadmap))  # again: the same address
    assert CalendarFeed.objects.get().token == feed.token


def test_the_feed_is_valid_icalendar_without_sign_in(client, viewer, roadmap, ada, frontline):
    item = communication_create(
        roadmap=roadmap,
        purpose="Brief the board",
        key_message="Costs <b>agreed</b>",
        channel="briefing",
        planned_on=date(2030, 12, 1),
        frequency="weekly",
        owner=viewer,
        audience=[ada, frontline],
    )
    communication_create(
        roadmap=roadmap,
        purpose="Cancelled launch",
        channel="email",
        planned_on=date(2027, 3, 1),
        status="cancelled",
    )
    feed = calendar_feed_create(roadmap=roadmap, user=viewer)
    found = events(client.get(feed_url(feed)))  # nobody signed in
    assert [e.decoded("dtstart") for e in found] == [
        date(2027, 3, 1),
        *(date(2030, 12, d) for d in (1, 8, 15, 22, 29)),  # weekly to the horizon's end
    ]
    cancelled, first = found[0], found[1]
    assert str(cancelled["status"]) == "CANCELLED"
    assert first.decoded("dtend") == date(2030, 12, 2)  # all day: a DATE, not a time
    assert first["dtstart"].params.get("VALUE") == "DATE"
    assert str(first["uid"]) == f"communication-{item.pk}-20301201@agency-a.roadmap-planner"
    description = str(first["description"])
    assert "Audience: Frontline staff, Ada Lovelace" in description  # groups first
    assert "ada@example.gov" not in client.get(feed_url(feed)).text  # no contact details
    assert "Costs <b>agreed</b>" in description  # text, as typed
    # Stable: the same UIDs on every request.
    again = events(client.get(feed_url(feed)))
    assert [str(e["uid"]) for e in again] == [str(e["uid"]) for e in found]


def test_resetting_asks_first_and_revokes_the_old_address(client, editor, roadmap):
    feed = calendar_feed_create(roadmap=roadmap, user=editor)
    old = feed_url(feed)
    signed_in(client, editor)
    question = client.get(address("calendar-reset", roadmap))
    assert "Reset your calendar address?" in question.text
    assert client.get(old).status_code == 200  # asking changes nothing
    client.post(address("calendar-reset", roadmap))
    feed.refresh_from_db()
    assert feed_url(feed) != old
    assert client.get(old).status_code == 404
    assert client.get(feed_url(feed)).status_code == 200


def test_a_former_member_or_unknown_token_gets_404(client, editor, roadmap):
    feed = calendar_feed_create(roadmap=roadmap, user=editor)
    unknown = reverse("stakeholders:calendar-feed", args=["not-a-token"])
    assert client.get(unknown).status_code == 404
    Membership.objects.filter(user=editor).delete()
    assert client.get(feed_url(feed)).status_code == 404
    editor.is_active = False
    editor.save()
    assert client.get(feed_url(feed)).status_code == 404


def test_another_agencys_member_gets_404_on_the_pages_and_their_token_shows_only_theirs(
    client, outsider, roadmap, other_roadmap
):
    communication_create(
        roadmap=roadmap, purpose="Agency A only", channel="email", planned_on=date(2027, 1, 1)
    )
    signed_in(client, outsider)
    assert client.get(address("calendar", roadmap)).status_code == 404
    assert client.post(address("calendar", roadmap)).status_code == 404
    assert client.post(address("calendar-reset", roadmap)).status_code == 404
    assert not CalendarFeed.objects.filter(roadmap=roadmap).exists()
    theirs = calendar_feed_create(roadmap=other_roadmap, user=outsider)
    assert "Agency A only" not in client.get(feed_url(theirs)).text


def test_the_feed_costs_the_same_with_ten_times_the_items(client, editor, roadmap):
    feed = calendar_feed_create(roadmap=roadmap, user=editor)

    def grow(count):
        start = roadmap.communications.count()
        for n in range(count):
            communication_create(
                roadmap=roadmap,
                purpose=f"Item {start + n}",
                channel="email",
                planned_on=date(2030, 1, 1) + timedelta(days=n),
                frequency=("once", "monthly")[n % 2],
                owner=editor,
                audience=[make_stakeholder(roadmap, f"Person {start + n}")],
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(feed_url(feed))
        return len(captured), response

    grow(3)
    small, _ = queries()
    grow(27)
    large, response = queries()
    assert large == small
    assert len({str(e["uid"]).split("-")[1] for e in events(response)}) == 30
