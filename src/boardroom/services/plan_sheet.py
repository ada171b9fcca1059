"""Reading an improvement plan from a CSV file or an Excel workbook, one item per row.

Spreadsheets name their columns however the performance team likes, so the columns are
mapped to plan fields: guessed from the headings, confirmed (or changed) by the user in the
import wizard or with ``--map`` on the command line. openpyxl is imported only here.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from boardroom.errors import BoardroomError
from boardroom.services.plan_import import (
    ITEM_FIELDS,
    SECTION_FIELDS,
    ParsedPlan,
    PlanAssembler,
    field_for_header,
    missing_fields,
)

SUFFIXES = (".csv", ".xlsx", ".xlsm")


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet's heading row and data rows as text; ``first_row`` numbers them."""

    name: str
    headers: list[str]
    rows: list[list[str]]
    first_row: int  # the sheet row number of rows[0], for messages


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BoardroomError(f"“{name}” is not a text (CSV) file Boardroom can read.")


def _csv_rows(path: Path) -> list[list[str]]:
    """Rows of a CSV file separated by commas, semicolons (a European Excel) or tabs.

    The separator is the one the heading line uses most: headings are plain words, while a
    guess from the data is fooled by the semicolons and commas of the text in it.
    """
    text = _decode(path.read_bytes(), path.name)
    heading = text.split("\n", 1)[0]
    separator = max(",;\t", key=heading.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        return [list(row) for row in reader]
    except csv.Error as exc:
        raise BoardroomError(
            f"Line {reader.line_num} of “{path.name}” cannot be read as CSV ({exc}). "
            "Nothing was imported."
        ) from exc


def _excel_rows(path: Path) -> list[list[str]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BoardroomError(
            f"“{path.name}” cannot be read as an Excel workbook (.xlsx); it may be damaged. "
            "Nothing was imported."
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        return [[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_sheet(path: Path) -> Sheet:
    """The first non-empty row is the heading row; everything below it is data."""
    path = Path(path)
    rows = _csv_rows(path) if path.suffix.casefold() == ".csv" else _excel_rows(path)
    for index, row in enumerate(rows):
        if any(cell.strip() for cell in row):
            return Sheet(
                name=path.stem,
                headers=[cell.strip() for cell in row],
                rows=rows[index + 1 :],
                first_row=index + 2,
            )
    raise BoardroomError(f"“{path.name}” is empty.")


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Field → column index for every heading that names a plan field."""
    mapping: dict[str, int] = {}
    for column, header in enumerate(headers):
        name = field_for_header(header)
        if name is not None and name not in mapping:
            mapping[name] = column
    return mapping


def plan_from_sheet(sheet: Sheet, mapping: dict[str, int]) -> ParsedPlan:
    """Rows become items; a Section/Recommendation column or the item number's first part
    says which recommendation each belongs to."""
    missing = missing_fields(mapping)
    if missing:
        raise BoardroomError(
            f"Choose the column that holds the {' and the '.join(missing)}; "
            f"the columns are {', '.join(header or '(blank)' for header in sheet.headers)}."
        )
    for name, column in mapping.items():
        if not 0 <= column < len(sheet.headers):
            raise BoardroomError(f"There is no column {column + 1} for {name}.")
    assembler = PlanAssembler(sheet.name)
    for index, row in enumerate(sheet.rows, start=sheet.first_row):
        values = {
            name: row[column] if column < len(row) else "" for name, column in mapping.items()
        }
        assembler.add_row(values, f"Row {index}")
    return assembler.finish()


def field_labels() -> dict[str, str]:
    """Every field a column can be mapped to, with its heading, for the mapping step."""
    return {**ITEM_FIELDS, **SECTION_FIELDS}
