"""Pull the power on a clerk mid-sentence: everything typed over a second ago is stored.

A child process types into the live view on a SQLite file, logging when each character went
in; the test SIGKILLs it (no shutdown, no flush, no closeEvent) and reads the file back.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from boardroom.services.agenda import timetable
from boardroom.services.demo import load_demo
from boardroom.services.minutes import notes_of
from boardroom.storage.database import open_database
from boardroom.storage.models import Meeting, MeetingStatus

TYPIST = Path(__file__).with_name("live_typist.py")
SENTENCE = "The Board noted the report and asked for the audit in January. "


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_app_loses_nothing_typed_a_second_before(tmp_path):
    url = f"sqlite:///{tmp_path / 'boardroom.db'}"
    database = open_database(url)
    with database.transaction() as session:
        load_demo(session)
        meeting = session.query(Meeting).filter_by(status=MeetingStatus.MINUTES_DRAFTED).one()
        row, line = 5, timetable(meeting).lines[5]
        meeting_id = meeting.id
    with database.sessions() as session:
        before, _version = notes_of(session, line.item_id)
    database.close()

    typed_at: list[float] = []
    with subprocess.Popen(
        [sys.executable, str(TYPIST), url, str(meeting_id), str(row), SENTENCE],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ) as child:
        try:
            assert child.stdout is not None
            while not typed_at or time.monotonic() - typed_at[0] < 4:
                output = child.stdout.readline()
                assert output, "the typist stopped before it was killed"
                typed_at.append(float(output.split()[0]))
            killed_at = time.monotonic()
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(10)
    assert child.returncode == -signal.SIGKILL

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
