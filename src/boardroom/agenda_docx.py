"""The Word agenda, laid out the way a council's committee services would send it.

Board name, meeting title, date, time, venue and online link; the numbered items in a table
(No. / Item / Purpose / Presenter / Time) with their papers beneath each item; exempt items
under a separate "Part 2 — not for publication" heading. The public version leaves the exempt
items out entirely — from the body, the headers and the document properties — so it can be
put on the website as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from boardroom import docx_support
from boardroom.services.agenda import actions_for_review, timetable
from boardroom.services.meetings import get_meeting
from boardroom.services.papers import describe
from boardroom.services.timetable import AgendaLine
from boardroom.storage.models import ActionPoint, AgendaItem, Meeting, StandingKind

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell

PART_2_HEADING = "Part 2 — not for publication"
PART_2_NOTE = (
    "The following items contain exempt information. The Board is expected to exclude the "
    "press and public while they are considered."
)
COLUMNS = ("No.", "Item", "Purpose", "Presenter", "Time")
WIDTHS_CM = (1.3, 7.2, 3.0, 3.3, 1.8)  # 16.6 cm: A4 within 2.2 cm margins


@dataclass(frozen=True)
class _Row:
    line: AgendaLine
    item: AgendaItem


def long_date(moment: datetime) -> str:
    """ "Tuesday 11 October 2016", as the front page of an agenda gives it."""
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def agenda_title(meeting: Meeting) -> str:
    return f"{meeting.board.name} — Agenda — {long_date(meeting.starts_at)}"


def _rows(meeting: Meeting) -> tuple[list[_Row], list[_Row]]:
    """Split the numbered agenda into Part 1 and Part 2; an exempt item takes its
    sub-items with it. Numbers stay those of the full agenda, so "item 7" means the same
    in the public and the members' version."""
    items = {item.id: item for item in meeting.agenda_items}
    part_1: list[_Row] = []
    part_2: list[_Row] = []
    exempt: set[int] = set()
    for line in timetable(meeting).lines:
        item = items[line.item_id]
        if item.confidential or item.parent_id in exempt:
            exempt.add(item.id)
            part_2.append(_Row(line, item))
        else:
            part_1.append(_Row(line, item))
    return part_1, part_2


def meeting_details(meeting: Meeting) -> list[tuple[str, str]]:
    rows = [
        ("Date", long_date(meeting.starts_at)),
        ("Time", f"{meeting.starts_at:%H:%M} – {meeting.ends_at:%H:%M}"),
    ]
    if meeting.venue:
        rows.append(("Venue", meeting.venue))
    if meeting.online_link:
        rows.append(("Join online", meeting.online_link))
    return rows


def _item_cell(cell: _Cell, row: _Row, actions: list[ActionPoint]) -> None:
    from docx.shared import Cm, Pt

    item = row.item
    title = cell.paragraphs[0]
    title.add_run(item.title).bold = row.line.depth == 0
    if row.line.depth:
        title.paragraph_format.left_indent = Cm(0.4 * row.line.depth)
    if item.description.strip():
        for text in item.description.strip().split("\n\n"):
            cell.add_paragraph(text.strip()).paragraph_format.space_before = Pt(3)
    if item.standing == StandingKind.ACTION_LOG and actions:
        heading = cell.add_paragraph()
        heading.paragraph_format.space_before = Pt(3)
        heading.add_run(f"Open actions ({len(actions)})").italic = True
        for action in actions:
            owner = action.owner.display_name if action.owner else "no owner"
            due = f", due {action.due_date.day} {action.due_date:%b %Y}" if action.due_date else ""
            line = cell.add_paragraph()
            line.paragraph_format.left_indent = Cm(0.3)
            line.add_run(f"{action.reference}  ").bold = True
            line.add_run(f"{action.description} ({owner}{due})")
    for paper in item.papers:
        line = cell.add_paragraph()
        line.paragraph_format.space_before = Pt(2)
        line.add_run("Paper: ").italic = True
        line.add_run(paper.filename)
        line.add_run(f" ({describe(paper)})").font.size = Pt(9)


def _items_table(document: Document, rows: list[_Row], actions: list[ActionPoint]) -> Table:
    from docx.shared import Pt

    widths = docx_support.fit_widths(document, WIDTHS_CM)
    table = docx_support.grid_table(document, COLUMNS, widths)
    for row in rows:
        cells = table.add_row().cells
        docx_support.keep_row_together(table.rows[-1])
        cells[0].paragraphs[0].add_run(row.line.number).bold = row.line.depth == 0
        _item_cell(cells[1], row, actions)
        cells[2].text = row.item.purpose.label
        cells[3].text = row.line.presenter
        cells[4].text = f"{row.line.starts_at:%H:%M}"
        cells[4].add_paragraph().add_run(f"{row.line.minutes} min").font.size = Pt(9)
    docx_support.set_column_widths(table, widths)
    for run in (r for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs):
        if run.font.size is None:
            run.font.size = Pt(10)
    return table


def build_agenda(
    session: Session,
    meeting_id: int,
    *,
    public: bool = False,
    template: Path | None = None,
    author: str = "",
    now: datetime | None = None,
) -> Document:
    """The agenda as a python-docx document (call ``docx_support.save_document`` to write)."""
    meeting = get_meeting(session, meeting_id)
    document = docx_support.new_document(template)
    part_1, part_2 = _rows(meeting)
    actions = actions_for_review(session, meeting, public=public)
    board = meeting.board.name

    document.add_paragraph(board, style="Title")
    heading = "Agenda" if meeting.title == board else f"{meeting.title} — Agenda"
    document.add_heading(heading, level=1)
    docx_support.borderless_table(
        document, meeting_details(meeting), docx_support.fit_widths(document, (3.5, 13.1))
    )
    if not (part_1 or part_2):
        document.add_paragraph("The agenda has no items yet.")
    if part_1:
        document.add_heading(
            "Part 1 — public items" if part_2 and not public else "Items of business", 2
        )
        _items_table(document, part_1, actions)
    if part_2 and not public:
        document.add_heading(PART_2_HEADING, level=1)
        document.add_paragraph(PART_2_NOTE).paragraph_format.keep_with_next = True
        _items_table(document, part_2, actions)

    finish_meeting_document(
        document, meeting, "agenda", agenda_title(meeting), author, public=public, now=now
    )
    return document


def finish_meeting_document(
    document: Document,
    meeting: Meeting,
    kind: str,
    title: str,
    author: str,
    *,
    public: bool,
    now: datetime | None,
) -> None:
    """The footer and description of a meeting's agenda or minutes (``kind``), worded alike:
    "Wirral Improvement Board — minutes, Tuesday 13 September 2016"."""
    board = meeting.board.name
    docx_support.finish_document(
        document,
        caption=f"{board} — {kind}, {long_date(meeting.starts_at)}",
        title=title,
        author=author or board,
        subject=f"{meeting.title}: {kind}" + (" (public version)" if public else ""),
        when=now or datetime.now(UTC),
    )


def export_agenda(
    session: Session,
    meeting_id: int,
    out: Path,
    *,
    public: bool = False,
    template: Path | None = None,
    author: str = "",
) -> Path:
    """Write the Word agenda to ``out`` (replacing it only once it is complete)."""
    document = build_agenda(session, meeting_id, public=public, template=template, author=author)
    return docx_support.save_document(document, out)
