"""Importing initiatives in a real browser: a CSV with a bad row lists the
problem by its row and imports nothing; the corrected file gives a preview,
and "Import" adds the rows and says so in the banner. Each page is axe-clean,
and the whole journey works without JavaScript too."""

from datetime import date

import pytest
from playwright.sync_api import expect

from roadmap.models import Component, Initiative
from roadmap.services.initiatives import initiative_create
from tests.e2e.conftest import assert_accessible, sign_in
from tests.helpers import url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def component(roadmap):
    # A transactional test flushes the seeded components: make one when there is none.
    return roadmap.components.first() or Component.objects.create(
        roadmap=roadmap, name="Technology adoption"
    )


def csv_file(rows: list[str]) -> dict:
    content = "\ufeff" + "\r\n".join(rows) + "\r\n"
    return {"name": "plan.csv", "mimeType": "text/csv", "buffer": content.encode()}


def import_journey(page, roadmap, component, *, check_axe: bool) -> None:
    initiative_create(
        roadmap=roadmap,
        title="Cloud hosting",
        component=component,
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )
    page.goto(url("initiatives", roadmap))
    page.get_by_role("link", name="Import initiatives from a spreadsheet").click()
    if check_axe:
        assert_accessible(page, "the upload page")

    header = "Title,Component,Start month,End month,Status"
    bad = [header, f"Data platform,{component.name},2026-06,2027-06,Planned",
           f"Website,{component.name},2026-09,2026-05,Finished"]  # fmt: skip
    page.get_by_label("File to upload", exact=True).set_input_files(csv_file(bad))
    page.get_by_role("button", name="Upload and preview").click()
    problems = page.get_by_role("alert")
    expect(problems).to_contain_text("Nothing was imported")
    expect(problems).to_contain_text("Row 3: Status: “Finished” is not one of the allowed values")
    if check_axe:
        assert_accessible(page, "the upload page with problems")
    assert not Initiative.objects.filter(title="Data platform").exists()

    good = [bad[0], bad[1], f"Website,{component.name},2026-09,2027-05,Proposed",
            f"Cloud hosting,{component.name},2026-04,2027-03,In progress"]  # fmt: skip
    page.get_by_label("File to upload", exact=True).set_input_files(csv_file(good))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="Check the import of initiatives")).to_be_visible()
    expect(page.get_by_role("heading", name="To add (2)")).to_be_visible()
    expect(page.get_by_role("heading", name="To update (1)")).to_be_visible()
    if check_axe:
        assert_accessible(page, "the preview")
    page.get_by_role("button", name="Import 3 initiatives").click()
    expect(page.locator("#notifications")).to_contain_text(
        "Imported 3 initiatives: 2 added, 1 updated, 0 unchanged"
    )
    assert Initiative.objects.get(title="Cloud hosting").status == "in_progress"
    assert Initiative.objects.filter(title__in=["Data platform", "Website"]).count() == 2


def test_a_bad_row_is_listed_then_the_fixed_file_is_previewed_and_imported(
    page, editor, roadmap, component
):
    sign_in(page, editor.username)
    import_journey(page, roadmap, component, check_axe=True)


def test_the_import_works_without_javascript(no_js_page, editor, roadmap, component):
    sign_in(no_js_page, editor.username)
    import_journey(no_js_page, roadmap, component, check_axe=False)
