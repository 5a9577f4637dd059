"""The import pattern's reading and checking (ui/imports.py): files as Excel and
LibreOffice save them, every kind of bad input refused with a clear message, and
the staging of what was read."""

import io
import time
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from ui.imports import (
    CellProblem,
    Column,
    FileRefused,
    a_day,
    a_month,
    amount,
    choice,
    day_or_month,
    header_key,
    names,
    read_rows,
    read_sheet,
    text,
    texts_to_rows,
    whole_number,
    yes_or_no,
)

COLUMNS = [
    Column("title", "Title", text(20), "A title.", "Cloud", required=True),
    Column("score", "Value (1-5)", whole_number(1, 5), "1 to 5.", "3", empty=3),
    Column("status", "Status", choice([("open", "Open"), ("closed", "Being closed")]), "."),
    Column("cost", "Capital cost (GBP)", amount(), "Money."),
    Column("level", "Level", str, "Worked out.", ignored=True),
]


def upload(content: bytes | str, name: str = "plan.csv", encoding: str = "utf-8"):
    data = content.encode(encoding) if isinstance(content, str) else content
    return SimpleUploadedFile(name, data)


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read(content, **kwargs):
    sheet = read_sheet(upload(content, **kwargs))
    return read_rows(sheet, COLUMNS)


def refusal(content, **kwargs) -> str:
    with pytest.raises(FileRefused) as refused:
        read(content, **kwargs)
    return str(refused.value)


# Files as spreadsheets save them ----------------------------------------------


@pytest.mark.parametrize(
    "content, encoding",
    [
        ("\ufeffTitle,Value (1-5)\r\nCafé,4\r\n", "utf-8"),  # Excel's "CSV UTF-8", with a BOM
        ("Title,Value (1-5)\nCafé,4\n", "utf-8"),  # LibreOffice, no BOM
        ("Title;Value (1-5)\r\nCafé;4\r\n", "utf-8"),  # a semicolon, as in much of Europe
        ("Title,Value (1-5)\r\nCafé,4\r\n", "cp1252"),  # Excel's plain "CSV" on Windows
        ("Title\tValue (1-5)\r\nCafé\t4\r\n", "utf-16"),  # Excel's "Unicode text"
    ],
)
def test_a_csv_reads_whatever_its_encoding_and_separator(content, encoding):
    rows, problems, present = read(content, encoding=encoding)
    assert problems == []
    assert present == ["title", "score"]
    assert [(row.line, row.values) for row in rows] == [(2, {"title": "Café", "score": 4})]


def test_an_xlsx_reads_its_first_sheet_with_typed_cells():
    content = xlsx([["title", "VALUE  (1-5)", "Capital cost (EUR)"], ["Cloud", 4, 1250000.5]])
    rows, problems, _ = read(content, name="plan.xlsx")
    assert problems == []
    assert rows[0].values == {"title": "Cloud", "score": 4, "cost": Decimal("1250000.5")}


def test_headers_match_in_any_case_spacing_and_order():
    assert header_key("  CAPITAL   cost (GBP) ") == "capital cost"
    rows, problems, _ = read(" value ,TITLE\n2,Cloud\n")
    assert problems == [] and rows[0].values == {"title": "Cloud", "score": 2}


def test_blank_rows_are_left_out_but_row_numbers_stay_those_of_the_spreadsheet():
    rows, problems, _ = read("Title,Value\nCloud,2\n,\n\nData,9\n")
    assert [row.line for row in rows] == [2, 5]
    assert [(p.line, p.message) for p in problems] == [
        (5, "Value (1-5): “9” is not a whole number from 1 to 5.")
    ]


def titles_of(content: bytes | str, name: str = "plan.csv") -> list[str]:
    columns = [Column("title", "Title", text(200), "A title.", required=True)]
    rows, problems, _ = read_rows(read_sheet(upload(content, name=name)), columns)
    assert problems == []
    return [row.values["title"] for row in rows]


def test_formulas_and_markup_stay_text_and_the_downloads_apostrophe_comes_off():
    content = 'Title\n"=HYPERLINK(""http://x"",""y"")"\n<b>bold</b>\n\'=1+2\n\'quoted\n'
    assert titles_of(content) == [
        '=HYPERLINK("http://x","y")',
        "<b>bold</b>",
        "=1+2",
        "'quoted",  # an apostrophe before ordinary text is the text's own
    ]


def test_formulas_in_an_xlsx_are_kept_as_their_text():
    content = xlsx([["Title"], ['=HYPERLINK("http://x","y")'], ["'=SUM(A1)"]])
    assert titles_of(content, "p.xlsx") == ['=HYPERLINK("http://x","y")', "=SUM(A1)"]


# Bad files: refused whole, with a message -------------------------------------


def test_an_empty_file_is_refused():
    assert refusal("") == "The file is empty."
    assert refusal("  \r\n") == "The file is empty."


def test_a_file_with_only_its_headers_is_refused():
    assert "only its row of column names" in refusal("Title,Value\r\n")
    assert "only its row of column names" in refusal("Title,Value\r\n,\r\n")


def test_missing_unknown_and_repeated_headers_are_named():
    message = refusal("Value,Colour,Status,Status\n1,red,Open,Open\n")
    assert "The file has no “Title” column." in message
    assert "not ones we know: “Colour”" in message
    assert "appear twice: “Status”" in message


