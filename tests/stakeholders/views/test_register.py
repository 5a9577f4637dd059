"""The register: who may see and change what (personas), filters in the address,
adding and changing an entry with every error next to its field, deleting after
a question, contact details shown to editors only, bounded queries."""

import pytest

from stakeholders.models import Stakeholder
from tests.helpers import HTMX, MARKUP, count_queries, signed_in
from tests.html import FormPage

from ..conftest import group, person
from ..helpers import address, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(roadmap, dana):
    return {
        "register": address("register", roadmap),
        "detail": address("stakeholder", roadmap, pk=dana.pk),
        "grid": address("grid", roadmap),
        "engagement": address("engagement", roadmap),
    }


@pytest.mark.parametrize("page", ["register", "detail", "grid", "engagement"])
def test_every_member_reads_the_pages_and_an_outsider_gets_404(
    client, pages, viewer, outsider, page
):
    assert signed_in(client, viewer).get(pages[page]).status_code == 200
    assert signed_in(client, outsider).get(pages[page]).status_code == 404


def test_signing_in_comes_first(client, pages):
    response = client.get(pages["register"])
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("action", ["stakeholder-create", "stakeholder-edit", "stakeholder-delete"])
def test_a_viewer_may_not_write_and_an_outsider_gets_404(
    client, roadmap, dana, viewer, outsider, action
):
    kwargs = {} if action == "stakeholder-create" else {"pk": dana.pk}
    target = address(action, roadmap, **kwargs)
    assert signed_in(client, viewer).get(target).status_code == 403
    assert signed_in(client, viewer).post(target, form_data()).status_code == 403
    assert signed_in(client, outsider).post(target, form_data()).status_code == 404
    assert Stakeholder.objects.count() == 1


def test_another_agencys_entry_is_404_in_my_address(client, roadmap, stranger, editor):
    signed_in(client, editor)
    assert client.get(address("stakeholder", roadmap, pk=stranger.pk)).status_code == 404
    assert client.get(address("stakeholder-edit", roadmap, pk=stranger.pk)).status_code == 404


def test_the_wrong_method_is_405(client, pages, editor):
    assert signed_in(client, editor).post(pages["detail"]).status_code == 405
    assert client.post(pages["grid"]).status_code == 405


def test_contact_details_are_shown_to_editors_only(client, pages, viewer, editor):
    for page in ("register", "detail"):
        assert "dana@example.gov" not in signed_in(client, viewer).get(pages[page]).text
        assert "01632 960 111" not in client.get(pages[page]).text
        assert "Dana Whitfield" in client.get(pages[page]).text
        assert "Head of licensing" in client.get(pages[page]).text
        assert "dana@example.gov" in signed_in(client, editor).get(pages[page]).text


