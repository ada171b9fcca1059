"""The action log as an Excel workbook for the performance team: the chair's screen in
sheets — every action (filterable, overdue dates in red, the latest note, whether it moved
since the last meeting), the totals by owner and by plan priority, and the headline counts.

It is written with XlsxWriter, imported only when a workbook is written, row by row
(``constant_memory``): thirty thousand actions, 420,000 cells, take about 4 s, where
openpyxl's write-only mode took 10 s on the same machine. Every text is written as text:
a name or a note that begins with "=", "+" or "http" stays what the clerk typed, never a
formula, a number or a link the spreadsheet would act on.

Every sheet prints as a document: A4 landscape, all its columns across one page, the heading
row repeated on each page, and the log's title and "Page n of m" in the margins. Rows with
wrapped text carry their height: Excel fits an unset row to its text when it shows the sheet,
but LibreOffice and other readers keep it one line high and draw the lines over each other.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any, NamedTuple

from boardroom.dates import format_date
from boardroom.services.action_export import (
    COLUMNS,
    ActionLog,
    Progress,
    group_heading,
    report_every,
    row_values,
)
from boardroom.services.action_rows import group_rows

_WIDTHS = {
    "Reference": 15,
    "Action": 55,
    "Owner": 24,
    "Due": 16,
    "Status": 12,
    "Overdue": 9,
    "Due soon": 9,
    "Plan items": 12,
    "Plan priorities": 40,
    "Agreed at": 16,
    "Last update": 16,
    "Latest note": 55,
    "Moved since last meeting": 12,
    "Board": 28,
}
_WRAPPED = ("Action", "Plan priorities", "Latest note")
_DATES = ("Due", "Agreed at", "Last update")
_GROUP_COLUMNS = ("Open", "Overdue", "Due soon", "Moved since last meeting", "Total")
DATE_FORMAT = "ddd d mmm yyyy"
# Excel holds at most 32,767 characters (UTF-16 code units) in a cell and cuts the rest
# without a word when it opens the file; a cell shortened here says so, and where to read on.
EXCEL_CELL_LIMIT = 32_767
CONTINUED = "… (continues in the Word action log)"
# Excel's default font (Calibri 11): one line's height in points, how much of a column's
# width (counted in characters) a line of prose fills, and the tallest row it allows.
LINE_POINTS = 15.0
FILL = 0.85
MAX_ROW_POINTS = 409.0
# What Excel allows in a page header, its field codes included.
HEADER_LIMIT = 255


def fit_cell(value: object) -> object:
    """``value`` as one Excel cell can hold it: a text too long for a cell is cut to the
    limit and ends with ``CONTINUED``; anything else is unchanged."""
    if not isinstance(value, str) or len(value) <= EXCEL_CELL_LIMIT // 2:
        return value  # fits whatever it holds: no character takes more than two units
    units = value.encode("utf-16-le")
    if len(units) <= 2 * EXCEL_CELL_LIMIT:
        return value
    room = 2 * (EXCEL_CELL_LIMIT - len(CONTINUED.encode("utf-16-le")) // 2)
    # "ignore" drops the half of an emoji (a surrogate pair) the cut may leave at the end.
    kept = units[:room].decode("utf-16-le", errors="ignore")
    return kept.rstrip() + CONTINUED


def row_points(cells: Sequence[tuple[object, float]]) -> float | None:
    """The height a row needs for its wrapped ``(text, column width)`` cells, on the generous
    side (a line of prose rarely fills its column); None when one line is enough."""
    lines = 1
    for text, width in cells:
        if not isinstance(text, str) or not text:
            continue
        per_line = max(width * FILL, 1.0)
        lines = max(
            lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        )
    return min(lines * LINE_POINTS, MAX_ROW_POINTS) if lines > 1 else None


def xlsx_bytes(log: ActionLog, progress: Progress | None = None) -> bytes:
    """The workbook: the actions, the totals by owner and by plan priority, the counts."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    with xlsxwriter.Workbook(buffer, options) as workbook:
        styles = _styles(workbook)
        _actions_sheet(workbook.add_worksheet("Actions"), styles, log, progress)
        moved = log.moved_ids
        by_owner = workbook.add_worksheet("By owner")
        _group_sheet(by_owner, styles, "Owner", log, "owner", moved)
        by_priority = workbook.add_worksheet("By plan priority")
        _group_sheet(by_priority, styles, "Plan priority", log, "section", moved)
        _summary_sheet(workbook.add_worksheet("Summary"), styles, log)
        workbook.set_properties(
            {"title": log.title, "subject": "Action log", "author": "Boardroom"}
        )
    return buffer.getvalue()


class _Styles(NamedTuple):
    """The cell formats every sheet shares (XlsxWriter ``Format`` objects)."""

    text: Any  # one line, read from the top of its row like the Word log
    wrapped: Any  # wrapped, from the top
    date: Any
    late_date: Any  # an overdue date, red and bold as on the chair's screen
    late: Any  # an overdue count
    heading: Any  # a column's heading: bold, shaded, wrapped
    title: Any  # the summary's title


