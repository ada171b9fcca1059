"""minutes_export_ratio: the Word minutes of a 30-item meeting with 60 actions, against the
same paragraphs and tables written with bare python-docx calls.

The meeting is added to the benchmark database inside a transaction that is rolled back at
the end, so the cached data stays as generated. Before each export the session forgets what
it loaded, so every export reads the meeting afresh as the command line and the window do.
The floor is read back from Boardroom's own file: every paragraph (style and runs) and every
table (cell texts), in order — what a hand-written python-docx script would have to write to
produce the same text, without the house layout (widths, repeating headers, page numbers).
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.bench import probe
from boardroom.bench.generate import ACTION_OBJECTS, ACTION_VERBS
from boardroom.minutes_docx import export_minutes
from boardroom.services.actions import create_action
from boardroom.storage.database import open_database
from boardroom.storage.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Board,
    Meeting,
    MeetingStatus,
    Membership,
    Minute,
    Plan,
    PlanItem,
    PlanSection,
    Purpose,
    Resolution,
)

ITEMS = 30
ACTIONS_PER_ITEM = 2
NOTES = (
    "The Director introduced the report, which had been circulated with the agenda.\n\n"
    "Key points\n\n"
    "Performance had improved in {topic}, although the timeliness of assessments remained "
    "below the regional average. Members asked how the service would sustain the improvement "
    "once the additional social workers' contracts ended in March.\n\n"
    "Measure\tTarget\tActual\nAssessments within 45 days\t85%\t79%\nVisits on time\t90%\t93%\n\n"
    "Action: officers to bring the workforce plan to the next meeting."
)


def add_meeting(session: Session) -> int:
    """A held meeting of the first board: 30 minuted items, two actions each, a register."""
    board = session.scalars(select(Board).order_by(Board.id).limit(1)).one()
    seats = session.scalars(select(Membership).where(Membership.board_id == board.id)).all()
    plan_items = session.scalars(
        select(PlanItem.id)
        .join(PlanSection, PlanSection.id == PlanItem.section_id)
        .join(Plan, Plan.id == PlanSection.plan_id)
        .where(Plan.board_id == board.id)
    ).all()
    day = date(2030, 3, 19)
    starts = datetime.combine(day, time(14))
    meeting = Meeting(
        board=board, title=board.name, starts_at=starts, ends_at=starts + timedelta(hours=3),
        venue="Committee Room 1, Wallasey Town Hall", status=MeetingStatus.HELD,
        uid="bench-minutes@boardroom", closed_at=time(17, 5),
    )  # fmt: skip
    session.add(meeting)
    for index, seat in enumerate(seats):
        status = AttendanceStatus.APOLOGIES if index % 7 == 3 else AttendanceStatus.PRESENT
        meeting.attendance.append(Attendance(person_id=seat.person_id, status=status))
    for position in range(ITEMS):
        topic = ACTION_OBJECTS[position % len(ACTION_OBJECTS)]
        item = AgendaItem(
            position=position, title=f"{ACTION_VERBS[position % len(ACTION_VERBS)]} {topic}",
            purpose=Purpose.DECISION if position % 3 else Purpose.INFORMATION,
            presenter_id=seats[position % len(seats)].person_id, minutes_allotted=6,
            confidential=position == ITEMS - 2,
            minute=Minute(notes=NOTES.format(topic=topic)),
            resolutions=[Resolution(position=0, text="That the Board noted the report.")],
        )  # fmt: skip
        meeting.agenda_items.append(item)
    session.flush()
    for position, item in enumerate(meeting.agenda_items):
        for number in range(ACTIONS_PER_ITEM):
            create_action(
                session, board.id,
                f"{ACTION_VERBS[(position + number) % len(ACTION_VERBS)]} "
                f"{ACTION_OBJECTS[(position * 3 + number) % len(ACTION_OBJECTS)]}",
                owner_id=seats[(position + number) % len(seats)].person_id,
                due_date=day + timedelta(days=28 * (number + 1)),
                origin_meeting_id=meeting.id, origin_item_id=item.id,
                plan_item_ids=plan_items[position % len(plan_items) :][:2],
            )  # fmt: skip
    session.flush()
    return meeting.id


def layout_of(path: Path) -> list[tuple[str, Any]]:
    """The file's body in order: ("p", style, [(text, bold, italic)]) and ("t", style, rows)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks: list[tuple[str, Any]] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            runs = [(run.text, bool(run.bold), bool(run.italic)) for run in paragraph.runs]
            blocks.append(("p", paragraph.style.name if paragraph.style else None, runs))
        elif tag == "tbl":
            table = Table(element, document)
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            blocks.append(("t", table.style.name if table.style else None, rows))
    return blocks


def write_bare(blocks: list[tuple[str, Any]], out: Path) -> None:
    """The floor: the same paragraphs and tables with the plainest python-docx calls."""
    import docx

    document = docx.Document()
    styles = {style.name for style in document.styles}
    for kind, style, body in blocks:
        chosen = style if style in styles else None
        if kind == "p":
            paragraph = document.add_paragraph(style=chosen)
            for text, bold, italic in body:
                run = paragraph.add_run(text)
                run.bold, run.italic = bold or None, italic or None
        else:
            table = document.add_table(rows=len(body), cols=max(map(len, body)), style=chosen)
            for row, values in zip(table.rows, body, strict=True):
                for cell, value in zip(row.cells, values, strict=False):
                    cell.text = value
    document.save(str(out))


def measure(url: str, repeat: int) -> dict[str, Any]:
    database = open_database(url)
    try:
        with database.sessions() as session, tempfile.TemporaryDirectory() as folder:
            session.begin()
            meeting_id = add_meeting(session)
            made, bare = Path(folder, "minutes.docx"), Path(folder, "bare.docx")
            export_minutes(session, meeting_id, made)  # warms python-docx's imports and caches
            blocks = layout_of(made)
            write_bare(blocks, bare)
            exports, floors = [], []
            for _ in range(repeat):
                session.expire_all()
                exports.append(probe.timed(lambda: export_minutes(session, meeting_id, made)))
                floors.append(probe.timed(lambda: write_bare(blocks, bare)))
            session.rollback()
    finally:
        database.close()
    export_s, floor_s = probe.median(exports), probe.median(floors)
    return {
        "value": round(export_s / floor_s, 3),
        "export_ms": probe.milliseconds(export_s),
        "floor_ms": probe.milliseconds(floor_s),
        "paragraphs": sum(kind == "p" for kind, *_ in blocks),
        "tables": sum(kind == "t" for kind, *_ in blocks),
        "samples": repeat,
    }


def main() -> None:
    args = probe.arguments(__doc__.splitlines()[0])
    probe.emit(measure(args.database, args.repeat))


if __name__ == "__main__":
    main()
