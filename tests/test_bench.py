"""The benchmark's plumbing (never its timings): one JSON object with every figure, its
target and whether it is met; and the statement count that must not grow with the data."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from boardroom.bench import launch as launch_module
from boardroom.bench.datasets import as_of, prepare
from boardroom.bench.figures import FIGURES
from boardroom.bench.generate import Scale, generate
from boardroom.bench.launch import SHOWN, launch, quiet_environment
from boardroom.errors import BoardroomError
from boardroom.services.dashboard import load_dashboard
from boardroom.storage.database import open_database
from boardroom.storage.models import Board
from boardroom.ui.bench.harness import start
from boardroom.ui.bench.queries import page_statements

TINY = Scale(boards=2, years=2, items_per_meeting=6, people=60, plan_items=10, actions=150)


def test_a_quick_run_prints_every_figure_with_its_target(tmp_path):
    out = tmp_path / "figures.json"
    command = [sys.executable, "-m", "boardroom.bench", "--quick", "--repeat", "1"]
    completed = subprocess.run(
        [*command, "--cache", str(tmp_path / "cache"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout)
    assert report == json.loads(out.read_text(encoding="utf-8"))
    assert report["quick"] is True and report["database"] == "sqlite"
    assert report["data"]["actions"] == 1000
    assert set(report["figures"]) == {figure.name for figure in FIGURES}
    for name, figure in report["figures"].items():
        assert {"value", "target", "met", "unit"} <= set(figure), name
        assert isinstance(figure["met"], bool)
    queries = report["figures"]["dashboard_queries"]["value"]
    assert set(queries) == {"100", "1000"}
    assert report["figures"]["actions_filter_ms"]["actions"] == 1000
    startup = report["figures"]["startup_ratio"]
    for program in ("app", "floor"):  # one launch each: its phases make up its whole time
        phases = startup[f"{program}_phases_ms"]
        assert list(phases) == ["interpreter", "modules", "window", "paint"], program
        assert all(ms > 0 for ms in phases.values()), phases
        assert sum(phases.values()) == pytest.approx(startup[f"{program}_ms"], abs=0.1)
    assert report["all_met"] == all(f["met"] for f in report["figures"].values())
    assert len(report["machine"]["load_average"]) == 3
    assert list((tmp_path / "cache").glob("bench-*.db")), "the generated data is kept"


def test_a_server_database_holding_real_boards_is_not_emptied(demo_database, tmp_path):
    url = demo_database.url.render_as_string(hide_password=False)
    if demo_database.is_sqlite:
        with pytest.raises(BoardroomError, match="PostgreSQL"):
            prepare(url, tmp_path, TINY)
        return
    with pytest.raises(BoardroomError, match="real boards"):
        prepare(url, tmp_path, TINY)


def test_filling_the_dashboard_and_actions_page_does_not_grow_with_the_actions(qtbot, tmp_path):
    counts = []
    for actions in (TINY.actions, TINY.actions * 10):
        url = f"sqlite:///{tmp_path / f'{actions}.db'}"
        generate(url, replace(TINY, actions=actions), seed=3, today=as_of())  # meetings to come
        _app, context = start(url)
        counts.append(page_statements(context))
        context.database.close()
    assert counts[0] == counts[1]
    assert all(0 < count < 20 for count in counts[0].values()), counts[0]


def test_the_bench_data_opens_as_a_live_database_would(tmp_path):
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    generate(url, TINY, seed=3)
    database = open_database(url)
    with database.sessions() as session:
        board = session.scalar(select(func.min(Board.id)))
        dashboard = load_dashboard(session, board, today=date(2026, 1, 1))
    database.close()
    assert dashboard.next_meeting is not None, "the next meetings are scheduled"
    assert dashboard.counts.open > 0


def test_a_launch_that_never_shows_its_window_is_stopped_with_a_message(monkeypatch, tmp_path):
    monkeypatch.setattr(launch_module, "LAUNCH_TIMEOUT_S", 0.5)
    started = time.perf_counter()
    with pytest.raises(BoardroomError, match=r"did not show its window .*stopped after 0.5 s"):
        launch([sys.executable, "-c", "import time; time.sleep(60)"], quiet_environment(tmp_path))
    assert time.perf_counter() - started < 30


def test_a_program_that_reports_no_phases_spent_its_launch_starting(tmp_path):
    shown = launch([sys.executable, "-c", f"print('{SHOWN}')"], quiet_environment(tmp_path))
    assert shown.phases() == {"interpreter": round(shown.seconds * 1000, 2)}