def _styles(workbook) -> _Styles:
    top = {"valign": "top"}
    wrapped = {**top, "text_wrap": True}
    date = {**top, "num_format": DATE_FORMAT}
    late = {"font_color": "#C62828", "bold": True}
    add = workbook.add_format
    return _Styles(
        text=add(top),
        wrapped=add(wrapped),
        date=add(date),
        late_date=add({**date, **late}),
        late=add({**top, **late}),
        heading=add({**wrapped, "bold": True, "bg_color": "#D9E2F3", "pattern": 1}),
        title=add({"bold": True, "font_size": 14}),
    )


def _fit_row(sheet, row: int, cells: Sequence[tuple[object, float]]) -> None:
    """Give a row its height; written row by row, it must be set before the row's cells."""
    height = row_points(cells)
    if height is not None:
        sheet.set_row(row, height)


def margin_title(title: str) -> str:
    """``title`` in Excel's header codes, where "&" starts a field (a title's own are
    doubled), cut to what a header with the sheet's name beside it may hold."""
    room = HEADER_LIMIT - len("&L&R&A")
    kept = []
    for char in title:
        code = "&&" if char == "&" else char
        room -= len(code)
        if room < 0:
            break
        kept.append(code)
    return "".join(kept)


def _print_as_document(sheet, title: str) -> None:
    """A4 landscape, every column across one page, gridlines, the title and page numbers."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many down as the rows need
    sheet.hide_gridlines(0)  # 0: printed as well as shown
    sheet.set_margins(left=0.4, right=0.4)
    sheet.set_header(f"&L{margin_title(title)}&R&A")
    sheet.set_footer("&CPage &P of &N")


def _header(
    sheet, styles: _Styles, title: str, names: Sequence[str], widths: Sequence[float]
) -> None:
    """Column widths, frozen heading row, print layout, the heading row itself."""
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    sheet.repeat_rows(0)
    _print_as_document(sheet, title)
    _fit_row(sheet, 0, list(zip(names, widths, strict=True)))
    for column, name in enumerate(names):
        sheet.write_string(0, column, name, styles.heading)


def _actions_sheet(sheet, styles: _Styles, log: ActionLog, progress: Progress | None) -> None:
    _header(sheet, styles, log.title, COLUMNS, [_WIDTHS[name] for name in COLUMNS])
    sheet.autofilter(0, 0, len(log.rows), len(COLUMNS) - 1)
    dates = {COLUMNS.index(name) for name in _DATES}
    wrapped = {COLUMNS.index(name): _WIDTHS[name] for name in _WRAPPED}
    due = COLUMNS.index("Due")
    formats = [
        styles.date if index in dates else styles.wrapped if index in wrapped else styles.text
        for index in range(len(COLUMNS))
    ]
    late_formats = [*formats]
    late_formats[due] = styles.late_date
    for done, row in enumerate(log.rows, start=1):
        values = [fit_cell(value) for value in row_values(log, row)]
        _fit_row(sheet, done, [(values[index], width) for index, width in wrapped.items()])
        row_formats = late_formats if row.overdue else formats
        for column, value in enumerate(values):
            if value is not None:
                sheet.write(done, column, value, row_formats[column])
        report_every(progress, done, len(log.rows))


def _group_sheet(
    sheet, styles: _Styles, title: str, log: ActionLog, by: str, moved: frozenset[int]
) -> None:
    """One line per owner (or plan priority): the chair's "by owner" table."""
    groups = group_rows(log.rows, by, log.section_labels, moved)
    label_width = 60
    names = (title, *_GROUP_COLUMNS)
    _header(sheet, styles, log.title, names, (label_width, 12, 12, 12, 12, 12))
    sheet.autofilter(0, 0, len(groups), len(names) - 1)
    for row, group in enumerate(groups, start=1):
        # A plan priority's outcome may be pasted at length.
        label = fit_cell(group_heading(group, by, log.section_labels))
        _fit_row(sheet, row, [(label, label_width)])
        sheet.write_string(row, 0, label, styles.wrapped)
        overdue = styles.late if group.overdue else styles.text
        counts = (
            (group.open, styles.text),
            (group.overdue, overdue),
            (group.due_soon, styles.text),
            (group.moved, styles.text),
            (group.total, styles.text),
        )
        for column, (count, style) in enumerate(counts, start=1):
            sheet.write_number(row, column, count, style)


def _summary_sheet(sheet, styles: _Styles, log: ActionLog) -> None:
    """The headline counts, as at the day of the export."""
    counts = log.counts()
    since = log.since
    moved = (
        f"Moved since the meeting of {format_date(since)}" if since else "Moved since last meeting"
    )
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 1, 16)
    _print_as_document(sheet, log.title)
    sheet.write_string(0, 0, log.title, styles.title)
    sheet.write_string(1, 0, "As at")
    sheet.write_datetime(1, 1, log.as_of, styles.date)
    for row, (label, value) in enumerate(
        (
            ("Actions listed", len(log.rows)),
            ("Open (open or in progress)", counts.open),
            ("Overdue", counts.overdue),
            ("Due in the next 10 working days", counts.due_soon),
            ("Closed this quarter", counts.closed_this_quarter),
            (moved, counts.moved_since),
        ),
        start=3,
    ):
        sheet.write_string(row, 0, label)
        sheet.write_number(row, 1, value)
