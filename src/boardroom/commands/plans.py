"""``boardroom import plan FILE --board NAME``: read an improvement plan from Word, CSV or
Excel into a board, updating the plan in place when it is imported again."""

from __future__ import annotations

import argparse
from pathlib import Path

from boardroom.commands import CommandGroups
from boardroom.commands.meetings import board_id_named
from boardroom.errors import BoardroomError
from boardroom.services.plan_import import ITEM_FIELDS, SECTION_FIELDS, read_plan_file
from boardroom.services.plan_sheet import read_sheet
from boardroom.services.plan_store import store_plan
from boardroom.storage.database import open_database


def _mapping(path: Path, pairs: list[str]) -> dict[str, int] | None:
    """``--map activity="Planned activity"`` pairs as field → column index (None: guess)."""
    if not pairs:
        return None
    headers = [header.casefold() for header in read_sheet(path).headers]
    known = {**ITEM_FIELDS, **SECTION_FIELDS}
    mapping: dict[str, int] = {}
    for pair in pairs:
        name, _, column = pair.partition("=")
        if name not in known or not column:
            raise BoardroomError(
                f"“{pair}” is not FIELD=COLUMN with FIELD one of {', '.join(known)}."
            )
        if column.casefold() not in headers:
            raise BoardroomError(f"The file has no column called “{column}”.")
        mapping[name] = headers.index(column.casefold())
    return mapping


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    parsed = read_plan_file(path, _mapping(path, args.map))
    database = open_database(args.database)
    try:
        with database.transaction() as session:
            outcome = store_plan(
                session, board_id_named(session, args.board), parsed, plan_title=args.plan
            )
    finally:
        database.close()
    print(outcome.summary())
    return 0


def register(groups: CommandGroups) -> None:
    plan = groups.import_.add_parser(
        "plan",
        help="import an improvement plan from Word (.docx), CSV or Excel (.xlsx)",
        description=(
            "Word tables need the columns No., Planned activity, Desired Outcome, Target Date, "
            "Lead and Measure, with each recommendation's heading in the text above its table. "
            "Importing again updates the items by number; nothing is stored if any row is wrong."
        ),
    )
    plan.add_argument("file", metavar="FILE", help="the plan document or spreadsheet")
    plan.add_argument("--board", required=True, metavar="NAME", help="the board it belongs to")
    plan.add_argument(
        "--plan",
        metavar="TITLE",
        help="the plan to create or update (default: the board's only plan, else a new one)",
    )
    plan.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="for CSV/Excel: which column holds a field, e.g. activity=Task (default: by heading)",
    )
    plan.set_defaults(handler=_import)
