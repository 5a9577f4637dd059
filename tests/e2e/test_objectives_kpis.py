"""Issue 3 in a real browser: an editor adds an objective, a KPI and two
measurements inline (htmx) and watches the KPI's status change; axe-core runs
on every page and state visited."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from roadmap.models import KPI, Measurement, Objective
from tests.e2e.conftest import assert_accessible, sign_in
from tests.helpers import url
from ui.formatting import MONTH_NAMES, format_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OBJECTIVE = "Decide licence applications faster"
KPI_NAME = "Applications decided within 10 days"


def fill_date(container, name: str, day: date) -> None:
    """Fill in the day, month and year boxes of the date input called `name`."""
    # "Baseline date" or "Baseline date (optional)", never "How precise is the baseline date".
    group = container.get_by_role("group", name=re.compile(rf"^{name}( \(optional\))?$"))
    group.get_by_label("Day", exact=True).fill(str(day.day))
    group.get_by_label("Month", exact=True).fill(str(day.month))
    group.get_by_label("Year", exact=True).fill(str(day.year))


def test_editor_adds_objective_kpi_and_measurements_and_sees_the_status(page, editor, roadmap):
    today = timezone.localdate()
    sign_in(page, editor.username)
    page.goto(url("objectives", roadmap))
    assert_accessible(page, "the objectives page")

    # An objective, added inline: "Add an objective" opens the form in the list.
    objectives = page.locator("#objectives")
    objectives.get_by_role("link", name="Add an objective").click()
    expect(objectives.get_by_role("heading", name="Add an objective")).to_be_focused()
    objectives.get_by_label("Title").fill(OBJECTIVE)
    objectives.get_by_role("button", name="Add objective").click()
    objective_link = page.get_by_role("link", name=OBJECTIVE, exact=True)
    objective_link.wait_for()
    expect(objective_link).to_be_focused()  # focus goes to what was added
    assert page.url.endswith(url("objectives", roadmap))  # no page load: htmx swapped it in

    objective_link.click()
    page.wait_for_url("**/objectives/*/")
    # Numbered in the roadmap's word: the roadmap already had one objective.
    assert page.get_by_role("heading", level=1).inner_text() == f"Objective 2: {OBJECTIVE}"
    assert_accessible(page, "the objective page")
    objective_url = page.url

    # A KPI, added inline: first with bad input, then right.
    page.get_by_role("link", name="Add a KPI").click()
    kpis = page.locator("#kpis")
    kpis.get_by_role("heading", name="Add a KPI").wait_for()
    kpis.get_by_label("Name").fill(KPI_NAME)
    kpis.get_by_label("Unit").fill("%")
    kpis.get_by_role("textbox", name="Baseline value").fill("forty")
    fill_date(kpis, "Baseline date", today - timedelta(days=300))
    kpis.get_by_role("textbox", name="Target value").fill("90")
    fill_date(kpis, "Target date", today - timedelta(days=400))
    kpis.get_by_role("button", name="Add KPI").click()
    summary = kpis.locator(".error-summary")
    summary.wait_for()
    expect(summary).to_contain_text("Enter the baseline value as a number")
    expect(summary).to_contain_text("The target date must be after the baseline date")
    assert kpis.get_by_label("Name").input_value() == KPI_NAME  # nothing typed is lost
    assert page.url == objective_url
    assert_accessible(page, "the objective page with KPI errors")
    assert not KPI.objects.exists()

    kpis.get_by_role("textbox", name="Baseline value").fill("40")
    fill_date(kpis, "Target date", today + timedelta(days=300))
    kpis.get_by_role("button", name="Add KPI").click()
    kpi_link = page.get_by_role("link", name=KPI_NAME, exact=True)
    kpi_link.wait_for()
    expect(page.locator("#kpis")).to_contain_text("No data")
    assert_accessible(page, "the objective page with a KPI")

    # Its page: no data yet, then two measurements added inline.
    kpi_link.click()
    page.wait_for_url("**/kpis/*/")
    status = page.locator(".kpi-status-line")
    expect(status).to_contain_text("No data")
    assert_accessible(page, "the KPI page")

    measurements = page.locator("#measurements")
    measurements.get_by_label("Value (%)").fill("66")
    fill_date(measurements, "Date", today - timedelta(days=2))
    measurements.get_by_role("button", name="Add measurement").click()
    expect(status).to_contain_text("On track")  # halfway in time, 26/50 of the change
    expect(page.locator("#notifications")).to_contain_text("Measurement added")

    measurements.get_by_label("Value (%)").fill("45")
    fill_date(measurements, "Date", today - timedelta(days=1))
    measurements.get_by_role("button", name="Add measurement").click()
    expect(status).to_contain_text("Off track")  # 5/50 of the change: far behind the line
    expect(page.locator(".measurement-table tbody tr")).to_have_count(2)
    assert_accessible(page, "the KPI page with measurements")

    kpi = KPI.objects.get(name=KPI_NAME)
    assert kpi.objective == Objective.objects.get(roadmap=roadmap, title=OBJECTIVE)
    assert list(Measurement.objects.filter(kpi=kpi).values_list("entered_by", flat=True)) == [
        editor.pk,
        editor.pk,
    ]
    assert kpi.assess().status == "off_track"

    # The objectives' page's summary says so too, and the overview's count of KPIs.
    page.goto(url("objectives", roadmap))
    expect(page.locator("#objectives")).to_contain_text("off track", ignore_case=True)
    page.goto(roadmap.get_absolute_url())
    expect(page.get_by_role("link", name="1 off track")).to_be_visible()


def test_goals_page_passes_axe(page, editor, roadmap):
    sign_in(page, editor.username)
    page.goto(roadmap.get_absolute_url())
    page.get_by_role("link", name=re.compile(r"^Your agency['\u2019]s goals$")).click()
    page.wait_for_url("**/goals/")
    assert_accessible(page, "the goals page")


def test_editor_changes_a_kpi_inline_and_sees_the_status_change(page, editor, roadmap):
    """The KPI row turns into its form, refuses a bad target in place, then saves
    a nearer target: the status is judged again and the focus returns to "Change"."""
    from tests.roadmap.kpi_factories import days_ago, make_kpi, measure, objective_url

    objective = roadmap.objectives.get()
    kpi = make_kpi(objective, name="Forms completed online")  # 0% to 100%, halfway today
    measure(kpi, days_ago(1), 20)  # far behind the line
    address = objective_url("objective-detail", objective)
    sign_in(page, editor.username)
    page.goto(address)
    row = page.locator(f"#kpi-{kpi.pk}")
    expect(row).to_contain_text("Off track")
    change = row.get_by_role("link", name="Change Forms completed online")

    change.click()
    heading = row.get_by_role("heading", name="Change the KPI \u201cForms completed online\u201d")
    expect(heading).to_be_focused()
    assert row.get_by_role("textbox", name="Target value").input_value() == "100"
    assert_accessible(page, "the KPI's inline form")

    row.get_by_role("textbox", name="Target value").fill("forty")
    row.get_by_role("button", name="Save KPI").click()
    summary = row.locator(".error-summary")
    expect(summary).to_contain_text("Enter the target value as a number")
    expect(summary).to_be_focused()
    assert row.get_by_role("textbox", name="Target value").input_value() == "forty"  # kept as typed
    assert page.url.endswith(address)  # no page load: htmx swapped it in
    assert_accessible(page, "the KPI's inline form with an error")
    kpi.refresh_from_db()
    assert kpi.target_value == 100

    row.get_by_role("textbox", name="Target value").fill("40")  # the line is now near 20% today
    row.get_by_role("button", name="Save KPI").click()
    expect(row).to_contain_text("On track")
    expect(page.locator("#notifications")).to_contain_text("KPI saved: Forms completed online")
    expect(change).to_be_focused()
    assert_accessible(page, "the objective page after the inline change")
    kpi.refresh_from_db()
    assert (kpi.target_value, kpi.assess().status) == (40, "on_track")


def test_editor_edits_and_deletes_objectives_in_place(page, editor, roadmap):
    """Edit one objective inline (a refused title first), then delete another inline
    (changing their mind once); the page never reloads and focus follows along."""
    kept = roadmap.objectives.get(title="Services online")
    doomed = Objective.objects.create(roadmap=roadmap, title="Paper forms retired", position=1)
    doomed_kpi = KPI.objects.create(
        objective=doomed,
        name="Paper forms in use",
        baseline_value=40,
        baseline_date=timezone.localdate() - timedelta(days=100),
        target_value=0,
        target_date=timezone.localdate() + timedelta(days=300),
        direction="lower",
    )
    Measurement.objects.create(kpi=doomed_kpi, value=35, date=timezone.localdate())
    sign_in(page, editor.username)
    page.goto(url("objectives", roadmap))
    roadmap_url = page.url
    announcer = page.locator("#notifications")

    # Edit "Services online" in its place: a blank title first, then a new one.
    page.get_by_role("link", name="Change Services online").click()
    editing = page.locator(f"#objective-{kept.pk}")
    heading = editing.get_by_role(
        "heading", name="Change the objective \u201cServices online\u201d"
    )
    expect(heading).to_be_focused()
    expect(editing.get_by_label("Title")).to_have_value("Services online")
    assert_accessible(page, "an objective open for editing in place")

    editing.get_by_label("Title").fill("")
    editing.get_by_label("Description").fill("Every high-volume service, end to end.")
    editing.get_by_role("button", name="Save objective").click()
    summary = editing.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Title: Enter a title.")
    expect(editing.get_by_label("Description")).to_have_value(
        "Every high-volume service, end to end."
    )  # nothing typed is lost
    assert_accessible(page, "the inline edit form with an error")
    assert Objective.objects.get(pk=kept.pk).title == "Services online"

    editing.get_by_label("Title").fill("All services online")
    editing.get_by_role("button", name="Save objective").click()
    expect(announcer).to_contain_text("Objective saved: All services online")
    expect(page.get_by_role("link", name="Change All services online")).to_be_focused()
    expect(page.locator("#objectives form[hx-post$='/edit/']")).to_have_count(0)
    assert page.url == roadmap_url  # no page load
    assert_accessible(page, "the list after saving in place")
    kept.refresh_from_db()
    assert (kept.title, kept.description) == (
        "All services online",
        "Every high-volume service, end to end.",
    )

    # Delete "Paper forms retired" in its place: "No, keep it" first, then "Yes".
    page.get_by_role("link", name="Delete Paper forms retired").click()
    question = page.locator(f"#objective-{doomed.pk} .confirm__question")
    expect(question).to_have_text(
        "Delete the objective \u201cPaper forms retired\u201d? Its 1 KPI and all its "
        "measurements will be deleted too, and it will no longer be aligned to any goal. "
        "This cannot be undone."
    )
    expect(question).to_be_focused()
    assert_accessible(page, "the question in place of an objective")

    page.get_by_role("link", name="No, keep it").click()
    expect(page.get_by_role("link", name="Delete Paper forms retired")).to_be_focused()
    assert Objective.objects.filter(pk=doomed.pk).exists()

    page.get_by_role("link", name="Delete Paper forms retired").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(announcer).to_contain_text("Objective deleted: Paper forms retired")
    expect(page.get_by_role("heading", name="Objectives", exact=True)).to_be_focused()
    expect(page.locator("#objectives li.objective")).to_have_count(1)
    assert page.url == roadmap_url
    assert_accessible(page, "the list after deleting in place")
    assert not Objective.objects.filter(pk=doomed.pk).exists()
    assert not KPI.objects.filter(pk=doomed_kpi.pk).exists()


DUPLICATE_IDS = """() => { const seen = {}; const twice = [];
    document.querySelectorAll('[id]').forEach(e => {
      if (seen[e.id]) twice.push(e.id); seen[e.id] = true; });
    return twice; }"""


def test_two_items_open_in_place_at_once_keep_their_own_fields(page, editor, roadmap):
    """The "add" form and two principles opened for change together on the Vision
    and principles page, then the "add" form and an objective on the objectives'
    page (ui/inline_list.py): each label reaches its own field, no id is used
    twice, a save says so and keeps the focus on its "Change", and Cancel gives the
    focus back to the "Change" that opened it."""
    from roadmap.models import GuidingPrinciple

    principle = GuidingPrinciple.objects.create(roadmap=roadmap, title="Digital by default")
    second = GuidingPrinciple.objects.create(roadmap=roadmap, title="Secure by design", position=1)
    objective = roadmap.objectives.get()
    sign_in(page, editor.username)
    page.goto(url("vision", roadmap))
    announcer = page.locator("#notifications")

    page.get_by_role("link", name="Add a guiding principle").click()
    adding = page.locator("#principles form[hx-post$='/principles/new/']")
    expect(adding.get_by_role("heading", name="Add a guiding principle")).to_be_focused()
    page.get_by_role("link", name="Change Digital by default").click()
    principle_item = page.locator(f"#principle-{principle.pk}")
    expect(principle_item.get_by_label("Principle")).to_have_value("Digital by default")
    page.get_by_role("link", name="Change Secure by design").click()
    second_item = page.locator(f"#principle-{second.pk}")
    expect(second_item.get_by_label("Principle")).to_have_value("Secure by design")
    # All three open, each label reaching its own field, and no id on the page twice.
    expect(adding.get_by_label("Principle")).to_have_value("")
    expect(principle_item.get_by_label("Principle")).to_have_value("Digital by default")
    assert page.evaluate(DUPLICATE_IDS) == []
    assert_accessible(page, "two principles and the add form open at once")

    second_item.get_by_label("Principle").fill("Secure by design, always")
    second_item.get_by_role("button", name="Save principle").click()
    expect(announcer).to_contain_text("Principle saved: Secure by design, always")
    expect(page.get_by_role("link", name="Change Secure by design, always")).to_be_focused()
    principle.refresh_from_db()
    assert principle.title == "Digital by default"  # the other one is as it was

    page.get_by_role("link", name="Change Digital by default").click()
    principle_item.get_by_label("Principle").fill("Not kept")
    principle_item.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("link", name="Change Digital by default")).to_be_focused()
    principle.refresh_from_db()
    assert principle.title == "Digital by default"

    # The objectives' page: the "add" form and an objective, both with a "Title".
    page.goto(url("objectives", roadmap))
    page.get_by_role("link", name="Add an objective").click()
    adding = page.locator("#objectives form[hx-post$='/objectives/new/']")
    expect(adding.get_by_role("heading", name="Add an objective")).to_be_focused()
    page.get_by_role("link", name="Change Services online").click()
    objective_item = page.locator(f"#objective-{objective.pk}")
    expect(objective_item.get_by_label("Title")).to_have_value("Services online")
    expect(adding.get_by_label("Title")).to_have_value("")
    assert page.evaluate(DUPLICATE_IDS) == []
    assert_accessible(page, "an objective and the add form open at once")

    objective_item.get_by_label("Title").fill("All services online")
    objective_item.get_by_role("button", name="Save objective").click()
    expect(announcer).to_contain_text("Objective saved: All services online")
    expect(page.get_by_role("link", name="Change All services online")).to_be_focused()
    assert not roadmap.objectives.exclude(pk=objective.pk).exists()  # nothing else was added


def test_a_date_is_typed_by_keyboard_into_its_day_month_and_year(page, editor, roadmap):
    """The GOV.UK date input: Tab goes day, month, year; a date that cannot be is
    refused, naming the part that is wrong and marking only that box; the error
    summary's link goes to it; a month's name is accepted."""
    from tests.roadmap.kpi_factories import days_ago, kpi_url, make_kpi

    kpi = make_kpi(roadmap.objectives.get(), name="Forms completed online")
    sign_in(page, editor.username)
    page.goto(kpi_url("kpi-detail", kpi))
    measurements = page.locator("#measurements")
    group = measurements.get_by_role("group", name="Date", exact=True)
    expect(group).to_contain_text("For example, 27 3 2026")
    day, month, year = (group.get_by_label(part, exact=True) for part in ("Day", "Month", "Year"))
    measurements.get_by_role("textbox", name="Value").fill("30")

    day.focus()
    page.keyboard.type("31")
    page.keyboard.press("Tab")
    expect(month).to_be_focused()
    page.keyboard.type("4")
    page.keyboard.press("Tab")
    expect(year).to_be_focused()
    page.keyboard.type("2026")
    page.keyboard.press("Enter")

    summary = measurements.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Date: Date must be a real date.")
    group = measurements.get_by_role("group", name="Date", exact=True)
    expect(group).to_contain_text("Error: Date must be a real date.")
    day, month, year = (group.get_by_label(part, exact=True) for part in ("Day", "Month", "Year"))
    expect(day).to_have_attribute("aria-invalid", "true")
    expect(month).not_to_have_attribute("aria-invalid", "true")
    expect(year).not_to_have_attribute("aria-invalid", "true")
    assert (day.input_value(), month.input_value(), year.input_value()) == ("31", "4", "2026")
    assert_accessible(page, "the KPI page with a date error")
    summary.get_by_role("link", name="Date: Date must be a real date.").click()
    expect(day).to_be_focused()

    when = days_ago(1)
    page.keyboard.press("Control+A")
    page.keyboard.type(str(when.day))
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type(MONTH_NAMES[when.month - 1][:3])
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type(str(when.year))
    page.keyboard.press("Enter")

    expect(page.locator("#notifications")).to_contain_text("Measurement added")
    expect(measurements.locator(".measurement-table tbody tr")).to_have_count(1)
    expect(measurements.locator(".measurement-table tbody tr")).to_contain_text(format_date(when))
    assert Measurement.objects.get(kpi=kpi).date == when
