"""Dates typed as day, month and year: the GOV.UK Design System's date input.

A date is three short text boxes (Day, Month, Year) in a fieldset whose legend
is the field's label, with a hint ("For example, 27 3 2026"). What is wrong is
said the GOV.UK way, naming the part: "Baseline date must include a month",
"Baseline date must be a real date", "Year must include 4 numbers", "Enter the
baseline date"; only the parts that are wrong get the error style, and the
error summary links to the first of them. Whatever was typed is shown again.

- `DayMonthYearField`: a `datetime.date`.
- `MonthYearField`: month precision, typed as month and year only; its value
  is the FIRST DAY of that month (`date(2026, 3, 1)` for "3 2026"), so it
  stores in a `DateField` and sorts and compares like any date.

Both are `forms.DateField`s (so model forms, the admin's checks and the tests
that look for date fields see them as dates) with a `DatePartsInput` widget.
The posted names are `<name>_day`, `<name>_month`, `<name>_year`; the ids are
the field's own id for its first part (the day, or the month when there is no
day) and `<id>_month`, `<id>_year` for the others, so a link or a label that
points at the field lands in its first box.

`read_date` is the rule itself, without Django forms: the parts as typed in,
a date or the problem (message and wrong parts) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError

from .formatting import MONTH_NAMES
from .periods import Precision, period_start, quarter_of

DAY_MONTH_YEAR = ("day", "month", "year")
MONTH_YEAR = ("month", "year")

# The width of each box in characters, as GOV.UK sizes them.
PART_WIDTHS = {"day": 2, "month": 2, "year": 4}

_DIGITS = re.compile(r"[0-9]+")


def _month_numbers() -> dict[str, int]:
    """ "march", "mar" (and "sept") -> 3...: GOV.UK accepts a month's name too."""
    numbers = {}
    for number, name in enumerate(MONTH_NAMES, start=1):
        numbers[name.lower()] = number
        numbers[name[:3].lower()] = number
    numbers["sept"] = 9
    return numbers


MONTH_NUMBERS = _month_numbers()


@dataclass(frozen=True)
class DateProblem:
    """Why the parts typed are not a date: the message, and the parts to mark."""

    message: str
    parts: tuple[str, ...]
    code: str


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _number(text: str, low: int, high: int) -> int | None:
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if low <= number <= high else None


def _month(text: str) -> int | None:
    number = _number(text, 1, 12)
    if number is None:
        number = MONTH_NUMBERS.get(text.lower().rstrip("."))
    return number


def read_date(
    typed: dict[str, str], *, what: str, parts: tuple[str, ...] = DAY_MONTH_YEAR
) -> date | DateProblem | None:
    """The date the parts in `typed` ("day", "month", "year", each as typed) make.

    None when nothing was typed at all; a `DateProblem` when it is not a date;
    `what` names the date in the messages ("baseline date"). With `parts`
    `MONTH_YEAR`, the date is the first day of the month.
    """
    text = {part: (typed.get(part) or "").strip() for part in parts}
    if not any(text.values()):
        return None
    what = what[:1].upper() + what[1:]
    missing = [part for part in parts if not text[part]]
    if missing:
        return DateProblem(f"{what} must include a {_and(missing)}.", tuple(missing), "incomplete")

    day = _number(text["day"], 1, 31) if "day" in parts else 1
    month = _month(text["month"])
    year = _number(text["year"], 0, 99999)
    wrong = [
        part for part, value in (("day", day), ("month", month), ("year", year)) if value is None
    ]
    if wrong:
        return DateProblem(f"{what} must be a real date.", tuple(wrong), "invalid")
    if len(text["year"]) != 4:
        return DateProblem("Year must include 4 numbers.", ("year",), "year_digits")
    if year == 0:  # "0000": there was no year 0
        return DateProblem(f"{what} must be a real date.", ("year",), "invalid")
    try:
        return date(year, month, day)
    except ValueError:  # 31 April, 29 February 2025
        return DateProblem(f"{what} must be a real date.", ("day",), "invalid")


class DatePartsInput(forms.MultiWidget):
    """Text boxes for the parts of a date (day, month, year; or month, year).

    The page renders them with `components/date_input.html` (through
    `components/field.html`); this widget names them, gives them their ids and
    values, and reads them back from the posted data.
    """

    def __init__(self, parts: tuple[str, ...] = DAY_MONTH_YEAR, attrs=None):
        self.parts = parts
        boxes = {
            part: forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": f"date-input__input date-input__input--width-{PART_WIDTHS[part]}",
                }
            )
            for part in parts
        }
        super().__init__(boxes, attrs)

    def part_ids(self, id_: str) -> list[str]:
        """The first part takes the field's own id; the others `<id>_<part>`."""
        return [id_ if i == 0 else f"{id_}_{part}" for i, part in enumerate(self.parts)]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id")
        if id_:
            for subwidget, part_id in zip(
                context["widget"]["subwidgets"], self.part_ids(id_), strict=True
            ):
                subwidget["attrs"]["id"] = part_id
        return context

    def id_for_label(self, id_):
        return id_

    def decompress(self, value):
        if not isinstance(value, date):
            return [None] * len(self.parts)
        by_part = {"day": value.day, "month": value.month, "year": value.year}
        return [str(by_part[part]) for part in self.parts]


