"""The plan as CSV and XLSX files: what each holds, text that a spreadsheet
would run as a formula kept as text, and who may download it."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from roadmap.services.initiatives import dependency_add, initiative_create
from roadmap.services.milestones import milestone_create
from roadmap.services.risks import risk_create
from tests.helpers import count_queries, signed_in, url

pytestmark = pytest.mark.django_db


def download(client, roadmap, file: str):
    table, _, file_format = file.partition(".")
    return client.get(url("plan-download", roadmap, table=table, file_format=file_format))


def plan(roadmap, title, **fields):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
        **fields,
    )


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheets read it as UTF-8
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_initiatives_as_csv_and_xlsx_hold_the_same_rows(client, viewer, lead, roadmap):
    objective = roadmap.objectives.get()
    cloud = plan(
        roadmap,
        "Cloud hosting",
        objectives=[objective],
        owner=lead,
        capital_cost=Decimal("1200000.50"),
    )
    retire = plan(roadmap, "Retire the old system", rag="amber", rag_reason="Supplier late")
    dependency_add(initiative=retire, prerequisite=cloud)
    signed_in(client, viewer)

    response = download(client, roadmap, "initiatives.csv")
    assert response["Content-Disposition"] == 'attachment; filename="digital-2026-initiatives.csv"'
    header, *rows = csv_rows(response)
    assert header[:7] == [
        "Title",
        "Component",
        "Objectives served",
        "Owner",
        "Sponsor",
        "Start month",
        "End month",
    ]
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_title["Cloud hosting"]["Objectives served"] == "Services online"
    assert by_title["Cloud hosting"]["Owner"] == (lead.get_full_name() or lead.get_username())
    assert by_title["Cloud hosting"]["Start month"] == "2026-04"
    assert by_title["Cloud hosting"]["Capital cost (GBP)"] == "1200000.50"
    assert by_title["Retire the old system"]["Depends on"] == "Cloud hosting"
    assert by_title["Retire the old system"]["RAG reason"] == "Supplier late"

    sheet = load_workbook(io.BytesIO(download(client, roadmap, "initiatives.xlsx").content)).active
    assert sheet.title == "Initiatives"
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == header
    assert {row[0] for row in values[1:]} == {"Cloud hosting", "Retire the old system"}


def test_text_a_spreadsheet_would_run_is_kept_as_text(client, viewer, roadmap):
    plan(roadmap, '=HYPERLINK("http://evil.example","Click")', summary="+1 555", tags="@sum(A1)")
    signed_in(client, viewer)
    header, row = csv_rows(download(client, roadmap, "initiatives.csv"))
    fields = dict(zip(header, row, strict=True))
    assert fields["Title"] == """'=HYPERLINK("http://evil.example","Click")"""
    assert fields["Summary"] == "'+1 555" and fields["Tags"] == "'@sum(A1)"
    sheet = load_workbook(io.BytesIO(download(client, roadmap, "initiatives.xlsx").content)).active
    title = sheet["A2"]
    assert title.data_type == "s" and title.value.startswith("'=")


def test_milestones_and_risks_download(client, viewer, roadmap):
    cloud = plan(roadmap, "Cloud hosting")
    milestone_create(
        roadmap=roadmap,
        title="Go live",
        due_date=date(2027, 3, 1),
        due_precision="month",
        initiative=cloud,
    )
    risk_create(
        roadmap=roadmap, title="Supplier fails", likelihood=4, impact=5, initiatives=[cloud]
    )
    signed_in(client, viewer)
    _, milestone = csv_rows(download(client, roadmap, "milestones.csv"))
    assert milestone[:4] == ["Go live", "Cloud hosting", "2027-03", "Not done"]
    _, risk = csv_rows(download(client, roadmap, "risks.csv"))
    assert risk[:5] == ["Supplier fails", "4", "5", "20", "High"]
    assert (
        load_workbook(io.BytesIO(download(client, roadmap, "risks.xlsx").content))
        .active["A2"]
        .value
        == "Supplier fails"
    )


def test_unknown_tables_and_formats_and_other_agencies_are_not_found(
    client, viewer, roadmap, other_roadmap
):
    signed_in(client, viewer)
    assert download(client, roadmap, "members.csv").status_code == 404
    assert download(client, roadmap, "initiatives.pdf").status_code == 404
    assert download(client, other_roadmap, "initiatives.csv").status_code == 404


def test_the_download_costs_the_same_with_ten_times_the_initiatives(client, viewer, lead, roadmap):
    signed_in(client, viewer)
    objective = roadmap.objectives.get()

    def grow(count):
        start = roadmap.initiatives.count()
        for n in range(count):
            plan(
                roadmap, f"Initiative {start + n}", owner=lead, sponsor=lead, objectives=[objective]
            )

    address = url("plan-download", roadmap, table="initiatives", file_format="csv")
    grow(3)
    small, _ = count_queries(client, address)
    grow(27)
    large, _ = count_queries(client, address)
    assert large == small
