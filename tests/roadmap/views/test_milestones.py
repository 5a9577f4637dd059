"""The milestones' page: by due date, each with its initiative, its due date
(a day or a month) and whether it is done, not done yet or overdue, in words;
a warning beside one outside its initiative's months; added on demand (a month
by leaving the day empty), changed in place, deleted after a question; and the
initiative's page listing its own."""

import html
from datetime import date, timedelta

import pytest
from django.utils import timezone

from roadmap.models import Milestone
from roadmap.services.initiatives import initiative_create
from roadmap.services.milestones import milestone_create
from roadmap.services.risks import risk_create
from tests.helpers import HTMX, count_queries, date_fields, in_place_banner, signed_in, url
from tests.html import FormPage

pytestmark = pytest.mark.django_db


def plan(roadmap, title="Cloud hosting", start=(2026, 4), end=(2027, 3)):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=date(*start, 1),
        end_month=date(*end, 1),
    )


def mark(roadmap, title, due, **fields):
    return milestone_create(roadmap=roadmap, title=title, due_date=due, **fields)


def form_data(**changes):
    data = {"title": "New service live", "initiative": "", **date_fields("due_date", "30 11 2026")}
    data.update(changes)
    return data


def listed(response) -> list[str]:
    section = response.text.split('id="milestones"')[1]
    return [item.split("</h3>")[0] for item in section.split('class="ordered-item__title">')[1:]]


# The page -------------------------------------------------------------------------


def test_the_page_lists_by_due_date_and_says_each_state_in_words(client, viewer, roadmap):
    cloud = plan(roadmap)
    today = timezone.localdate()
    mark(roadmap, "Board approval", today - timedelta(days=40), done=True, done_on=today)
    mark(roadmap, "Switch off", date(2027, 6, 1), due_precision="month", initiative=cloud)
    mark(roadmap, "Supplier chosen", today - timedelta(days=1), initiative=cloud)
    page = signed_in(client, viewer).get(url("milestones", roadmap))
    assert listed(page) == ["Board approval", "Supplier chosen", "Switch off"]
    text = html.unescape(page.text)
    assert f"done on {today.day} " in text and ">Done</span>" in text
    assert ">Overdue</span>" in text and ">Not done yet</span>" in text
    assert "Due in June 2027" in text
    assert f'<a href="{cloud.get_absolute_url()}">Cloud hosting</a>' in text
    assert "The roadmap as a whole" in text
    warning = "Outside its initiative's months (April 2026 to March 2027): 3 months after it ends."
    assert warning in text
    # Viewers read; only editors see the way to add.
    assert "Add a milestone" not in text


def test_the_initiatives_page_lists_its_own_milestones_both_ways(client, viewer, roadmap):
    cloud, skills = plan(roadmap), plan(roadmap, "Skills")
    own = mark(roadmap, "Supplier chosen", date(2026, 6, 30), initiative=cloud)
    mark(roadmap, "Trainers hired", date(2026, 6, 30), initiative=skills)
    text = signed_in(client, viewer).get(cloud.get_absolute_url()).text
    section = text.split('id="milestones"')[1].split("</section>")[0]
    assert f'<a href="{own.get_absolute_url()}">Supplier chosen</a>' in section
    assert "Trainers hired" not in section
    assert own.get_absolute_url().endswith(f"/milestones/#milestone-{own.pk}")


def test_another_agencys_milestones_are_not_found(client, editor, other_roadmap):
    theirs = mark(other_roadmap, "Their secret", date(2026, 6, 30))
    signed_in(client, editor)
    for response in (
        client.get(url("milestones", other_roadmap)),
        client.get(theirs.change_url),
        client.post(theirs.change_url, form_data(title="Taken")),
        client.post(theirs.delete_url),
    ):
        assert response.status_code == 404
        assert "Their secret" not in response.text
    assert Milestone.objects.get().title == "Their secret"


