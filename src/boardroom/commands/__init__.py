"""Subcommands of the ``boardroom`` command line, one module per concept.

Each module exposes ``register(groups)`` and adds its parsers to the top-level command
list or to the shared ``export``/``import`` groups; handlers return the exit code.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True)
class CommandGroups:
    """Where a command module may hang its parsers."""

    top: argparse._SubParsersAction  # boardroom COMMAND
    export: argparse._SubParsersAction  # boardroom export WHAT
    import_: argparse._SubParsersAction  # boardroom import WHAT
