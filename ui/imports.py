"""The one import pattern: a table from a spreadsheet, previewed, then applied.

1. Read: a CSV (as Excel or LibreOffice saves it: UTF-8 with or without a
   byte-order mark, Windows-1252, comma, semicolon or tab between cells) or an
   XLSX workbook (its first sheet, read with openpyxl). The file size and the
   number of rows are capped, and the rows are counted while reading, so a huge
   file is refused before any of it is checked.
2. Check: the first row names the columns (matched ignoring case, spaces and
   anything in brackets: "Capital cost (GBP)" is "capital cost"); every cell is
   read by its column's parser; the domain then resolves what the rows name
   and says, for each row, whether it adds, updates or leaves something
   unchanged. A file with any bad row imports nothing: the page lists each
   problem by its row number (row 1 is the column names, as a spreadsheet
   numbers them).
3. Stage: the rows, as text, in the database (`StagedImport`), never on one
   machine's disk; only the person who uploaded them may preview or apply them.
4. Preview: rows to add, to update (and what changes), unchanged.
5. Apply, in one transaction, through the domain's services: a failure half-way
   imports nothing. If what the preview said no longer holds (someone changed
   the data meanwhile), nothing is applied and the new preview is shown.
   Up to `IMPORT_IN_REQUEST_ROWS` rows (setting, 100 by default: some seconds
   on a busy machine) are applied in the request. A larger import is applied by
   the Celery worker (`ui/tasks.py`, `staged_import_apply`), still in one
   transaction with the same stale-preview check, recording its progress on the
   `StagedImport`; the progress page polls it. No request waits for it.

Text is kept as text: a cell that a spreadsheet would run as a formula
("=HYPERLINK(...)") is stored as its text (and the downloads write it back with
a leading apostrophe, ui/spreadsheets.py, which a re-import removes); markup is
stored as typed and escaped when shown.

A domain fills in a `SpreadsheetImport` subclass (its parent, columns, plan and
apply; `planned_row` and `apply_rows` do each row's part of the last two) and
routes its views with `routes()`, as `ui/inline_list.py` does for lists.
`roadmap/views/imports.py` is the first example.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from celery import current_app
from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseStopPolling

from .concurrency import Refused, StaleEdit
from .feedback import confirm
from .formatting import format_date
from .http import HtmxHttpRequest
from .models import ImportStatus, StagedImport
from .spreadsheets import FORMULA_STARTS, csv_response, xlsx_response

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024  # 5 MB: 5,000 rows of a wide table fit easily
STAGED_FOR = timedelta(days=1)
SHOWN_PROBLEMS = 200  # a page lists at most this many problems, and counts the rest

ADD, UPDATE, UNCHANGED = "add", "update", "unchanged"

# Imports of more rows than this are applied by the worker (settings may lower it).
IN_REQUEST_ROWS = 100
# The Celery task that applies a staged import (ui/tasks.py registers it by this
# name; the web queues it by name).
APPLY_TASK = "ui.apply_staged_import"
# An unfinished import with no sign of life for this long is failed when its page
# is looked at: its worker died (its transaction rolled back) or none took it.
SILENT_FOR = timedelta(minutes=10)

logger = logging.getLogger(__name__)


class FileRefused(Exception):
    """The file as a whole cannot be imported; the message says why."""


class CellProblem(ValueError):
    """A cell's text that its column cannot read; the message says what it wants."""