def test_an_editor_adds_a_person(client, roadmap, editor):
    response = signed_in(client, editor).post(address("stakeholder-create", roadmap), form_data())
    assert response.status_code == 302
    added = Stakeholder.objects.get()
    assert (added.name, added.influence, added.tags) == (
        "Priya Natarajan",
        4,
        ["parking", "casework"],
    )
    assert added.review_on.isoformat() == "2028-06-01"
    assert "Stakeholder added: Priya Natarajan" in client.get(response["Location"]).text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"influence": "6"}, "influence", "Choose an influence from 1 to 5."),
        ({"interest": "0"}, "interest", "Choose an interest from 1 to 5."),
        ({"email": "priya@"}, "email", "Enter an email address like name@example.gov."),
        ({"lawful_basis": ""}, "lawful_basis", "Choose the lawful basis"),
        ({"name": ""}, "name", "Enter a name."),
        ({"kind": "group", "lawful_basis": ""}, "email", "A group has no contact details"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_nothing_typed_is_lost(
    client, roadmap, editor, changes, field, message
):
    response = signed_in(client, editor).post(
        address("stakeholder-create", roadmap), form_data(**changes)
    )
    page = FormPage(response)
    assert response.status_code == 200
    assert message in page.error(field)
    assert "There is a problem" in page.summary() or page.summary()
    assert page.value("role") == "Head of parking"
    assert page.value("tags") == "parking, casework"
    assert not Stakeholder.objects.exists()


def test_markup_in_every_field_is_shown_as_text(client, roadmap, editor, viewer):
    fields = {name: MARKUP for name in ("name", "role", "organisation", "notes")}
    signed_in(client, editor).post(
        address("stakeholder-create", roadmap), form_data(tags="<b>x</b>", **fields)
    )
    entry = Stakeholder.objects.get()
    for page in (address("register", roadmap), entry.get_absolute_url()):
        text = signed_in(client, viewer).get(page).text
        assert "<script>alert" not in text and "&lt;script&gt;" in text
        assert "<b>x</b>" not in text


def test_an_editor_changes_an_entry_and_lands_on_its_page(client, roadmap, dana, editor):
    data = form_data(name="Dana Whitfield", influence="1", revision=str(dana.revision))
    response = signed_in(client, editor).post(dana.change_url, data)
    assert response.status_code == 302 and response["Location"] == dana.get_absolute_url()
    dana.refresh_from_db()
    assert dana.influence == 1


def test_a_change_over_someone_elses_is_refused_with_what_was_typed_kept(client, dana, editor):
    client = signed_in(client, editor)
    client.post(dana.change_url, form_data(name="First", revision="1"))
    response = client.post(dana.change_url, form_data(name="Second", revision="1"))
    assert response.status_code == 200
    assert "after you opened it" in response.text
    assert FormPage(response).value("name") == "Second"
    dana.refresh_from_db()
    assert dana.name == "First"


def test_delete_asks_first_then_deletes(client, roadmap, dana, editor):
    client = signed_in(client, editor)
    question = client.get(dana.delete_url)
    assert "Delete “Dana Whitfield” from the register?" in question.text
    assert "anonymise them instead" in question.text
    response = client.post(dana.delete_url)
    assert response.status_code == 302
    assert not Stakeholder.objects.exists()


def test_the_register_filters_by_kind_level_attitude_and_tag(client, roadmap, dana, viewer):
    group(roadmap, tags=["frontline"], attitude="sceptic")
    person(roadmap, name="Cllr Hassan", level="elected", email="", attitude="champion")
    base = address("register", roadmap)
    client = signed_in(client, viewer)

    def names(query):
        text = client.get(f"{base}?{query}").text
        return [
            n for n in ("Dana Whitfield", "Frontline staff", "Cllr Hassan") if f">{n}</a>" in text
        ]

    assert names("") == ["Dana Whitfield", "Frontline staff", "Cllr Hassan"]
    assert names("kind=group") == ["Frontline staff"]
    assert names("level=elected") == ["Cllr Hassan"]
    assert names("attitude=sceptic") == ["Frontline staff"]
    assert names("tag=frontline") == ["Frontline staff"]
    assert names("level=nonsense") == ["Dana Whitfield", "Frontline staff", "Cllr Hassan"]


def test_htmx_filtering_gets_the_register_section_alone(client, roadmap, dana, viewer):
    response = signed_in(client, viewer).get(
        address("register", roadmap) + "?kind=person",
        headers={**HTMX, "HX-Target": "register"},
    )
    assert response.text.lstrip().startswith('<section aria-labelledby="register-heading"')
    assert "Dana Whitfield" in response.text and "<html" not in response.text


def test_editors_see_the_people_due_a_review_and_viewers_do_not(client, roadmap, editor, viewer):
    from datetime import date

    person(roadmap, name="Overdue Olu", email="olu@example.gov", review_on=date(2020, 1, 1))
    person(roadmap, name="Fine Fay", email="fay@example.gov", review_on=date(2099, 1, 1))
    page = signed_in(client, editor).get(address("register", roadmap)).text
    due = page.split('id="reviews-heading"')[1].split("</section>")[0]
    assert "Overdue Olu" in due and "Fine Fay" not in due
    assert "1 January 2020" in due
    assert (
        'id="reviews-heading"'
        not in signed_in(client, viewer).get(address("register", roadmap)).text
    )


def test_a_group_page_lists_its_members_and_a_persons_its_groups(client, roadmap, dana, viewer):
    team = group(roadmap, members=[dana])
    client = signed_in(client, viewer)
    assert (
        "Dana Whitfield"
        in client.get(team.get_absolute_url()).text.split("People in this group")[1]
    )
    assert (
        "Frontline staff" in client.get(dana.get_absolute_url()).text.split("Groups they are in")[1]
    )


def fill(roadmap, scale):
    owner = None
    for n in range(3 * scale):
        made = person(roadmap, name=f"Person {n}", email=f"p{n}@example.gov", tags=[f"t{n}"])
        owner = made
    group(roadmap, name=f"Group {scale}", members=[owner])


@pytest.mark.parametrize("page", ["register", "grid", "engagement"])
def test_pages_take_the_same_queries_at_1x_and_10x(
    client, roadmap, other_roadmap, editor, django_user_model, page
):
    from agencies.models import Membership, Role

    fill(roadmap, 1)
    fill(other_roadmap, 10)
    Membership.objects.create(
        user=editor, organisation=other_roadmap.organisation, role=Role.EDITOR
    )
    signed_in(client, editor)
    few, _ = count_queries(client, address(page, roadmap))
    many, text = count_queries(client, address(page, other_roadmap))
    assert few == many, f"{few} queries at 1x, {many} at 10x"
    assert "Person 29" in text


def test_an_entrys_page_takes_the_same_queries_at_1x_and_10x(client, roadmap, editor):
    from datetime import date

    from stakeholders.services.raci import raci_set

    small, big = person(roadmap, name="Small", email=""), person(roadmap, name="Big", email="")
    for n, who in [(-1, small)] + [(n, big) for n in range(10)]:
        group(roadmap, name=f"Group {n}", members=[who])
        initiative = roadmap.initiatives.create(
            title=f"Initiative {n}",
            component=roadmap.components.first(),
            start_month=date(2026, 4, 1),
            end_month=date(2027, 3, 1),
        )
        raci_set(initiative=initiative, informed=[who])
    signed_in(client, editor)
    few, _ = count_queries(client, small.get_absolute_url())
    many, text = count_queries(client, big.get_absolute_url())
    assert few == many, f"{few} queries at 1x, {many} at 10x"
    assert "Group 9" in text and "Initiative 9" in text
