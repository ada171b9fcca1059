"""Today's backup runs beside the window, never in front of it."""

from __future__ import annotations

import threading
from datetime import date

from boardroom.storage.backup import verify_backup
from boardroom.storage.database import data_dir
from boardroom.ui import daily_chores
from boardroom.ui.daily_chores import DailyChores


def test_the_window_does_not_wait_for_today_s_backup(demo_file, monkeypatch):
    release, started = threading.Event(), threading.Event()
    real = daily_chores.start_up_backup

    def slow_backup(database):
        started.set()
        assert release.wait(10), "the test never let the backup go on"
        return real(database)

    monkeypatch.setattr(daily_chores, "start_up_backup", slow_backup)
    chores = DailyChores(demo_file)
    chores.start()  # returns while the backup is still held up: the window carries on
    assert started.wait(10)
    release.set()
    chores.wait()
    assert verify_backup(data_dir() / "backups" / f"boardroom-{date.today()}.db")


def test_a_backup_that_cannot_be_taken_is_told_to_the_window(demo_file, qtbot):
    (data_dir() / "backups").write_text("a file where the backup folder should be")
    chores = DailyChores(demo_file)
    with qtbot.waitSignal(chores.backup_failed, timeout=10_000) as said:
        chores.start()
    chores.wait()
    assert said.args[0].startswith("Today's backup was not taken: The backup folder")
