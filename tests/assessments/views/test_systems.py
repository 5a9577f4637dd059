"""The systems inventory: a table of every field, filters in the address, counts by
lifecycle decision and hosting; added, changed in its row and deleted after a
question, with htmx and as plain pages; bad input said beside its field with
nothing saved and nothing typed lost; the downloads."""

import html
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from assessments.models import System
from tests.helpers import HTMX, MARKUP, count_queries, in_place_banner, signed_in
from tests.html import FormPage

from ..factories import aurl, make_gap, make_system

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "name": "Payroll",
        "purpose": "Pay for staff",
        "business_owner": "Head of HR",
        "hosting": "saas",
        "main_technology": "Hosted service",
        "year_introduced": "2015",
        "lifecycle": "tolerate",
        "condition": "4",
        "criticality": "high",
        "data_classification": "restricted",
        "user_count": "30",
        "annual_cost": "95000",
    }
    data.update(changes)
    return data


def test_the_page_shows_every_field_and_the_counts(client, viewer, roadmap):
    make_system(
        roadmap,
        "Mainframe",
        purpose="Council tax accounts",
        business_owner="Head of Revenues",
        main_technology="COBOL on z/OS",
        year_introduced=1978,
        condition=2,
        criticality="critical",
        data_classification="confidential",
        user_count=140,
        annual_cost=Decimal("820000"),
    )
    make_system(roadmap, "Payroll", hosting="saas", lifecycle="tolerate")
    text = html.unescape(signed_in(client, viewer).get(aurl("systems", roadmap)).text)
    for shown in (
        "Council tax accounts",
        "Head of Revenues",
        "COBOL on z/OS",
        "1978",
        "2 of 5",
        "Critical",
        "Confidential data",
        "140",
        "£820,000",
        "Software as a service (SaaS)",
    ):
        assert shown in text, shown
    lifecycle = text.split("Systems by lifecycle decision")[1].split("</table>")[0]
    assert 'Migrate</a></th><td class="numeric">1' in lifecycle
    assert 'Tolerate</a></th><td class="numeric">1' in lifecycle
    hosting = text.split("Systems by hosting")[1].split("</table>")[0]
    assert 'On premises</a></th><td class="numeric">1' in hosting
    assert 'Hybrid</a></th><td class="numeric">0' in hosting
    assert "Add a system" not in text  # a viewer reads


def test_filters_in_the_address_narrow_the_list_but_not_the_counts(client, viewer, roadmap):
    make_system(roadmap, "Mainframe", lifecycle="migrate", criticality="critical")
    make_system(roadmap, "Payroll", hosting="saas", lifecycle="tolerate")
    make_system(roadmap, "Cemeteries", lifecycle="eliminate", criticality="low")
    signed_in(client, viewer)
    page = client.get(aurl("systems", roadmap) + "?lifecycle=migrate&criticality=critical")
    rows = page.text.split("<tbody>")[-1]
    assert "Mainframe" in rows and "Payroll" not in rows and "Cemeteries" not in rows
    assert "1 system matches." in page.text
    assert "(3 systems)" in page.text
    # An unknown value is ignored: the list shows everything.
    page = client.get(aurl("systems", roadmap) + "?hosting=the-moon")
    assert "3 systems." in page.text
    # With htmx, the section alone.
    fragment = client.get(
        aurl("systems", roadmap) + "?hosting=saas", headers={**HTMX, "HX-Target": "systems"}
    )
    assert fragment.text.lstrip().startswith('<section aria-labelledby="systems-heading"')
    assert "Payroll" in fragment.text and "Mainframe" not in fragment.text.split("<tbody>")[-1]


def test_an_editor_adds_a_system_with_htmx(client, editor, roadmap):
    signed_in(client, editor)
    opened = client.get(aurl("system-create", roadmap), headers={**HTMX, "HX-Target": "systems"})
    assert 'id="add-system-heading"' in opened.text
    response = client.post(aurl("system-create", roadmap), form_data(), headers=HTMX)
    assert response.status_code == 200
    assert in_place_banner(response) == "System added: Payroll"
    system = System.objects.get()
    assert (system.year_introduced, system.annual_cost, system.condition) == (
        2015,
        Decimal("95000"),
        4,
    )
    assert system.updated_by == editor
    assert f'id="system-{system.pk}"' in response.text


