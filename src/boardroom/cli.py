"""The ``boardroom`` command: with no subcommand it opens the window, otherwise it works
headless on the same services, so everything the UI does can be scripted and tested."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from boardroom import __version__, collector, startup_phases
from boardroom.errors import BoardroomError

Handler = Callable[[argparse.Namespace], int]


def _command_modules() -> tuple[ModuleType, ...]:
    """Each module adds its own subcommands (see boardroom.commands); imported only when a
    command is given, since they load the exports and imports the window defers."""
    from boardroom.commands import actions as action_commands
    from boardroom.commands import agenda, backup, demo, invites, meetings, minutes
    from boardroom.commands import plans as plan_commands

    return (demo, backup, agenda, meetings, invites, plan_commands, action_commands, minutes)


# What the window needs that is not Qt; see _load_before_qt.
_BEFORE_QT = ("boardroom.logs", "boardroom.services.dashboard", "boardroom.settings")


def _load_before_qt(database_url: str | None) -> None:
    """Import the window's modules that are not Qt — SQLAlchemy and the database's driver,
    the tables, the Dashboard's services, the settings, the log — before Qt itself.

    Once PySide6 is imported it hooks Python's import statement (for its opt-in
    ``__feature__`` syntax) and reads the source of every module imported after it, to see
    whether that module uses Qt. Imported after Qt, these modules took about 50 ms longer.
    """
    for name in _BEFORE_QT:
        importlib.import_module(name)
    from boardroom.storage.database import load_driver

    load_driver(database_url)


def _run_gui(args: argparse.Namespace) -> int:
    startup_phases.begin()
    collector.hold()  # resumed once the window is up (ui.app.load_the_rest)
    _load_before_qt(args.database)
    from boardroom.ui.app import run  # Qt is loaded only when a window is wanted

    return run(args.database)


def build_parser() -> argparse.ArgumentParser:
    # Loads SQLAlchemy, which the window's start loads only once the collector is held.
    from boardroom.storage.database import ENV_VAR

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
    from boardroom.commands import CommandGroups

    groups = CommandGroups(
        top=top,
        export=export.add_subparsers(title="what to export", metavar="WHAT", required=True),
        import_=import_.add_subparsers(title="what to import", metavar="WHAT", required=True),
    )
    for module in _command_modules():
        module.register(groups)
    return parser


def _window_only(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they only open the window (at most ``--database``), else None.

    The window then starts without loading every command's modules, which the full parser
    needs and the window does not: start-up is what the clerk waits for every morning.
    """
    window = argparse.ArgumentParser(prog="boardroom", add_help=False)
    window.add_argument("--database", metavar="URL")
    args, rest = window.parse_known_args(argv)
    return args if not rest else None


def main(argv: Sequence[str] | None = None) -> int:
    window = _window_only(argv)
    if window is not None:
        return _run_gui(window)
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except BoardroomError as error:
        print(f"boardroom: {error.message}", file=sys.stderr)
        return 1
