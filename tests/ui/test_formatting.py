"""Numbers with their units and nouns: one of a thing is singular ("1 service",
"1 data set"), more or fewer is plural, and units that are not regular plurals
are left as they are."""

from decimal import Decimal

import pytest

from ui.formatting import count_of, format_value, singular, with_a

D = Decimal


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("services", "service"),
        ("data sets", "data set"),
        ("calls a month", "call a month"),
        ("applications completed online", "application completed online"),
        ("vulnerabilities", "vulnerability"),
        ("enquiries", "enquiry"),
        ("processes", "process"),
        ("searches", "search"),
        ("boxes", "box"),
        ("cases", "case"),
        ("days", "day"),
        ("business days", "business day"),
        ("status checks", "status check"),
        ("points", "point"),
        ("Services", "Service"),
        # Not regular plurals: left alone.
        ("staff", "staff"),
        ("people", "people"),
        ("children", "children"),
        ("news", "news"),
        ("series", "series"),
        ("%", "%"),
        ("", ""),
    ],
)
def test_singular_of_a_regular_plural(plural, one):
    assert singular(plural) == one


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("1", "services", "1 service"),
        ("1.000", "data sets", "1 data set"),
        ("-1", "days", "-1 day"),
        ("2", "services", "2 services"),
        ("0", "services", "0 services"),
        ("1.5", "days", "1.5 days"),
        ("1", "%", "1%"),
        ("1", "£", "£1"),
        ("1", "£ per claim", "£1 per claim"),
        ("28810", "cases", "28,810 cases"),
    ],
)
def test_format_value_says_one_thing_in_the_singular(value, unit, text):
    assert format_value(D(value), unit) == text


def test_count_of_things():
    assert count_of(1, "data sets") == "1 data set"
    assert count_of(3, "data sets") == "3 data sets"
    assert count_of(0, "KPIs") == "0 KPIs"
    assert count_of(1, "KPIs") == "1 KPI"
    assert count_of(1250, "objectives") == "1,250 objectives"


@pytest.mark.parametrize(
    ("noun", "said"),
    [
        ("viewer", "a viewer"),
        ("editor", "an editor"),
        ("end month", "an end month"),
        ("Objective", "an Objective"),
        ("programme lead", "a programme lead"),
    ],
)
def test_the_article_is_judged_by_the_first_letter(noun, said):
    assert with_a(noun) == said
