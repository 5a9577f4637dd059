"""The date input (ui/dates.py, components/date_input.html) accepts and refuses what
the GOV.UK date input pattern does, says which part is wrong, marks only that part
and keeps what was typed."""

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from django import forms
from django.template.loader import render_to_string
from django.test.html import parse_html
from django.utils import timezone

from roadmap.forms.kpis import KPIForm
from roadmap.models import Objective
from tests.helpers import date_fields
from tests.html import elements, field_error, field_value, find, text_of
from ui.dates import DayMonthYearField, MonthYearField, read_date
from ui.templatetags.dates import long_date, long_date_time


class BaselineForm(forms.Form):
    baseline_date = DayMonthYearField(label="Baseline date")


class OptionalForm(forms.Form):
    review_date = DayMonthYearField(label="Review date", required=False)


class StartForm(forms.Form):
    start = MonthYearField(label="Start month")


def typed(*parts: str, form=BaselineForm, name="baseline_date") -> forms.Form:
    """`form` bound to `parts` as typed in the boxes of its date `name`, in order."""
    suffixes = form.base_fields[name].widget.widgets_names
    return form(data={name + suffix: part for suffix, part in zip(suffixes, parts, strict=True)})


def cleaned(*parts: str, form=BaselineForm, name="baseline_date"):
    bound = typed(*parts, form=form, name=name)
    assert bound.is_valid(), bound.errors
    return bound.cleaned_data[name]


def refusal(*parts: str, form=BaselineForm, name="baseline_date") -> list[str]:
    bound = typed(*parts, form=form, name=name)
    assert not bound.is_valid()
    return bound.errors[name]


# Accepted ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "parts",
    [
        ("1", "3", "2026"),
        ("01", "03", "2026"),
        ("1", "March", "2026"),
        ("1", "mar", "2026"),
        ("1", "MAR", "2026"),
        (" 1 ", " 3 ", " 2026 "),
    ],
    ids=lambda parts: " ".join(parts),
)
def test_the_first_of_march_is_accepted_however_it_is_typed(parts):
    assert cleaned(*parts) == date(2026, 3, 1)


def test_a_month_name_in_full_or_short_is_accepted_for_every_month():
    names = ["January", "feb", "MARCH", "apr", "May", "jun", "July", "aug", "Sept", "oct"]
    names += ["November", "dec"]
    assert [cleaned("2", name, "2027").month for name in names] == list(range(1, 13))


def test_29_february_is_accepted_in_a_leap_year():
    assert cleaned("29", "2", "2024") == date(2024, 2, 29)


def test_a_month_precision_date_is_the_first_day_of_the_month():
    assert cleaned("3", "2026", form=StartForm, name="start") == date(2026, 3, 1)
    assert cleaned("March", "2026", form=StartForm, name="start") == date(2026, 3, 1)
    assert cleaned("12", "2030", form=StartForm, name="start") == date(2030, 12, 1)


def test_nothing_typed_in_an_optional_date_is_no_date():
    form = OptionalForm(data=date_fields("review_date", ("", "", "")))

    assert form.is_valid()
    assert form.cleaned_data["review_date"] is None


def test_an_unchanged_date_is_not_a_change():
    saved = date(2026, 3, 1)
    form = BaselineForm(
        data=date_fields("baseline_date", ("01", "3", "2026")), initial={"baseline_date": saved}
    )

    assert not form.has_changed()
    assert BaselineForm(
        data=date_fields("baseline_date", saved + timedelta(days=1)),
        initial={"baseline_date": saved},
    ).has_changed()


# Refused ----------------------------------------------------------------------------------

MISSING = {
    ("", "3", "2026"): "Baseline date must include a day.",
    ("1", "", "2026"): "Baseline date must include a month.",
    ("1", "3", ""): "Baseline date must include a year.",
    ("", "", "2026"): "Baseline date must include a day and month.",
    ("", "3", ""): "Baseline date must include a day and year.",
    ("1", "", ""): "Baseline date must include a month and year.",
}


@pytest.mark.parametrize("parts", list(MISSING), ids=lambda parts: repr(" ".join(parts)))
def test_a_missing_part_is_named(parts):
    assert refusal(*parts) == [MISSING[parts]]