def test_a_viewer_cannot_write(client, viewer, roadmap):
    milestone = mark(roadmap, "Go live", date(2026, 6, 30))
    signed_in(client, viewer)
    assert client.post(url("milestone-create", roadmap), form_data()).status_code == 403
    assert client.post(milestone.change_url, form_data(title="Changed")).status_code == 403
    assert client.post(milestone.delete_url).status_code == 403
    assert list(Milestone.objects.values_list("title", flat=True)) == ["Go live"]


def test_the_page_costs_the_same_with_ten_times_the_milestones(client, editor, roadmap):
    signed_in(client, editor)

    def grow(count):
        start = roadmap.milestones.count()
        for n in range(count):
            initiative = plan(roadmap, f"Initiative {start + n}")
            mark(roadmap, f"Milestone {start + n}", date(2026, 5, 1), initiative=initiative)

    grow(3)
    small, _ = count_queries(client, url("milestones", roadmap))
    grow(27)
    large, text = count_queries(client, url("milestones", roadmap))
    assert large == small
    assert text.count('class="ordered-item"') == 30


# Adding -----------------------------------------------------------------------------


def test_a_day_and_a_month_are_added_by_what_was_typed(client, editor, roadmap):
    cloud = plan(roadmap)
    signed_in(client, editor)
    response = client.post(url("milestone-create", roadmap), form_data(initiative=str(cloud.pk)))
    assert response["Location"] == f"{url('milestones', roadmap)}#milestones"
    day = Milestone.objects.get()
    assert (day.due_date, day.due_precision, day.initiative) == (date(2026, 11, 30), "day", cloud)
    month = form_data(title="Switched off", **date_fields("due_date", ("", "3", "2027")))
    client.post(url("milestone-create", roadmap), month)
    added = Milestone.objects.get(title="Switched off")
    assert (added.due_date, added.due_precision) == (date(2027, 3, 1), "month")
    assert added.initiative is None
    assert "Due in March 2027" in client.get(url("milestones", roadmap)).text


def test_adding_is_on_demand_and_comes_back_in_place(client, editor, roadmap):
    signed_in(client, editor)
    page = client.get(url("milestones", roadmap)).text
    assert 'name="title"' not in page and ">Add a milestone</a>" in page
    add = url("milestone-create", roadmap)
    opened = client.get(add, headers={**HTMX, "HX-Target": "milestones"})
    assert opened.text.lstrip().startswith('<section aria-labelledby="milestones-heading"')
    assert 'name="due_date_day"' in opened.text
    added = client.post(url("milestone-create", roadmap), form_data(), headers=HTMX)
    assert added.text.lstrip().startswith('<section aria-labelledby="milestones-heading"')
    assert listed(added) == ["New service live"]
    assert "Milestone added: New service live" in in_place_banner(added)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Enter a title"),
        (date_fields("due_date", ("", "", "")), "due_date", "Enter the due date"),
        (date_fields("due_date", ("", "", "2027")), "due_date", "must include a month"),
        (date_fields("due_date", ("31", "4", "2027")), "due_date", "must be a real date"),
        (date_fields("due_date", ("1", "3", "27")), "due_date", "Year must include 4 numbers"),
        (date_fields("due_date", ("1", "3", "2101")), "due_date", "between"),
        ({"done": "on"}, "done_on", "Enter the date it was done"),
        (
            {"done": "on", **date_fields("done_on", timezone.localdate() + timedelta(days=1))},
            "done_on",
            "today or in the past",
        ),
        ({"initiative": "999999"}, "initiative", "Choose one of this roadmap's initiatives"),
    ],
)
def test_bad_input_is_shown_beside_its_field_and_what_was_typed_stays(
    client, editor, roadmap, changes, field, message
):
    data = form_data(**{"title": "Typed <b>carefully</b>", **changes})
    response = signed_in(client, editor).post(url("milestone-create", roadmap), data)
    assert response.status_code == 200
    page = FormPage(response)
    assert page.error(field).count(message) == 1  # said once, beside its field
    if field != "title":
        assert page.value("title") == "Typed <b>carefully</b>"
    if field == "due_date":
        typed = [data[f"due_date_{part}"] for part in ("day", "month", "year")]
        assert page.value("due_date") == " ".join(" ".join(typed).split())
    assert not Milestone.objects.exists()


