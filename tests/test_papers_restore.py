"""An agenda item put back: with its papers while their content is kept (in the database,
even when this desk's copy has gone); without one whose content has gone, and said so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import delete, select

from agenda_builders import PDF_BYTES, build_meeting
from boardroom.services.agenda_snapshots import remove_items, restore_items
from boardroom.services.papers import paper_path, read_paper
from boardroom.storage.models import AgendaItem, Paper, PaperContent
from boardroom.ui.context import AppContext
from boardroom.ui.meeting_workspace import MeetingWorkspace


def _terms(database, meeting_id: int) -> tuple[int, Paper]:
    with database.sessions() as session:
        item = session.scalars(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting_id, AgendaItem.title == "Terms of Reference"
            )
        ).one()
        return item.id, item.papers[0]


def _forget(database, paper: Paper) -> None:
    """The paper's content gone everywhere, as the tidies leave it after an undo kept open
    for weeks: this desk's copy and the database's."""
    with database.transaction() as session:
        session.execute(delete(PaperContent).where(PaperContent.sha256 == paper.sha256))


def test_an_item_whose_local_copy_has_gone_comes_back_with_its_paper(database, tmp_path):
    built = build_meeting(database, tmp_path)
    item_id, paper = _terms(database, built.meeting_id)
    with database.transaction() as session:
        snapshots = remove_items(session, [item_id])
    paper_path(paper, built.store).unlink()  # the database still holds the content
    with database.transaction() as session:
        assert restore_items(session, snapshots, store=built.store) == ""
    with database.sessions() as session:
        [restored] = session.get(AgendaItem, item_id).papers
        assert read_paper(restored, built.store) == PDF_BYTES


def test_a_local_copy_puts_back_what_the_database_has_forgotten(database, tmp_path):
    built = build_meeting(database, tmp_path)
    item_id, paper = _terms(database, built.meeting_id)
    with database.transaction() as session:
        snapshots = remove_items(session, [item_id])
    _forget(database, paper)
    with database.transaction() as session:
        assert restore_items(session, snapshots, store=built.store) == ""
    with database.sessions() as session:
        assert session.get(PaperContent, paper.sha256).data == PDF_BYTES


def test_an_item_whose_papers_content_has_gone_comes_back_without_it(database, tmp_path):
    built = build_meeting(database, tmp_path)
    item_id, paper = _terms(database, built.meeting_id)
    with database.transaction() as session:
        snapshots = remove_items(session, [item_id])
    paper_path(paper, built.store).unlink()
    _forget(database, paper)
    with database.transaction() as session:
        said = restore_items(session, snapshots, store=built.store)
    assert said == (
        "“Terms of Reference” is back without its paper “Ofsted report.pdf”: its content is "
        f"no longer stored, in the database or the papers folder ({built.store}). Attach the "
        "paper again."
    )
    with database.sessions() as session:
        restored = session.get(AgendaItem, item_id)
        assert restored.title == "Terms of Reference" and restored.papers == []


def test_undo_in_the_editor_says_which_paper_to_attach_again(qtbot, database, tmp_path):
    built = build_meeting(database, tmp_path, data_folder=True)
    item_id, paper = _terms(database, built.meeting_id)
    workspace = MeetingWorkspace(AppContext(database), built.meeting_id)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_agenda()
    tab = workspace.agenda
    tab.select(item_id)
    tab.tree.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    with database.sessions() as session:
        assert session.get(AgendaItem, item_id) is None
    paper_path(paper).unlink()
    _forget(database, paper)

    qtbot.keyClick(tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.error_bar.isVisible()
    assert "is back without its paper “Ofsted report.pdf”" in tab.error_bar.label.text()
    assert "Attach the paper again." in tab.error_bar.label.text()
    assert tab.current_row().title == "Terms of Reference", "the item itself is back"
    with database.sessions() as session:
        assert session.get(AgendaItem, item_id).papers == []
