"""The communication plan's page: by month, overdue items said in words and
filterable, recurring items under the month of their next date with those dates
named; added on demand, changed in place, deleted after a question; tenancy,
roles, bad input and queries."""

import html
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from roadmap.services.initiatives import initiative_create
from stakeholders.models import CommunicationItem
from stakeholders.services.communications import communication_create
from tests.helpers import HTMX, MARKUP, count_queries, date_fields, in_place_banner, signed_in
from tests.html import FormPage

from ..conftest import make_stakeholder

pytestmark = pytest.mark.django_db


def address(name, roadmap, **kwargs):
    return reverse(
        f"stakeholders:{name}",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug, **kwargs},
    )


def plan_item(roadmap, purpose, planned_on, **fields):
    fields.setdefault("channel", "email")
    return communication_create(roadmap=roadmap, purpose=purpose, planned_on=planned_on, **fields)


def form_data(**changes):
    data = {
        "purpose": "Announce the booking service",
        "key_message": "Book online from March.",
        "channel": "newsletter",
        "frequency": "once",
        "status": "planned",
        "owner": "",
        "initiative": "",
        "milestone": "",
        **date_fields("planned_on", "15 3 2027"),
    }
    data.update(changes)
    return data


def months_listed(response) -> list[str]:
    section = response.text.split('id="communications"')[1]
    return [part.split("</h3>")[0] for part in section.split('<h3 class="plan-month">')[1:]]


# The page ---------------------------------------------------------------------------


def test_the_plan_is_by_month_with_overdue_and_recurring_items_said_in_words(
    client, viewer, roadmap, ada, frontline
):
    today = timezone.localdate()
    next_month = (today.replace(day=1) + timedelta(days=40)).replace(day=1)
    overdue = plan_item(roadmap, "Brief the board", today - timedelta(days=3))
    overdue.audience.set([ada])
    plan_item(roadmap, "Staff newsletter", today.replace(day=1), frequency="monthly").audience.set(
        [frontline]
    )
    plan_item(roadmap, "Town hall", next_month, channel="town_hall")
    plan_item(roadmap, "Old and done", date(2026, 1, 5), status="done")
    page = signed_in(client, viewer).get(address("communications", roadmap))
    text = html.unescape(page.text)
    assert "Overdue</span> Planned for" in text and "date passed" in text
    assert "Frontline staff (group)" in text and "Ada Lovelace" in text
    assert "Monthly from" in text and "Next: " in text
    assert "Old and done" not in text  # before this month and done: not coming
    assert months_listed(page)[-1] == f"{next_month:%B %Y}"
    assert "Add a communication" not in text  # viewers read only
    everything = client.get(address("communications", roadmap) + "?period=all")
    assert "Old and done" in everything.text
    assert months_listed(everything)[0] == "January 2026"


def test_the_plan_filters_overdue_items_and_channels(client, viewer, roadmap):
    today = timezone.localdate()
    plan_item(roadmap, "Brief the board", today - timedelta(days=3), channel="briefing")
    plan_item(roadmap, "Open day", today + timedelta(days=40), channel="town_hall")
    signed_in(client, viewer)
    overdue = client.get(address("communications", roadmap) + "?state=overdue").text
    assert "Brief the board" in overdue and "Open day" not in overdue
    assert "1 communication matches." in overdue
    channel = client.get(address("communications", roadmap) + "?channel=town_hall").text
    assert "Open day" in channel and "Brief the board" not in channel
    # htmx asks for the section alone when a filter changes
    fragment = client.get(
        address("communications", roadmap) + "?state=overdue",
        headers={**HTMX, "HX-Target": "communications"},
    )
    assert fragment.text.lstrip().startswith('<section aria-labelledby="communications-heading"')
    assert "Brief the board" in fragment.text and "Open day" not in fragment.text


