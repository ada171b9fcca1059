"""Papers on a shared database: attached on one desk, opened and circulated on another.

Each desk is a Database of its own on the same URL with a papers folder of its own, as two
computers of the secretariat pointed at the one PostgreSQL server (or the one SQLite file).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from datetime import timedelta
from email import policy
from email.headerregistry import Address
from email.parser import BytesParser
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from agenda_builders import PDF_BYTES, XLSX_BYTES, build_meeting
from boardroom.circulation import circulate
from boardroom.errors import BoardroomError
from boardroom.services.agenda_rows import agenda_view
from boardroom.services.papers import attach_paper, paper_path, read_paper, readable_copy
from boardroom.storage.backup import backup_to, backups_folder, restore_from
from boardroom.storage.database import Database, alembic_config, open_database
from boardroom.storage.models import AgendaItem, Paper, PaperContent
from boardroom.storage.paper_contents import MAX_PAPER_BYTES, forget_unreferenced
from boardroom.storage.paper_store import GRACE, look_after_papers, tidy_today
from boardroom.storage.tables import utcnow
from sent_statements import statements_sent

CLERK = Address("Committee Services", addr_spec="clerk@example.org")
FIXTURE = Path(__file__).parent / "fixtures" / "first_schema.db"


@pytest.fixture
def desk_b(database_url: str, database: Database) -> Iterator[Database]:
    """The second desk's own connection to the database ``database`` (desk A) uses."""
    other = open_database(database_url)
    yield other
    other.close()


