"""A database that is busy, read-only, full or missing is reported plainly, and the text
stored is always text every export can carry.

The busy database is held by a real second process; read-only and full are the engines' own
refusals (``PRAGMA query_only`` / a read-only PostgreSQL session, and ``max_page_count``),
because the CI runs as root, for whom a file's permissions mean nothing.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, func, make_url, select

from boardroom.errors import BoardroomError, DatabaseError
from boardroom.services.boards import create_board
from boardroom.storage import database as database_module
from boardroom.storage.database import Database, open_database, with_driver
from boardroom.storage.models import Board
from boardroom.storage.plain_text import clean
from live_builders import open_2019_minutes

HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.rollback()
    """
)
# PostgreSQL's equivalent: a session that keeps every other from changing notes or meetings.
POSTGRES_HOLDER = textwrap.dedent(
    """
    import psycopg2, sys, time
    connection = psycopg2.connect(sys.argv[1])
    connection.cursor().execute("LOCK TABLE minute, meeting IN EXCLUSIVE MODE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.rollback()
    """
)


@contextmanager
def _lock_held(
    path: Path | str, seconds: float, holder_script: str = HOLDER
) -> Iterator[subprocess.Popen[str]]:
    """Another program takes the write lock on the file (or the server's notes) for
    ``seconds``."""
    with subprocess.Popen(
        [sys.executable, "-c", holder_script, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            yield holder
        finally:
            holder.wait(10)


def _boards(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(select(Board.name).order_by(Board.name)))


@pytest.fixture
def local(tmp_path: Path):
    database = open_database(f"sqlite:///{tmp_path / 'boardroom.db'}")
    yield database
    database.close()


def test_a_lock_held_briefly_by_another_process_is_waited_out(local):
    with (
        _lock_held(Path(local.url.database), 1.0) as holder,
        local.transaction() as session,  # begins while the other process holds the lock
    ):
        create_board(session, "Saved once the lock was released")
    assert holder.returncode == 0, "the lock was held until its holder let go"
    assert _boards(local) == ["Saved once the lock was released"]


def test_a_lock_that_persists_is_reported_and_nothing_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    database = open_database(f"sqlite:///{tmp_path / 'boardroom.db'}")
    with _lock_held(tmp_path / "boardroom.db", 5.0) as holder:
        try:
            with (
                pytest.raises(DatabaseError, match=r"busy \(locked by another program or desk\)"),
                database.transaction() as session,
            ):
                create_board(session, "Never stored")
        finally:
            holder.kill()
    assert _boards(database) == []
    database.close()


def _refuse_writes(database: Database) -> None:
    """From the next connection on, the engine itself refuses every write."""
    database.engine.dispose()

    def read_only(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        if database.is_sqlite:
            cursor.execute("PRAGMA query_only=ON")
        else:
            cursor.execute("SET default_transaction_read_only = on")
            dbapi_connection.commit()
        cursor.close()

    event.listen(database.engine, "connect", read_only)


def test_a_read_only_database_says_so_when_saving(database):
    with database.transaction() as session:
        create_board(session, "Already there")
    _refuse_writes(database)
    assert _boards(database) == ["Already there"], "reading still works"
    with (
        pytest.raises(DatabaseError, match="is read-only, so Boardroom cannot save to it"),
        database.transaction() as session,
    ):
        create_board(session, "Refused")
    assert _boards(database) == ["Already there"]


def test_a_full_disk_says_so_and_keeps_what_was_stored(local):
    with local.transaction() as session:
        create_board(session, "Stored before the disk filled")
    local.engine.dispose()

    def no_room_to_grow(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(local.engine, "connect", no_room_to_grow)
    with (
        pytest.raises(DatabaseError, match=r"The disk holding the database .* is full"),
        local.transaction() as session,
    ):
        create_board(session, "Too big to fit", description="A long note. " * 20_000)
    assert _boards(local) == ["Stored before the disk filled"]


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://clerk@server/boardroom",
        "postgresql+psycopg://clerk@server/boardroom",  # the driver earlier versions shipped
        "postgresql+pg8000://clerk@server/boardroom",
    ],
)
def test_every_postgresql_url_goes_through_the_driver_boardroom_ships(url):
    assert with_driver(make_url(url)).drivername == "postgresql+psycopg2"


def test_a_sqlite_url_keeps_its_driver():
    url = make_url("sqlite:////home/clerk/boardroom.db")
    assert with_driver(url) == url


def test_a_server_url_naming_psycopg_still_opens(database_url):
    """A Settings entry or environment written for an earlier version may name psycopg 3."""
    if not database_url.startswith("postgresql"):
        pytest.skip("needs BOARDROOM_DATABASE_URL set to a PostgreSQL server")
    named = make_url(database_url).set(drivername="postgresql+psycopg")
    database = open_database(named.render_as_string(hide_password=False))
    try:
        assert database.engine.dialect.driver == "psycopg2"
        with database.transaction() as session:
            create_board(session, "Opened through psycopg2")
        assert _boards(database) == ["Opened through psycopg2"]
    finally:
        database.close()


def test_a_missing_folder_is_named(tmp_path):
    missing = tmp_path / "unplugged-drive" / "Boardroom"
    with pytest.raises(DatabaseError, match="folder for the database does not exist") as caught:
        open_database(f"sqlite:///{missing / 'boardroom.db'}")
    assert str(missing) in caught.value.message
    assert not missing.exists(), "nothing is created in its place"


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    path = tmp_path / "boardroom.db"
    path.write_bytes(b"Minutes of the meeting, saved by the wrong program\n" * 200)
    with pytest.raises(DatabaseError, match="Cannot open the database"):
        open_database(f"sqlite:///{path}")


def test_pasted_control_characters_are_stored_as_text_every_format_carries(database):
    pasted = "Line one\vline two\fpage two\r\nthird\x00\x07\x1b[0m end\ufffe 😀 مرحبا"
    with database.transaction() as session:
        board_id = create_board(session, "Board", description=pasted).id
    with database.sessions() as session:
        stored = session.get(Board, board_id).description
    assert stored == "Line one\nline two\npage two\nthird[0m end 😀 مرحبا"
    assert stored == clean(pasted)


def test_text_longer_than_its_field_is_refused_by_name_on_both_engines(database):
    with (
        pytest.raises(BoardroomError, match=r"board's name is too long: 201 characters, at most"),
        database.transaction() as session,
    ):
        create_board(session, "B" * 201)
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Board)) == 0


