"""Papers: stored by content hash, deduplicated, surviving their original; the folder's tidy."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from boardroom.errors import BoardroomError
from boardroom.services.agenda import append_item
from boardroom.services.boards import create_board
from boardroom.services.meetings import new_uid
from boardroom.services.papers import (
    attach_paper,
    default_store,
    describe,
    format_size,
    paper_path,
    read_paper,
    remove_paper,
)
from boardroom.storage.backup import backup_to, start_up_backup
from boardroom.storage.database import open_database
from boardroom.storage.models import Meeting, Paper, PaperContent
from boardroom.storage.paper_store import GRACE, remove_spare_copies, tidy_today

REPORT = b"%PDF-1.7\n" + b"Ofsted findings " * 5000
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def items(database) -> tuple[int, int]:
    with database.transaction() as session:
        board = create_board(session, "Improvement Board")
        meeting = Meeting(
            board=board,
            title="Improvement Board",
            starts_at=datetime(2016, 9, 13, 14, 0),
            ends_at=datetime(2016, 9, 13, 16, 0),
            uid=new_uid(),
        )
        session.add(meeting)
        session.flush()
        first = append_item(session, meeting.id, "Ofsted findings")
        second = append_item(session, meeting.id, "Improvement plan")
        return first.id, second.id


@pytest.fixture
def store(tmp_path) -> Path:
    return tmp_path / "store"


def _attach(database, item_id, source, store) -> int:
    with database.transaction() as session:
        return attach_paper(session, item_id, source, store=store).id


def test_a_paper_is_copied_by_hash_and_survives_the_original_being_deleted(
    database, items, store, tmp_path
):
    original = tmp_path / "Ofsted report FINAL v3.pdf"
    original.write_bytes(REPORT)
    paper_id = _attach(database, items[0], original, store)
    original.unlink()

    with database.sessions() as session:
        paper = session.get(Paper, paper_id)
        assert paper.filename == "Ofsted report FINAL v3.pdf"
        assert paper.size == len(REPORT)
        assert paper.mime_type == "application/pdf"
        assert describe(paper) == "PDF, 78.1 KB"
        stored = paper_path(paper, store)
        assert stored.parent.name == paper.sha256[:2] and stored.name == paper.sha256
        assert read_paper(paper, store) == REPORT
    assert sorted(p.name for p in store.iterdir()) == [paper.sha256[:2]]  # no temporary left


def test_identical_content_is_stored_once_and_not_attached_twice_to_one_item(
    database, items, store, tmp_path
):
    (tmp_path / "a.docx").write_bytes(b"same bytes")
    (tmp_path / "copy of a.docx").write_bytes(b"same bytes")
    first = _attach(database, items[0], tmp_path / "a.docx", store)
    second = _attach(database, items[1], tmp_path / "copy of a.docx", store)
    with pytest.raises(BoardroomError, match=r"already attached to “Ofsted findings” as “a.docx”"):
        _attach(database, items[0], tmp_path / "copy of a.docx", store)
    with database.sessions() as session:
        papers = [session.get(Paper, first), session.get(Paper, second)]
        assert papers[0].sha256 == papers[1].sha256
        assert {p.mime_type for p in papers} == {DOCX}
        assert describe(papers[0]) == "Word, 10 bytes"
        assert session.scalars(select(PaperContent.sha256)).all() == [papers[0].sha256]
    assert len(list(store.rglob("*"))) == 2  # one folder, one file


def test_detaching_a_paper_leaves_its_copy_for_the_tidy(database, items, store, tmp_path):
    source = tmp_path / "plan.xlsx"
    source.write_bytes(b"rows and rows")
    first = _attach(database, items[0], source, store)
    with database.sessions() as session:
        stored = paper_path(session.get(Paper, first), store)
    with database.transaction() as session:
        remove_paper(session, first)
    with database.sessions() as session:
        assert session.scalars(select(Paper)).all() == []
    assert stored.read_bytes() == b"rows and rows"  # yesterday's backup may still need it


def _age(path: Path, days: float) -> None:
    old = time.time() - days * 86400
    os.utime(path, (old, old))


def _stored(database, paper_id: int, store: Path) -> Path:
    with database.sessions() as session:
        return paper_path(session.get(Paper, paper_id), store)


def _forget_in_database(database, paper_id: int) -> None:
    """As a paper attached before the database held papers' bytes: only this folder has it."""
    with database.transaction() as session:
        sha256 = session.get(Paper, paper_id).sha256
        session.execute(delete(PaperContent).where(PaperContent.sha256 == sha256))


