"""``boardroom meetings list``: the schedule with each meeting's papers deadline."""

from __future__ import annotations

import argparse
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.commands import CommandGroups
from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.meetings import list_meetings, papers_deadline
from boardroom.storage.database import open_database
from boardroom.storage.models import Board


def board_id_named(session: Session, name: str) -> int:
    """A board by its exact name, or by a unique part of it."""
    boards = session.execute(select(Board.id, Board.name)).all()
    exact = [board_id for board_id, board_name in boards if board_name.lower() == name.lower()]
    if exact:
        return exact[0]
    partial = [(i, n) for i, n in boards if name.lower() in n.lower()]
    if len(partial) == 1:
        return partial[0][0]
    if not partial:
        raise NotFoundError(f"There is no board called “{name}”.")
    raise BoardroomError(
        f"“{name}” matches several boards: {', '.join(n for _i, n in partial)}; give more of "
        "the name."
    )


def _day(text: str | None) -> date | None:
    return parse_date(text) if text else None


def _list(args: argparse.Namespace) -> int:
    start, end = _day(args.start), _day(args.end)
    if start and end and end < start:
        raise BoardroomError("--to is before --from.")
    today = date.today()
    database = open_database(args.database)
    try:
        with database.sessions() as session:
            board_id = board_id_named(session, args.board) if args.board else None
            meetings = list_meetings(session, board_id, start, end)
            rows = [
                (
                    str(m.id),
                    format_date(m.starts_at),
                    f"{m.starts_at:%H:%M}–{m.ends_at:%H:%M}",
                    m.board.name,
                    m.status.label,
                    papers_deadline(m, today).text,
                )
                for m in meetings
            ]
    finally:
        database.close()
    if not rows:
        print("No meetings in that period.")
        return 0
    header = ("#", "Date", "Time", "Board", "Status", "Papers")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        print("  ".join([*cells, row[-1]]))
    return 0


def register(groups: CommandGroups) -> None:
    meetings = groups.top.add_parser("meetings", help="the schedule of meetings")
    actions = meetings.add_subparsers(title="what to do", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help="print the schedule with each meeting's papers deadline"
    )
    listing.add_argument("--board", metavar="NAME", help="only this board's meetings")
    listing.add_argument("--from", dest="start", metavar="DATE", help="from this day (inclusive)")
    listing.add_argument("--to", dest="end", metavar="DATE", help="up to this day (inclusive)")
    listing.set_defaults(handler=_list)