def _papers(database: Database, meeting_id: int) -> dict[str, int]:
    with database.sessions() as session:
        rows = session.scalars(
            select(Paper).join(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
        )
        return {paper.filename: paper.id for paper in rows}


def _read(database: Database, paper_id: int, store: Path) -> bytes:
    with database.sessions() as session:
        return read_paper(session.get(Paper, paper_id), store)


def _age(path: Path, days: float) -> None:
    old = time.time() - days * 86400
    os.utime(path, (old, old))


def test_a_paper_attached_on_one_desk_opens_and_circulates_on_another(database, desk_b, tmp_path):
    built = build_meeting(database, tmp_path)  # desk A attaches into its own folder
    store_b = tmp_path / "desk B papers"
    papers = _papers(desk_b, built.meeting_id)
    assert not store_b.exists(), "desk B has no copy of anything yet"

    assert _read(desk_b, papers["Ofsted report.pdf"], store_b) == PDF_BYTES
    with desk_b.sessions() as session:
        opened = readable_copy(
            session.get(Paper, papers["restructure-costs.xlsx"]), tmp_path / "open", store_b
        )
    assert opened.name == "restructure-costs.xlsx" and opened.read_bytes() == XLSX_BYTES
    with desk_b.sessions() as session:  # and desk B keeps a copy now
        paper = session.get(Paper, papers["Ofsted report.pdf"])
        assert paper_path(paper, store_b).read_bytes() == PDF_BYTES

    with desk_b.transaction() as session:
        done = circulate(session, built.meeting_id, tmp_path / "draft.eml", CLERK, store=store_b)
    with done.path.open("rb") as stream:
        parsed = BytesParser(policy=policy.default).parse(stream)
    attachments = {part.get_filename(): part.get_content() for part in parsed.iter_attachments()}
    assert attachments["Item 5 - Ofsted report.pdf"] == PDF_BYTES
    assert attachments["Item 4 - Exempt paper 1.xlsx"] == XLSX_BYTES


def test_a_desks_copy_deleted_or_damaged_is_fetched_again(database, tmp_path):
    built = build_meeting(database, tmp_path)
    paper_id = _papers(database, built.meeting_id)["Ofsted report.pdf"]
    with database.sessions() as session:
        copy = paper_path(session.get(Paper, paper_id), built.store)
    copy.unlink()
    assert _read(database, paper_id, built.store) == PDF_BYTES
    assert copy.read_bytes() == PDF_BYTES, "put back in the folder"

    copy.write_bytes(b"%PDF-1.4 changed by hand")
    assert _read(database, paper_id, built.store) == PDF_BYTES
    assert copy.read_bytes() == PDF_BYTES, "the damaged copy replaced"


def test_the_tidy_never_loses_a_referenced_papers_content(database, desk_b, tmp_path):
    built = build_meeting(database, tmp_path)
    papers = _papers(database, built.meeting_id)
    with database.sessions() as session:
        copies = {
            name: paper_path(session.get(Paper, i), built.store) for name, i in papers.items()
        }
    for copy in copies.values():
        _age(copy, GRACE.days + 1)
    removed = tidy_today(database, built.store)
    assert sorted(removed) == sorted(copies.values()), "the database holds them: only a cache"

    a_month_on = utcnow() + timedelta(days=30)
    assert forget_unreferenced(desk_b, GRACE, now=a_month_on) == 0
    assert _read(desk_b, papers["Ofsted report.pdf"], tmp_path / "desk B papers") == PDF_BYTES
    assert _read(database, papers["restructure-costs.xlsx"], built.store) == XLSX_BYTES

    with database.transaction() as session:  # detached: forgotten only after the grace
        session.delete(session.get(Paper, papers["restructure-costs.xlsx"]))
    assert forget_unreferenced(database, GRACE) == 0
    assert forget_unreferenced(database, GRACE, now=a_month_on) == 1
    with database.sessions() as session:
        assert session.scalars(select(PaperContent.sha256)).all() == [
            hashlib.sha256(PDF_BYTES).hexdigest()
        ]


def test_an_absurdly_large_file_is_refused_before_it_is_read(database, tmp_path):
    built = build_meeting(database, tmp_path)
    huge = tmp_path / "board pack scanned at 1200 dpi.pdf"
    with huge.open("wb") as sparse:  # takes no room on the disk
        sparse.truncate(250 * 1024 * 1024)
    with database.sessions() as session:
        item_id = session.scalars(select(AgendaItem.id)).first()
    with pytest.raises(BoardroomError) as refused, database.transaction() as session:
        attach_paper(session, item_id, huge, store=built.store)
    assert refused.value.message.startswith(
        "“board pack scanned at 1200 dpi.pdf” is 250 MB; Boardroom keeps papers of up to 100 MB."
    )
    with database.sessions() as session:
        assert len(session.scalars(select(PaperContent.sha256)).all()) == 2
        assert "board pack" not in " ".join(session.scalars(select(Paper.filename)))
    assert MAX_PAPER_BYTES == 100 * 1024 * 1024


def test_listing_an_agenda_never_reads_the_papers_bytes(database, tmp_path):
    built = build_meeting(database, tmp_path)
    with statements_sent(database) as statements, database.sessions() as session:
        view = agenda_view(session, built.meeting_id)
    assert any(row.papers for row in view.rows)
    assert statements and not [s for s in statements if "paper_content" in s]


def _as_before_the_bytes_moved(database_url: str) -> None:
    """Take the database back to the schema before paper_content: papers whose bytes only
    the attaching desk's folder holds, as a database upgraded from then has."""
    database = open_database(database_url)
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    database.close()


def test_an_upgraded_databases_papers_are_copied_in_by_the_desk_that_has_them(
    database, database_url, tmp_path
):
    built = build_meeting(database, tmp_path)
    papers = _papers(database, built.meeting_id)
    database.close()
    _as_before_the_bytes_moved(database_url)

    desk_a = open_database(database_url)  # upgraded: the table is there, empty
    desk_b = open_database(database_url)
    store_b = tmp_path / "desk B papers"
    try:
        with desk_a.sessions() as session:
            assert session.scalars(select(PaperContent)).all() == []
        assert _read(desk_a, papers["Ofsted report.pdf"], built.store) == PDF_BYTES
        with pytest.raises(BoardroomError, match="starting Boardroom on that desk copies it in"):
            _read(desk_b, papers["Ofsted report.pdf"], store_b)

        look_after_papers(desk_a, built.store, backups_folder())  # desk A's next start
        assert _read(desk_b, papers["Ofsted report.pdf"], store_b) == PDF_BYTES
        assert _read(desk_b, papers["restructure-costs.xlsx"], store_b) == XLSX_BYTES
    finally:
        desk_a.close()
        desk_b.close()


def test_a_first_schema_database_keeps_its_local_papers_until_they_are_copied_in(tmp_path):
    old = tmp_path / "boardroom.db"
    shutil.copyfile(FIXTURE, old)
    store = tmp_path / "papers"
    content = b"%PDF-1.4 the 2016 progress report"
    sha256 = hashlib.sha256(content).hexdigest()
    with sqlite3.connect(old) as connection:  # the fixture's paper, its bytes in the folder
        connection.execute("UPDATE paper SET sha256 = ?, size = ?", (sha256, len(content)))
    connection.close()
    (store / sha256[:2]).mkdir(parents=True)
    (store / sha256[:2] / sha256).write_bytes(content)
    _age(store / sha256[:2] / sha256, GRACE.days + 1)

    database = open_database(f"sqlite:///{old}")
    try:
        [paper_id] = _papers(database, _meeting_with_paper(database)).values()
        assert _read(database, paper_id, store) == content
        _age(store / sha256[:2] / sha256, GRACE.days + 1)
        look_after_papers(database, store, backups_folder())
        with database.sessions() as session:
            assert session.get(PaperContent, sha256).data == content
        # The copy taken before the upgrade needs the folder's copy to be restored.
        assert (store / sha256[:2] / sha256).is_file()
        assert _read(database, paper_id, tmp_path / "a new computer") == content
    finally:
        database.close()


def _meeting_with_paper(database: Database) -> int:
    with database.sessions() as session:
        return session.scalars(select(AgendaItem.meeting_id).join(Paper)).one()


def test_a_backup_carries_its_papers_to_a_new_computer(database, tmp_path):
    if not database.is_sqlite:
        pytest.skip("Boardroom's backups are of its SQLite database")
    built = build_meeting(database, tmp_path)
    paper_id = _papers(database, built.meeting_id)["Ofsted report.pdf"]
    backup = backup_to(database, tmp_path / "monday.db")
    url = f"sqlite:///{tmp_path / 'new computer.db'}"
    restore_from(open_database(url), backup)
    restored = open_database(url)
    try:
        assert _read(restored, paper_id, tmp_path / "an empty papers folder") == PDF_BYTES
    finally:
        restored.close()
