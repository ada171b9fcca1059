"""What opening the window does to keep work safe, seen from outside: the app is started in
a process of its own (offscreen, in the installers' smoke-test mode, so it closes itself),
on a SQLite file with the demo board, with its own user folders.

It must take today's backup in the data folder with the online backup API (a sound copy),
write the rotating log in the log folder, and route an exception in a slot to the error
dialog — which names the log — while the window stays up.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date

from boardroom.services.demo import load_demo
from boardroom.storage.backup import verify_backup
from boardroom.storage.database import open_database

START = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from boardroom.ui.app import create_application, run
    from boardroom.ui.main_window import MainWindow

    app = create_application()

    def slot_with_a_bug():
        raise RuntimeError("a slot with a bug")

    def report():
        box = QApplication.activeModalWidget()
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        print("DIALOG", box.informativeText().replace("\\n", " ") if box else None, flush=True)
        print("WINDOW", window.isVisible(), flush=True)

    QTimer.singleShot(0, slot_with_a_bug)  # the first thing the event loop runs
    QTimer.singleShot(0, report)
    sys.exit(run(sys.argv[1]))
    """
)


def test_opening_the_window_backs_up_logs_and_catches_errors(tmp_path):
    path = tmp_path / "boardroom.db"
    database = open_database(f"sqlite:///{path}")
    with database.transaction() as session:
        load_demo(session)
    database.close()
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BOARDROOM_SMOKE_TEST": "1",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    env.pop("BOARDROOM_DATABASE_URL", None)
    finished = subprocess.run(
        [sys.executable, "-c", START, f"sqlite:///{path}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    lines = dict(line.split(" ", 1) for line in finished.stdout.splitlines() if " " in line)

    backups = list((home / "data" / "Boardroom" / "backups").glob("*.db"))
    assert [b.name for b in backups] == [f"boardroom-{date.today().isoformat()}.db"]
    verify_backup(backups[0])
    with sqlite3.connect(backups[0]) as copy, sqlite3.connect(path) as original:
        count = "SELECT count(*) FROM action_point"
        assert copy.execute(count).fetchone() == original.execute(count).fetchone() != (0,)

    log = next((home / "state").rglob("boardroom.log"))
    text = log.read_text(encoding="utf-8")
    assert "Backed up" in text and str(backups[0]) in text
    assert "RuntimeError: a slot with a bug" in text

    assert "What happened: RuntimeError: a slot with a bug" in lines["DIALOG"]
    assert str(log) in lines["DIALOG"]
    assert lines["WINDOW"] == "True"
