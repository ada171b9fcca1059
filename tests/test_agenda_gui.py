"""The agenda editor in the meeting workspace, driven with the keyboard and the mouse: build
from the standing items, add, reorder and indent, edit with undo and redo, the clock and its
overrun warning, drag and drop, and papers attached through the window."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QMessageBox, QWidget
from sqlalchemy import select

from agenda_builders import blank_meeting, build_meeting
from boardroom.services.agenda import append_item, timetable
from boardroom.services.agenda_rows import agenda_view
from boardroom.services.boards import DEFAULT_STANDING_ITEMS
from boardroom.services.papers import readable_copy, remove_paper
from boardroom.storage.models import AgendaItem, Meeting, Paper, Person
from boardroom.ui import background
from boardroom.ui.agenda import papers as agenda_papers
from boardroom.ui.agenda.model import AgendaTreeModel
from boardroom.ui.agenda.papers import PapersPanel, PapersTableModel
from boardroom.ui.context import AppContext
from boardroom.ui.meeting_workspace import MeetingWorkspace, Stage
from boardroom.ui.models.meeting_record import OpenActionsModel


@pytest.fixture
def meeting_id(database) -> int:
    """A blank agenda: the board meets Tue 13 Sep 2016, 14:00–16:00."""
    return blank_meeting(database, hours=2, officer="Julia Hassall")


@pytest.fixture
def workspace(qtbot, database, meeting_id) -> MeetingWorkspace:
    context = AppContext(database)
    window = MeetingWorkspace(context, meeting_id)
    qtbot.addWidget(window)
    window.show()
    window.show_agenda()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _agenda(database, meeting_id) -> list[tuple[str, str]]:
    with database.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        return [(line.number, line.title) for line in timetable(meeting).lines]


def _state(database, meeting_id) -> list[tuple]:
    """Everything the editor can change, item by item, as stored."""
    with database.sessions() as session:
        return [
            (
                r.item_id,
                r.number,
                r.title,
                r.purpose,
                r.presenter_id,
                r.presenter_text,
                r.minutes,
                r.confidential,
                r.description,
            )
            for r in agenda_view(session, meeting_id).rows
        ]


def _key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def _select(tab, number: str) -> None:
    row = next(r for r in tab.model.rows() if r.number == number)
    tab.select(row.item_id)
    tab.tree.setFocus()
    QApplication.processEvents()  # lay out the form, as the screen would before a click


def test_a_blank_agenda_is_built_from_the_standing_items_and_undone(qtbot, workspace, database):
    tab = workspace.agenda
    assert workspace.stage is Stage.BUILD and workspace.build_button.property("primary")
    assert tab.lists.currentIndex() == 1, "the empty agenda says what to do"
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    built = _agenda(database, workspace.meeting_id)
    assert [title for _n, title in built] == [standing[0] for standing in DEFAULT_STANDING_ITEMS]
    assert workspace.stage is Stage.CIRCULATE and workspace.circulate_button.property("primary")
    assert not workspace.build_button.isVisible()
    ids = [row.item_id for row in tab.model.rows()]
    _key(qtbot, tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _agenda(database, workspace.meeting_id) == []
    assert workspace.stage is Stage.BUILD
    _key(
        qtbot,
        tab.tree,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _agenda(database, workspace.meeting_id) == built
    assert [row.item_id for row in tab.model.rows()] == ids, "redo brings back the same items"


def test_items_are_added_reordered_and_indented_from_the_keyboard(qtbot, workspace, database):
    tab = workspace.agenda
    tab.start_from_standing()
    _select(tab, "4")  # Action log review
    _key(qtbot, tab.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is tab.editor.title, "the new item's title is ready to type"
    qtbot.keyClicks(tab.editor.title, "Ofsted findings")
    qtbot.keyClick(tab.editor.title, Qt.Key.Key_Return)
    _key(
        qtbot,
        tab.tree,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClicks(tab.editor.title, "Findings for the Council")
    qtbot.keyClick(tab.editor.title, Qt.Key.Key_Tab)  # leaving the field saves it
    assert _agenda(database, workspace.meeting_id)[3:7] == [
        ("4", "Action log review"),
        ("5", "Ofsted findings"),
        ("5.1", "Findings for the Council"),
        ("6", "Any other business"),
    ]
    _select(tab, "5.1")
    _key(qtbot, tab.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # a main item
    _key(qtbot, tab.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    _key(qtbot, tab.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _agenda(database, workspace.meeting_id)[2:6] == [
        ("3", "Minutes of the previous meeting and matters arising"),
        ("4", "Findings for the Council"),
        ("5", "Action log review"),
        ("6", "Ofsted findings"),
    ]
    assert tab.current_row().number == "4", "the moved item stays selected"
    _key(qtbot, tab.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    _key(qtbot, tab.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    _key(qtbot, tab.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # under 5 again
    assert _agenda(database, workspace.meeting_id)[4:6] == [
        ("5", "Ofsted findings"),
        ("5.1", "Findings for the Council"),
    ]
    _select(tab, "2")
    _key(qtbot, tab.tree, Qt.Key.Key_Delete)
    assert ("2", "Declarations of interest") not in _agenda(database, workspace.meeting_id)
    _key(qtbot, tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _agenda(database, workspace.meeting_id)[1] == ("2", "Declarations of interest")


def test_undo_and_redo_restore_the_database_step_by_step(qtbot, workspace, database):
    tab = workspace.agenda
    tab.start_from_standing()
    start = _state(database, workspace.meeting_id)
    _select(tab, "3")
    editor = tab.editor
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Minutes of 9 August")
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)
    editor.presenter.setFocus()
    qtbot.keyClicks(editor.presenter.lineEdit(), "hass")  # type-ahead over the people
    popup = editor.presenter.completer().popup()
    assert popup.isVisible() and popup.model().index(0, 0).data().startswith("Julia Hassall")
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    editor.minutes.setFocus()
    editor.minutes.selectAll()
    qtbot.keyClicks(editor.minutes, "45")
    qtbot.keyClick(editor.minutes, Qt.Key.Key_Return)
    box = editor.confidential
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    editor.description.setFocus()
    qtbot.keyClicks(editor.description, "The draft minutes for approval.")
    tab.tree.setFocus()  # leaving the description saves it
    with database.sessions() as session:
        item = session.scalars(
            select(AgendaItem).where(AgendaItem.title == "Minutes of 9 August")
        ).one()
        assert item.presenter is not None and item.presenter.name == "Julia Hassall"
        assert (item.minutes_allotted, item.confidential) == (45, True)
        assert item.description == "The draft minutes for approval."
    row = tab.current_row()
    assert row.confidential
    index = tab.model.index_of(row.item_id, AgendaTreeModel.COL_TITLE)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None, "exempt items carry a lock"
    edited = _state(database, workspace.meeting_id)
    assert tab.stack.count() == 6  # standing items, title, presenter, minutes, exempt, text
    for _step in range(5):
        _key(qtbot, tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _state(database, workspace.meeting_id) == start
    assert tab.editor.title.text() == "Minutes of the previous meeting and matters arising"
    for _step in range(5):
        _key(qtbot, tab.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _state(database, workspace.meeting_id) == edited


def test_a_refused_edit_is_explained_and_changes_nothing(qtbot, workspace, database):
    tab = workspace.agenda
    tab.start_from_standing()
    before = _state(database, workspace.meeting_id)
    tab.editor.title.setFocus()
    tab.editor.title.clear()
    qtbot.keyClick(tab.editor.title, Qt.Key.Key_Return)
    assert tab.error_bar.isVisible()
    assert tab.error_bar.label.text() == "An agenda item needs a title."
    assert _state(database, workspace.meeting_id) == before
    assert tab.editor.title.text() == DEFAULT_STANDING_ITEMS[0][0]
    assert tab.stack.count() == 1, "the refused step is not in the history"


def test_the_clock_runs_and_warns_when_the_agenda_overruns(qtbot, workspace, database):
    tab = workspace.agenda
    tab.start_from_standing()  # 34 minutes of standing items
    assert not tab.clock.overrunning
    assert "finishes 14:34" in tab.clock.label.text()
    _select(tab, "4")
    tab.editor.minutes.setFocus()
    tab.editor.minutes.selectAll()
    qtbot.keyClicks(tab.editor.minutes, "100")
    qtbot.keyClick(tab.editor.minutes, Qt.Key.Key_Return)
    starts = {row.number: f"{row.starts_at:%H:%M}" for row in tab.model.rows()}
    assert starts == {
        "1": "14:00",
        "2": "14:05",
        "3": "14:07",
        "4": "14:17",
        "5": "15:57",
        "6": "16:02",
    }
    assert tab.clock.overrunning
    assert "Runs 4 min over" in tab.clock.label.text()
    assert "finishes at 16:04" in tab.clock.label.text()
    index = tab.model.index_of(tab.model.rows()[4].item_id, AgendaTreeModel.COL_START)
    assert index.data() == "15:57"


def _assert_fitted(view, columns) -> None:
    """Each column as wide as Qt's own measure of its cells and heading, and a few pixels
    at most wider (the rest of the width is the description's or the file name's)."""
    header = view.horizontalHeader()
    for column in columns:
        wanted = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert wanted <= header.sectionSize(column) <= wanted + 4, (
            column,
            header.sectionSize(column),
            wanted,
        )


def test_the_action_log_item_lists_the_open_actions(qtbot, database, tmp_path):
    built = build_meeting(database, tmp_path)
    window = MeetingWorkspace(AppContext(database), built.meeting_id)
    qtbot.addWidget(window)
    tab = window.agenda
    log = next(r for r in tab.model.rows() if r.title == "Action log review")
    tab.select(log.item_id)
    assert not tab.editor.actions_view.isHidden()
    assert tab.editor.actions_label.text() == "Open actions for review (2)"
    model = tab.editor.open_actions
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "IB-2016-01",
        "IB-2016-02",
    ]
    fitted = (OpenActionsModel.COL_REFERENCE, OpenActionsModel.COL_OWNER, OpenActionsModel.COL_DUE)
    _assert_fitted(tab.editor.actions_view, fitted)
    tab.select(tab.model.rows()[0].item_id)
    assert tab.editor.actions_view.isHidden()


def _attach_to_item_3(qtbot, workspace, monkeypatch, paper: Path) -> PapersPanel:
    """Item 3 of the standing agenda with ``paper`` attached through Attach… and the file
    dialog; the panel that lists it."""
    tab = workspace.agenda
    tab.start_from_standing()
    _select(tab, "3")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args: ([str(paper)], ""))
    papers = tab.editor.papers
    qtbot.mouseClick(papers.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: papers.model.rowCount() == 1)
    return papers


def test_a_paper_is_attached_listed_opened_and_detached_through_the_window(
    qtbot, workspace, database, tmp_path, monkeypatch
):
    report = tmp_path / "Minutes 9 August 2016.pdf"
    report.write_bytes(b"%PDF-1.4\n" + b"minutes" * 400)
    papers = _attach_to_item_3(qtbot, workspace, monkeypatch, report)
    tab = workspace.agenda
    assert [papers.model.index(0, c).data() for c in range(3)] == [
        "Minutes 9 August 2016.pdf",
        "PDF",
        "2.7 KB",
    ]
    _assert_fitted(papers.view, (PapersTableModel.COL_TYPE, PapersTableModel.COL_SIZE))
    assert tab.model.index_of(tab.current_row().item_id, AgendaTreeModel.COL_PAPERS).data() == "1"
    report.unlink()  # the stored copy is what opens
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    copied_on: list[threading.Thread] = []

    def copy_on_this_thread(*args):
        copied_on.append(threading.current_thread())
        return readable_copy(*args)

    monkeypatch.setattr(agenda_papers, "readable_copy", copy_on_this_thread)
    papers.view.selectRow(0)
    papers.view.setFocus()
    qtbot.keyClick(papers.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert copied_on and copied_on[0] is not threading.main_thread()
    copy = opened[0].toLocalFile()
    assert copy.endswith("Minutes 9 August 2016.pdf")
    with open(copy, "rb") as handle:
        assert handle.read().startswith(b"%PDF-1.4\nminutes")
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(papers.detach_button, Qt.MouseButton.LeftButton)
    with database.sessions() as session:
        assert session.scalars(select(Paper)).all() == []
    assert papers.model.rowCount() == 0 and not papers.hint.isHidden()


def test_a_paper_detached_on_another_desk_is_not_opened_and_the_clerk_is_told(
    qtbot, workspace, database, tmp_path, monkeypatch
):
    report = tmp_path / "Budget 2016-17.pdf"
    report.write_bytes(b"%PDF-1.4\nbudget")
    papers = _attach_to_item_3(qtbot, workspace, monkeypatch, report)
    with database.transaction() as session:  # another desk detaches it meanwhile
        remove_paper(session, session.scalars(select(Paper.id)).one())
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    papers.view.selectRow(0)
    papers.view.setFocus()
    qtbot.keyClick(papers.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings == ["That paper is no longer attached."] and opened == []
    assert papers.open_button.isEnabled()


def _drag_over_and_drop(
    widget: QWidget, data: QMimeData, point: QPoint, action: Qt.DropAction
) -> bool:
    """What the mouse sends a widget in a drag: it enters, moves to ``point`` and drops there.
    An item view works out from the point where the drop goes, as in a real drag."""
    target = widget.viewport() if isinstance(widget, QAbstractItemView) else widget
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(point, action, data, buttons, keys))
    QApplication.sendEvent(target, QDragMoveEvent(point, action, data, buttons, keys))
    drop = QDropEvent(QPointF(point), action, data, buttons, keys)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def test_an_item_dragged_in_the_tree_goes_where_the_mouse_drops_it(qtbot, workspace, database):
    tab = workspace.agenda
    tab.start_from_standing()
    QApplication.processEvents()
    model, tree = tab.model, tab.tree
    aob = model.rows()[4]
    data = model.mimeData([model.index_of(aob.item_id)])
    second = tree.visualRect(model.index_of(model.rows()[1].item_id))
    just_above = QPoint(second.center().x(), second.top() + 1)  # on the line above item 2
    assert _drag_over_and_drop(tree, data, just_above, Qt.DropAction.MoveAction)
    qtbot.waitUntil(lambda: _agenda(database, workspace.meeting_id)[1][1] == "Any other business")
    declarations = next(r for r in model.rows() if r.title == "Declarations of interest")
    data = model.mimeData([model.index_of(declarations.item_id)])
    first = tree.visualRect(model.index_of(model.rows()[0].item_id)).center()  # onto item 1
    assert _drag_over_and_drop(tree, data, first, Qt.DropAction.MoveAction)
    qtbot.waitUntil(
        lambda: ("1.1", "Declarations of interest") in _agenda(database, workspace.meeting_id)
    )
    QApplication.processEvents()
    welcome = model.index_of(model.rows()[0].item_id)
    third = tree.visualRect(model.index_of(model.rows()[2].item_id)).center()
    assert not _drag_over_and_drop(tree, model.mimeData([welcome]), third, Qt.DropAction.MoveAction)
    assert model.rows()[0].child_count == 1, "an item with sub-items cannot go under another"
    _key(qtbot, tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _key(qtbot, tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [title for _n, title in _agenda(database, workspace.meeting_id)][:2] == [
        DEFAULT_STANDING_ITEMS[0][0],
        "Declarations of interest",
    ]


def test_files_dropped_on_an_item_row_or_on_the_papers_list_are_attached(
    qtbot, workspace, database, tmp_path
):
    tab = workspace.agenda
    tab.start_from_standing()
    QApplication.processEvents()
    sheet, report = tmp_path / "Scorecard.xlsx", tmp_path / "Ofsted letter.pdf"
    sheet.write_bytes(b"PK\x03\x04" + b"cells" * 100)
    report.write_bytes(b"%PDF-1.4\nletter")
    target = tab.model.rows()[3]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(sheet))])
    row = tab.tree.visualRect(tab.model.index_of(target.item_id)).center()
    assert _drag_over_and_drop(tab.tree, data, row, Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: [p.kind for p in tab.model.row(target.item_id).papers] == ["Excel"])
    qtbot.waitUntil(lambda: not background._running)
    tab.select(target.item_id)
    QApplication.processEvents()
    papers = tab.editor.papers
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(report))])
    assert _drag_over_and_drop(papers, data, papers.rect().center(), Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: papers.model.rowCount() == 2)
    with database.sessions() as session:
        names = session.scalars(select(Paper.filename).order_by(Paper.filename)).all()
    assert names == ["Ofsted letter.pdf", "Scorecard.xlsx"]
    qtbot.waitUntil(lambda: not background._running)


def test_the_agenda_models_pass_the_model_tester(qtmodeltester, database, meeting_id, tmp_path):
    with database.transaction() as session:
        parent = append_item(session, meeting_id, "Ofsted findings")
        append_item(session, meeting_id, "For the Council", parent_id=parent.id)
        append_item(session, meeting_id, "For the partnership", parent_id=parent.id)
        append_item(session, meeting_id, "Terms of Reference")
    with database.sessions() as session:
        rows = agenda_view(session, meeting_id).rows
    tree = AgendaTreeModel()
    tree.set_rows(rows)
    qtmodeltester.check(tree, force_py=True)
    assert tree.rowCount() == 2 and tree.rowCount(tree.index(0, 0)) == 2
    assert tree.index(1, 0, tree.index(0, 0)).data() == "1.2"
    papers = PapersTableModel()
    papers.set_rows([])
    qtmodeltester.check(papers, force_py=True)


def test_the_standing_items_are_edited_from_the_people_page(
    qtbot, database, meeting_id, monkeypatch
):
    from boardroom.services.standing_items import standing_rows
    from boardroom.ui.agenda.standing import StandingItemDialog, StandingItemsDialog
    from boardroom.ui.pages.people import PeoplePage

    with database.sessions() as session:
        board_id = session.get(Meeting, meeting_id).board_id
    context = AppContext(database)
    context.set_board(board_id)
    page = PeoplePage(context)
    qtbot.addWidget(page)
    opened: list[StandingItemsDialog] = []

    def drive(dialog: StandingItemsDialog) -> int:
        opened.append(dialog)

        def type_in(item_dialog: StandingItemDialog) -> int:
            qtbot.keyClicks(item_dialog.title, "Forward plan")
            item_dialog.minutes.setValue(10)
            item_dialog.accept()
            return 1

        monkeypatch.setattr(StandingItemDialog, "exec", type_in)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.proxy.row_at(dialog.view.currentIndex().row()).title == "Forward plan"
        dialog.view.setFocus()
        qtbot.keyClick(dialog.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        dialog.view.selectRow(0)
        qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
        return 0

    monkeypatch.setattr(StandingItemsDialog, "exec", drive)
    button = next(
        b for b in page.findChildren(type(page.add_person_button)) if "Standing" in b.text()
    )
    button.click()
    assert opened
    with database.sessions() as session:
        rows = standing_rows(session, board_id)
    assert [(row.title, row.minutes) for row in rows] == [
        ("Declarations of interest", 2),
        ("Minutes of the previous meeting and matters arising", 10),
        ("Action log review", 10),
        ("Any other business", 5),
        ("Forward plan", 10),
        ("Date of next meeting", 2),
    ]


def test_the_people_list_is_read_when_the_presenter_box_is_first_used(qtbot, workspace, database):
    """Opening an agenda leaves the people unread; entering the box reads them as they are
    then, and a presenter left untouched is saved as it was, not turned into a person."""
    tab = workspace.agenda
    tab.start_from_standing()
    item_id = next(r.item_id for r in tab.model.rows() if r.number == "3")
    with database.transaction() as session:
        session.get(AgendaItem, item_id).presenter_text = "Julia Hassall"  # typed, not picked
        session.add(Person(name="Kelly Tomlinson", job_title="Head of Safeguarding"))
    tab.reload()
    box = tab.editor.presenter
    assert box.count() == 0, "the people are read at first use, not when the agenda opens"
    _select(tab, "3")
    assert box.currentText() == "Julia Hassall"
    box.setFocus()
    qtbot.waitUntil(lambda: box.count() > 0)
    labels = [box.itemText(place) for place in range(box.count())]
    assert labels == [
        "Julia Hassall — Officer in attendance",
        "Kelly Tomlinson — Head of Safeguarding",
    ]
    tab.editor.commit_pending()
    _select(tab, "4")
    with database.sessions() as session:
        item = session.get(AgendaItem, item_id)
        assert (item.presenter_id, item.presenter_text) == (None, "Julia Hassall")
