"""An initiative's RACI: a panel on its page with the sponsor as accountable,
and a page to choose the other three roles; an accountable is never chosen."""

import re
from datetime import date

import pytest

from stakeholders.models import RaciAssignment
from stakeholders.services.raci import raci_set
from tests.helpers import count_queries, signed_in

from ..conftest import group, person
from ..helpers import address

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(roadmap, lead):
    return roadmap.initiatives.create(
        title="Casework platform",
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
        sponsor=lead,
    )


def raci_page(roadmap, initiative):
    return address("raci-edit", roadmap, pk=initiative.pk)


def test_the_initiative_page_shows_the_raci_with_the_sponsor_accountable(
    client, roadmap, initiative, dana, viewer, editor
):
    raci_set(initiative=initiative, responsible=[dana])
    text = signed_in(client, viewer).get(initiative.get_absolute_url()).text
    panel = text.split('id="raci"')[1].split("</section>")[0]
    assert "lena-lead" in panel.split("Accountable")[1].split("</dd>")[0]
    assert "Dana Whitfield" in panel.split("Responsible")[1].split("</dd>")[0]
    assert raci_page(roadmap, initiative) not in panel
    assert (
        raci_page(roadmap, initiative)
        in signed_in(client, editor).get(initiative.get_absolute_url()).text
    )


def test_an_outside_sponsor_is_named_as_accountable(client, roadmap, initiative, viewer):
    initiative.sponsor = None
    initiative.sponsor_name = "Jo Bloggs"
    initiative.sponsor_role = "Chief executive"
    initiative.save()
    panel = signed_in(client, viewer).get(initiative.get_absolute_url()).text.split('id="raci"')[1]
    assert "Jo Bloggs, Chief executive" in panel


def test_an_editor_chooses_the_roles(client, roadmap, initiative, dana, frontline, editor):
    response = signed_in(client, editor).post(
        raci_page(roadmap, initiative), {"responsible": [dana.pk], "informed": [frontline.pk]}
    )
    assert response.status_code == 302 and response["Location"].endswith("#raci")
    assert set(RaciAssignment.objects.values_list("stakeholder__name", "role")) == {
        ("Dana Whitfield", "responsible"),
        ("Frontline staff", "informed"),
    }


def test_asking_for_an_accountable_is_refused_with_the_message(
    client, roadmap, initiative, dana, editor
):
    response = signed_in(client, editor).post(
        raci_page(roadmap, initiative), {"responsible": [dana.pk], "accountable": [dana.pk]}
    )
    assert response.status_code == 400
    assert (
        "The initiative&#x27;s sponsor is accountable: change the sponsor on the initiative"
        in response.text
    )
    assert not RaciAssignment.objects.exists()


def test_two_roles_for_one_stakeholder_are_refused_and_the_choice_kept(
    client, roadmap, initiative, dana, editor
):
    response = signed_in(client, editor).post(
        raci_page(roadmap, initiative), {"responsible": [dana.pk], "consulted": [dana.pk]}
    )
    assert response.status_code == 400 and "one role" in response.text
    checked = re.findall(r'type="checkbox" name="(\w+)" value="(\d+)"[^>]*checked', response.text)
    assert sorted(checked) == [("consulted", str(dana.pk)), ("responsible", str(dana.pk))]
    assert not RaciAssignment.objects.exists()


def test_only_this_roadmaps_stakeholders_and_initiatives(
    client, roadmap, other_roadmap, initiative, stranger, editor, outsider
):
    response = signed_in(client, editor).post(
        raci_page(roadmap, initiative), {"responsible": [stranger.pk]}
    )
    assert response.status_code == 400 and "Choose stakeholders in this roadmap" in response.text
    other = other_roadmap.initiatives.create(
        title="B's",
        component=other_roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2026, 5, 1),
    )
    assert client.get(raci_page(roadmap, other)).status_code == 404
    assert signed_in(client, outsider).get(raci_page(roadmap, initiative)).status_code == 404
    assert not RaciAssignment.objects.exists()


def test_a_viewer_may_not_change_the_raci(client, roadmap, initiative, dana, viewer):
    target = raci_page(roadmap, initiative)
    assert signed_in(client, viewer).get(target).status_code == 403
    assert client.post(target, {"responsible": [dana.pk]}).status_code == 403
    assert client.put(target).status_code == 405


def test_the_initiative_page_takes_the_same_queries_at_1x_and_10x_raci(
    client, roadmap, initiative, editor
):
    other = roadmap.initiatives.create(
        title="Other",
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2026, 5, 1),
    )
    raci_set(initiative=initiative, informed=[person(roadmap, name="One", email="")])
    raci_set(initiative=other, informed=[group(roadmap, name=f"G{n}") for n in range(10)])
    signed_in(client, editor)
    few, _ = count_queries(client, initiative.get_absolute_url())
    many, text = count_queries(client, other.get_absolute_url())
    assert few == many and "G9" in text