@pytest.mark.parametrize(
    "parts",
    [
        ("31", "4", "2026"),  # April has 30 days
        ("29", "2", "2025"),  # not a leap year
        ("30", "2", "2024"),
        ("0", "3", "2026"),
        ("32", "3", "2026"),
        ("1", "13", "2026"),
        ("1", "0", "2026"),
        ("one", "3", "2026"),
        ("1", "Marchember", "2026"),
        ("1.5", "3", "2026"),
        ("-1", "3", "2026"),
        ("1", "3", "twenty"),
        ("1", "3", "0000"),
        ("\u0661", "3", "2026"),  # ARABIC-INDIC DIGIT ONE: a digit, not one read here
    ],
    ids=lambda parts: " ".join(parts),
)
def test_a_date_that_cannot_be_is_not_a_real_date(parts):
    assert refusal(*parts) == ["Baseline date must be a real date."]


@pytest.mark.parametrize("year", ["26", "202", "20266"])
def test_a_year_must_have_four_numbers(year):
    assert refusal("1", "3", year) == ["Year must include 4 numbers."]


def test_nothing_typed_in_a_required_date_asks_for_it():
    assert refusal("", "", "") == ["Enter the baseline date."]
    assert refusal(" ", "", "  ") == ["Enter the baseline date."]
    assert BaselineForm(data={}).errors["baseline_date"] == ["Enter the baseline date."]


def test_the_messages_name_the_date_by_its_label_or_what_it_is_given():
    class Named(forms.Form):
        review = DayMonthYearField(label="KPI review date")
        start = DayMonthYearField(label="Start", what="start of the pilot")

    assert Named(data={}).errors == {
        "review": ["Enter the KPI review date."],
        "start": ["Enter the start of the pilot."],
    }
    assert Named(data=date_fields("start", ("1", "", "2026"))).errors["start"] == [
        "Start of the pilot must include a month."
    ]


def test_a_month_precision_date_names_its_missing_part():
    assert refusal("", "2026", form=StartForm, name="start") == [
        "Start month must include a month."
    ]
    assert refusal("3", "", form=StartForm, name="start") == ["Start month must include a year."]
    assert refusal("13", "2026", form=StartForm, name="start") == [
        "Start month must be a real date."
    ]


@pytest.mark.parametrize(
    ("parts", "wrong"),
    [
        (("", "3", "2026"), ("day",)),
        (("1", "", ""), ("month", "year")),
        (("31", "4", "2026"), ("day",)),
        (("1", "13", "2026"), ("month",)),
        (("x", "3", "y"), ("day", "year")),
        (("1", "3", "26"), ("year",)),
    ],
)
def test_the_problem_names_only_the_parts_that_are_wrong(parts, wrong):
    problem = read_date(
        dict(zip(("day", "month", "year"), parts, strict=True)), what="baseline date"
    )

    assert problem.parts == wrong


# Shown on the page ------------------------------------------------------------------------


def rendered(form: forms.Form, name: str):
    html = render_to_string("components/field.html", {"field": form[name]})
    summary = render_to_string("components/error_summary.html", {"form": form})
    return parse_html(html), parse_html(summary) if summary.strip() else None


def boxes(document) -> list:
    return [e for e in elements(document) if e.name == "input"]


def attrs(element) -> dict[str, str]:
    return dict(element.attributes)


def test_the_date_is_a_fieldset_of_three_labelled_numeric_boxes():
    document, summary = rendered(BaselineForm(), "baseline_date")

    fieldset = find(document, role="group")
    assert fieldset.name == "fieldset"
    assert text_of(find(fieldset, **{"class": "field__label"})) == "Baseline date"
    assert attrs(fieldset)["aria-describedby"] == "id_baseline_date_hint"
    assert text_of(find(document, id="id_baseline_date_hint")) == "For example, 27 3 2026"
    assert [(attrs(box)["id"], attrs(box)["name"]) for box in boxes(document)] == [
        ("id_baseline_date", "baseline_date_day"),
        ("id_baseline_date_month", "baseline_date_month"),
        ("id_baseline_date_year", "baseline_date_year"),
    ]
    labels = {attrs(e)["for"]: text_of(e) for e in elements(document) if e.name == "label"}
    assert labels == {
        "id_baseline_date": "Day",
        "id_baseline_date_month": "Month",
        "id_baseline_date_year": "Year",
    }
    for box in boxes(document):
        assert attrs(box)["type"] == "text"
        assert attrs(box)["inputmode"] == "numeric"
        assert "autocomplete" not in attrs(box)
    widths = [attrs(box)["class"].split()[1] for box in boxes(document)]
    assert widths == ["date-input__input--width-2"] * 2 + ["date-input__input--width-4"]
    assert summary is None


def test_a_saved_date_shows_as_its_numbers():
    form = BaselineForm(initial={"baseline_date": date(2026, 3, 7)})

    assert field_value(rendered(form, "baseline_date")[0], "id_baseline_date") == "7 3 2026"


