"""Personal data: the data-subject export (editors, recorded), anonymisation on
request (leads, after a question, recorded), and the register's downloads
(without contact details by default; with them for editors, recorded)."""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from stakeholders.models import (
    CommunicationItem,
    Interaction,
    PersonalDataAction,
    PersonalDataEvent,
    RaciAssignment,
)
from tests.helpers import count_queries, signed_in

from ..conftest import group, person
from ..helpers import address

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(roadmap, dana):
    """Dana in a group, on a RACI, addressed by two communications (one through the
    group), and in one interaction."""
    team = group(roadmap, members=[dana])
    initiative = roadmap.initiatives.create(
        title="Casework platform",
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )
    RaciAssignment.objects.create(initiative=initiative, stakeholder=dana, role="consulted")
    direct = CommunicationItem.objects.create(
        roadmap=roadmap,
        purpose="Briefing on go-live",
        channel="briefing",
        planned_on=date(2026, 9, 1),
    )
    direct.audience.add(dana)
    via_group = CommunicationItem.objects.create(
        roadmap=roadmap,
        purpose="Staff newsletter",
        channel="newsletter",
        planned_on=date(2026, 10, 1),
    )
    via_group.audience.add(team)
    CommunicationItem.objects.create(
        roadmap=roadmap, purpose="Not for Dana", channel="email", planned_on=date(2026, 10, 1)
    )
    met = Interaction.objects.create(
        roadmap=roadmap,
        occurred_on=date(2026, 5, 4),
        kind="interview",
        summary="Worried about rotas",
    )
    met.stakeholders.add(dana)
    return team


def test_the_export_gives_everything_held_about_one_person_and_is_recorded(
    client, roadmap, dana, history, editor
):
    target = address("stakeholder-personal-data", roadmap, pk=dana.pk)
    asked = signed_in(client, editor).get(target).text
    assert "Show everything held" in asked and "dana@example.gov" not in asked
    assert not PersonalDataEvent.objects.exists()  # looking at the buttons records nothing

    answer = client.post(target, {"format": "json"})
    event = PersonalDataEvent.objects.get()
    assert answer["Location"] == f"{target}?event={event.pk}&format=json"
    response = client.get(answer["Location"])
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["entry"]["email"] == "dana@example.gov"
    assert data["entry"]["review date"] == "1 January 2030"
    assert data["groups"] == ["Frontline staff"]
    assert data["raci roles"] == [{"initiative": "Casework platform", "role": "Consulted"}]
    assert [c["purpose"] for c in data["communications"]] == [
        "Briefing on go-live",
        "Staff newsletter",
    ]
    assert [i["summary"] for i in data["interactions"]] == ["Worried about rotas"]
    page = client.get(client.post(target, {"format": "page"})["Location"]).text
    assert (
        "Worried about rotas" in page and "Staff newsletter" in page and "Not for Dana" not in page
    )
    events = PersonalDataEvent.objects.filter(action=PersonalDataAction.SUBJECT_EXPORT)
    assert events.count() == 2 and {e.by for e in events} == {editor}
    assert {e.stakeholder for e in events} == {dana}


def test_someone_elses_or_an_old_record_shows_nothing(client, roadmap, dana, editor, lead):
    from datetime import timedelta

    target = address("stakeholder-personal-data", roadmap, pk=dana.pk)
    shown = signed_in(client, lead).post(target)["Location"]
    assert "dana@example.gov" not in signed_in(client, editor).get(shown).text
    PersonalDataEvent.objects.update(at=PersonalDataEvent.objects.get().at - timedelta(hours=1))
    assert "dana@example.gov" not in signed_in(client, lead).get(shown).text


def test_the_export_is_for_editors_of_this_agency_and_people_only(
    client, roadmap, dana, frontline, viewer, outsider, editor
):
    target = address("stakeholder-personal-data", roadmap, pk=dana.pk)
    assert signed_in(client, viewer).get(target).status_code == 403
    assert signed_in(client, outsider).get(target).status_code == 404
    group_target = address("stakeholder-personal-data", roadmap, pk=frontline.pk)
    assert signed_in(client, editor).get(group_target).status_code == 404
    assert client.put(target).status_code == 405
    assert signed_in(client, viewer).post(target).status_code == 403
    assert not PersonalDataEvent.objects.exists()


def test_anonymising_asks_first_then_erases_and_records(client, roadmap, dana, history, lead):
    target = address("stakeholder-anonymise", roadmap, pk=dana.pk)
    question = signed_in(client, lead).get(target)
    assert "Anonymise “Dana Whitfield”?" in question.text and "Email" in question.text
    dana.refresh_from_db()
    assert dana.email  # asking erased nothing

    response = client.post(target)
    assert response.status_code == 302
    dana.refresh_from_db()
    assert dana.name == "Anonymised stakeholder 1" and dana.email == ""
    page = client.get(dana.get_absolute_url()).text
    assert "Anonymised on request" in page and "Casework platform" in page
    event = PersonalDataEvent.objects.get(action=PersonalDataAction.ANONYMISED)
    assert event.by == lead


