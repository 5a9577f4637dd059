"""Imports of the inventory from a spreadsheet, one module per concept (systems,
processes), filling in the pattern of ui/imports.py: the columns (as the
downloads in selectors/inventory_tables.py write them), the plan (each row
added, updated or unchanged, matched by name, with the form's rules applied, in
a fixed number of queries) and the apply (through the same services the forms
use)."""

from ui.imports import Plan, Row, RowProblem, planned_row


def plan_by_name(
    rows: list[Row],
    existing: list,
    headers: dict[str, str],
    fields: tuple[str, ...],
    check,
) -> Plan:
    """Each row matched by its name (any case) with one of `existing`: added,
    updated (with the headers that change) or unchanged; `check(values)` gives
    the problems of a row's values, as "Header: why" sentences."""
    by_name = {thing.name.casefold(): thing for thing in existing}
    result = Plan()
    lines: dict[str, int] = {}
    for row in rows:
        values = dict(row.values)
        key = values["name"].casefold()
        if key in lines:
            result.problems.append(
                RowProblem(row.line, f"Name: “{values['name']}” is also on row {lines[key]}.")
            )
        lines.setdefault(key, row.line)
        result.problems.extend(RowProblem(row.line, problem) for problem in check(values))
        result.rows.append(
            planned_row(
                row.line,
                values["name"],
                values,
                by_name.get(key),
                headers=headers,
                current=lambda thing: {k: getattr(thing, k) for k in fields},
            )
        )
    return result
