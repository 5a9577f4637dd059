"""The risks' page: the heat map and its table at the top, the risks highest
score first, each with its score and level in words, owner, status, mitigation
and the initiatives it threatens (links both ways), a high risk with no
mitigation flagged in words; added on demand, changed in place, deleted after a
question."""

import html
import re
from datetime import date

import pytest

from roadmap.models import Risk
from roadmap.services.initiatives import initiative_create
from roadmap.services.risks import risk_create
from tests.helpers import HTMX, count_queries, in_place_banner, signed_in, url
from tests.html import FormPage

pytestmark = pytest.mark.django_db


def plan(roadmap, title="Cloud hosting"):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )


def threat(roadmap, title, likelihood=3, impact=3, **fields):
    return risk_create(roadmap=roadmap, title=title, likelihood=likelihood, impact=impact, **fields)


def form_data(**changes):
    data = {
        "title": "Supplier fails",
        "description": "",
        "likelihood": "4",
        "impact": "5",
        "owner": "",
        "mitigation": "",
        "status": "open",
    }
    data.update(changes)
    return data


def listed(response) -> list[str]:
    section = response.text.split('id="risk-list-heading"')[1]
    return [item.split("</h3>")[0] for item in section.split('class="ordered-item__title">')[1:]]


def table_cell(response, impact: int, likelihood: int) -> str:
    """The count the heat map's table gives for one cell."""
    table = response.text.split('id="risk-table-caption"')[1].split("</table>")[0]
    row = table.split("<tbody>")[1].split("</tr>")[5 - impact]
    return row.split("<td>")[likelihood].split("<strong>")[1].split("</strong>")[0]


# The page -------------------------------------------------------------------------


def test_the_page_shows_the_heat_map_and_the_risks_highest_score_first(
    client, viewer, lead, roadmap
):
    cloud = plan(roadmap)
    threat(roadmap, "Key person leaves", 2, 2)
    threat(roadmap, "Supplier fails", 4, 5, owner=lead, initiatives=[cloud])
    threat(roadmap, "Staff resist", 3, 4, mitigation="Champions in every team.")
    threat(roadmap, "Budget cut", 5, 4, status="closed")
    page = signed_in(client, viewer).get(url("risks", roadmap))
    # Highest score first; of two scoring 20, the more likely first.
    assert listed(page) == ["Budget cut", "Supplier fails", "Staff resist", "Key person leaves"]
    text = html.unescape(page.text)
    assert "<svg" in text and 'data-likelihood="4" data-impact="5"' in text
    assert "4 risks: 2 high, 1 medium and 1 low." in text
    assert (table_cell(page, 5, 4), table_cell(page, 4, 3), table_cell(page, 1, 1)) == (
        "1",
        "1",
        "0",
    )
    assert ">High risk</span>" in text and ">Low risk</span>" in text
    assert "Score 20 of 25: likely (4) \u00d7 severe (5)" in text
    assert f"Owner: {lead.get_full_name() or lead.get_username()}" in text
    assert "No owner yet" in text
    assert "Mitigation:</strong> Champions in every team." in text
    assert f'<a href="{cloud.get_absolute_url()}">Cloud hosting</a>' in text
    # The open high risk with no mitigation is flagged; the closed one is not.
    assert text.count("A high risk with no mitigation") == 1
    assert "1 high risk has no mitigation." in text
    assert "Add a risk" not in text


def test_the_initiatives_page_lists_the_risks_to_it_both_ways(client, viewer, roadmap):
    cloud, skills = plan(roadmap), plan(roadmap, "Skills")
    supplier = threat(roadmap, "Supplier fails", 4, 5, initiatives=[cloud])
    threat(roadmap, "Trainers leave", 2, 2, initiatives=[skills])
    text = signed_in(client, viewer).get(cloud.get_absolute_url()).text
    section = text.split('id="risks"')[1].split("</section>")[0]
    assert f'<a href="{supplier.get_absolute_url()}">Supplier fails</a>' in section
    assert "High risk" in section and "No mitigation yet." in section
    assert "Trainers leave" not in section
    risks_page = client.get(url("risks", roadmap)).text
    assert f'<a href="{cloud.get_absolute_url()}">Cloud hosting</a>' in risks_page


def test_another_agencys_risks_are_not_found(client, editor, other_roadmap):
    theirs = threat(other_roadmap, "Their secret")
    signed_in(client, editor)
    for response in (
        client.get(url("risks", other_roadmap)),
        client.get(theirs.change_url),
        client.post(theirs.change_url, form_data(title="Taken")),
        client.post(theirs.delete_url),
    ):
        assert response.status_code == 404
        assert "Their secret" not in response.text
    assert Risk.objects.get().title == "Their secret"


def test_a_viewer_cannot_write(client, viewer, roadmap):
    risk = threat(roadmap, "Supplier fails")
    signed_in(client, viewer)
    assert client.post(url("risk-create", roadmap), form_data(title="New")).status_code == 403
    assert client.post(risk.change_url, form_data(title="Changed")).status_code == 403
    assert client.post(risk.delete_url).status_code == 403
    assert list(Risk.objects.values_list("title", flat=True)) == ["Supplier fails"]


