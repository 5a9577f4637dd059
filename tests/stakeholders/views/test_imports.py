"""Importing the register from a spreadsheet: a download (with contact details)
imported back changes nothing; new rows are added and changed ones updated;
a bad row imports nothing and is reported by its line; editors only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stakeholders.models import Stakeholder
from tests.helpers import signed_in
from ui.models import StagedImport

from ..conftest import group
from ..helpers import address

pytestmark = pytest.mark.django_db

HEADERS = "Name,Kind,Level,Influence,Interest,Email,Lawful basis,Review date"


def upload(client, roadmap, content: bytes | str):
    data = content if isinstance(content, bytes) else ("\ufeff" + content).encode()
    return client.post(
        address("stakeholder-import", roadmap), {"file": SimpleUploadedFile("r.csv", data)}
    )


def preview_of(client, response):
    assert response.status_code == 302, response.content.decode()[:3000]
    return client.get(response["Location"])


def apply(client, preview):
    return client.post(
        preview.context["apply_url"], {"fingerprint": preview.context["plan"].fingerprint}
    )


def test_a_download_with_contact_details_imports_back_unchanged(client, roadmap, dana, editor):
    group(roadmap, members=[dana], tags=["frontline", "north"], notes="=SUM(A1)")
    signed_in(client, editor)
    before = list(Stakeholder.objects.order_by("pk").values())
    asked = client.post(address("register-download", roadmap, file_format="csv"))
    download = client.get(asked["Location"])
    preview = preview_of(client, upload(client, roadmap, download.content))
    plan = preview.context["plan"]
    assert [row.action for row in plan.rows] == ["unchanged", "unchanged"], plan.problems
    assert apply(client, preview).status_code == 302
    assert list(Stakeholder.objects.order_by("pk").values()) == before


def test_rows_are_added_and_updated_by_name(client, roadmap, dana, editor):
    content = "\n".join(
        [
            HEADERS,
            "dana whitfield,Person,Senior management,5,3,dana@example.gov,Public task,2030-01-01",
            "Residents,Group,Citizens and service users,2,3,,,",
        ]
    )
    signed_in(client, editor)
    preview = preview_of(client, upload(client, roadmap, content))
    assert [row.action for row in preview.context["plan"].rows] == ["update", "add"]
    assert apply(client, preview).status_code == 302
    dana.refresh_from_db()
    assert dana.influence == 5 and dana.name == "dana whitfield"  # the file's spelling wins
    assert roadmap.stakeholders.get(name="Residents").kind == "group"


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ("Sam,Person,Staff,7,3,,,", "Influence"),
        ("Sam,Person,Staff,3,3,sam@,Public task,2030-01-01", "not an email address"),
        ("Sam,Person,Staff,3,3,sam@example.gov,,2030-01-01", "Choose the lawful basis"),
        ("Team,Group,Staff,3,3,team@example.gov,Public task,2030-01-01", "A group has no contact"),
        ("Sam,Person,Nowhere,3,3,,,", "Level"),
    ],
)
def test_a_bad_row_imports_nothing_and_is_reported_by_line(client, roadmap, editor, row, said):
    content = "\n".join([HEADERS, "Good,Group,Staff,3,3,,,", row])
    response = upload(signed_in(client, editor), roadmap, content)
    text = response.content.decode()
    if response.status_code == 302:  # the domain's problems show on the preview
        text = client.get(response["Location"]).content.decode()
    assert "Row 3" in text or "row 3" in text
    assert said in text
    assert not Stakeholder.objects.exists()


def test_wrong_headers_are_refused(client, roadmap, editor):
    response = upload(signed_in(client, editor), roadmap, "Who,What\nA,B")
    assert response.status_code == 200 and "Name" in response.content.decode()
    assert not StagedImport.objects.exists() and not Stakeholder.objects.exists()


def test_the_upload_page_documents_the_columns_and_is_for_editors(
    client, roadmap, viewer, editor, outsider
):
    target = address("stakeholder-import", roadmap)
    assert signed_in(client, viewer).get(target).status_code == 403
    assert signed_in(client, outsider).get(target).status_code == 404
    page = signed_in(client, editor).get(target).content.decode()
    assert "Lawful basis" in page and "Relationship owner" in page and "matched by its name" in page
    template = client.get(address("stakeholder-import-template", roadmap, file_format="csv"))
    assert template.content.decode("utf-8-sig").startswith("Kind,Name,Role or title")


def test_a_person_with_a_name_only_is_added(client, roadmap, editor):
    signed_in(client, editor)
    preview = preview_of(
        client, upload(client, roadmap, "Name,Level,Influence,Interest\nPat,Staff,1,1")
    )
    apply(client, preview)
    assert roadmap.stakeholders.get().name == "Pat"
