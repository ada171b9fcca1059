"""The figures the benchmark reports, their targets, and how each is measured.

Every figure but start-up is measured by a child process (``python -m <module>``) of its own;
start-up is a series of launches of Boardroom and of its floor, timed from here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boardroom.bench import probe
from boardroom.bench.datasets import Datasets
from boardroom.bench.launch import Launch, compare_launches, quiet_environment
from boardroom.errors import BoardroomError

# A child that has not answered by then is stuck, not slow.
CHILD_TIMEOUT_S = 900


@dataclass(frozen=True)
class Repeats:
    """How many samples each timed figure takes."""

    launches: int
    filters: int
    openings: int
    exports: int
    saves: int

    @classmethod
    def all(cls, count: int) -> Repeats:
        return cls(count, count, count, count, count)


FULL_REPEATS = Repeats(launches=7, filters=15, openings=15, exports=7, saves=200)
QUICK_REPEATS = Repeats(launches=3, filters=5, openings=5, exports=3, saves=40)


@dataclass(frozen=True)
class Figure:
    name: str
    target: float
    unit: str
    what: str
    measure: Callable[[Datasets, Repeats], dict[str, Any]]

    def judge(self, result: dict[str, Any]) -> dict[str, Any]:
        value = result.pop("value")
        return {
            "value": value,
            "unit": self.unit,
            "target": f"<= {self.target:g}",
            "met": value <= self.target,
            "what": self.what,
            **result,
        }


def run_child(module: str, url: str, *extra: str) -> dict[str, Any]:
    """Run one figure's module in a fresh interpreter and read back its result."""
    with tempfile.TemporaryDirectory(prefix="boardroom-bench-") as home:
        completed = subprocess.run(
            [sys.executable, "-m", module, "--database", url, *extra],
            capture_output=True,
            text=True,
            env=quiet_environment(Path(home)),
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
    if completed.returncode != 0:
        raise BoardroomError(
            f"The benchmark figure {module} failed (exit {completed.returncode}):\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return probe.read_result(completed.stdout)


def _startup(data: Datasets, repeats: Repeats) -> dict[str, Any]:
    apps, floors = compare_launches(data.large, repeats.launches)
    app_s = probe.median([run.seconds for run in apps])
    floor_s = probe.median([run.seconds for run in floors])
    return {
        "value": round(app_s / floor_s, 3),
        "app_ms": probe.milliseconds(app_s),
        "floor_ms": probe.milliseconds(floor_s),
        "app_runs_ms": [probe.milliseconds(run.seconds) for run in apps],
        "floor_runs_ms": [probe.milliseconds(run.seconds) for run in floors],
        "app_phases_ms": _median_phases(apps),
        "floor_phases_ms": _median_phases(floors),
    }


def _median_phases(runs: list[Launch]) -> dict[str, float]:
    """Each phase's median over the launches; medians of parts need not add up to the whole."""
    by_run = [run.phases() for run in runs]
    return {phase: round(probe.median([p[phase] for p in by_run]), 2) for phase in by_run[0]}


def _child(module: str, repeat: Callable[[Repeats], int]) -> Callable[..., dict[str, Any]]:
    def measure(data: Datasets, repeats: Repeats) -> dict[str, Any]:
        return run_child(module, data.large, "--repeat", str(repeat(repeats)))

    return measure


def _queries(data: Datasets, _repeats: Repeats) -> dict[str, Any]:
    module = "boardroom.ui.bench.queries"
    small, large = run_child(module, data.small), run_child(module, data.large)
    return {
        "value": {str(small["actions"]): small["value"], str(large["actions"]): large["value"]},
        "by_page": {str(small["actions"]): small, str(large["actions"]): large},
    }


def _memory(data: Datasets, _repeats: Repeats) -> dict[str, Any]:
    return run_child("boardroom.ui.bench.memory", data.large)


class NoGrowth(Figure):
    """A count that must be the same on the small and the large data."""

    def judge(self, result: dict[str, Any]) -> dict[str, Any]:
        counts = result["value"]
        return {
            "value": counts,
            "unit": self.unit,
            "target": "the same for every number of actions",
            "met": len(set(counts.values())) == 1,
            "what": self.what,
            "by_page": {
                size: {"dashboard": page["dashboard"], "actions_page": page["actions_page"]}
                for size, page in result["by_page"].items()
            },
        }


FIGURES: tuple[Figure, ...] = (
    Figure(
        "startup_ratio", 1.5, "ratio",
        "launch to the main window shown with the Dashboard filled, over a bare PySide6 "
        "QMainWindow that imports SQLAlchemy",
        _startup,
    ),
    Figure(
        "actions_filter_ms", 30, "ms",
        "median time for the Actions page to apply a search word, and an owner, over every "
        "action of every board",
        _child("boardroom.ui.bench.actions_filter", lambda r: r.filters),
    ),
    Figure(
        "open_meeting_ms", 100, "ms",
        "median time to open a held meeting's workspace (agenda, attendance, minutes)",
        _child("boardroom.ui.bench.open_meeting", lambda r: r.openings),
    ),
    Figure(
        "minutes_export_ratio", 1.3, "ratio",
        "Word minutes of a 30-item meeting with 60 actions, over the same paragraphs and "
        "tables written with bare python-docx calls",
        _child("boardroom.bench.minutes_export", lambda r: r.exports),
    ),
    Figure(
        "autosave_p95_ms", 20, "ms",
        "95th percentile of saving one live-minutes edit through the autosave's service",
        _child("boardroom.bench.autosave", lambda r: r.saves),
    ),
    NoGrowth(
        "dashboard_queries", 0, "statements",
        "SQL statements to fill the Dashboard and the Actions page, by number of actions",
        _queries,
    ),
    Figure(
        "peak_rss_mb", 250, "MB",
        "peak resident memory of the app: every page, all boards' actions, a meeting open",
        _memory,
    ),
)  # fmt: skip


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "python": sys.version.split()[0],
        "platform": sys.platform,
    }