def test_only_the_wrong_part_is_marked_and_the_summary_links_to_it():
    form = typed("1", "", "2026")
    form.is_valid()
    document, summary = rendered(form, "baseline_date")

    assert field_error(document, "id_baseline_date") == (
        "Error: Baseline date must include a month."
    )
    marked = [
        attrs(box)["id"]
        for box in boxes(document)
        if "date-input__input--error" in attrs(box)["class"]
    ]
    assert marked == ["id_baseline_date_month"]
    assert [attrs(box).get("aria-invalid") for box in boxes(document)] == [None, "true", None]
    assert attrs(find(document, role="group"))["aria-describedby"] == (
        "id_baseline_date_hint id_baseline_date_error"
    )
    (link,) = [e for e in elements(summary) if e.name == "a"]
    assert attrs(link)["href"] == "#id_baseline_date_month"
    assert text_of(link) == "Baseline date: Baseline date must include a month."


def test_what_was_typed_is_shown_again_as_typed():
    form = typed(" 31", "<b>April</b>", "26")
    form.is_valid()
    document, _ = rendered(form, "baseline_date")

    assert [attrs(box)["value"] for box in boxes(document)] == [" 31", "<b>April</b>", "26"]
    assert field_value(document, "id_baseline_date") == "31 <b>April</b> 26"


def test_a_refused_real_date_marks_every_part():
    """A date refused for what it is (here, in the future) is wrong as a whole."""
    form = BaselineForm(data=date_fields("baseline_date", date(2026, 3, 1)))
    form.is_valid()
    form.add_error("baseline_date", "The baseline date must be today or in the past.")
    document, summary = rendered(form, "baseline_date")

    assert all("date-input__input--error" in attrs(box)["class"] for box in boxes(document))
    (link,) = [e for e in elements(summary) if e.name == "a"]
    assert attrs(link)["href"] == "#id_baseline_date"


def test_a_month_precision_date_has_two_boxes():
    form = typed("", "2026", form=StartForm, name="start")
    form.is_valid()
    document, summary = rendered(form, "start")

    shown = [(attrs(box)["id"], attrs(box)["name"], attrs(box)["value"]) for box in boxes(document)]
    assert shown == [
        ("id_start", "start_month", ""),
        ("id_start_year", "start_year", "2026"),
    ]
    assert text_of(find(document, id="id_start_hint")) == "For example, 3 2026"
    (link,) = [e for e in elements(summary) if e.name == "a"]
    assert attrs(link)["href"] == "#id_start"


def test_an_optional_date_says_so():
    document, _ = rendered(OptionalForm(), "review_date")

    assert text_of(find(document, role="group")).startswith("Review date (optional)")


# The KPI's baseline -----------------------------------------------------------------------


def kpi_form(objective, baseline: date) -> KPIForm:
    data = {
        "name": "Claims decided online",
        "direction": "higher",
        "baseline_value": "10",
        "target_value": "50",
        "reporting_frequency": "monthly",
        **date_fields("baseline_date", baseline),
        **date_fields("target_date", timezone.localdate() + timedelta(days=400)),
    }
    return KPIForm(data=data, objective=objective)


@pytest.mark.django_db
def test_a_kpi_baseline_must_be_today_or_in_the_past(roadmap):
    objective = Objective.objects.create(roadmap=roadmap, title="Claims handled online")
    today = timezone.localdate()

    assert kpi_form(objective, today).is_valid()
    tomorrow = kpi_form(objective, today + timedelta(days=1))
    assert not tomorrow.is_valid()
    (message,) = tomorrow.errors["baseline_date"]
    assert message.startswith("The baseline date must be today or in the past")


# Dates shown ------------------------------------------------------------------------------

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_a_date_is_shown_in_words_and_a_date_time_in_the_site_time_zone():
    late_in_june = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)  # 00:30 on 1 July in London

    with timezone.override("Europe/London"):
        assert long_date(date(2026, 11, 30)) == "30 November 2026"
        assert long_date(late_in_june) == "1 July 2026"
        assert long_date_time(late_in_june) == "1 July 2026 at 00:30"
    assert long_date(None) == long_date_time(None) == ""


def test_every_template_shows_dates_the_one_way():
    """ "30 November 2026" (|long_date), never Django's own formats; only a machine
    format (ISO, |date:"c") may use |date."""
    found = [
        f"{path.relative_to(TEMPLATES)}: {match}"
        for path in TEMPLATES.rglob("*.html")
        for match in re.findall(r"\|date\b(?::\s*['\"][^'\"]*['\"])?", path.read_text())
        if match not in ('|date:"c"', "|date:'c'")
    ]

    assert not found, "show dates with |long_date or |long_date_time:\n" + "\n".join(found)
