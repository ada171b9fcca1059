"""The action log for people outside the app: a Word table grouped by plan section for the
board papers, CSV and Excel for the performance team.

An action that serves two recommendations is listed under both in Word, as the chair reads
the log section by section; the spreadsheets have one line per action with every plan item
it serves. python-docx and openpyxl are imported only when an export is written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.files import write_atomically
from boardroom.services.action_rows import ActionRow

SUFFIXES = (".docx", ".csv", ".xlsx")
COLUMNS = (
    "Reference",
    "Action",
    "Owner",
    "Due",
    "Status",
    "Overdue",
    "Plan items",
    "Agreed at",
    "Last update",
    "Board",
)
_WORD_COLUMNS = ("Ref", "Action", "Owner", "Due", "Status", "Plan")
_WORD_WIDTHS_CM = (2.5, 5.8, 2.9, 2.4, 2.1, 1.5)  # 17.2 cm: the page inside the margins
NOT_LINKED = "Not linked to the plan"


def _values(row: ActionRow) -> tuple[object, ...]:
    return (
        row.reference,
        row.description,
        row.owner,
        row.due_date,
        row.status.label,
        "Yes" if row.overdue else "",
        row.plan_numbers,
        row.origin_meeting_on,
        row.last_update_on,
        row.board,
    )


def export_actions(
    rows: Sequence[ActionRow],
    path: Path,
    *,
    section_labels: dict[int, str],
    title: str,
    as_of: date,
) -> Path:
    """Write the rows to ``path`` in the format its extension names."""
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        return write_atomically(path, _csv_bytes(rows))
    if suffix == ".xlsx":
        return write_atomically(path, _xlsx_bytes(rows, title))
    if suffix == ".docx":
        return _write_docx(rows, path, section_labels, title, as_of)
    raise BoardroomError(
        f"Cannot export actions to “{path.name}”; choose a name ending in .docx, .csv or .xlsx."
    )


def _csv_bytes(rows: Sequence[ActionRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            value.isoformat() if isinstance(value, date) else value for value in _values(row)
        )
    # The byte-order mark makes Excel read the file as UTF-8 (names with accents, en dashes).
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_bytes(rows: Sequence[ActionRow], title: str) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Actions"
    sheet.append(COLUMNS)
    header_fill = PatternFill("solid", fgColor="D9E2F3")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    late = Font(color="C62828", bold=True)
    for row in rows:
        sheet.append(_values(row))
        if row.overdue:
            sheet.cell(sheet.max_row, COLUMNS.index("Due") + 1).font = late
    for index, width in enumerate((14, 60, 24, 14, 12, 9, 14, 14, 14, 28), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for column in ("Due", "Agreed at", "Last update"):
        letter = get_column_letter(COLUMNS.index(column) + 1)
        for cell in sheet[letter][1:]:
            cell.number_format = "ddd d mmm yyyy"
    for cell in sheet["B"][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 1)}"
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def group_by_section(
    rows: Sequence[ActionRow], section_labels: dict[int, str]
) -> list[tuple[str, list[ActionRow]]]:
    """Plan sections in plan order, each with the actions serving it, then the unlinked."""
    groups: dict[int | None, list[ActionRow]] = {}
    for row in rows:
        sections = dict.fromkeys(link.section_id for link in row.plan_links) or {None: None}
        for section_id in sections:
            groups.setdefault(section_id, []).append(row)
    ordered = [(label, groups[key]) for key, label in section_labels.items() if key in groups]
    ordered += [
        (f"Plan section {key}", members)
        for key, members in groups.items()
        if key is not None and key not in section_labels
    ]
    if None in groups:
        ordered.append((NOT_LINKED, groups[None]))
    return ordered


def _write_docx(
    rows: Sequence[ActionRow],
    path: Path,
    section_labels: dict[int, str],
    title: str,
    as_of: date,
) -> Path:
    from docx.shared import RGBColor

    from boardroom.docx_support import (
        grid_table,
        keep_row_together,
        new_document,
        page_number_footer,
        save_document,
        set_core_properties,
    )

    document = new_document()
    document.add_paragraph(title, style="Title")
    document.add_paragraph(
        f"Action log as at {format_date(as_of)}: {len(rows)} actions, "
        f"{sum(row.overdue for row in rows)} overdue."
    )
    if not rows:
        document.add_paragraph("There are no actions to report.")
    for label, members in group_by_section(rows, section_labels):
        document.add_heading(label, level=1)
        table = grid_table(document, _WORD_COLUMNS, _WORD_WIDTHS_CM)
        for row in sorted(members, key=lambda r: (r.due_date or date.max, r.reference)):
            line = table.add_row()
            keep_row_together(line)
            cells = line.cells
            due = format_date(row.due_date)
            for cell, text in zip(
                cells,
                (
                    row.reference,
                    row.description,
                    row.owner,
                    due,
                    row.status.label,
                    row.plan_numbers,
                ),
                strict=True,
            ):
                cell.text = text
            if row.overdue:
                run = cells[3].paragraphs[0].runs[0]
                run.bold = True
                run.font.color.rgb = RGBColor(0xC6, 0x28, 0x28)
                cells[3].add_paragraph("Overdue")
    page_number_footer(document.sections[-1], title)
    set_core_properties(
        document, title=title, author="Boardroom", subject="Action log", when=datetime.now()
    )
    return save_document(document, path)
