"""What every figure's child process shares: its arguments, its statistics and its answer.

Each figure runs in a process of its own (``python -m <module> --database URL --repeat N``)
so that one figure's caches, imports and memory never flatter the next; the child prints a
single JSON object on its last line of output, which the benchmark reads back.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

RESULT_PREFIX = "BENCH-RESULT "


def arguments(description: str, argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database", required=True, help="URL of the benchmark database")
    parser.add_argument("--repeat", type=int, default=15, help="samples to take")
    parser.add_argument("--small-database", help="URL of the same data with fewer actions")
    return parser.parse_args(argv)


def emit(result: dict[str, Any]) -> None:
    """Hand the figure's result to the benchmark (one line, whatever else was printed)."""
    print(RESULT_PREFIX + json.dumps(result), flush=True)


def prefixed_json(output: str, prefix: str) -> dict[str, Any] | None:
    """The JSON object on the last line of ``output`` that starts with ``prefix``, if any."""
    for line in reversed(output.splitlines()):
        if line.startswith(prefix):
            return json.loads(line.removeprefix(prefix))
    return None


def read_result(output: str) -> dict[str, Any]:
    result = prefixed_json(output, RESULT_PREFIX)
    if result is None:
        raise ValueError("the figure printed no result")
    return result


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: the p95 of 200 saves is the 190th fastest, a real sample."""
    ordered = sorted(samples)
    rank = max(math.ceil(fraction * len(ordered)), 1)
    return ordered[rank - 1]


def milliseconds(seconds: float) -> float:
    return round(seconds * 1000, 2)


@contextmanager
def stopwatch(samples: list[float]) -> Iterator[None]:
    """Append the wall time of the block, in seconds, to ``samples``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        samples.append(time.perf_counter() - start)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