def test_the_page_costs_the_same_with_ten_times_the_risks(client, editor, lead, roadmap):
    signed_in(client, editor)

    def grow(count):
        start = roadmap.risks.count()
        for n in range(count):
            initiative = plan(roadmap, f"Initiative {start + n}")
            threat(roadmap, f"Risk {start + n}", n % 5 + 1, 5, owner=lead, initiatives=[initiative])

    grow(3)
    small, _ = count_queries(client, url("risks", roadmap))
    grow(27)
    large, text = count_queries(client, url("risks", roadmap))
    assert large == small
    assert text.count('class="ordered-item"') == 30


# Adding, changing, deleting ---------------------------------------------------------


def test_a_risk_is_added_on_demand_in_place_with_its_initiatives(client, editor, roadmap):
    cloud = plan(roadmap)
    signed_in(client, editor)
    page = client.get(url("risks", roadmap)).text
    assert 'name="title"' not in page and ">Add a risk</a>" in page
    opened = client.get(url("risk-create", roadmap), headers={**HTMX, "HX-Target": "risks"})
    assert opened.text.lstrip().startswith('<section aria-labelledby="risks-heading"')
    assert 'name="likelihood"' in opened.text
    # Nothing is judged for the person: no likelihood or impact is chosen yet.
    assert not re.search(r'name="(likelihood|impact)"[^>]*checked', opened.text)
    added = client.post(
        url("risk-create", roadmap), form_data(initiatives=[str(cloud.pk)]), headers=HTMX
    )
    assert added.text.lstrip().startswith('<section aria-labelledby="risks-heading"')
    assert "Risk added: Supplier fails" in in_place_banner(added)
    assert "1 risk: 1 high, 0 medium and 0 low." in added.text  # the heat map follows
    risk = Risk.objects.get()
    assert (risk.score, list(risk.initiatives.all())) == (20, [cloud])


def test_without_javascript_adding_lands_back_on_the_list(client, editor, roadmap):
    response = signed_in(client, editor).post(url("risk-create", roadmap), form_data())
    assert response["Location"] == f"{url('risks', roadmap)}#risks"
    assert Risk.objects.get().title == "Supplier fails"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Enter a title"),
        ({"likelihood": ""}, "likelihood", "Choose the likelihood, from 1 to 5"),
        ({"impact": "6"}, "impact", "Enter an impact between 1 and 5."),
        ({"likelihood": "0"}, "likelihood", "Enter a likelihood between 1 and 5."),
        ({"status": "forgotten"}, "status", "Select a valid choice"),
        ({"owner": "999999"}, "owner", "Choose a member of your agency"),
        ({"initiatives": ["999999"]}, "initiatives", "Choose initiatives of this roadmap"),
        ({"title": "x" * 201}, "title", "200 characters or fewer"),
    ],
)
def test_bad_input_is_shown_beside_its_field_and_what_was_typed_stays(
    client, editor, roadmap, changes, field, message
):
    data = form_data(**{"mitigation": "Typed <b>carefully</b>", **changes})
    response = signed_in(client, editor).post(url("risk-create", roadmap), data)
    assert response.status_code == 200
    page = FormPage(response)
    assert page.error(field).count(message) == 1
    assert page.value("mitigation") == "Typed <b>carefully</b>"
    assert not Risk.objects.exists()


def test_a_risk_is_changed_in_place_and_deleted_after_a_question(client, editor, roadmap):
    cloud = plan(roadmap)
    risk = threat(roadmap, "Supplier fails", 4, 5, initiatives=[cloud])
    signed_in(client, editor)
    opened = client.get(risk.change_url, headers={**HTMX, "HX-Target": "risks"})
    assert f'id="change-risk-{risk.pk}-title"' in opened.text
    assert f'value="{cloud.pk}"' in opened.text and "checked" in opened.text
    data = form_data(
        mitigation="A second supplier on standby.",
        initiatives=[],
        revision=str(risk.revision),
    )
    saved = client.post(risk.change_url, data, headers=HTMX)
    assert "Risk saved: Supplier fails" in in_place_banner(saved)
    assert "A high risk with no mitigation" not in saved.text
    risk.refresh_from_db()
    assert risk.mitigation == "A second supplier on standby."
    assert not risk.initiatives.exists()
    question = client.get(risk.delete_url, headers={**HTMX, "HX-Target": f"risk-{risk.pk}"})
    assert "Delete the risk “Supplier fails”?" in question.text
    gone = client.post(risk.delete_url, headers=HTMX)
    assert "Risk deleted: Supplier fails" in in_place_banner(gone)
    assert not Risk.objects.exists()


def test_each_risk_changes_and_deletes_itself(client, editor, roadmap):
    """The rows' addresses are made once for the list (selectors/addresses.py):
    each still names its own risk."""
    risks = [threat(roadmap, f"Risk {n}", 1 + n, 1 + n) for n in range(3)]
    text = signed_in(client, editor).get(url("risks", roadmap)).text
    for risk in risks:
        row = text.split(f'id="risk-{risk.pk}"')[1].split("</li>")[0]
        assert f'href="{risk.change_url}" hx-get="{risk.change_url}"' in row
        assert f'href="{risk.delete_url}" hx-get="{risk.delete_url}"' in row
