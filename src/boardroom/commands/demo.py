"""``boardroom demo``: load the sample Improvement Board."""

import argparse

from boardroom.commands import CommandGroups
from boardroom.services.demo import load_demo
from boardroom.storage.database import open_database


def _run(args: argparse.Namespace) -> int:
    database = open_database(args.database)
    try:
        with database.transaction() as session:
            outcome = load_demo(session, reset=args.reset)
    finally:
        database.close()
    if outcome.loaded:
        print(f"Loaded the demo board “{outcome.board_name}” into {database.describe()}.")
    else:
        print(
            f"The demo board “{outcome.board_name}” is already in {database.describe()}; "
            "nothing changed (use --reset to load it afresh)."
        )
    return 0


def register(groups: CommandGroups) -> None:
    demo = groups.top.add_parser("demo", help="load the sample Improvement Board")
    demo.add_argument(
        "--reset", action="store_true", help="remove the demo board first and load it afresh"
    )
    demo.set_defaults(handler=_run)
