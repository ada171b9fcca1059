"""The ``boardroom`` command: with no subcommand it opens the window, otherwise it works
headless on the same services, so everything the UI does can be scripted and tested."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from boardroom import __version__
from boardroom.commands import CommandGroups, agenda, backup, demo, invites, meetings, minutes
from boardroom.commands import actions as action_commands
from boardroom.commands import plans as plan_commands
from boardroom.errors import BoardroomError
from boardroom.storage.database import ENV_VAR

Handler = Callable[[argparse.Namespace], int]

# Each module adds its own subcommands; see boardroom.commands.
COMMAND_MODULES = (
    demo,
    backup,
    agenda,
    meetings,
    invites,
    plan_commands,
    action_commands,
    minutes,
)


def _run_gui(args: argparse.Namespace) -> int:
    from boardroom.ui.app import run  # Qt is loaded only when a window is wanted

    return run(args.database)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boardroom",
        description="Meetings, agendas, live minutes and action points for a board's secretariat.",
    )
    parser.add_argument("--version", action="version", version=f"Boardroom {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help=(
            "database to open, e.g. sqlite:////path/boardroom.db or "
            f"postgresql://user@host/db (default: ${ENV_VAR}, else the local SQLite file)"
        ),
    )
    parser.set_defaults(handler=_run_gui)
    top = parser.add_subparsers(title="commands", metavar="COMMAND")
    top.add_parser("gui", help="open the Boardroom window (the default)").set_defaults(
        handler=_run_gui
    )
    export = top.add_parser("export", help="write Word, calendar or spreadsheet files")
    import_ = top.add_parser("import", help="read data from other files")
    groups = CommandGroups(
        top=top,
        export=export.add_subparsers(title="what to export", metavar="WHAT", required=True),
        import_=import_.add_subparsers(title="what to import", metavar="WHAT", required=True),
    )
    for module in COMMAND_MODULES:
        module.register(groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except BoardroomError as error:
        print(f"boardroom: {error.message}", file=sys.stderr)
        return 1
