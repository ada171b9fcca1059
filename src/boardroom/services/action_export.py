"""The action log for people outside the app: a Word table grouped by plan section for the
board papers, CSV and Excel for the performance team.

Everything a file shows is read from the database first into an ``ActionLog`` — the rows,
each action's latest progress note and each board's last meeting — so the file itself can
be written off the GUI thread, without a session, while the window stays responsive.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError
from boardroom.files import write_atomically
from boardroom.services.action_rows import (
    ActionCounts,
    ActionRow,
    GroupTotals,
    moved_since,
    section_labels,
    summarise,
)
from boardroom.services.actions import last_meetings_before
from boardroom.storage.models import ActionPoint, ActionUpdate

SUFFIXES = (".docx", ".csv", ".xlsx")
COLUMNS = (
    "Reference",
    "Action",
    "Owner",
    "Due",
    "Status",
    "Overdue",
    "Due soon",
    "Plan items",
    "Plan priorities",
    "Agreed at",
    "Last update",
    "Latest note",
    "Moved since last meeting",
    "Board",
)
# The files' own words for what has no name of its own (the window has its translated ones).
NO_OWNER = "No owner"
NOT_LINKED = "Not linked to the plan"
UNNAMED_SECTION = "Plan section {0}"  # a section whose label was not loaded with the log
# Called now and then with (rows written, rows in all), for a progress bar.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LatestNote:
    on_date: date
    text: str


@dataclass(frozen=True)
class ActionLog:
    """What an export writes: the rows chosen and what the chair reads beside each."""

    title: str
    as_of: date
    rows: tuple[ActionRow, ...]
    section_labels: dict[int, str]
    last_meetings: dict[int, date]  # board id → its last meeting held before as_of
    notes: dict[int, LatestNote]  # action id → its latest progress note

    def moved(self, row: ActionRow) -> bool:
        """Updated since the last meeting of the action's board."""
        return moved_since(row, self.last_meetings.get(row.board_id))

    @property
    def moved_ids(self) -> frozenset[int]:
        return frozenset(row.id for row in self.rows if self.moved(row))

    @property
    def since(self) -> date | None:
        """The last meeting, when the rows all come from one board (else None)."""
        boards = {row.board_id for row in self.rows}
        return self.last_meetings.get(boards.pop()) if len(boards) == 1 else None

    def counts(self) -> ActionCounts:
        counts = summarise(self.rows, self.as_of)
        return ActionCounts(
            counts.open,
            counts.overdue,
            counts.due_soon,
            counts.closed_this_quarter,
            len(self.moved_ids),
        )

    def priorities(self, row: ActionRow) -> str:
        """The plan sections the action serves, by their labels."""
        sections = dict.fromkeys(link.section_id for link in row.plan_links)
        return "; ".join(section_heading(self.section_labels, key) for key in sections)

    def note(self, row: ActionRow) -> LatestNote | None:
        return self.notes.get(row.id)


def load_action_log(
    session: Session, rows: Sequence[ActionRow], *, title: str, as_of: date
) -> ActionLog:
    """Read what the export needs besides the rows, in three statements whatever the count."""
    boards = {row.board_id for row in rows}
    wanted = {row.id for row in rows}
    notes: dict[int, LatestNote] = {}
    if rows:
        statement = (
            select(ActionUpdate.action_id, ActionUpdate.on_date, ActionUpdate.text)
            .join(ActionPoint, ActionPoint.id == ActionUpdate.action_id)
            .where(ActionPoint.board_id.in_(boards), ActionUpdate.text != "")
            .order_by(ActionUpdate.on_date, ActionUpdate.created_at, ActionUpdate.id)
        )
        for action_id, on_date, text in session.execute(statement):
            if action_id in wanted:
                notes[action_id] = LatestNote(on_date, text)  # the last one read wins
    board_id = next(iter(boards)) if len(boards) == 1 else None
    return ActionLog(
        title=title,
        as_of=as_of,
        rows=tuple(rows),
        section_labels=section_labels(session, board_id),
        last_meetings=last_meetings_before(session, as_of, board_id),
        notes=notes,
    )


def section_heading(section_labels: dict[int, str], key: int | None) -> str:
    """A plan section as the files name it; None for the actions not linked to the plan."""
    if key is None:
        return NOT_LINKED
    return section_labels.get(key) or UNNAMED_SECTION.format(key)


def group_heading(group: GroupTotals, by: str, section_labels: dict[int, str]) -> str:
    """A line of the totals by ``owner`` or by ``section`` as the files name it."""
    if by == "owner":
        return group.name or NO_OWNER
    return group.name or section_heading(section_labels, group.key)


def row_values(log: ActionLog, row: ActionRow) -> tuple[object, ...]:
    """One action's cells, in ``COLUMNS`` order; dates stay dates for the spreadsheet."""
    note = log.note(row)
    return (
        row.reference,
        row.description,
        row.owner,
        row.due_date,
        row.status.label,
        "Yes" if row.overdue else "",
        "Yes" if row.due_soon else "",
        row.plan_numbers,
        log.priorities(row),
        row.origin_meeting_on,
        row.last_update_on,
        note.text if note else "",
        "Yes" if log.moved(row) else "",
        row.board,
    )


def export_actions(
    log: ActionLog,
    path: Path,
    progress: Progress | None = None,
    *,
    template: Path | None = None,
    author: str = "",
) -> Path:
    """Write the log to ``path`` in the format its extension names.

    ``template`` and ``author`` are those of every Word export (the agenda's and the
    minutes' too): the Word log starts from the secretariat's letterhead document; a CSV
    or Excel file has neither.
    """
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        return write_atomically(path, _csv_bytes(log, progress))
    if suffix == ".xlsx":
        from boardroom.services.action_log_xlsx import xlsx_bytes

        return write_atomically(path, xlsx_bytes(log, progress))
    if suffix == ".docx":
        from boardroom.services.action_log_docx import write_docx

        return write_docx(log, path, progress, template=template, author=author)
    raise BoardroomError(
        f"Cannot export actions to “{path.name}”; choose a name ending in .docx, .csv or .xlsx."
    )


def report_every(progress: Progress | None, done: int, total: int, step: int = 250) -> None:
    """Tell the progress bar every ``step`` rows and at the end, not 30,000 times."""
    if progress is not None and (done % step == 0 or done == total):
        progress(done, total)


def _csv_bytes(log: ActionLog, progress: Progress | None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for done, row in enumerate(log.rows, start=1):
        writer.writerow(
            value.isoformat() if isinstance(value, date) else value
            for value in row_values(log, row)
        )
        report_every(progress, done, len(log.rows))
    # The byte-order mark makes Excel read the file as UTF-8 (names with accents, en dashes).
    return buffer.getvalue().encode("utf-8-sig")


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
    rest = sorted((key for key in groups if key not in section_labels), key=lambda key: key is None)
    return ordered + [(section_heading(section_labels, key), groups[key]) for key in rest]
