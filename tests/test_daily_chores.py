"""Today's backup runs beside the window, never in front of it."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from boardroom.services.demo import load_demo
from boardroom.storage.backup import verify_backup
from boardroom.storage.database import data_dir, open_database
from boardroom.ui import daily_chores
from boardroom.ui.daily_chores import DailyChores


@pytest.fixture
def local(tmp_path: Path):
    database = open_database(f"sqlite:///{tmp_path / 'boardroom.db'}")
    with database.transaction() as session:
        load_demo(session)
    yield database
    database.close()


def test_the_window_does_not_wait_for_today_s_backup(local, monkeypatch):
    release, started = threading.Event(), threading.Event()
    real = daily_chores.start_up_backup

    def slow_backup(database):
        started.set()
        assert release.wait(10), "the test never let the backup go on"
        return real(database)

    monkeypatch.setattr(daily_chores, "start_up_backup", slow_backup)
    chores = DailyChores(local)
    chores.start()  # returns while the backup is still held up: the window carries on
    assert started.wait(10)
    release.set()
    chores.wait()
    assert verify_backup(data_dir() / "backups" / f"boardroom-{date.today()}.db")


def test_a_backup_that_cannot_be_taken_is_told_to_the_window(local, qtbot):
    (data_dir() / "backups").write_text("a file where the backup folder should be")
    chores = DailyChores(local)
    with qtbot.waitSignal(chores.backup_failed, timeout=10_000) as said:
        chores.start()
    chores.wait()
    assert said.args[0].startswith("Today's backup was not taken: The backup folder")