def test_without_javascript_adding_is_a_page_then_the_list(client, editor, roadmap):
    signed_in(client, editor)
    assert client.get(aurl("system-create", roadmap)).status_code == 200
    response = client.post(aurl("system-create", roadmap), form_data())
    assert response["Location"] == aurl("systems", roadmap) + "#systems"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"year_introduced": "1949"}, "year_introduced", "1949 is before the first computers"),
        ({"year_introduced": "2999"}, "year_introduced", "2999 is in the future"),
        ({"year_introduced": "nineteen"}, "year_introduced", "Enter the year as 4 numbers"),
        ({"annual_cost": "-5"}, "annual_cost", "a running cost cannot be negative"),
        ({"hosting": "the-moon"}, "hosting", "Choose how it is hosted from the list."),
        ({"name": ""}, "name", "Enter the system's name."),
        ({"condition": "9"}, "condition", "Choose the condition, from 1 (poor) to 5"),
    ],
)
def test_bad_input_is_said_beside_its_field_and_nothing_is_saved(
    client, editor, roadmap, changes, field, message
):
    data = form_data(purpose=MARKUP, **changes)
    page = FormPage(signed_in(client, editor).post(aurl("system-create", roadmap), data))
    assert page.response.status_code == 200
    assert message in page.error(field)
    assert page.summary().startswith("There is 1 problem with what you entered")
    assert message in page.summary()
    assert page.value("purpose") == " ".join(MARKUP.split())  # kept, and escaped
    assert "<script>alert" not in page.response.text
    assert not System.objects.exists()


def test_changing_in_its_row_and_deleting_after_a_question(client, editor, roadmap):
    system = make_system(roadmap, "Mainframe")
    signed_in(client, editor)
    opened = client.get(system.change_url, headers={**HTMX, "HX-Target": f"system-{system.pk}"})
    assert opened.text.lstrip().startswith('<tr class="inline-change"')
    saved = client.post(system.change_url, form_data(name="Mainframe", revision="1"), headers=HTMX)
    assert in_place_banner(saved) == "System saved: Mainframe"
    assert System.objects.get().hosting == "saas"
    question = client.get(system.delete_url, headers={**HTMX, "HX-Target": f"system-{system.pk}"})
    assert "Delete the system “Mainframe”?" in html.unescape(question.text)
    deleted = client.post(system.delete_url, headers=HTMX)
    assert in_place_banner(deleted) == "System deleted: Mainframe"
    assert not System.objects.exists()


@pytest.mark.parametrize(("found", "said"), [(1, "The gap"), (2, "The 2 gaps")])
def test_the_delete_question_says_the_gaps_found_in_a_system_stay(
    client, editor, roadmap, found, said
):
    system = make_system(roadmap, "Mainframe", lifecycle="migrate")
    for n in range(found):
        make_gap(roadmap, f"Gap {n}", source="system", system=system)
    question = signed_in(client, editor).get(system.delete_url).text
    assert f"{said} found in it will stay, without it." in html.unescape(question)


def test_another_agencys_systems_are_not_found(client, editor, other_roadmap):
    theirs = make_system(other_roadmap, "Their secret")
    signed_in(client, editor)
    for response in (
        client.get(aurl("systems", other_roadmap)),
        client.get(theirs.change_url),
        client.post(theirs.change_url, form_data()),
        client.post(theirs.delete_url),
        client.get(aurl("inventory-download", other_roadmap, table="systems", file_format="csv")),
    ):
        assert response.status_code == 404
        assert "Their secret" not in response.text
    assert System.objects.get().name == "Their secret"


def test_a_viewer_cannot_write(client, viewer, roadmap):
    system = make_system(roadmap)
    signed_in(client, viewer)
    assert client.post(aurl("system-create", roadmap), form_data()).status_code == 403
    assert client.post(system.change_url, form_data()).status_code == 403
    assert client.post(system.delete_url).status_code == 403
    assert client.put(aurl("systems", roadmap)).status_code == 405
    assert System.objects.count() == 1


def test_the_page_costs_the_same_with_ten_times_the_systems(client, viewer, roadmap):
    signed_in(client, viewer)
    for n in range(3):
        make_system(roadmap, f"System {n}", annual_cost=Decimal(n))
    few, _ = count_queries(client, aurl("systems", roadmap))
    for n in range(3, 30):
        make_system(roadmap, f"System {n}", hosting="hybrid", lifecycle="invest")
    many, text = count_queries(client, aurl("systems", roadmap))
    assert "(30 systems)" in text
    assert few == many, f"{few} queries with 3 systems, {many} with 30"


def test_the_downloads_hold_every_field_with_formulas_made_text(client, viewer, roadmap):
    make_system(
        roadmap,
        '=HYPERLINK("http://evil")',
        year_introduced=1978,
        annual_cost=Decimal("820000.50"),
        user_count=140,
    )
    signed_in(client, viewer)
    csv = client.get(aurl("inventory-download", roadmap, table="systems", file_format="csv"))
    assert csv["Content-Disposition"] == 'attachment; filename="digital-2026-systems.csv"'
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith(
        "Name,Purpose,Business owner,Hosting,Main technology,Year introduced"
    )
    assert lines[1].startswith('"\'=HYPERLINK(""http://evil"")",')
    assert (
        ",On premises,," in lines[1] and ",1978,Migrate,3,High,Internal,140,820000.50" in lines[1]
    )
    xlsx = client.get(aurl("inventory-download", roadmap, table="systems", file_format="xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.title == "Systems"
    row = [cell.value for cell in sheet[2]]
    assert row[0] == '\'=HYPERLINK("http://evil")'
    assert row[5] == 1978 and row[10] == 140
    assert (
        client.get(
            aurl("inventory-download", roadmap, table="secrets", file_format="csv")
        ).status_code
        == 404
    )
