"""``python -m boardroom.bench``: how fast Boardroom is on ten years of a council's boards.

Generates the large database once (15 boards, ten years, 30,000 actions; cached in the user
cache folder), runs every figure in a process of its own beside a floor measured in the same
run, and prints one JSON object: per figure its value, its target and whether it is met.

    python -m boardroom.bench [--quick] [--database postgresql://…] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import compileall
import json
import sys
import time
from pathlib import Path
from typing import Any

from platformdirs import user_cache_path
from sqlalchemy import make_url

import boardroom
from boardroom import __version__
from boardroom.bench.datasets import FULL, QUICK, prepare
from boardroom.bench.figures import FIGURES, FULL_REPEATS, QUICK_REPEATS, Repeats, machine
from boardroom.errors import BoardroomError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m boardroom.bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="run on this PostgreSQL database instead of the cached SQLite file; it is filled "
        "with the benchmark data (a database holding real boards is refused)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="2 boards, 1,000 actions and fewer samples: a check that it all runs",
    )
    parser.add_argument("--out", metavar="FILE", help="also write the JSON to this file")
    parser.add_argument("--repeat", type=int, metavar="N", help="samples per timed figure")
    parser.add_argument(
        "--figure",
        action="append",
        choices=[figure.name for figure in FIGURES],
        help="measure only this figure (may be repeated)",
    )
    parser.add_argument(
        "--cache",
        metavar="FOLDER",
        type=Path,
        default=user_cache_path("Boardroom", appauthor=False) / "bench",
        help="where the generated SQLite databases are kept (default: %(default)s)",
    )
    return parser


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def compile_bytecode() -> None:
    """Compile Boardroom's modules as an installed copy has them (pip compiles at install,
    the frozen build ships bytecode). A source checkout run with PYTHONDONTWRITEBYTECODE set
    would otherwise compile a hundred modules afresh at every timed launch, which no user's
    start-up pays. Where the package cannot be written it is an installed copy: nothing to do.
    """
    compileall.compile_dir(Path(boardroom.__file__).parent, quiet=2)


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    compile_bytecode()
    scale = QUICK if args.quick else FULL
    repeats = QUICK_REPEATS if args.quick else FULL_REPEATS
    if args.repeat:
        repeats = Repeats.all(args.repeat)
    _say(f"Preparing the benchmark data ({scale.actions:,} actions)…")
    data = prepare(args.database, args.cache, scale)
    load_before = machine()
    figures: dict[str, Any] = {}
    for figure in FIGURES:
        if args.figure and figure.name not in args.figure:
            continue
        _say(f"Measuring {figure.name}…")
        figures[figure.name] = figure.judge(figure.measure(data, repeats))
    where = make_url(data.large)
    return {
        "boardroom": __version__,
        "database": where.get_backend_name(),
        "database_url": where.render_as_string(hide_password=True),
        "data": {"boards": scale.boards, "years": scale.years, "actions": scale.actions},
        "quick": args.quick,
        "machine": {**load_before, "load_average_after": machine()["load_average"]},
        "figures": figures,
        "all_met": all(figure["met"] for figure in figures.values()),
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        report = run(args)
    except BoardroomError as error:
        _say(f"boardroom.bench: {error.message}")
        return 1
    text = json.dumps(report, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