def test_an_initiative_of_another_agency_cannot_be_chosen(client, editor, roadmap, other_roadmap):
    theirs = plan(other_roadmap, "Their initiative")
    response = signed_in(client, editor).post(
        url("milestone-create", roadmap), form_data(initiative=str(theirs.pk))
    )
    assert "Choose one of this roadmap's initiatives" in FormPage(response).error("initiative")
    assert "Their initiative" not in response.text
    assert not Milestone.objects.exists()


# Changing and deleting ------------------------------------------------------------


def test_a_month_opens_for_change_with_the_day_empty_and_saves_in_place(client, editor, roadmap):
    milestone = mark(roadmap, "Switch off", date(2027, 3, 1), due_precision="month")
    signed_in(client, editor)
    opened = client.get(milestone.change_url, headers={**HTMX, "HX-Target": "milestones"})
    ids = f"change-milestone-{milestone.pk}-due_date"
    assert f'id="{ids}" name="due_date_day" type="text" inputmode="numeric" value=""' in opened.text
    assert f'id="{ids}_month" name="due_date_month" type="text" inputmode="numeric" value="3"' in (
        opened.text
    )
    today = timezone.localdate()
    data = form_data(
        title="Switched off",
        revision=str(milestone.revision),
        done="on",
        **date_fields("due_date", ("", "3", "2027")),
        **date_fields("done_on", today),
    )
    saved = client.post(milestone.change_url, data, headers=HTMX)
    assert saved.text.lstrip().startswith('<section aria-labelledby="milestones-heading"')
    assert "Milestone saved: Switched off" in in_place_banner(saved)
    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_precision, milestone.done_on) == (
        "Switched off",
        "month",
        today,
    )


def test_a_milestone_is_deleted_after_a_question(client, editor, roadmap):
    milestone = mark(roadmap, "Go live", date(2026, 6, 30))
    signed_in(client, editor)
    target = {**HTMX, "HX-Target": f"milestone-{milestone.pk}"}
    question = client.get(milestone.delete_url, headers=target)
    assert "Delete the milestone “Go live”?" in question.text
    assert Milestone.objects.exists()
    gone = client.post(milestone.delete_url, headers=HTMX)
    assert "Milestone deleted: Go live" in in_place_banner(gone)
    assert not Milestone.objects.exists()


def test_deleting_an_initiative_says_its_milestones_go_and_its_risks_stay(client, editor, roadmap):
    cloud = plan(roadmap)
    mark(roadmap, "Supplier chosen", date(2026, 6, 30), initiative=cloud)
    mark(roadmap, "Go live", date(2026, 9, 30), initiative=cloud)
    risk_create(
        roadmap=roadmap, title="Supplier fails", likelihood=4, impact=5, initiatives=[cloud]
    )
    question = signed_in(client, editor).get(cloud.delete_url).text
    assert "Its 2 milestones will be deleted too." in question
    assert "The risk naming it will stay, without it." in question
    client.post(cloud.delete_url)
    assert not Milestone.objects.exists()
    assert roadmap.risks.get().initiatives.count() == 0


def test_each_milestone_changes_and_deletes_itself(client, editor, roadmap):
    """The rows' addresses are made once for the list (selectors/addresses.py):
    each still names its own milestone."""
    milestones = [mark(roadmap, f"Step {n}", date(2026, 1 + n, 1)) for n in range(3)]
    text = signed_in(client, editor).get(url("milestones", roadmap)).text
    for milestone in milestones:
        row = text.split(f'id="milestone-{milestone.pk}"')[1].split("</li>")[0]
        assert f'href="{milestone.change_url}" hx-get="{milestone.change_url}"' in row
        assert f'href="{milestone.delete_url}" hx-get="{milestone.delete_url}"' in row
