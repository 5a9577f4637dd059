"""Importing the systems and processes inventories from a spreadsheet (the
pattern of ui/imports.py): who may, the columns documented, a preview of what is
added, updated and unchanged, every bad row listed with nothing imported, and a
download imported back unchanged."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Process, System
from tests.helpers import signed_in

from ..factories import aurl, make_process, make_system

pytestmark = pytest.mark.django_db

HEADERS = "Name,Hosting,Lifecycle decision,Business criticality,Year introduced,Annual running cost"


def upload(client, roadmap, content, table="system", name="inventory.csv"):
    file = (
        content
        if isinstance(content, SimpleUploadedFile)
        else SimpleUploadedFile(name, ("\ufeff" + content).encode())
    )
    return client.post(aurl(f"{table}-import", roadmap), {"file": file})


def preview_of(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def problems(response) -> list[str]:
    return [f"Row {p.line}: {p.message}" for p in response.context["problems"]]


@pytest.mark.parametrize("table", ["system", "process"])
def test_who_may_import(client, viewer, editor, outsider, roadmap, table):
    assert signed_in(client, viewer).get(aurl(f"{table}-import", roadmap)).status_code == 403
    assert signed_in(client, outsider).get(aurl(f"{table}-import", roadmap)).status_code == 404
    page = signed_in(client, editor).get(aurl(f"{table}-import", roadmap))
    assert page.status_code == 200
    assert (
        "Year introduced" in page.text if table == "system" else "Digitisation level" in page.text
    )


def test_the_inventory_pages_link_to_their_import_for_editors(client, viewer, editor, roadmap):
    link = aurl("system-import", roadmap)
    assert link not in signed_in(client, viewer).get(aurl("systems", roadmap)).text
    assert link in signed_in(client, editor).get(aurl("systems", roadmap)).text
    assert aurl("process-import", roadmap) in client.get(aurl("processes", roadmap)).text


def test_preview_then_apply_adds_and_updates(client, editor, roadmap):
    make_system(roadmap, "Mainframe", lifecycle="migrate", criticality="high")
    make_system(roadmap, "Payroll", hosting="saas", lifecycle="tolerate", criticality="high")
    content = (
        f"{HEADERS}\n"
        "mainframe,On premises,Eliminate,High,,\n"  # updated: matched by name, any case
        "Payroll,saas,tolerate,high,,\n"  # unchanged: values or labels
        'Cemeteries register,On premises,Eliminate,Low,1988,"1,500"\n'  # added
    )
    preview = preview_of(client, upload(signed_in(client, editor), roadmap, content))
    plan = preview.context["plan"]
    assert [(row.label, row.action) for row in plan.rows] == [
        ("mainframe", "update"),
        ("Payroll", "unchanged"),
        ("Cemeteries register", "add"),
    ]
    assert plan.rows[0].changes == ("Name", "Lifecycle decision")
    applied = client.post(preview.context["apply_url"], {"fingerprint": plan.fingerprint})
    assert applied.status_code == 302
    assert System.objects.get(name="mainframe").lifecycle == "eliminate"
    added = System.objects.get(name="Cemeteries register")
    assert (added.year_introduced, added.annual_cost) == (1988, Decimal("1500"))


def test_every_bad_row_is_listed_and_nothing_is_imported(client, editor, roadmap):
    content = (
        f"{HEADERS}\n"
        "Good,On premises,Migrate,High,1990,\n"
        "Ancient,On premises,Migrate,High,1949,\n"
        "Future,On premises,Migrate,High,2999,\n"
        "Moon base,The moon,Migrate,High,,\n"
        "Refund,SaaS,Invest,Low,,-5\n"
        "Good,On premises,Migrate,High,,\n"
    )
    response = upload(signed_in(client, editor), roadmap, content)
    assert response.status_code == 200
    found = problems(response)
    assert "Row 3: Year introduced: Enter a year from 1950 to" in found[0]
    assert "before the first computers" in found[0]
    assert "2999 is in the future" in found[1]
    assert found[2].startswith("Row 5: Hosting: “The moon” is not one of the allowed values")
    assert found[3].startswith("Row 6: Annual running cost:")
    assert found[4] == "Row 7: Name: “Good” is also on row 2."
    assert not System.objects.exists()


def test_wrong_headers_are_refused(client, editor, roadmap):
    response = upload(signed_in(client, editor), roadmap, "Nom,Hébergement\nA,B\n")
    assert response.status_code == 200
    assert not System.objects.exists()
    assert "Name" in response.content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("table", ["system", "process"])
def test_a_download_imports_back_unchanged(client, editor, roadmap, table, file_format):
    make_system(
        roadmap,
        "Mainframe",
        purpose="Council tax",
        business_owner="Head of Revenues",
        main_technology="COBOL",
        year_introduced=1978,
        condition=2,
        data_classification="confidential",
        user_count=140,
        annual_cost=Decimal("820000.50"),
    )
    make_system(roadmap, "Payroll", hosting="saas", lifecycle="tolerate")
    make_process(
        roadmap, "Parking permits", service="Parking", yearly_volume=18000, pain_points="Re-keyed."
    )
    make_process(roadmap, "Tax", channel="online", digitisation="online")
    signed_in(client, editor)
    plural = {"system": "systems", "process": "processes"}[table]
    download = client.get(
        aurl("inventory-download", roadmap, table=plural, file_format=file_format)
    )
    file = SimpleUploadedFile(f"export.{file_format}", download.content)
    preview = preview_of(client, upload(client, roadmap, file, table))
    rows = preview.context["plan"].rows
    assert len(rows) == 2
    assert all(row.action == "unchanged" for row in rows), [(r.label, r.changes) for r in rows]
    assert System.objects.count() == 2 and Process.objects.count() == 2