def test_the_page_costs_the_same_with_ten_times_the_items(client, editor, roadmap):
    signed_in(client, editor)
    today = timezone.localdate()

    def grow(count):
        start = roadmap.communications.count()
        for n in range(count):
            stakeholder = make_stakeholder(roadmap, f"Person {start + n}")
            initiative = initiative_create(
                roadmap=roadmap,
                title=f"Initiative {start + n}",
                component=roadmap.components.first(),
                start_month=date(2026, 1, 1),
                end_month=date(2027, 1, 1),
            )
            item = plan_item(
                roadmap,
                f"Item {start + n}",
                today + timedelta(days=n),
                frequency=("once", "weekly", "monthly")[n % 3],
                owner=editor,
                initiative=initiative,
            )
            item.audience.set([stakeholder])

    grow(3)
    small, _ = count_queries(client, address("communications", roadmap))
    grow(27)
    large, text = count_queries(client, address("communications", roadmap))
    assert large == small
    assert text.count('class="ordered-item"') == 30


# Adding, changing, deleting ---------------------------------------------------------


def test_an_item_is_added_with_its_audience_initiative_and_milestone(
    client, editor, roadmap, ada, frontline
):
    initiative = initiative_create(
        roadmap=roadmap,
        title="Booking",
        component=roadmap.components.first(),
        start_month=date(2027, 1, 1),
        end_month=date(2027, 6, 1),
    )
    data = form_data(
        audience=[str(ada.pk), str(frontline.pk)],
        owner=str(editor.pk),
        initiative=str(initiative.pk),
        frequency="quarterly",
    )
    response = signed_in(client, editor).post(address("communication-create", roadmap), data)
    assert response["Location"] == address("communications", roadmap) + "#communications"
    item = CommunicationItem.objects.get()
    assert (item.planned_on, item.frequency, item.owner, item.initiative) == (
        date(2027, 3, 15),
        "quarterly",
        editor,
        initiative,
    )
    assert set(item.audience.all()) == {ada, frontline}


def test_adding_is_on_demand_and_comes_back_in_place(client, editor, roadmap):
    signed_in(client, editor)
    page = client.get(address("communications", roadmap)).text
    assert 'name="purpose"' not in page and ">Add a communication</a>" in page
    opened = client.get(
        address("communication-create", roadmap), headers={**HTMX, "HX-Target": "communications"}
    )
    assert 'name="planned_on_day"' in opened.text
    added = client.post(
        address("communication-create", roadmap),
        form_data(**date_fields("planned_on", timezone.localdate())),
        headers=HTMX,
    )
    assert added.text.lstrip().startswith('<section aria-labelledby="communications-heading"')
    assert "Announce the booking service" in added.text
    assert "Communication added: Announce the booking service" in in_place_banner(added)


def test_an_item_is_changed_in_place_and_deleted_after_a_question(client, editor, roadmap):
    item = plan_item(roadmap, "Brief the board", timezone.localdate())
    signed_in(client, editor)
    opened = client.get(item.change_url, headers={**HTMX, "HX-Target": f"communication-{item.pk}"})
    assert f'id="change-communication-{item.pk}-purpose"' in opened.text
    saved = client.post(
        item.change_url,
        form_data(purpose="Brief the cabinet", status="done", revision="1"),
        headers=HTMX,
    )
    assert "Communication saved: Brief the cabinet" in in_place_banner(saved)
    item.refresh_from_db()
    assert (item.purpose, item.status, item.revision) == ("Brief the cabinet", "done", 2)
    question = client.get(item.delete_url)
    assert "Delete the communication “Brief the cabinet”?" in html.unescape(question.text)
    assert CommunicationItem.objects.exists()
    client.post(item.delete_url)
    assert not CommunicationItem.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"purpose": ""}, "purpose", "Enter the purpose"),
        ({"channel": ""}, "channel", "Choose a channel"),
        ({"channel": "pigeon"}, "channel", "Select a valid choice"),
        (date_fields("planned_on", ("", "", "")), "planned_on", "Enter the planned date"),
        (date_fields("planned_on", ("31", "4", "2027")), "planned_on", "must be a real date"),
        (date_fields("planned_on", ("1", "", "2027")), "planned_on", "must include a month"),
        ({"initiative": "999999"}, "initiative", "Choose an initiative of this roadmap"),
        ({"milestone": "999999"}, "milestone", "Choose a milestone of this roadmap"),
    ],
)
def test_bad_input_is_shown_beside_its_field_and_what_was_typed_stays(
    client, editor, roadmap, changes, field, message
):
    data = form_data(**{"key_message": MARKUP, **changes})
    response = signed_in(client, editor).post(address("communication-create", roadmap), data)
    assert response.status_code == 200
    page = FormPage(response)
    assert message in page.error(field)
    assert page.value("key_message") == " ".join(MARKUP.split())
    assert "<script>alert" not in response.text  # markup shown as text, never run
    assert not CommunicationItem.objects.exists()