def test_anonymising_is_for_leads_and_posts_only(client, roadmap, dana, editor, outsider, lead):
    target = address("stakeholder-anonymise", roadmap, pk=dana.pk)
    assert signed_in(client, editor).post(target).status_code == 403
    assert signed_in(client, outsider).post(target).status_code == 404
    assert signed_in(client, lead).put(target).status_code == 405
    dana.refresh_from_db()
    assert dana.anonymised_at is None


def test_a_group_cannot_be_anonymised(client, roadmap, frontline, lead):
    target = address("stakeholder-anonymise", roadmap, pk=frontline.pk)
    assert "holds no personal data" in signed_in(client, lead).get(target).text
    client.post(target)
    frontline.refresh_from_db()
    assert frontline.anonymised_at is None


def rows_of_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_download_has_no_contact_details_by_default(client, roadmap, dana, viewer, editor):
    for user in (viewer, editor):
        response = signed_in(client, user).get(
            address("register-download", roadmap, file_format="csv")
        )
        rows = rows_of_csv(response)
        assert "Email" not in rows[0] and rows[1][1] == "Dana Whitfield"
        assert "dana@example.gov" not in response.content.decode()
    assert not PersonalDataEvent.objects.exists()


def test_an_editor_may_download_contact_details_and_it_is_recorded(client, roadmap, dana, editor):
    target = address("register-download", roadmap, file_format="xlsx")
    asked = signed_in(client, editor).post(target)  # a POST: it writes the record
    event = PersonalDataEvent.objects.get()
    assert asked["Location"] == f"{target}?event={event.pk}"
    response = client.get(asked["Location"])
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][-4:] == ["Email", "Phone", "Lawful basis", "Review date"]
    assert rows[1][-4:] == ["dana@example.gov", "01632 960 111", "Public task", "1 January 2030"]
    assert (event.action, event.by) == (PersonalDataAction.REGISTER_EXPORT, editor)
    log = client.get(address("personal-data-log", roadmap)).text
    assert "Register exported with personal data" in log


def test_a_viewer_asking_for_contact_details_is_refused(client, roadmap, dana, viewer, outsider):
    target = address("register-download", roadmap, file_format="csv")
    assert signed_in(client, viewer).post(target).status_code == 403
    assert signed_in(client, outsider).post(target).status_code == 404
    assert not PersonalDataEvent.objects.exists()


def test_contact_details_come_only_through_the_callers_own_fresh_record(
    client, roadmap, dana, editor, lead
):
    """A GET writes nothing: the old `?personal_data=1` address gives the file
    without contact details; another person's record, or a stale one, is 404."""
    target = address("register-download", roadmap, file_format="csv")
    signed_in(client, editor)
    plain = client.get(target + "?personal_data=1").content.decode()
    assert "dana@example.gov" not in plain and "Dana Whitfield" in plain
    assert not PersonalDataEvent.objects.exists()

    own = client.post(target)["Location"]
    assert "dana@example.gov" in client.get(own).content.decode()
    assert signed_in(client, lead).get(own).status_code == 404  # not the lead's record
    PersonalDataEvent.objects.update(at=timezone.now() - timedelta(minutes=11))
    assert signed_in(client, editor).get(own).status_code == 404  # asked too long ago


def test_downloads_are_formula_safe(client, roadmap, viewer):
    person(roadmap, name='=HYPERLINK("http://x")', email="")
    response = signed_in(client, viewer).get(
        address("register-download", roadmap, file_format="csv")
    )
    assert rows_of_csv(response)[1][1] == '\'=HYPERLINK("http://x")'


def test_an_unknown_format_is_404(client, roadmap, viewer):
    assert (
        signed_in(client, viewer)
        .get(address("register-download", roadmap, file_format="pdf"))
        .status_code
        == 404
    )


def test_the_personal_data_record_is_for_editors(client, roadmap, viewer, editor):
    target = address("personal-data-log", roadmap)
    assert signed_in(client, viewer).get(target).status_code == 403
    assert signed_in(client, editor).get(target).status_code == 200


def test_the_export_page_takes_the_same_queries_at_1x_and_10x_history(client, roadmap, editor):
    small = person(roadmap, name="Small")
    big = person(roadmap, name="Big", email="big@example.gov")
    for n, who in [(-1, small)] + [(n, big) for n in range(10)]:
        team = group(roadmap, name=f"Team {n}", members=[who])
        item = CommunicationItem.objects.create(
            roadmap=roadmap, purpose=f"Item {n}", channel="email", planned_on=date(2026, 9, 1)
        )
        item.audience.add(team)
        met = Interaction.objects.create(
            roadmap=roadmap, occurred_on=date(2026, 5, 4), kind="meeting", summary=f"Meeting {n}"
        )
        met.stakeholders.add(who)
    signed_in(client, editor)
    pages = [address("stakeholder-personal-data", roadmap, pk=who.pk) for who in (small, big)]
    few, _ = count_queries(client, client.post(pages[0])["Location"])
    many, text = count_queries(client, client.post(pages[1])["Location"])
    assert few == many and "Meeting 9" in text


def test_another_agencys_member_gets_404_for_the_record_and_the_downloads(
    client, roadmap, outsider
):
    signed_in(client, outsider)
    assert client.get(address("personal-data-log", roadmap)).status_code == 404
    assert client.get(address("register-download", roadmap, file_format="csv")).status_code == 404
