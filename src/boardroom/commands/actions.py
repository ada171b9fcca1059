"""``boardroom export actions``: the action log as Word, CSV or Excel."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from boardroom.commands import CommandGroups, add_template_option
from boardroom.commands.meetings import board_id_named
from boardroom.services.action_export import SUFFIXES, export_actions, load_action_log
from boardroom.services.action_rows import (
    ActionFilter,
    filter_rows,
    load_action_rows,
    raised_in_public,
)
from boardroom.services.overdue import OUTSTANDING
from boardroom.storage.database import open_database
from boardroom.storage.models import ActionStatus, Board

# "outstanding" is what the chair means by open: not yet done or dropped.
STATUS_CHOICES = {"outstanding": OUTSTANDING, **{s.value: (s,) for s in ActionStatus}}


def _export(args: argparse.Namespace) -> int:
    today = date.today()
    statuses = frozenset(status for name in args.status for status in STATUS_CHOICES[name])
    database = open_database(args.database)
    try:
        with database.sessions() as session:
            board_id = board_id_named(session, args.board) if args.board else None
            board = session.get(Board, board_id) if board_id is not None else None
            where = [raised_in_public()] if args.public else []
            rows = filter_rows(
                load_action_rows(session, board_id=board_id, as_of=today, where=where),
                ActionFilter(statuses=statuses, overdue_only=args.overdue),
            )
            title = f"Action log – {board.name}" if board is not None else "Action log"
            title += " (public version)" if args.public else ""
            log = load_action_log(session, rows, title=title, as_of=today)
    finally:
        database.close()
    target = export_actions(log, Path(args.out).expanduser(), template=args.template)
    print(f"Wrote {len(rows)} actions to {target}.")
    return 0


def register(groups: CommandGroups) -> None:
    actions = groups.export.add_parser(
        "actions", help="the action log as a Word table, CSV or Excel for the performance team"
    )
    actions.add_argument("--board", metavar="NAME", help="only this board's actions")
    actions.add_argument(
        "--status",
        action="append",
        default=[],
        choices=list(STATUS_CHOICES),
        help="only actions with this status (repeatable); outstanding = open or in progress",
    )
    actions.add_argument("--overdue", action="store_true", help="only overdue actions")
    actions.add_argument(
        "--public",
        action="store_true",
        help="leave out the actions agreed under confidential (exempt) items, for publication",
    )
    actions.add_argument(
        "--out", required=True, metavar="FILE", help=f"file to write ({', '.join(SUFFIXES)})"
    )
    add_template_option(actions)
    actions.set_defaults(handler=_export)
