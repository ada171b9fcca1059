"""Pull the power on a clerk mid-sentence: everything typed over a second ago is stored.

A child process starts the real application on a SQLite file, opens the meeting's live
minutes as a clerk does (workspace, *Take minutes*, Ctrl+↓ to the item) and types, logging
when each character went in (``live_typist.py``); the test SIGKILLs it (no shutdown, no
flush, no closeEvent) and reads the file back.
"""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from boardroom.services.agenda import timetable
from boardroom.services.demo import load_demo
from boardroom.services.minutes import notes_of
from boardroom.storage.backup import backups_folder
from boardroom.storage.database import open_database
from boardroom.storage.models import Meeting, MeetingStatus

TYPIST = Path(__file__).with_name("live_typist.py")
SENTENCE = "The Board noted the report and asked for the audit in January. "
ROW = 5
START_UP_S = 90  # the child's start-up on a busy machine, before its first keystroke


def _lines(stream) -> queue.Queue[str]:
    """The child's output, line by line, read off the test's thread (so a child that hangs
    fails the test instead of stalling it)."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    return lines


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_app_loses_nothing_typed_a_second_before(tmp_path):
    url = f"sqlite:///{tmp_path / 'boardroom.db'}"
    database = open_database(url)
    with database.transaction() as session:
        load_demo(session)
        meeting = session.query(Meeting).filter_by(status=MeetingStatus.AGENDA_PUBLISHED).one()
        line = timetable(meeting).lines[ROW]
        meeting_id = meeting.id
    with database.sessions() as session:
        before, _version = notes_of(session, line.item_id)
    database.close()

    typed_at: list[float] = []
    errors = tmp_path / "typist-errors.txt"
    with (
        errors.open("w") as error_file,
        subprocess.Popen(
            [sys.executable, str(TYPIST), url, str(meeting_id), str(ROW), SENTENCE],
            stdout=subprocess.PIPE,
            stderr=error_file,
            text=True,
            # TMPDIR: the single-instance socket of this app, apart from any other Boardroom.
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)},
        ) as child,
    ):
        try:
            assert child.stdout is not None
            output = _lines(child.stdout)
            while not typed_at or time.monotonic() - typed_at[0] < 4:
                try:
                    printed = output.get(timeout=START_UP_S if not typed_at else 10)
                except queue.Empty:
                    pytest.fail(f"the typist went quiet: {errors.read_text()}")
                assert printed, f"the typist stopped before it was killed: {errors.read_text()}"
                typed_at.append(float(printed.split()[0]))
            killed_at = time.monotonic()
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(10)
    assert child.returncode == -signal.SIGKILL
    # It started as the app starts: today's backup was taken on the way.
    assert (backups_folder() / f"boardroom-{date.today().isoformat()}.db").is_file()

    safe = sum(1 for moment in typed_at if moment < killed_at - 1.0)
    assert safe > 40
    expected = (SENTENCE * 10)[:safe]
    database = open_database(url)
    with database.sessions() as session:
        stored, _version = notes_of(session, line.item_id)
    database.close()
    assert stored.startswith(before + expected)
    with sqlite3.connect(tmp_path / "boardroom.db") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