# Columns and their parsers ----------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of an import: its header, how its cells are read, and what the
    upload page says about it (and writes in the template file)."""

    key: str  # the name the domain uses: "start_month"
    header: str  # as the downloads write it: "Start month"
    parse: Callable[[str], Any]  # cell text (stripped, not empty) -> value, or CellProblem
    doc: str  # one sentence for the page: what to write
    example: str = ""  # for the template file
    required: bool = False  # the column must be there, and every row must fill it
    ignored: bool = False  # written by the downloads, worked out again on import
    empty: Any = None  # the value of an empty cell

    def read(self, text: str) -> Any:
        if not text:
            if self.required:
                raise CellProblem("enter a value: this column cannot be empty.")
            return self.empty
        return self.parse(text)


def text(max_length: int) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if "\x00" in value:
            raise CellProblem("it holds a null character, which cannot be stored.")
        if len(value) > max_length:
            raise CellProblem(f"{len(value):,} characters long: at most {max_length:,}.")
        return value

    return parse


def whole_number(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            number = None
        if number is None or number != number.to_integral_value() or not low <= number <= high:
            raise CellProblem(f"“{value}” is not a whole number from {low} to {high}.")
        return int(number)

    return parse


def amount(max_digits: int = 16, places: int = 2) -> Callable[[str], Decimal]:
    """A sum of money: digits, perhaps with commas between thousands and a
    currency sign in front ("£1,250,000.50")."""

    def parse(value: str) -> Decimal:
        cleaned = re.sub(r"^[^\d\-.]+", "", value.replace(",", "").replace(" ", ""))
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            number = None
        if (
            number is None
            or not number.is_finite()
            or number < 0
            or number.as_tuple().exponent < -places  # type: ignore[operator]
            or len(str(int(number))) > max_digits - places
        ):
            raise CellProblem(
                f"“{value}” is not an amount: write a number such as 1250000 or 1250000.50."
            )
        return number

    return parse


def choice(choices: Sequence[tuple[str, str]]) -> Callable[[str], str]:
    """One of `choices` ((value, label) pairs), written as its label or its value,
    in any case."""
    known = {}
    for value, label in choices:
        known[label.casefold()] = value
        known[value.casefold()] = value

    def parse(text: str) -> str:
        found = known.get(" ".join(text.split()).casefold())
        if found is None:
            allowed = ", ".join(label for _, label in choices)
            raise CellProblem(f"“{text}” is not one of the allowed values: {allowed}.")
        return found

    return parse


def yes_or_no(yes: str = "Yes", no: str = "No") -> Callable[[str], bool]:
    answers = {yes.casefold(): True, no.casefold(): False}
    answers.update({w: True for w in ("yes", "y", "true", "1")})
    answers.update({w: False for w in ("no", "n", "false", "0")})

    def parse(text: str) -> bool:
        if text.casefold() not in answers:
            raise CellProblem(f"“{text}” is not “{yes}” or “{no}”.")
        return answers[text.casefold()]

    return parse


def names(text: str) -> list[str]:
    """Names separated by semicolons ("Cloud hosting; Data platform"), as the
    downloads write them."""
    return [name.strip() for name in text.split(";") if name.strip()]


MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (date(2000, number, 1).strftime("%B"), date(2000, number, 1).strftime("%b"))
}


def _date_parts(text: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) from "2026-04-30", "2026-04", "30/04/2026",
    "04/2026", "30 April 2026" or "April 2026"; None if it is none of them."""
    value = " ".join(text.split())
    patterns = (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?", (1, 2, 3)),
        (r"(\d{4})-(\d{1,2})", (1, 2, None)),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", (3, 2, 1)),
        (r"(\d{1,2})/(\d{4})", (2, 1, None)),
    )
    for pattern, (y, m, d) in patterns:
        if found := re.fullmatch(pattern, value):
            return int(found[y]), int(found[m]), int(found[d]) if d else None
    if found := re.fullmatch(r"(?:(\d{1,2}) )?([A-Za-z]+) (\d{4})", value):
        month = MONTHS.get(found[2].casefold())
        if month:
            return int(found[3]), month, int(found[1]) if found[1] else None
    return None


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_or_month(text: str) -> tuple[date, bool]:
    """(the date, whether it names a day) for a day or a month; a month is its
    first day."""
    parts = _date_parts(text)
    day = parts and _real_date(parts[0], parts[1], parts[2] or 1)
    if not parts or not day:
        raise CellProblem(
            f"“{text}” is not a date: write a day as 2026-04-30 or a month as 2026-04."
        )
    return day, parts[2] is not None


def a_day(text: str) -> date:
    day, has_day = day_or_month(text)
    if not has_day:
        raise CellProblem(f"“{text}” is a month: write the day, as 2026-04-30.")
    return day


def a_month(text: str) -> date:
    """A month, as its first day ("2026-04"; a whole date names its month)."""
    try:
        return day_or_month(text)[0].replace(day=1)
    except CellProblem:
        raise CellProblem(f"“{text}” is not a month: write it as 2026-04.") from None


# Reading a file ---------------------------------------------------------------


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number, cells); blank rows left out


def header_key(header: str) -> str:
    """How headers are matched: no case, no extra spaces, nothing in brackets."""
    header = re.sub(r"\([^)]*\)", " ", header.replace("\ufeff", ""))
    return " ".join(header.casefold().split())


def cell_text(value: Any) -> str:
    """A cell as text, whatever type the spreadsheet gave it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(str(value)))
    text = str(value).strip()
    # The downloads keep formula-like text as text with a leading apostrophe: take it off.
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_STARTS):
        text = text[1:]
    return text


_NOT_A_TABLE = (
    "This file is not a CSV or Excel (XLSX) file. In your spreadsheet, choose "
    "“Save as” and save it as CSV (comma-separated values) or as an Excel workbook (.xlsx)."
)
_SIGNATURES = {
    b"%PDF": "It is a PDF document.",
    b"\x89PNG": "It is a PNG image.",
    b"\xff\xd8\xff": "It is a JPEG image.",
    b"GIF8": "It is a GIF image.",
    b"\xd0\xcf\x11\xe0": "It is an old Excel (.xls) or Word file.",
}


def read_sheet(upload, *, max_rows: int = MAX_ROWS, max_bytes: int = MAX_BYTES) -> Sheet:
    """The first sheet of an uploaded CSV or XLSX file; FileRefused says why not."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise FileRefused(
            f"The file is {size / 1024 / 1024:.1f} MB: the largest file one import "
            f"takes is {max_bytes // 1024 // 1024} MB. Split it into smaller files."
        )
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileRefused(
            f"The file is larger than {max_bytes // 1024 // 1024} MB, the largest one import "
            "takes. Split it into smaller files."
        )
    if not data.strip():
        raise FileRefused("The file is empty.")
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise FileRefused(f"{_NOT_A_TABLE} {what}")
    records = _xlsx_records(data) if data.startswith(b"PK\x03\x04") else _csv_records(data)
    return _sheet(records, max_rows)


