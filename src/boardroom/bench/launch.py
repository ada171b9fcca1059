"""Launching a program and timing it to its first window: the start-up figure and its floor.

A launch is timed from just before the process is spawned to the moment it prints that its
window is shown (Boardroom's smoke-test start, which the installers' build check uses too,
prints that line once the main window is up with its first page filled). The phases it
reports after that line (see boardroom.startup_phases) say what the time was spent on.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from boardroom import startup_phases
from boardroom.bench import probe
from boardroom.errors import BoardroomError

SHOWN = "window shown"
# A launch that has not shown its window by then is stuck, not slow.
LAUNCH_TIMEOUT_S = 120


@dataclass(frozen=True)
class Launch:
    seconds: float  # spawn to "window shown"
    output: str

    def phases(self) -> dict[str, float]:
        """Milliseconds by phase, the interpreter's start being what the reported ones leave."""
        reported = probe.prefixed_json(self.output, startup_phases.PREFIX) or {}
        before = self.seconds * 1000 - sum(reported.values())
        return {"interpreter": round(before, 2), **reported}


def quiet_environment(home: Path) -> dict[str, str]:
    """Headless Qt and an empty home: no user settings may choose another page or database."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["HOME"] = str(home)
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(home / variable.lower())
    env.pop("BOARDROOM_DATABASE_URL", None)
    return env


def launch(command: list[str], env: dict[str, str]) -> Launch:
    stopped = threading.Event()
    start = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as process:
        assert process.stdout is not None and process.stderr is not None

        def stop() -> None:
            stopped.set()
            process.kill()

        watchdog = threading.Timer(LAUNCH_TIMEOUT_S, stop)
        watchdog.start()
        try:
            lines = []
            shown_after = None
            for line in process.stdout:
                if shown_after is None and SHOWN in line:
                    shown_after = time.perf_counter() - start
                lines.append(line)
            errors = process.stderr.read()
        finally:
            watchdog.cancel()
    output = "".join(lines)
    if process.returncode != 0 or shown_after is None:
        stuck = f", stopped after {LAUNCH_TIMEOUT_S} s" if stopped.is_set() else ""
        raise BoardroomError(
            f"{' '.join(command)} did not show its window (exit {process.returncode}{stuck}):\n"
            f"{output}{errors}"
        )
    return Launch(shown_after, output)


def app_command(database_url: str) -> list[str]:
    return [sys.executable, "-m", "boardroom", "--database", database_url]


FLOOR_COMMAND = [sys.executable, "-m", "boardroom.ui.bench.floor"]


def startup_env(home: Path) -> dict[str, str]:
    env = quiet_environment(home)
    env["BOARDROOM_SMOKE_TEST"] = "1"  # show the window, report, quit
    return env


def compare_launches(database_url: str, repeat: int) -> tuple[list[Launch], list[Launch]]:
    """Boardroom and the floor launched alternately (after one untimed launch of each, which
    warms the disk cache), so a burst of load elsewhere hits both alike."""
    with tempfile.TemporaryDirectory(prefix="boardroom-bench-") as folder:
        env = startup_env(Path(folder))
        app, floor = app_command(database_url), FLOOR_COMMAND
        launch(app, env), launch(floor, env)
        apps, floors = [], []
        for _ in range(repeat):
            apps.append(launch(app, env))
            floors.append(launch(floor, env))
        for run in apps:
            if "page dashboard" not in run.output:
                raise BoardroomError(
                    f"Boardroom opened another page than the Dashboard: {run.output}"
                )
    return apps, floors
