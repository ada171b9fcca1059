"""Subcommands of the ``boardroom`` command line, one module per concept.

Each module exposes ``register(groups)`` and adds its parsers to the top-level command
list or to the shared ``export``/``import`` groups; handlers return the exit code.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CommandGroups:
    """Where a command module may hang its parsers."""

    top: argparse._SubParsersAction  # boardroom COMMAND
    export: argparse._SubParsersAction  # boardroom export WHAT
    import_: argparse._SubParsersAction  # boardroom import WHAT


def _user_path(text: str) -> Path:
    return Path(text).expanduser().resolve()


def add_template_option(parser: argparse.ArgumentParser) -> None:
    """``--template FILE.docx`` (parsed to a path, or None), alike on every command that
    writes a Word document: the agenda, the minutes, the action log and the circulation."""
    parser.add_argument(
        "--template",
        metavar="FILE.docx",
        type=_user_path,
        help="a Word document whose letterhead and styles to use",
    )