def _sheet(records: Iterator[list[str]], max_rows: int) -> Sheet:
    headers = next(records, None)
    if headers is None or not any(headers):
        raise FileRefused("The first row must name the columns, and it is empty.")
    while headers and not headers[-1]:
        headers.pop()
    rows = []
    for number, cells in enumerate(records, start=2):
        if any(cells):
            if len(rows) == max_rows:  # counted while reading: stop here
                raise FileRefused(
                    f"The file has more than {max_rows:,} rows: one import takes at most "
                    f"{max_rows:,}. Split it into smaller files."
                )
            rows.append((number, cells))
    if not rows:
        raise FileRefused("The file has only its row of column names: there is nothing to import.")
    return Sheet(headers, rows)


def _csv_records(data: bytes) -> Iterator[list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        content = data.decode("utf-16")  # Excel's "Unicode text"
    else:
        try:
            content = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                content = data.decode("cp1252")  # Excel's CSV on Windows
            except UnicodeDecodeError:
                raise FileRefused(_NOT_A_TABLE) from None
    if "\x00" in content[:4096]:
        raise FileRefused(_NOT_A_TABLE)
    first_line = content.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            yield [cell_text(cell) for cell in record]
    except csv.Error as error:
        raise FileRefused(f"Row {reader.line_num} cannot be read as CSV: {error}.") from error


def _xlsx_records(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # only when a workbook comes

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise FileRefused(
            f"{_NOT_A_TABLE} It is a compressed file, but not an Excel workbook."
        ) from error
    try:
        sheet = workbook.worksheets[0]
        for record in sheet.iter_rows(values_only=True):
            yield [cell_text(cell) for cell in record]
    finally:
        workbook.close()


# Checking rows ----------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    line: int  # the row's number in the spreadsheet; 0: the file as a whole
    message: str


@dataclass
class Row:
    line: int
    values: dict[str, Any]  # by column key, only the columns the file has


def match_headers(headers: list[str], columns: Sequence[Column]) -> dict[str, int]:
    """Each column the file has -> its index; FileRefused names what is missing,
    repeated or unknown."""
    by_key = {header_key(column.header): column for column in columns}
    found: dict[str, int] = {}
    unknown, repeated = [], []
    for index, header in enumerate(headers):
        column = by_key.get(header_key(header))
        if column is None:
            unknown.append(header or f"(no name, column {index + 1})")
        elif column.key in found:
            repeated.append(header)
        else:
            found[column.key] = index
    missing = [c.header for c in columns if c.required and c.key not in found]
    problems = []
    if missing:
        problems.append(f"The file has no {_quoted(missing)} column{'s' * (len(missing) > 1)}.")
    if unknown:
        problems.append(
            f"These columns are not ones we know: {_quoted(unknown)}. "
            "Check their names against the list of columns on this page."
        )
    if repeated:
        problems.append(f"These columns appear twice: {_quoted(repeated)}.")
    if problems:
        raise FileRefused(" ".join(problems))
    return found


def _quoted(words: Sequence[str]) -> str:
    quoted = [f"“{word}”" for word in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _cell(cells: list[str], index: int) -> str:
    """A row's cell; a row may be shorter than the column names (empty at the end)."""
    return cells[index] if index < len(cells) else ""


def read_rows(
    sheet: Sheet, columns: Sequence[Column]
) -> tuple[list[Row], list[RowProblem], list[str]]:
    """(rows read, problems by row, keys of the columns the file has)."""
    found = match_headers(sheet.headers, columns)
    used = [c for c in columns if c.key in found and not c.ignored]
    rows, problems = [], []
    width = len(sheet.headers)
    for line, cells in sheet.rows:
        if any(cells[width:]):  # an unquoted separator split a value
            message = (
                f"This row has {len(cells)} cells, but the file names {width} columns. "
                "Is there a comma (or semicolon) in a value? Put that value in double quotes."
            )
            problems.append(RowProblem(line, message))
        values = {}
        for column in used:
            try:
                values[column.key] = column.read(_cell(cells, found[column.key]))
            except CellProblem as problem:
                problems.append(RowProblem(line, f"{column.header}: {problem}"))
        rows.append(Row(line, values))
    return rows, problems, [c.key for c in used]


def texts_to_rows(staged: list, columns: Sequence[Column]) -> list[Row]:
    """Rows again from the staged text (which was read without problems)."""
    by_key = {c.key: c for c in columns}
    return [
        Row(line, {key: by_key[key].read(value) for key, value in texts.items()})
        for line, texts in staged
    ]


# The plan a domain makes of the rows ------------------------------------------


@dataclass(frozen=True)
class RowPlan:
    line: int
    action: str  # ADD, UPDATE or UNCHANGED
    label: str  # what the row is: the initiative's title
    changes: tuple[str, ...] = ()  # for an update: the headers of what changes
    version: Any = None  # of what it updates (its revision): a change meanwhile is seen
    target: Any = None  # what it updates, for apply
    values: dict[str, Any] = field(default_factory=dict)  # resolved, for apply


@dataclass
class Plan:
    rows: list[RowPlan] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(row.action == action for row in self.rows)

    @property
    def fingerprint(self) -> str:
        """What the preview promised: a later plan with another fingerprint is stale."""
        said = [(r.line, r.action, r.label, r.changes, r.version) for r in self.rows]
        return hashlib.sha256(json.dumps(said, default=str).encode()).hexdigest()[:32]


def planned_row(
    line: int,
    label: str,
    values: dict[str, Any],
    target: Any,
    *,
    headers: dict[str, str],
    current: Callable[[Any], dict[str, Any]],
    comparable: Callable[[str, Any], Any] = lambda key, value: value,
) -> RowPlan:
    """What a row does: add when it matches nothing (`target` None); else update
    `target`, naming the headers of the values that differ from `current(target)`
    (a row's value compared as `comparable(key, value)`), or leave it unchanged."""
    changes: tuple[str, ...] = ()
    if target is None:
        action = ADD
    else:
        now = current(target)
        changes = tuple(headers[k] for k, v in values.items() if comparable(k, v) != now[k])
        action = UPDATE if changes else UNCHANGED
    return RowPlan(
        line=line,
        action=action,
        label=label,
        changes=changes,
        version=target.revision if target else None,
        target=target,
        values=values,
    )


class RowRefused(Exception):
    """A service refused a row while applying: nothing of the import is kept."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"Row {line}: {message}")


class StalePreview(Exception):
    """What the preview said no longer holds."""


def apply_rows(
    plan: Plan,
    *,
    create: Callable[[dict[str, Any]], Any],
    update: Callable[[Any, Any, dict[str, Any]], Any],
) -> list[tuple[RowPlan, Any]]:
    """Each row through the domain's services: `create(values)` for a row to add,
    `update(target, version, values)` for one to update. A refusal names its row
    and a change made since the preview stops the import; the caller's
    transaction then rolls it all back. Gives each row with what it stands for
    now: what was created or updated, or the unchanged target."""
    applied = []
    for row in plan.rows:
        try:
            if row.action == ADD:
                saved = create(row.values)
            elif row.action == UPDATE:
                saved = update(row.target, row.version, row.values)
            else:
                saved = row.target
        except Refused as refused:
            raise RowRefused(row.line, refused.message) from refused
        except StaleEdit as stale:
            raise StalePreview from stale
        applied.append((row, saved))
    return applied


def problems_page(problems: list[RowProblem]) -> dict[str, Any]:
    return {"problems": problems[:SHOWN_PROBLEMS], "more_problems": len(problems) - SHOWN_PROBLEMS}


# The views --------------------------------------------------------------------


class SizeCap(FileUploadHandler):
    """Stops reading an uploaded file past `max_bytes`: the rest of the request is
    read and thrown away, so a huge file never fills memory or a disk."""

    def __init__(self, request, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.too_large = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.max_bytes:
            self.too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler (Django's own) makes the file


class SpreadsheetImport:
    """An import of one kind of row into a parent (initiatives into a roadmap).
    Subclass it, fill in the attributes and hooks marked "fill in", and route its
    views with `routes()`."""

    # Fill in ------------------------------------------------------------------
    noun: ClassVar[str]  # "initiative": names routes and the template file
    plural: ClassVar[str]  # "initiatives"
    natural_key: ClassVar[str]  # for the page: "An initiative is matched by its title."
    upload_template: ClassVar[str] = "components/imports/upload.html"
    preview_template: ClassVar[str] = "components/imports/preview.html"
    progress_template: ClassVar[str] = "components/imports/progress.html"
    max_rows: ClassVar[int] = MAX_ROWS
    max_bytes: ClassVar[int] = MAX_BYTES

    def parent(self, request: HtmxHttpRequest, **kwargs: Any) -> tuple[Any, Any]:
        """Fill in: (membership, parent) for the URL's arguments; 404 for another
        agency's, 403 for a member who may not write to it."""
        raise NotImplementedError

    def columns(self, parent: Any) -> list[Column]:
        """Fill in: the columns, in the order the downloads write them."""
        raise NotImplementedError

    def plan(self, parent: Any, rows: list[Row], present: list[str]) -> Plan:
        """Fill in: what each row does (add, update, unchanged) by its natural key,
        with everything it names resolved, and problems by row for what the
        domain refuses. In a fixed number of queries, whatever the rows."""
        raise NotImplementedError

    def apply(self, parent: Any, plan: Plan, present: list[str], by: Any) -> None:
        """Fill in: write the plan through the domain's services; raise RowRefused
        for a row they refuse. Runs inside the transaction."""
        raise NotImplementedError

    def lock(self, parent: Any) -> None:
        """Fill in: lock what the plan reads, so nothing changes it before apply."""

    def page_context(self, membership: Any, parent: Any) -> dict[str, Any]:
        """Fill in: what the pages need besides the import (breadcrumbs, parent)."""
        return {}

    def back_url(self, parent: Any) -> str:
        """Fill in: the list the rows go to."""
        raise NotImplementedError

    def url_kwargs(self, parent: Any) -> dict[str, Any]:
        """Fill in: the URL arguments that name the parent."""
        raise NotImplementedError

    def scope(self, parent: Any) -> str:
        """What a staged import belongs to: "roadmap:42:initiatives"."""
        return f"{parent._meta.label_lower}:{parent.pk}:{self.plural}"

    def template_name(self, parent: Any) -> str:
        return f"{self.plural}-template"

    def parent_for(self, staged: StagedImport) -> Any:
        """The parent a staged import goes into, for the worker (which has only
        its id): read back from `scope()`. Override both together."""
        label, pk, _plural = staged.scope.split(":")
        return apps.get_model(label).objects.get(pk=pk)

    @property
    def key(self) -> str:
        """How the worker finds this import again: "roadmap:initiative"."""
        return f"{self.namespace}{self.noun}"

    # Given --------------------------------------------------------------------

    def address(self, name: str, parent: Any, **kwargs: Any) -> str:
        return reverse(
            f"{self.namespace}{self.noun}-import{name}",
            kwargs={**self.url_kwargs(parent), **kwargs},
        )

    namespace: ClassVar[str] = ""  # "roadmap:", set by routes()

    def context(self, membership: Any, parent: Any, **extra: Any) -> dict[str, Any]:
        columns = self.columns(parent)
        return {
            **self.page_context(membership, parent),
            "import": self,
            "noun": self.noun,
            "plural": self.plural,
            "columns": [c for c in columns if not c.ignored],
            "ignored_columns": [c for c in columns if c.ignored],
            "natural_key": self.natural_key,
            "max_rows_text": f"{self.max_rows:,}",
            "max_megabytes": self.max_bytes // 1024 // 1024,
            "upload_url": self.address("", parent),
            "template_csv": self.address("-template", parent, file_format="csv"),
            "template_xlsx": self.address("-template", parent, file_format="xlsx"),
            "back_url": self.back_url(parent),
            **extra,
        }

    def staged(self, request: HtmxHttpRequest, parent: Any):
        """The caller's staged import into `parent`: one at most (a new upload
        replaces it; an older tab's preview is then stale, and refused)."""
        found = StagedImport.objects.filter(user=request.user, scope=self.scope(parent)).first()
        if found is None or found.created_at < timezone.now() - STAGED_FOR:
            raise Http404("No such import: it may have been applied, cancelled or expired.")
        return found

    def upload_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        """The upload page; a refused file is shown on it again (200, as a form with
        errors is), with nothing staged."""
        membership, parent = self.parent(request, **kwargs)
        context = self.context(membership, parent)
        if request.method != "POST":
            return render(request, self.upload_template, context)
        upload = request.FILES.get("file")
        if self.applying(request, parent):
            context["file_error"] = (
                f"Your last import of {self.plural} is still running: wait until it "
                "has finished, then upload this file again."
            )
            context["progress_url"] = self.address("-progress", parent)
            return render(request, self.upload_template, context)
        if self.cap(request).too_large:
            context["file_error"] = (
                f"The file is larger than {self.max_bytes // 1024 // 1024} MB, the largest one "
                "import takes. Split it into smaller files."
            )
            return render(request, self.upload_template, context)
        if upload is None:
            context["file_error"] = "Choose a CSV or Excel (XLSX) file to upload."
            return render(request, self.upload_template, context)
        columns = self.columns(parent)
        try:
            sheet = read_sheet(upload, max_rows=self.max_rows, max_bytes=self.max_bytes)
            rows, problems, present = read_rows(sheet, columns)
        except FileRefused as refused:
            context["file_error"] = str(refused)
            return render(request, self.upload_template, context)
        # The domain checks every row whose needed cells read (without the cells that
        # did not), so the page lists every problem at once.
        needed = {c.key for c in columns if c.required}
        clean = [row for row in rows if needed <= row.values.keys()]
        problems = sorted(
            [*problems, *self.plan(parent, clean, present).problems], key=lambda p: p.line
        )
        if problems:
            context.update(problems_page(problems), filename=upload.name)
            return render(request, self.upload_template, context)
        by_line = {line: cells for line, cells in sheet.rows}
        found = match_headers(sheet.headers, columns)
        staged_rows = [
            [row.line, {k: _cell(by_line[row.line], found[k]) for k in present}] for row in rows
        ]
        StagedImport.objects.filter(created_at__lt=timezone.now() - STAGED_FOR).delete()
        StagedImport.objects.update_or_create(
            user=request.user,
            scope=self.scope(parent),
            defaults={
                "filename": upload.name[:200],
                "columns": present,
                "rows": staged_rows,
                "created_at": timezone.now(),
                "status": ImportStatus.STAGED,
                "rows_done": 0,
                "rows_total": len(staged_rows),
                "message": "",
            },
        )
        return redirect(self.address("-preview", parent))

    def applying(self, request: HtmxHttpRequest, parent: Any) -> bool:
        """Whether the caller's last import into `parent` is still with the worker."""
        found = StagedImport.objects.filter(
            user=request.user, scope=self.scope(parent), status__in=StagedImport.UNFINISHED
        ).first()
        return found is not None and fail_if_silent(found, self.plural).is_unfinished

    def cap(self, request: HtmxHttpRequest) -> SizeCap:
        return next(h for h in request.upload_handlers if isinstance(h, SizeCap))

    def capped_upload_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        """The upload page, reading at most `max_bytes` of a file. The cap must be in
        place before anything reads the request, CSRF's check included, so that
        check runs here (Django's way for upload handlers)."""
        request.upload_handlers.insert(0, SizeCap(request, self.max_bytes))
        return csrf_protect(self.upload_view)(request, **kwargs)

    def preview_context(self, membership, parent, staged, plan: Plan, **extra) -> dict[str, Any]:
        return self.context(
            membership,
            parent,
            staged=staged,
            plan=plan,
            added=[r for r in plan.rows if r.action == ADD],
            updated=[r for r in plan.rows if r.action == UPDATE],
            unchanged=[r for r in plan.rows if r.action == UNCHANGED],
            uploaded_on=format_date(timezone.localdate(staged.created_at)),
            writes=plan.count(ADD) + plan.count(UPDATE),
            apply_url=self.address("-apply", parent),
            cancel_url=self.address("-cancel", parent),
            **problems_page(plan.problems),
            in_request_rows=in_request_rows(),
            **extra,
        )

    def _plan(self, parent: Any, staged) -> Plan:
        columns = self.columns(parent)
        return self.plan(parent, texts_to_rows(staged.rows, columns), staged.columns)

    def preview_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        membership, parent = self.parent(request, **kwargs)
        found = self.staged(request, parent)
        if found.is_unfinished or found.status == ImportStatus.DONE:
            return redirect(self.address("-progress", parent))
        plan = self._plan(parent, found)
        return render(
            request, self.preview_template, self.preview_context(membership, parent, found, plan)
        )

    def apply_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        membership, parent = self.parent(request, **kwargs)
        found = self.staged(request, parent)
        if found.is_unfinished or found.status == ImportStatus.DONE:
            return redirect(self.address("-progress", parent))
        if len(found.rows) > in_request_rows():
            return self.queue(request, membership, parent, found)
        try:
            with transaction.atomic():
                self.lock(parent)
                plan = self._plan(parent, found)
                if plan.problems or plan.fingerprint != request.POST.get("fingerprint"):
                    raise StalePreview
                self.apply(parent, plan, found.columns, request.user)
        except StalePreview:
            return self.stale_preview(request, membership, parent, found)
        except RowRefused as refused:
            context = self.preview_context(
                membership,
                parent,
                found,
                plan,
                refusal=f"Nothing was imported. Row {refused.line}: {refused.message}",
            )
            return render(request, self.preview_template, context)
        found.delete()
        confirm(request, self.summary(plan))
        return redirect(self.back_url(parent))

    def stale_preview(self, request, membership, parent, found) -> HttpResponse:
        plan = self._plan(parent, found)
        context = self.preview_context(
            membership, parent, found, plan, refusal=self.stale_message()
        )
        return render(request, self.preview_template, context)

    def stale_message(self) -> str:
        return (
            f"Nothing was imported: the {self.plural} changed after you saw the "
            "preview. Check the new preview below, then import again."
        )

    def queue(self, request, membership, parent, found) -> HttpResponse:
        """Hand a large import to the worker once it is marked queued; if the
        broker does not take it (within the broker's timeouts), say so and keep
        the staged import to try again."""
        fingerprint = request.POST.get("fingerprint", "")
        plan = self._plan(parent, found)
        if plan.problems or plan.fingerprint != fingerprint:
            return self.stale_preview(request, membership, parent, found)
        refused = []

        def send() -> None:
            try:
                current_app.send_task(APPLY_TASK, args=[found.pk, request.user.pk])
            except Exception:
                logger.exception("Could not queue import %s", found.pk)
                StagedImport.objects.filter(pk=found.pk, status=ImportStatus.QUEUED).update(
                    status=ImportStatus.STAGED, queued_at=None
                )
                refused.append(True)

        with transaction.atomic():
            StagedImport.objects.filter(pk=found.pk).update(
                status=ImportStatus.QUEUED,
                importer=self.key,
                fingerprint=fingerprint,
                rows_done=0,
                rows_total=len(found.rows),
                message="",
                queued_at=timezone.now(),
                started_at=None,
                progress_at=None,
                finished_at=None,
            )
            transaction.on_commit(send)
        if refused:
            context = self.preview_context(
                membership,
                parent,
                found,
                plan,
                refusal=(
                    "The import could not be started: the service that imports large files "
                    "is not answering. Nothing was imported and your file is kept: try "
                    "again in a few minutes."
                ),
            )
            return render(request, self.preview_template, context)
        return redirect(self.address("-progress", parent))

    def progress_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        """How far the worker is; htmx polls the status part until it is finished."""
        membership, parent = self.parent(request, **kwargs)
        found = self.staged(request, parent)
        if found.status == ImportStatus.STAGED:
            return redirect(self.address("-preview", parent))
        found = fail_if_silent(found, self.plural)
        context = self.context(
            membership,
            parent,
            staged=found,
            progress_url=self.address("-progress", parent),
            preview_url=self.address("-preview", parent),
            percent=found.rows_done * 100 // max(found.rows_total, 1),
            rows_done=f"{found.rows_done:,}",
            rows_total=f"{found.rows_total:,}",
        )
        if request.htmx:
            fragment = render(request, f"{self.progress_template}#status", context)
            if found.is_finished:
                return HttpResponseStopPolling(fragment.content)
            return fragment
        return render(request, self.progress_template, context)

    def summary(self, plan: Plan) -> str:
        total = len(plan.rows)
        noun = self.noun if total == 1 else self.plural
        parts = [
            f"{plan.count(ADD)} added",
            f"{plan.count(UPDATE)} updated",
            f"{plan.count(UNCHANGED)} unchanged",
        ]
        return f"Imported {total:,} {noun}: " + ", ".join(parts)

    def cancel_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        _membership, parent = self.parent(request, **kwargs)
        found = self.staged(request, parent)
        if fail_if_silent(found, self.plural).is_unfinished:
            return redirect(self.address("-progress", parent))  # the worker has it
        found.delete()
        confirm(request, f"Import cancelled: no {self.plural} were imported.")
        return redirect(self.back_url(parent))

    def template_view(self, request: HtmxHttpRequest, file_format: str, **kwargs: Any):
        _membership, parent = self.parent(request, **kwargs)
        columns = [c for c in self.columns(parent) if not c.ignored]
        headers = [c.header for c in columns]
        example = [c.example for c in columns]
        name = self.template_name(parent)
        if file_format == "csv":
            return csv_response(name, headers, [example])
        if file_format == "xlsx":
            return xlsx_response(name, self.plural.capitalize(), headers, [example])
        raise Http404("No such file.")

    def routes(self, *, base: str, namespace: str) -> list:
        """The upload page at `<base>import/` and the template file, preview, apply,
        progress and cancel under it, named `<noun>-import`, `-import-template`,
        `-import-preview`, `-import-apply`, `-import-progress` and `-import-cancel`.
        Registers the import, so the worker finds it by `key`."""
        self.namespace = f"{namespace}:"
        REGISTRY[self.key] = self
        name = f"{self.noun}-import"
        staged = f"{base}import/"
        return [
            path(
                f"{base}import/",
                csrf_exempt(  # only until capped_upload_view has set the cap: it checks
                    login_required(require_http_methods(["GET", "POST"])(self.capped_upload_view))
                ),
                name=name,
            ),
            path(
                f"{base}import/template.<slug:file_format>",
                login_required(require_GET(self.template_view)),
                name=f"{name}-template",
            ),
            path(
                f"{staged}preview/",
                login_required(require_GET(self.preview_view)),
                name=f"{name}-preview",
            ),
            path(
                f"{staged}apply/",
                login_required(require_POST(self.apply_view)),
                name=f"{name}-apply",
            ),
            path(
                f"{staged}progress/",
                login_required(require_GET(self.progress_view)),
                name=f"{name}-progress",
            ),
            path(
                f"{staged}cancel/",
                login_required(require_POST(self.cancel_view)),
                name=f"{name}-cancel",
            ),
        ]


# Applying a large import in the worker -----------------------------------------

REGISTRY: dict[str, SpreadsheetImport] = {}  # by key, filled by routes()


def in_request_rows() -> int:
    return getattr(settings, "IMPORT_IN_REQUEST_ROWS", IN_REQUEST_ROWS)


def registered(key: str) -> SpreadsheetImport:
    """The import registered under `key`. Every import is routed in a URL
    configuration, so loading the URLs (as a worker has not) registers them all."""
    if key not in REGISTRY:
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - imports every URL module
    return REGISTRY[key]


def fail_if_silent(staged: StagedImport, plural: str) -> StagedImport:
    """Fail an unfinished import that shows no sign of life for SILENT_FOR: its
    worker died (the database rolled its transaction back, so nothing of it was
    kept) or no worker took it. The worker checks the status before it commits,
    so an import failed here is never applied later."""
    if not staged.is_unfinished:
        return staged
    since = timezone.now() - SILENT_FOR
    if staged.status == ImportStatus.QUEUED:
        last_sign = staged.queued_at
        message = (
            f"Nothing was imported: the service that imports large files did not start "
            f"within {SILENT_FOR.seconds // 60} minutes. Import again from the preview; if "
            "it happens again, contact your platform support team."
        )
    else:
        last_sign = staged.progress_at
        message = (
            f"Nothing was imported: the import of {plural} stopped before it finished. "
            "Import again from the preview; if it happens again, contact your platform "
            "support team."
        )
    if last_sign is not None and last_sign >= since:
        return staged  # alive: a page that looks writes nothing
    # Only if it is still as silent as it was read (the worker may just have written).
    field = "queued_at" if staged.status == ImportStatus.QUEUED else "progress_at"
    StagedImport.objects.filter(
        pk=staged.pk, status=staged.status, **{f"{field}__lt": since}
    ).update(status=ImportStatus.FAILED, message=message, finished_at=timezone.now())
    staged.refresh_from_db()
    return staged


class _Progress:
    """Records how many rows the apply has reached, on a connection of its own:
    the apply's transaction is not committed until the end, and the progress
    page must see the count meanwhile. At most a write every half second."""

    EVERY = 0.5  # seconds

    def __init__(self, staged_id: int):
        self.staged_id = staged_id
        self.done = 0
        self.written_at = 0.0
        self.connection = connections.create_connection(DEFAULT_DB_ALIAS)

    def __call__(self, done: int) -> None:
        self.done = max(self.done, done)  # a second pass over the rows is still life
        if time.monotonic() - self.written_at >= self.EVERY:
            self.write()

    def write(self) -> None:
        self.written_at = time.monotonic()
        with self.connection.cursor() as cursor:  # autocommit: seen at once
            cursor.execute(
                f"UPDATE {StagedImport._meta.db_table} SET rows_done = %s, progress_at = %s "  # noqa: S608 - our own table name
                "WHERE id = %s AND status = %s",
                [self.done, timezone.now(), self.staged_id, ImportStatus.APPLYING],
            )

    def close(self) -> None:
        self.connection.close()


class _CountedRows(list):
    """The plan's rows, telling `progress` how many the domain's apply has
    reached as it goes through them (the subclass interface is unchanged)."""

    def __init__(self, rows: list, progress: Callable[[int], None]):
        super().__init__(rows)
        self.progress = progress

    def __iter__(self):
        for number, row in enumerate(super().__iter__(), start=1):
            yield row
            self.progress(number)


class _Abandoned(Exception):
    """The import was failed meanwhile (no sign of life): roll back."""


def staged_import_apply(
    *, staged_id: int, user_id: int, progress: Callable[[int], None] | None = None
) -> StagedImport | None:
    """Apply a queued import in ONE transaction, as the request does for a small
    one: the plan is made again and must be the one the user confirmed (its
    fingerprint), each row goes through the domain's services, and any refusal
    keeps nothing. Records the outcome on the StagedImport: done with the summary,
    or failed with the reason (naming the row). A duplicate message, or an import
    that is not queued for this user, does nothing (None)."""
    now = timezone.now()
    claimed = StagedImport.objects.filter(
        pk=staged_id, user_id=user_id, status=ImportStatus.QUEUED
    ).update(status=ImportStatus.APPLYING, started_at=now, progress_at=now, rows_done=0)
    if not claimed:
        return None
    staged = StagedImport.objects.select_related("user").get(pk=staged_id)
    importer = registered(staged.importer)
    writer = _Progress(staged_id) if progress is None else None
    try:
        with transaction.atomic():
            parent = importer.parent_for(staged)
            importer.lock(parent)
            plan = importer._plan(parent, staged)
            if plan.problems or plan.fingerprint != staged.fingerprint:
                raise StalePreview
            plan.rows = _CountedRows(plan.rows, progress or writer)
            importer.apply(parent, plan, staged.columns, staged.user)
            finished = StagedImport.objects.filter(pk=staged_id, status=ImportStatus.APPLYING)
            if not finished.select_for_update().exists():
                raise _Abandoned
            finished.update(
                status=ImportStatus.DONE,
                message=importer.summary(plan),
                rows_done=len(plan.rows),
                rows=[],  # applied: the text is no longer needed
                finished_at=timezone.now(),
            )
    except _Abandoned:
        logger.warning("Import %s was failed while it was applied: rolled back", staged_id)
    except StalePreview:
        _fail(staged_id, importer.stale_message().replace(" below", ""))
    except RowRefused as refused:
        _fail(staged_id, f"Nothing was imported. Row {refused.line}: {refused.message}")
    except Exception:
        logger.exception("Import %s failed", staged_id)
        _fail(
            staged_id,
            "Nothing was imported: something went wrong while importing. Import again from "
            "the preview; if it happens again, contact your platform support team "
            f"(reference import {staged_id}).",
        )
    finally:
        if writer is not None:
            writer.close()
    staged.refresh_from_db()
    return staged


def _fail(staged_id: int, message: str) -> None:
    StagedImport.objects.filter(pk=staged_id, status=ImportStatus.APPLYING).update(
        status=ImportStatus.FAILED, message=message, finished_at=timezone.now()
    )