def test_the_tidy_removes_old_copies_the_desk_can_do_without(database, items, store, tmp_path):
    copies, ids = {}, {}
    names = ("only here.pdf", "cached.pdf", "detached.pdf", "recent.pdf", "in a backup.pdf")
    for name in names:
        (tmp_path / name).write_bytes(f"the content of {name}".encode())
        ids[name] = _attach(database, items[0], tmp_path / name, store)
        copies[name] = _stored(database, ids[name], store)
        with database.transaction() as session:
            if name not in ("only here.pdf", "cached.pdf"):
                remove_paper(session, ids[name])
    _forget_in_database(database, ids["only here.pdf"])
    for name in names:
        if name != "recent.pdf":
            _age(copies[name], GRACE.days + 1)
    stray = store / "ab" / "notes.txt"  # not a copy the store made: never touched
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("someone's file")
    _age(stray, 400)
    left_by_a_crash = store / ".incoming-x1y2"
    left_by_a_crash.write_bytes(b"half a paper")
    _age(left_by_a_crash, GRACE.days + 1)

    backup_sha = copies["in a backup.pdf"].name
    removed = remove_spare_copies(database, store, keep={backup_sha})
    assert sorted(removed) == sorted(
        [copies["cached.pdf"], copies["detached.pdf"], left_by_a_crash]
    )
    assert all(copies[n].is_file() for n in ("only here.pdf", "recent.pdf", "in a backup.pdf"))
    assert stray.is_file()
    with database.sessions() as session:  # the cached copy is fetched again when needed
        assert read_paper(session.get(Paper, ids["cached.pdf"]), store) == (
            b"the content of cached.pdf"
        )
    assert copies["cached.pdf"].read_bytes() == b"the content of cached.pdf"


def test_attaching_stored_content_again_restarts_its_grace(database, items, store, tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"attached once, detached, attached again")
    paper_id = _attach(database, items[0], tmp_path / "a.pdf", store)
    copy = _stored(database, paper_id, store)
    with database.transaction() as session:
        remove_paper(session, paper_id)
    _age(copy, GRACE.days + 1)
    _attach(database, items[1], tmp_path / "a.pdf", store)  # another desk, in flight
    with database.transaction() as session:  # (as if its commit had not landed yet)
        remove_paper(session, session.scalars(select(Paper.id)).one())
    assert remove_spare_copies(database, store) == []
    assert copy.is_file()


def test_the_daily_tidy_keeps_what_backups_need_and_never_a_shared_folders_papers(
    database, items, store, tmp_path
):
    (tmp_path / "report.pdf").write_bytes(b"in Monday's backup")
    paper_id = _attach(database, items[0], tmp_path / "report.pdf", store)
    copy = _stored(database, paper_id, store)
    backups = tmp_path / "backups"
    backups.mkdir()
    if database.is_sqlite:  # a backup taken before the database held papers' bytes
        backup_to(database, backups / "boardroom-2026-11-30.db")
        with sqlite3.connect(backups / "boardroom-2026-11-30.db") as connection:
            connection.execute("DELETE FROM paper_content")
        connection.close()
    with database.transaction() as session:
        remove_paper(session, paper_id)
    _age(copy, GRACE.days + 1)

    monday, tuesday, wednesday = (date(2026, 11, 30) + timedelta(days=n) for n in range(3))
    if database.is_sqlite:
        assert tidy_today(database, store, backups, monday) == []
        assert copy.is_file(), "a backup still refers to it"
        (backups / "boardroom-2026-11-30.db").unlink()  # rotated away
    assert tidy_today(database, store, backups, tuesday) == [copy]
    assert tidy_today(database, store, backups, tuesday) is None  # once a day

    (tmp_path / "other.pdf").write_bytes(b"a paper of the local file")
    other = _stored(database, _attach(database, items[0], tmp_path / "other.pdf", store), store)
    with database.transaction() as session:
        session.execute(delete(Paper))  # as the other database would see it: not its paper
    _age(other, GRACE.days + 1)
    elsewhere = open_database(f"sqlite:///{tmp_path / 'local.db'}")
    try:
        assert tidy_today(elsewhere, store, backups, wednesday) is None
    finally:
        elsewhere.close()
    assert other.is_file(), "two databases keep their papers here: nothing is removed"


def test_the_start_up_backup_tidies_the_default_store(database, items, tmp_path):
    (tmp_path / "gone.pdf").write_bytes(b"its item was deleted long ago")
    paper_id = _attach(database, items[0], tmp_path / "gone.pdf", None)
    copy = _stored(database, paper_id, None)
    with database.transaction() as session:
        remove_paper(session, paper_id)
    _age(copy, GRACE.days + 1)
    start_up_backup(database)
    assert not copy.exists()


def test_bad_attachments_are_refused_with_a_message(database, items, store, tmp_path):
    with pytest.raises(BoardroomError, match="not a file that can be attached"):
        _attach(database, items[0], tmp_path / "missing.pdf", store)
    with pytest.raises(BoardroomError, match="not a file that can be attached"):
        _attach(database, items[0], tmp_path, store)
    with database.transaction() as session:
        paper = Paper(filename="gone.pdf", sha256="ab" * 32, size=1, agenda_item_id=items[0])
        session.add(paper)
        session.flush()
        with pytest.raises(BoardroomError, match=r"content of “gone.pdf” is neither in the"):
            read_paper(paper, store)


def test_the_default_store_is_in_the_data_folder(database, items, tmp_path):
    source = tmp_path / "minutes.doc"
    source.write_bytes(b"old word")
    paper_id = _attach(database, items[0], source, None)
    with database.sessions() as session:
        paper = session.get(Paper, paper_id)
        assert paper_path(paper).is_relative_to(default_store())
        assert paper_path(paper).read_bytes() == b"old word"
        assert paper.mime_type == "application/msword"


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1023 bytes"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (150 * 1024, "150 KB"),
        (5 * 1024 * 1024 + 1, "5.0 MB"),
        (3 * 1024**3, "3.0 GB"),
    ],
)
def test_sizes_read_like_a_file_manager(size, shown):
    assert format_size(size) == shown
