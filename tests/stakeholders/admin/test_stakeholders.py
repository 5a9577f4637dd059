"""Django admin for the register: the changelist loads in the same queries with
ten times the rows, the change and add pages load, the admin refuses what the
app refuses (contact details without a lawful basis, on a group), and the
record of personal data is read-only."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from stakeholders.models import PersonalDataEvent, Stakeholder
from tests.accounts.two_factor import sign_in_with_second_factor
from tests.roadmap.admin.test_admin_pages import queries_for

from ..conftest import group, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    platform = get_user_model().objects.create_superuser("platform", "p@example.gov")
    sign_in_with_second_factor(client, platform)
    return client


def url(model, action: str, *args) -> str:
    return reverse(f"admin:stakeholders_{model._meta.model_name}_{action}", args=args)


def test_the_changelist_takes_the_same_queries_with_ten_times_the_rows(admin_client, roadmap):
    person(roadmap, name="First", email="")
    few, _ = queries_for(admin_client, url(Stakeholder, "changelist"))
    for n in range(10):
        group(roadmap, name=f"Group {n}")
    many, text = queries_for(admin_client, url(Stakeholder, "changelist"))
    assert few == many and "Group 9" in text


def test_the_change_and_add_pages_load(admin_client, dana):
    assert admin_client.get(url(Stakeholder, "change", dana.pk)).status_code == 200
    assert admin_client.get(url(Stakeholder, "add")).status_code == 200


def admin_form(roadmap, **changes):
    data = {
        "roadmap": roadmap.pk,
        "kind": "person",
        "name": "Sam",
        "role": "",
        "organisation": "",
        "level": "staff",
        "influence": "3",
        "interest": "3",
        "attitude": "neutral",
        "current_engagement": "neutral",
        "desired_engagement": "supportive",
        "tags": "[]",
        "notes": "",
        "email": "",
        "phone": "",
        "lawful_basis": "",
        "position": "0",
        "raci_assignments-TOTAL_FORMS": "0",
        "raci_assignments-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "sam@example.gov"}, "Choose the lawful basis"),
        ({"kind": "group", "phone": "0161"}, "A group has no contact details"),
        ({"influence": "9"}, "Enter an influence from 1 to 5."),
    ],
)
def test_the_admin_refuses_what_the_app_refuses(admin_client, roadmap, changes, message):
    response = admin_client.post(url(Stakeholder, "add"), admin_form(roadmap, **changes))
    assert response.status_code == 200 and message in response.text
    assert not Stakeholder.objects.exists()


@pytest.mark.parametrize(
    ("kind", "whose", "message"),
    [
        ("person", "ours", "Only a group has members"),
        ("group", "another roadmap's", "Choose people in this roadmap&#x27;s register."),
        ("group", "a group", "Choose people in this roadmap&#x27;s register."),
    ],
)
def test_the_admin_refuses_members_the_app_refuses(
    admin_client, roadmap, dana, stranger, kind, whose, message
):
    member = {"ours": dana, "another roadmap's": stranger, "a group": group(roadmap)}[whose]
    before = Stakeholder.objects.count()
    data = admin_form(roadmap, kind=kind, members=[member.pk])
    response = admin_client.post(url(Stakeholder, "add"), data)
    assert response.status_code == 200 and message in response.text
    assert Stakeholder.objects.count() == before


def test_the_admin_adds_a_valid_entry(admin_client, roadmap):
    response = admin_client.post(url(Stakeholder, "add"), admin_form(roadmap, tags='["a", "A"]'))
    assert response.status_code == 302
    assert Stakeholder.objects.get().tags == ["a"]


def test_the_personal_data_record_is_read_only(admin_client, roadmap, dana, lead):
    event = PersonalDataEvent.objects.create(
        roadmap=roadmap, stakeholder=dana, action="subject_export", by=lead
    )
    assert admin_client.get(url(PersonalDataEvent, "changelist")).status_code == 200
    assert admin_client.get(url(PersonalDataEvent, "add")).status_code == 403
    admin_client.post(url(PersonalDataEvent, "change", event.pk), {"note": "changed"})
    event.refresh_from_db()
    assert event.note == ""