class DayMonthYearField(forms.DateField):
    """A date typed as day, month and year (the GOV.UK date input).

    Its messages name it by `what` ("baseline date"), or by its label when no
    `what` is given. Its hint, unless it is given help text, is an example.
    """

    parts = DAY_MONTH_YEAR
    example = "For example, 27 3 2026"

    def __init__(self, *, what: str | None = None, **kwargs):
        kwargs.pop("input_formats", None)
        kwargs.pop("widget", None)  # always its own boxes
        if not kwargs.get("help_text"):
            kwargs["help_text"] = self.example
        super().__init__(widget=DatePartsInput(self.parts), **kwargs)
        self._what = what

    @property
    def what(self) -> str:
        if self._what:
            return self._what
        label = str(self.label or "date")
        if label[1:2].isupper():  # "KPI date" stays as it is
            return label
        return label[:1].lower() + label[1:]

    def typed(self, value) -> dict[str, str]:
        """The parts as typed, from what the widget read (a list) or a date."""
        if isinstance(value, date):
            value = self.widget.decompress(value)
        if not isinstance(value, list | tuple) or len(value) != len(self.parts):
            value = [None] * len(self.parts)
        pairs = zip(self.parts, value, strict=True)
        return {part: "" if typed is None else str(typed) for part, typed in pairs}

    def problem(self, value) -> DateProblem | None:
        """What is wrong with the parts typed (None: nothing, or they are a date)."""
        result = read_date(self.typed(value), what=self.what, parts=self.parts)
        return result if isinstance(result, DateProblem) else None

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):  # a value given in code, never typed
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise ValidationError(
                    f"{self.what[:1].upper()}{self.what[1:]} must be a real date.", code="invalid"
                ) from None
        result = read_date(self.typed(value), what=self.what, parts=self.parts)
        if isinstance(result, DateProblem):
            raise ValidationError(result.message, code=result.code)
        return result

    def validate(self, value) -> None:
        if value in self.empty_values and self.required:
            raise ValidationError(f"Enter the {self.what}.", code="required")
        super().validate(value)

    def wrong_parts(self, value, has_errors: bool) -> tuple[str, ...]:
        """The parts to mark as wrong: those the problem names, or every part when
        the date is real but refused for another reason (in the future...)."""
        if not has_errors:
            return ()
        problem = self.problem(value)
        return problem.parts if problem else self.parts


class MonthYearField(DayMonthYearField):
    """A month, typed as month and year only ("month precision").

    Its value is a `datetime.date`: the FIRST DAY of the month typed, so
    "3 2026" is `date(2026, 3, 1)`. A date given to it shows as its month.
    """

    parts = MONTH_YEAR
    example = "For example, 3 2026"

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


# Rough dates: a day, a month, a quarter or a year (ui.periods). ----------------

_QUARTER = re.compile(r"q([1-4])", re.IGNORECASE)


def read_rough_date(
    typed: dict[str, str], *, precision: str, what: str
) -> date | DateProblem | None:
    """The first day of the period typed at `precision` ("day", "month",
    "quarter", "year"): the day is left out for a month, the month may be any
    month of a quarter or "Q1" to "Q4", and a year is the year alone. Parts the
    precision does not use are ignored."""
    precision = Precision(precision)
    if precision is Precision.DAY:
        return read_date(typed, what=what)
    text = {part: (typed.get(part) or "").strip() for part in DAY_MONTH_YEAR}
    if precision is Precision.YEAR:
        if not text["year"]:
            return None
        result = read_date({"month": "1", "year": text["year"]}, what=what, parts=MONTH_YEAR)
    else:
        month = text["month"]
        quarter = _QUARTER.fullmatch(month) if precision is Precision.QUARTER else None
        if quarter:
            month = str((int(quarter.group(1)) - 1) * 3 + 1)
        result = read_date({"month": month, "year": text["year"]}, what=what, parts=MONTH_YEAR)
    if isinstance(result, date):
        return period_start(result, precision)
    return result


def rough_date_parts(day: date | None, precision: str) -> list[str]:
    """What the boxes show for a stored rough date: "", "4", "2025" for April 2025;
    "", "Q2", "2025" for a quarter; the year alone for a year."""
    if day is None:
        return ["", "", ""]
    precision = Precision(precision)
    if precision is Precision.DAY:
        return [str(day.day), str(day.month), str(day.year)]
    if precision is Precision.MONTH:
        return ["", str(day.month), str(day.year)]
    if precision is Precision.QUARTER:
        return ["", f"Q{quarter_of(day)}", str(day.year)]
    return ["", "", str(day.year)]


class RoughDateField(DayMonthYearField):
    """A date at the precision chosen in a radio field beside it (`<name>` ends in
    `_date`, its precision is `<prefix>_precision`): the boxes are Day, Month and
    Year, and the form reads them with `read_rough_date` once it knows the
    precision. Until then its value is the parts as typed (a dict)."""

    example = (
        "For example, 27 3 2026. For a month, leave Day empty. For a quarter, type Q1 to Q4 "
        "as the month. For a year, type the year only."
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.problem_parts: tuple[str, ...] = ()

    def to_python(self, value):
        if isinstance(value, date) or value in self.empty_values:
            return super().to_python(value)
        typed = self.typed(value)
        return typed if any(text.strip() for text in typed.values()) else None

    def validate(self, value) -> None:
        if value in self.empty_values and self.required:
            raise ValidationError(f"Enter the {self.what}.", code="required")

    def wrong_parts(self, value, has_errors: bool) -> tuple[str, ...]:
        if not has_errors:
            return ()
        return self.problem_parts or self.parts
