"""Importing a roadmap's initiatives, milestones and risks from a spreadsheet:
who may, the preview (added, updated, unchanged), the apply in one transaction,
a bad row importing nothing, a stale preview refused, and a download imported
back unchanged."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from roadmap.models import Dependency, Initiative, Milestone, Risk
from roadmap.services.initiatives import dependency_add, initiative_create, initiative_update
from roadmap.services.milestones import milestone_create
from roadmap.services.risks import risk_create
from tests.helpers import MARKUP, signed_in, url
from ui.models import StagedImport

pytestmark = pytest.mark.django_db

HEADERS = "Title,Component,Start month,End month"
PREVIEW_BUDGET = 12


def plan(roadmap, title, **fields):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
        **fields,
    )


def csv_file(content: str, name: str = "plan.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ("\ufeff" + content).encode())


def upload(client, roadmap, content, table="initiative", name="plan.csv"):
    file = content if isinstance(content, SimpleUploadedFile) else csv_file(content, name)
    return client.post(url(f"{table}-import", roadmap), {"file": file})


def preview_of(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def apply(client, preview, **data):
    apply_url = preview.context["apply_url"]
    return client.post(apply_url, {"fingerprint": preview.context["plan"].fingerprint, **data})


def problems(response) -> list[str]:
    return [f"Row {p.line}: {p.message}" for p in response.context["problems"]]


def component(roadmap) -> str:
    return roadmap.components.first().name


# Who may ------------------------------------------------------------------------


IMPORT_ROUTES = ["initiative-import", "milestone-import", "risk-import"]


@pytest.mark.parametrize("route", IMPORT_ROUTES)
def test_editors_and_above_open_the_upload_page(client, editor, lead, roadmap, route):
    for person in (editor, lead):
        response = signed_in(client, person).get(url(route, roadmap))
        assert response.status_code == 200
        assert b'enctype="multipart/form-data"' in response.content


@pytest.mark.parametrize("route", IMPORT_ROUTES)
def test_a_viewer_may_not_import(client, viewer, roadmap, route):
    signed_in(client, viewer)
    assert client.get(url(route, roadmap)).status_code == 403
    response = client.post(
        url(route, roadmap), {"file": csv_file(f"{HEADERS}\nA,B,2026-04,2026-05")}
    )
    assert response.status_code == 403
    assert not StagedImport.objects.exists()


@pytest.mark.parametrize("route", IMPORT_ROUTES)
def test_another_agency_gets_404(client, outsider, roadmap, route):
    signed_in(client, outsider)
    assert client.get(url(route, roadmap)).status_code == 404
    assert client.get(url(f"{route}-template", roadmap, file_format="csv")).status_code == 404


def test_signing_in_comes_first(client, roadmap):
    response = client.get(url("initiative-import", roadmap))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_wrong_methods_are_refused(client, editor, roadmap):
    signed_in(client, editor)
    preview_of(
        client, upload(client, roadmap, f"{HEADERS}\nA,{component(roadmap)},2026-04,2026-05")
    )
    assert client.get(url("initiative-import-apply", roadmap)).status_code == 405
    assert client.get(url("initiative-import-cancel", roadmap)).status_code == 405
    preview = url("initiative-import-preview", roadmap)
    assert client.post(preview).status_code == 405


def test_only_the_uploader_sees_or_applies_the_staged_import(client, editor, lead, roadmap):
    signed_in(client, editor)
    preview = preview_of(
        client, upload(client, roadmap, f"{HEADERS}\nA,{component(roadmap)},2026-04,2026-05")
    )
    signed_in(client, lead)
    assert client.get(preview.request["PATH_INFO"]).status_code == 404
    assert apply(client, preview).status_code == 404
    assert not Initiative.objects.exists()


def test_a_staged_import_of_another_table_or_roadmap_is_not_found(client, editor, roadmap):
    signed_in(client, editor)
    preview = preview_of(
        client, upload(client, roadmap, f"{HEADERS}\nA,{component(roadmap)},2026-04,2026-05")
    )
    assert preview.status_code == 200
    assert client.get(url("risk-import-preview", roadmap)).status_code == 404


# The page -----------------------------------------------------------------------


def test_the_upload_page_documents_every_column_and_offers_templates(client, editor, roadmap):
    response = signed_in(client, editor).get(url("initiative-import", roadmap))
    page = response.content.decode()
    for header in ("Title", "Component", "Start month", "Depends on", "Capital cost (GBP)"):
        assert f'<th scope="row">{header}</th>' in page
    assert "Priority score (0-100)" in page  # said to be ignored
    assert url("initiative-import-template", roadmap, file_format="csv") in page
    template = client.get(url("initiative-import-template", roadmap, file_format="csv"))
    header = template.content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Title,Component,Objectives served,Owner,Sponsor,Start month")
    assert "Priority score" not in header
    xlsx = client.get(url("initiative-import-template", roadmap, file_format="xlsx"))
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")


def test_the_lists_link_to_their_import_for_editors_only(client, editor, viewer, roadmap):
    for route, table in (("initiatives", "initiative"), ("milestones", "milestone")):
        page = signed_in(client, editor).get(url(route, roadmap)).content.decode()
        assert url(f"{table}-import", roadmap) in page
        page = signed_in(client, viewer).get(url(route, roadmap)).content.decode()
        assert url(f"{table}-import", roadmap) not in page
    page = signed_in(client, editor).get(url("risks", roadmap)).content.decode()
    assert url("risk-import", roadmap) in page


def test_the_template_file_imports_as_it_is(client, editor, lead, roadmap):
    """The example row of each template names what the demo of a roadmap has."""
    signed_in(client, editor)
    lead.email = "lead@example.gov"
    lead.save()
    template = client.get(url("risk-import-template", roadmap, file_format="csv"))
    preview = preview_of(
        client, upload(client, roadmap, template.content.decode("utf-8-sig"), "risk")
    )
    assert preview.context["plan"].count("add") == 1


# Preview and apply --------------------------------------------------------------


def test_preview_counts_added_updated_and_unchanged_then_apply_imports(client, editor, roadmap):
    cloud = plan(roadmap, "Cloud hosting")
    plan(roadmap, "Data platform", status="in_progress")
    name = component(roadmap)
    content = (
        "Title,Component,Start month,End month,Status,Capital cost (GBP)\n"
        f"cloud hosting,{name},2026-04,2027-03,Planned,\n"  # same title in another case: update
        f"Data platform,{name},2026-04,2027-03,In progress,\n"  # unchanged
        f'New website,{name},April 2026,2026-09,proposed,"£12,500"\n'
    )
    signed_in(client, editor)
    preview = preview_of(client, upload(client, roadmap, content))
    plan_ = preview.context["plan"]
    assert [(r.line, r.action) for r in plan_.rows] == [(2, "update"), (3, "unchanged"), (4, "add")]
    assert plan_.rows[0].changes == ("Title",)
    assert "To add (1)" in preview.content.decode()
    assert not Initiative.objects.filter(title="New website").exists()  # nothing yet

    response = apply(client, preview)
    assert response.status_code == 302 and response["Location"] == url("initiatives", roadmap)
    banner = client.get(response["Location"]).content.decode()
    assert "Imported 3 initiatives: 1 added, 1 updated, 1 unchanged" in banner
    cloud.refresh_from_db()
    assert cloud.title == "cloud hosting" and cloud.revision == 2
    new = Initiative.objects.get(title="New website")
    assert (new.start_month, new.end_month, new.status) == (
        date(2026, 4, 1),
        date(2026, 9, 1),
        "proposed",
    )
    assert new.capital_cost == Decimal("12500") and new.updated_by == editor
    assert not StagedImport.objects.exists()


def test_cancel_imports_nothing_and_forgets_the_file(client, editor, roadmap):
    signed_in(client, editor)
    preview = preview_of(
        client, upload(client, roadmap, f"{HEADERS}\nA,{component(roadmap)},2026-04,2026-05")
    )
    response = client.post(preview.context["cancel_url"])
    assert response.status_code == 302
    assert "Import cancelled" in client.get(response["Location"]).content.decode()
    assert not StagedImport.objects.exists() and not Initiative.objects.exists()


def test_names_resolve_to_the_roadmaps_things_and_members(client, editor, lead, roadmap):
    objective = roadmap.objectives.get()
    lead.first_name, lead.last_name = "Lee", "Lead"
    lead.save()
    plan(roadmap, "Cloud hosting")
    content = (
        "Title,Component,Objectives served,Owner,Sponsor,Start month,End month,Depends on\n"
        f"Data platform,{component(roadmap)},services ONLINE,lee lead,"
        '"Sam Jones, Chief Digital Officer, Treasury",2026-06,2027-06,Cloud hosting\n'
        f"Website,{component(roadmap)},,{editor.email},{lead.username},2026-06,2027-06,"
        "Data platform; cloud hosting\n"
    )
    signed_in(client, editor)
    apply(client, preview_of(client, upload(client, roadmap, content)))
    data = Initiative.objects.get(title="Data platform")
    assert list(data.objectives.all()) == [objective]
    assert data.owner == lead and data.sponsor is None
    assert (data.sponsor_name, data.sponsor_role, data.sponsor_organisation) == (
        "Sam Jones",
        "Chief Digital Officer",
        "Treasury",
    )
    website = Initiative.objects.get(title="Website")
    assert website.owner == editor and website.sponsor == lead
    assert {d.prerequisite.title for d in website.dependencies.all()} == {
        "Data platform",
        "Cloud hosting",
    }


# Bad rows: each listed, nothing imported ----------------------------------------


def test_every_bad_row_is_listed_and_nothing_is_imported(client, editor, roadmap):
    name = component(roadmap)
    content = (
        "Title,Component,Start month,End month,RAG,Owner,Objectives served,Status\n"
        f"Good one,{name},2026-04,2026-05,Green,,,\n"
        f"Backwards,{name},2026-09,2026-05,Green,,,\n"
        f"Amber,{name},2026-04,2026-05,Amber,,,\n"
        "Nowhere,Space programme,2026-04,2026-05,,,,\n"
        f"Stranger,{name},2026-04,2026-05,,nobody@example.gov,Cure everything,\n"
        f"Good one,{name},2026-04,2026-05,,,,Finished\n"
        f"Too late,{name},2101-01,2101-02,,,,\n"
    )
    response = upload(signed_in(client, editor), roadmap, content)
    assert response.status_code == 200
    found = problems(response)
    assert found[0] == "Row 3: End month: The end month must be the start month or after it."
    assert found[1] == "Row 4: RAG reason: Say why it is amber. Say what is wrong, in one line."
    assert found[2].startswith("Row 5: Component: no component is called “Space programme”")
    assert (
        found[3]
        == "Row 6: Objectives served: this roadmap has no objective called “Cure everything”."
    )
    assert found[4] == "Row 6: Owner: no member of your agency is called “nobody@example.gov”."
    assert found[5].startswith(
        "Row 7: Status: “Finished” is not one of the allowed values: Proposed"
    )
    # A row with a bad cell is still checked for the rest: every problem at once.
    assert found[6] == "Row 7: Title: “Good one” is also on row 2."
    assert any(p.startswith("Row 8: Start month:") for p in found)
    assert "Nothing was imported" in response.content.decode()
    assert not Initiative.objects.exists() and not StagedImport.objects.exists()


def test_hundreds_of_problems_are_listed_up_to_two_hundred_then_counted(client, editor, roadmap):
    content = "Title,Likelihood,Impact\n" + "Risk,9,3\n" * 300
    response = upload(signed_in(client, editor), roadmap, content, "risk")
    page = response.content.decode()
    assert "Row 201: Likelihood (1-5): “9” is not a whole number from 1 to 5." in page
    assert "Row 202: Likelihood" not in page
    assert "And 100 more problems." in page
    assert not Risk.objects.exists()


def test_a_title_twice_in_the_file_is_refused(client, editor, roadmap):
    name = component(roadmap)
    content = f"{HEADERS}\nCloud,{name},2026-04,2026-05\nCLOUD,{name},2026-04,2026-05\n"
    response = upload(signed_in(client, editor), roadmap, content)
    assert problems(response) == ["Row 3: Title: “CLOUD” is also on row 2."]


def test_a_circle_of_dependencies_is_refused_on_the_row_that_closes_it(client, editor, roadmap):
    cloud = plan(roadmap, "Cloud hosting")
    data = plan(roadmap, "Data platform")
    dependency_add(initiative=data, prerequisite=cloud)
    name = component(roadmap)
    content = (
        f"{HEADERS},Depends on\n"
        f"Website,{name},2026-04,2026-05,Data platform\n"
        f"Cloud hosting,{name},2026-04,2027-03,Website\n"
    )
    response = upload(signed_in(client, editor), roadmap, content)
    assert problems(response) == [
        "Row 3: Depends on: This would make a circle of dependencies: “Cloud hosting” depends "
        "on “Website”, “Website” depends on “Data platform”, and “Data platform” depends on "
        "“Cloud hosting”."
    ]
    assert Dependency.objects.count() == 1 and Initiative.objects.count() == 2


def test_a_wrong_header_names_what_is_missing_and_unknown(client, editor, roadmap):
    response = upload(signed_in(client, editor), roadmap, "Title,Colour\nCloud,red\n")
    assert response.status_code == 200
    message = response.context["file_error"]
    assert "“Component”, “Start month” and “End month” columns" in message
    assert "“Colour”" in message


def test_no_file_and_a_pdf_are_refused_with_a_message(client, editor, roadmap):
    signed_in(client, editor)
    response = client.post(url("initiative-import", roadmap), {})
    assert response.context["file_error"] == "Choose a CSV or Excel (XLSX) file to upload."
    pdf = SimpleUploadedFile("plan.csv", b"%PDF-1.7 binary")
    response = client.post(url("initiative-import", roadmap), {"file": pdf})
    assert "It is a PDF document." in response.context["file_error"]
    assert 'class="field__error"' in response.content.decode()


def test_a_file_over_the_cap_is_refused_without_reading_it_all(
    client, editor, roadmap, monkeypatch
):
    from roadmap.views.imports import initiative_import

    monkeypatch.setattr(initiative_import, "max_bytes", 1024 * 1024)
    content = f"{HEADERS}\n" + f"A,{component(roadmap)},2026-04,2026-05\n" * 40_000
    response = upload(signed_in(client, editor), roadmap, content)
    assert response.context["file_error"] == (
        "The file is larger than 1 MB, the largest one import takes. Split it into smaller files."
    )
    assert not StagedImport.objects.exists()


def test_the_upload_still_checks_csrf(editor, roadmap):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    content = f"{HEADERS}\nA,{component(roadmap)},2026-04,2026-05\n"
    assert upload(client, roadmap, content).status_code == 403
    page = client.get(url("initiative-import", roadmap))
    token = page.cookies["csrftoken"].value
    response = client.post(
        url("initiative-import", roadmap),
        {"csrfmiddlewaretoken": token, "file": csv_file(content)},
    )
    assert response.status_code == 302


def test_markup_and_formulas_are_stored_as_text_and_escaped(client, editor, roadmap):
    content = (
        f"{HEADERS},Summary\n"
        f'"{MARKUP.replace(chr(34), chr(34) * 2)}",{component(roadmap)},2026-04,2026-05,'
        '"=HYPERLINK(""http://evil.example"",""click"")"\n'
    )
    signed_in(client, editor)
    preview = preview_of(client, upload(client, roadmap, content))
    assert "<script>alert" not in preview.content.decode()
    assert "&lt;script&gt;alert" in preview.content.decode()
    apply(client, preview)
    initiative = Initiative.objects.get()
    assert initiative.title == MARKUP
    assert initiative.summary == '=HYPERLINK("http://evil.example","click")'
    download = client.get(url("plan-download", roadmap, table="initiatives", file_format="csv"))
    assert "'=HYPERLINK" in download.content.decode()


def test_a_failure_half_way_imports_nothing(client, editor, roadmap, monkeypatch):
    from roadmap.imports import initiatives as table
    from ui.concurrency import Refused

    name = component(roadmap)
    content = f"{HEADERS}\nFirst,{name},2026-04,2026-05\nSecond,{name},2026-04,2026-05\n"
    signed_in(client, editor)
    preview = preview_of(client, upload(client, roadmap, content))
    create = table.services.initiative_create

    def refuse_the_second(**fields):
        if fields["title"] == "Second":
            raise Refused("title", "Refused for the test.")
        return create(**fields)

    monkeypatch.setattr(table.services, "initiative_create", refuse_the_second)
    response = apply(client, preview)
    assert response.status_code == 200
    assert "Nothing was imported. Row 3: Refused for the test." in response.content.decode()
    assert not Initiative.objects.exists()
    assert StagedImport.objects.count() == 1  # it can be fixed and tried again


def test_a_change_after_the_preview_refuses_the_apply(client, editor, lead, roadmap):
    cloud = plan(roadmap, "Cloud hosting")
    content = f"{HEADERS},Status\nCloud hosting,{component(roadmap)},2026-04,2027-03,Done\n"
    signed_in(client, editor)
    preview = preview_of(client, upload(client, roadmap, content))
    initiative_update(initiative=cloud, status="on_hold", by=lead)  # meanwhile
    response = apply(client, preview)
    assert response.status_code == 200
    assert "changed after you saw the preview" in response.content.decode()
    cloud.refresh_from_db()
    assert cloud.status == "on_hold"
    again = apply(client, response)  # having looked at the new preview
    assert again.status_code == 302
    cloud.refresh_from_db()
    assert cloud.status == "done"


# Milestones and risks -----------------------------------------------------------


def test_milestones_import_by_title_within_their_initiative(client, editor, roadmap):
    cloud = plan(roadmap, "Cloud hosting")
    data = plan(roadmap, "Data platform")
    milestone_create(roadmap=roadmap, initiative=cloud, title="Go live", due_date=date(2026, 9, 1))
    content = (
        "Title,Initiative,Due,Done,Done on\n"
        "Go live,Cloud hosting,2026-09-01,Not done,\n"  # unchanged
        "Go live,Data platform,2026-11,Not done,\n"  # another initiative's: added
        "Roadmap agreed,,2026-01-15,Done,2026-01-20\n"
    )
    signed_in(client, editor)
    preview = preview_of(client, upload(client, roadmap, content, "milestone"))
    assert [r.action for r in preview.context["plan"].rows] == ["unchanged", "add", "add"]
    apply(client, preview)
    added = Milestone.objects.get(initiative=data)
    assert (added.due_date, added.due_precision) == (date(2026, 11, 1), "month")
    agreed = Milestone.objects.get(title="Roadmap agreed")
    assert agreed.initiative is None and agreed.done and agreed.done_on == date(2026, 1, 20)


def test_a_bad_milestone_says_why(client, editor, roadmap):
    content = (
        "Title,Initiative,Due,Done,Done on\n"
        "Go live,Nothing,2026-09-01,Not done,\n"
        "Agreed,,2026-01-15,Done,\n"
        "Soon,,2026-01-15,Perhaps,\n"
    )
    response = upload(signed_in(client, editor), roadmap, content, "milestone")
    assert problems(response) == [
        "Row 2: Initiative: this roadmap has no initiative called “Nothing”.",
        "Row 3: Done on: Enter the date it was done.",
        "Row 4: Done: “Perhaps” is not “Done” or “Not done”.",
    ]
    assert not Milestone.objects.exists()


def test_risks_import_with_their_initiatives_and_owner(client, editor, roadmap):
    cloud = plan(roadmap, "Cloud hosting")
    risk_create(roadmap=roadmap, title="Supplier fails", likelihood=2, impact=4)
    content = (
        "Title,Likelihood (1-5),Impact (1-5),Score,Level,Owner,Status,Mitigation,Initiatives\n"
        f"Supplier fails,2,4,8,Medium,,Being mitigated,Second supplier,\n"
        f"Skills gap,4,4,16,High,{editor.username},open,,Cloud hosting\n"
        "Cheap,0,9,0,,,,,\n"
    )
    signed_in(client, editor)
    response = upload(client, roadmap, content, "risk")
    assert problems(response) == [
        "Row 4: Likelihood (1-5): “0” is not a whole number from 1 to 5.",
        "Row 4: Impact (1-5): “9” is not a whole number from 1 to 5.",
    ]
    preview = preview_of(client, upload(client, roadmap, content.rsplit("Cheap", 1)[0], "risk"))
    assert [(r.action, r.changes) for r in preview.context["plan"].rows] == [
        ("update", ("Status", "Mitigation")),
        ("add", ()),
    ]
    apply(client, preview)
    skills = Risk.objects.get(title="Skills gap")
    assert skills.owner == editor and list(skills.initiatives.all()) == [cloud]
    assert Risk.objects.get(title="Supplier fails").status == "mitigating"


# A download, imported back, is unchanged ----------------------------------------


def full_plan(roadmap, lead, editor):
    objective = roadmap.objectives.get()
    cloud = plan(
        roadmap,
        "Cloud hosting",
        objectives=[objective],
        owner=lead,
        sponsor=editor,
        capital_cost=Decimal("1200000.50"),
        rag="amber",
        rag_reason="Supplier late",
        tags="cloud, =risky",
        summary="-starts with a minus; and a semicolon",
    )
    data = plan(
        roadmap, "Data platform", sponsor_name="Sam Jones", sponsor_role="CDO", status="done"
    )
    dependency_add(initiative=data, prerequisite=cloud)
    milestone_create(roadmap=roadmap, initiative=cloud, title="Go live", due_date=date(2026, 9, 1))
    milestone_create(
        roadmap=roadmap,
        title="Agreed",
        due_date=date(2026, 1, 1),
        due_precision="month",
        done=True,
        done_on=date(2026, 1, 20),
    )
    risk_create(
        roadmap=roadmap,
        title="Supplier fails",
        likelihood=4,
        impact=5,
        owner=lead,
        initiatives=[cloud, data],
        mitigation="=SUM(1)",
    )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("table", ["initiative", "milestone", "risk"])
def test_a_download_imports_back_unchanged(client, editor, lead, roadmap, table, file_format):
    lead.first_name, lead.last_name = "Lee", "Lead"
    lead.save()
    full_plan(roadmap, lead, editor)
    signed_in(client, editor)
    download = client.get(url("plan-download", roadmap, table=f"{table}s", file_format=file_format))
    file = SimpleUploadedFile(f"export.{file_format}", download.content)
    preview = preview_of(client, upload(client, roadmap, file, table))
    rows = preview.context["plan"].rows
    assert rows and all(row.action == "unchanged" for row in rows), [
        (row.label, row.changes) for row in rows
    ]


# Bounded queries ----------------------------------------------------------------


def preview_queries(client, roadmap, rows: int) -> int:
    name = component(roadmap)
    for n in range(rows):
        plan(roadmap, f"Existing {n}", owner=None)
    content = (
        f"{HEADERS},Depends on,Owner\n"
        + "".join(
            f"Existing {n},{name},2026-04,2027-03,{'Existing 0' if n else ''},\n"
            for n in range(rows)
        )
        + "".join(f"New {n},{name},2026-04,2026-05,,\n" for n in range(rows))
    )
    address = upload(client, roadmap, content)["Location"]
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_previews_queries_do_not_grow_with_the_rows(client, editor, roadmap, other_roadmap):
    signed_in(client, editor)
    few = preview_queries(client, roadmap, 3)
    Initiative.objects.all().delete()
    many = preview_queries(client, roadmap, 30)
    assert few == many, (few, many)
    # The session, user, agency switcher, membership, roadmap, the staged rows, and
    # the plan's own seven (components, objectives, members, initiatives and their
    # objectives and dependencies).
    assert many <= PREVIEW_BUDGET, many


def xlsx_file(rows: list[list]) -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("plan.xlsx", buffer.getvalue())


def test_an_xlsx_with_typed_dates_and_numbers_imports(client, editor, roadmap):
    rows = [
        ["Title", "Component", "Start month", "End month", "Per cent complete"],
        ["Cloud", component(roadmap), date(2026, 4, 1), date(2027, 3, 1), 40],
    ]
    signed_in(client, editor)
    apply(client, preview_of(client, upload(client, roadmap, xlsx_file(rows))))
    cloud = Initiative.objects.get()
    assert (cloud.start_month, cloud.end_month, cloud.percent_complete) == (
        date(2026, 4, 1),
        date(2027, 3, 1),
        40,
    )
