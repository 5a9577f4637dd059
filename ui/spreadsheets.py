"""Tables as files people open in a spreadsheet: CSV and XLSX downloads.

A cell that starts with "=", "+", "-", "@" (or a tab or carriage return) would
be run as a formula by a spreadsheet, so such text is written with a leading
apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
Numbers stay numbers.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | Decimal | None


def safe_cell(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(filename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if cell is None else safe_cell(cell) for cell in row])
    # A byte-order mark, so a spreadsheet opening the file reads it as UTF-8.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(
    filename: str, title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]
):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]  # the longest name a sheet may have
    sheet.append(list(headers))
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


FILE_FORMATS = ("csv", "xlsx")


def table_response(
    file_format: str,
    filename: str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
) -> HttpResponse:
    """The table as the file asked for: "csv" or "xlsx" (a view checks the format
    against FILE_FORMATS first, as an address it does not serve is a 404)."""
    if file_format == "csv":
        return csv_response(filename, headers, rows)
    return xlsx_response(filename, title, headers, rows)