@pytest.mark.parametrize(
    "content, what",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "It is a PDF document."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "It is a PNG image."),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "It is a JPEG image."),
        (b"PK\x03\x04not really a workbook", "not an Excel workbook"),
        (b"Title\x00\x00\x81\x8d\x00", ""),
    ],
)
def test_a_file_that_is_not_a_table_is_refused_even_named_csv(content, what):
    message = refusal(content, name="plan.csv")
    assert message.startswith("This file is not a CSV or Excel (XLSX) file.")
    assert what in message


def test_a_file_over_the_size_cap_is_refused_before_it_is_read():
    with pytest.raises(FileRefused, match="the largest file one import takes is 1 MB"):
        read_sheet(upload("Title\n" + "x\n" * 600_000), max_bytes=1024 * 1024)


def test_more_rows_than_the_cap_are_refused_quickly_counting_while_reading():
    content = "Title,Value\n" + "Cloud,3\n" * 50_000
    started = time.monotonic()
    message = refusal(content)
    assert time.monotonic() - started < 2
    assert message == (
        "The file has more than 5,000 rows: one import takes at most 5,000. "
        "Split it into smaller files."
    )


def test_5001_rows_in_an_xlsx_are_refused_and_5000_read():
    header = [["Title"]]
    with pytest.raises(FileRefused, match="more than 5,000 rows"):
        read_sheet(upload(xlsx(header + [["x"]] * 5001), name="p.xlsx"))
    assert len(read_sheet(upload(xlsx(header + [["x"]] * 5000), name="p.xlsx")).rows) == 5000


# Bad cells: every problem of every row, by row number ---------------------------


SPLIT_VALUE = (
    "This row has 5 cells, but the file names 4 columns. Is there a comma (or semicolon) "
    "in a value? Put that value in double quotes."
)


def test_each_bad_cell_is_listed_by_row_with_what_is_wanted():
    content = (
        "Title,Value,Status,Capital cost\n"
        ",x,Finished,lots\n"
        'Cloud,2.5,open,"£1,250.50"\n'
        ",,,,\n"
        "Data,3,,1,250\n"
    )
    rows, problems, _ = read(content)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (2, "Title"),
        (2, "Value (1-5)"),
        (2, "Status"),
        (2, "Capital cost (GBP)"),
        (3, "Value (1-5)"),
        (5, SPLIT_VALUE),
    ]
    messages = [p.message for p in problems]
    assert messages[0] == "Title: enter a value: this column cannot be empty."
    assert messages[1] == "Value (1-5): “x” is not a whole number from 1 to 5."
    assert messages[2] == (
        "Status: “Finished” is not one of the allowed values: Open, Being closed."
    )
    assert messages[3].startswith("Capital cost (GBP): “lots” is not an amount")
    assert rows[1].values["status"] == "open"
    assert rows[1].values["cost"] == Decimal("1250.50")


def test_an_empty_optional_cell_gives_the_columns_empty_value():
    rows, problems, _ = read("Title,Value,Status\nCloud,,\n")
    assert problems == [] and rows[0].values == {"title": "Cloud", "score": 3, "status": None}


def test_ignored_columns_are_known_but_not_read():
    rows, problems, present = read("Title,Level\nCloud,anything at all\n")
    assert problems == [] and present == ["title"] and rows[0].values == {"title": "Cloud"}


def test_staged_text_reads_back_to_the_same_values():
    rows, _, _ = read("Title,Value,Capital cost\nCloud,4,12.50\n")
    again = texts_to_rows([[2, {"title": "Cloud", "score": "4", "cost": "12.50"}]], COLUMNS)
    assert again[0].values == rows[0].values


# The parsers --------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, expected",
    [
        ("2026-04", date(2026, 4, 1)),
        ("2026-04-17", date(2026, 4, 1)),
        ("04/2026", date(2026, 4, 1)),
        ("April 2026", date(2026, 4, 1)),
        ("apr 2026", date(2026, 4, 1)),
        ("2026-04-01 00:00:00", date(2026, 4, 1)),
    ],
)
def test_a_month_as_people_write_it(written, expected):
    assert a_month(written) == expected


@pytest.mark.parametrize("written", ["2026-13", "next spring", "2026-02-30", "31/31/2026"])
def test_a_month_or_day_that_is_not_one_says_how_to_write_it(written):
    with pytest.raises(CellProblem, match="2026-04"):
        day_or_month(written)


def test_a_day_or_a_month():
    assert day_or_month("30/04/2026") == (date(2026, 4, 30), True)
    assert day_or_month("30 April 2026") == (date(2026, 4, 30), True)
    assert day_or_month("2026-04") == (date(2026, 4, 1), False)
    assert a_day("2026-04-30") == date(2026, 4, 30)
    with pytest.raises(CellProblem, match="is a month"):
        a_day("2026-04")


def test_choices_take_the_label_or_the_value_in_any_case():
    parse = choice([("in_progress", "In progress"), ("done", "Done")])
    assert parse("IN  PROGRESS") == parse("in_progress") == "in_progress"
    with pytest.raises(CellProblem, match="allowed values: In progress, Done"):
        parse("Finished")


def test_yes_or_no_names_and_text():
    done = yes_or_no("Done", "Not done")
    assert done("Not done") is False and done("done") is True and done("yes") is True
    with pytest.raises(CellProblem, match="“Done” or “Not done”"):
        done("maybe")
    assert names(" A ; B;;C ") == ["A", "B", "C"]
    with pytest.raises(CellProblem, match="null character"):
        text(10)("a\x00b")


@pytest.mark.parametrize("written", ["-5", "1e400", "NaN", "12.345", "1" * 20])
def test_amounts_refuse_what_a_form_would(written):
    with pytest.raises(CellProblem):
        amount()(written)