def test_an_audience_or_initiative_of_another_roadmap_is_refused(
    client, editor, roadmap, other_roadmap, stranger
):
    theirs = initiative_create(
        roadmap=other_roadmap,
        title="Their initiative",
        component=other_roadmap.components.first(),
        start_month=date(2027, 1, 1),
        end_month=date(2027, 6, 1),
    )
    signed_in(client, editor)
    response = client.post(
        address("communication-create", roadmap),
        form_data(audience=[str(stranger.pk)], initiative=str(theirs.pk)),
    )
    page = FormPage(response)
    assert "Choose stakeholders and groups of this roadmap" in html.unescape(response.text)
    assert "Choose an initiative of this roadmap" in page.error("initiative")
    assert "Agency B's minister" not in html.unescape(response.text)
    assert not CommunicationItem.objects.exists()


# Tenancy and roles -----------------------------------------------------------------


def test_another_agencys_plan_is_not_found(client, editor, other_roadmap):
    theirs = plan_item(other_roadmap, "Their secret", date(2027, 1, 1))
    signed_in(client, editor)
    for response in (
        client.get(address("communications", other_roadmap)),
        client.get(theirs.change_url),
        client.post(theirs.change_url, form_data(purpose="Taken")),
        client.post(theirs.delete_url),
        client.post(address("communication-create", other_roadmap), form_data()),
    ):
        assert response.status_code == 404
        assert "Their secret" not in response.text
    assert CommunicationItem.objects.get().purpose == "Their secret"


def test_a_viewer_cannot_write_and_writes_are_post_only(client, viewer, editor, roadmap):
    item = plan_item(roadmap, "Brief the board", date(2027, 1, 1))
    signed_in(client, viewer)
    assert client.post(address("communication-create", roadmap), form_data()).status_code == 403
    assert client.post(item.change_url, form_data(purpose="Changed")).status_code == 403
    assert client.post(item.delete_url).status_code == 403
    signed_in(client, editor)
    assert client.put(item.change_url).status_code == 405
    assert client.post(address("communications", roadmap)).status_code == 405
    assert list(CommunicationItem.objects.values_list("purpose", flat=True)) == ["Brief the board"]


def test_htmx_asks_before_deleting_in_the_items_place(client, editor, roadmap):
    item = plan_item(roadmap, "Brief the board", timezone.localdate())
    signed_in(client, editor)
    question = client.get(
        item.delete_url, headers={**HTMX, "HX-Target": f"communication-{item.pk}"}
    )
    assert question.text.lstrip().startswith(f'<li class="confirm" id="communication-{item.pk}"')
    deleted = client.post(item.delete_url, headers=HTMX)
    assert deleted.text.lstrip().startswith('<section aria-labelledby="communications-heading"')
    assert "Communication deleted: Brief the board" in in_place_banner(deleted)
    assert not CommunicationItem.objects.exists()
