"""Papers: copied into the store by content hash, deduplicated, surviving their original."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

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
from boardroom.storage.models import Meeting, Paper

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
    assert len(list(store.rglob("*"))) == 2  # one folder, one file


def test_removing_a_paper_keeps_the_file_while_another_paper_uses_it(
    database, items, store, tmp_path
):
    source = tmp_path / "plan.xlsx"
    source.write_bytes(b"rows and rows")
    first = _attach(database, items[0], source, store)
    second = _attach(database, items[1], source, store)
    with database.sessions() as session:
        stored = paper_path(session.get(Paper, first), store)

    with database.transaction() as session:
        remove_paper(session, first, store=store)
    assert stored.exists()

    with pytest.raises(RuntimeError), database.transaction() as session:
        remove_paper(session, second, store=store)
        raise RuntimeError("the user's action failed after the removal")
    assert stored.exists()  # rolled back: the paper is still attached, so is its file

    with database.transaction() as session:
        remove_paper(session, second, store=store)
    assert not stored.exists()
    with database.sessions() as session:
        assert session.scalars(select(Paper)).all() == []


def test_bad_attachments_are_refused_with_a_message(database, items, store, tmp_path):
    with pytest.raises(BoardroomError, match="not a file that can be attached"):
        _attach(database, items[0], tmp_path / "missing.pdf", store)
    with pytest.raises(BoardroomError, match="not a file that can be attached"):
        _attach(database, items[0], tmp_path, store)
    with database.transaction() as session:
        paper = Paper(filename="gone.pdf", sha256="ab" * 32, size=1, agenda_item_id=items[0])
        session.add(paper)
        session.flush()
        with pytest.raises(BoardroomError, match=r"stored copy of “gone.pdf” is missing"):
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
