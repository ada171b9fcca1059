"""Backups: consistent copies, daily rotation, verified restores that keep the old file."""

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from boardroom.cli import main
from boardroom.errors import DatabaseError
from boardroom.storage.backup import (
    KEEP_DAILY,
    backup_to,
    daily_backup,
    start_up_backup,
    verify_backup,
)
from boardroom.storage.database import data_dir
from boardroom.storage.models import Person


def _people(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM person").fetchone()[0]


def test_a_backup_is_a_sound_copy(demo_file, tmp_path):
    target = backup_to(demo_file, tmp_path / "copy.db")
    assert verify_backup(target)
    with demo_file.sessions() as session:
        assert _people(target) == session.scalar(select(func.count()).select_from(Person))


def test_daily_backup_once_a_day_keeping_the_last_14(demo_file, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = date(2026, 11, 1)
    for offset in range(KEEP_DAILY + 3):
        assert daily_backup(demo_file, folder, start + timedelta(days=offset)) is not None
    assert daily_backup(demo_file, folder, start + timedelta(days=KEEP_DAILY + 2)) is None
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == KEEP_DAILY
    assert kept[0] == f"boardroom-{start + timedelta(days=3)}.db"


def test_restore_verifies_first_and_keeps_the_replaced_database(demo_file, tmp_path, capsys):
    url = str(demo_file.url)
    assert main(["--database", url, "backup", "--out", str(tmp_path / "monday.db")]) == 0
    with demo_file.transaction() as session:
        session.add(Person(name="Added after the backup", email="late@example.org"))
    before = _people(Path(demo_file.url.database))
    demo_file.close()

    not_boardroom = tmp_path / "other.db"
    sqlite3.connect(not_boardroom).execute("CREATE TABLE t (x)").connection.close()
    assert main(["--database", url, "restore", str(not_boardroom)]) == 1
    assert "not a Boardroom database" in capsys.readouterr().err
    assert _people(Path(demo_file.url.database)) == before, "a refused restore changes nothing"

    assert main(["--database", url, "restore", str(tmp_path / "monday.db")]) == 0
    output = capsys.readouterr().out
    assert _people(Path(demo_file.url.database)) == before - 1
    kept = next(tmp_path.glob("boardroom.replaced-*.db"))
    assert str(kept) in output and _people(kept) == before


def test_a_damaged_file_is_refused_by_name(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match=r"junk\.db is not a Boardroom database"):
        verify_backup(junk)


def test_postgresql_is_pointed_at_its_own_tools(database):
    if database.is_sqlite:
        pytest.skip("this is about a server database")
    with pytest.raises(DatabaseError, match="pg_dump"):
        backup_to(database, Path("/tmp/never.db"))


def test_a_backup_folder_that_cannot_be_written_is_reported(demo_file):
    (data_dir() / "backups").write_text("a file where the backup folder should be")
    with pytest.raises(DatabaseError, match=r"backup folder .* cannot be written"):
        start_up_backup(demo_file)


class _CutShort:
    """An sqlite3 connection whose backup stops after its first page, as a copy does when
    the app quits or the power goes mid-way."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def backup(self, target: "_CutShort") -> None:
        def stop(*_progress: int) -> None:
            raise KeyboardInterrupt

        self._connection.backup(target._connection, pages=1, progress=stop)

    def close(self) -> None:
        self._connection.close()


def test_a_backup_cut_short_never_stands_as_today_s(demo_file, tmp_path, monkeypatch):
    from boardroom.storage import backup

    folder = tmp_path / "backups"
    folder.mkdir()
    today = date(2026, 12, 1)
    real_connect = sqlite3.connect
    monkeypatch.setattr(
        backup.sqlite3, "connect", lambda path, *a, **k: _CutShort(real_connect(path, *a, **k))
    )
    with pytest.raises(KeyboardInterrupt):
        daily_backup(demo_file, folder, today)
    assert not (folder / f"boardroom-{today}.db").exists()
    monkeypatch.setattr(backup.sqlite3, "connect", real_connect)
    target = daily_backup(demo_file, folder, today)  # the next start takes the real one
    assert target is not None and verify_backup(target)
    assert sorted(folder.glob("*.db")) == [target]
    assert not list(folder.glob("*.partial"))