def test_a_line_break_pasted_into_a_name_becomes_a_space(database):
    with database.transaction() as session:
        board_id = create_board(session, "Audit\r\n  and Risk\vBoard ", venue="Room 1\n").id
    with database.sessions() as session:
        board = session.get(Board, board_id)
        assert (board.name, board.venue) == ("Audit and Risk Board", "Room 1")


def test_an_export_to_a_full_disk_says_so_and_keeps_the_previous_file(tmp_path, monkeypatch):
    from boardroom import files

    target = tmp_path / "agenda.docx"
    target.write_bytes(b"last week's agenda")

    class FullDisk(io.BytesIO):
        def write(self, _data) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", lambda handle, _mode: (os.close(handle), FullDisk())[1])
    with pytest.raises(BoardroomError, match=r"Cannot write .*agenda\.docx.*No space left"):
        files.write_atomically(target, b"this week's agenda")
    assert target.read_bytes() == b"last week's agenda"
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.docx"], "no half-written file"


def test_the_live_minutes_say_the_disk_is_full_and_keep_the_words(qtbot, local):
    from boardroom.services.demo import load_demo
    from boardroom.services.minutes import notes_of

    demo_database = local
    with demo_database.transaction() as session:
        load_demo(session)
    window, item_id = open_2019_minutes(qtbot, demo_database, 2)
    demo_database.engine.dispose()

    def no_room_to_grow(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(demo_database.engine, "connect", no_room_to_grow)
    words = " The chair read the long statement into the record." * 2000
    window.editor.notes.moveCursor(window.editor.notes.textCursor().MoveOperation.End)
    window.editor.notes.insertPlainText(words)
    assert not window.editor.notes.flush()
    assert window.problem.isVisible()
    assert "The disk holding the database" in window.problem.label.text()
    assert "is full" in window.problem.label.text()
    assert window.editor.notes.toPlainText().endswith(words), "every word is still on screen"
    assert window.save_state.text() == "Not saved"
    with demo_database.sessions() as session:
        assert not notes_of(session, item_id)[0].endswith(words), "and none half-stored"

    event.remove(demo_database.engine, "connect", no_room_to_grow)  # space is freed …
    demo_database.engine.dispose()
    assert window.editor.notes.flush()  # … and the next try stores every word
    with demo_database.sessions() as session:
        assert notes_of(session, item_id)[0].endswith(words)


@contextmanager
def _notes_locked(database: Database, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holds the lock an autosave needs, on whichever engine this is."""
    if database.is_sqlite:
        with _lock_held(Path(database.url.database), seconds) as holder:
            yield holder
        return
    server = database.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with _lock_held(server, seconds, POSTGRES_HOLDER) as holder:
        yield holder


def test_an_autosave_on_a_locked_database_never_freezes_the_typing(qtbot, demo_database):
    from boardroom.services.minutes import notes_of
    from boardroom.ui.live.notes_editor import RETRY_MS

    window, item_id = open_2019_minutes(qtbot, demo_database, 2)
    notes = window.editor.notes
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    words = " Typed while another program held the database."
    with _notes_locked(demo_database, 2.5):
        qtbot.keyClicks(notes, words)
        started = time.perf_counter()
        assert not notes.autosave()
        assert time.perf_counter() - started < 1.0, "the save gave up at once, not after 5 s"
        assert window.save_state.text() == "Not saved — retrying"
        assert "tries again in a moment" in window.problem.label.text()
        assert notes.toPlainText().endswith(words) and notes.timer.isActive()
        started = time.perf_counter()
        window.heartbeat.timeout.emit()  # the pen's heartbeat, due meanwhile, waits no longer
        assert time.perf_counter() - started < 1.0
        assert "Could not reach the database" in window.statusBar().currentMessage()

    def stored() -> bool:
        with demo_database.sessions() as session:
            return notes_of(session, item_id)[0].endswith(words)

    assert not stored()
    qtbot.waitUntil(stored, timeout=RETRY_MS + 3000)  # the retry, once the lock is gone
    assert window.save_state.state == "saved" and not window.problem.isVisible()


def test_moving_on_from_an_item_still_waits_out_a_brief_lock(qtbot, demo_database):
    from boardroom.services.minutes import notes_of

    window, item_id = open_2019_minutes(qtbot, demo_database, 2)
    notes = window.editor.notes
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    with _notes_locked(demo_database, 1.0):
        qtbot.keyClicks(notes, " Stored before the next item opens.")
        window.go_to(3)  # flushes with the usual wait: the clerk chose to move on
    assert window.current_row == 3
    with demo_database.sessions() as session:
        assert notes_of(session, item_id)[0].endswith(" Stored before the next item opens.")
