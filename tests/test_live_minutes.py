"""The live-minutes window driven from the keyboard: autosave, crash, capture, approval."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QToolButton
from sqlalchemy import select

import live_builders
from boardroom.services.attendance import register
from boardroom.services.live_minutes import load_item, owner_choices
from boardroom.services.minutes import notes_of
from boardroom.storage.database import open_database
from boardroom.storage.models import (
    ActionPoint,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Resolution,
    StandingKind,
)
from boardroom.ui.context import AppContext
from boardroom.ui.live.approval import ApprovalDialog
from boardroom.ui.live.models import (
    ActionsModel,
    AgendaModel,
    DeclarationsModel,
    RegisterModel,
    ResolutionsModel,
)
from boardroom.ui.live.notes_editor import SAVE_DELAY_MS
from boardroom.ui.live_minutes import LiveMinutesWindow
from live_builders import (
    THE_2019_MEETING,
    THE_OCTOBER_2016_MEETING,
    item_row,
    meeting_with,
    type_notes,
)

open_window = live_builders.open_window
warnings_shown = live_builders.warnings_shown


def test_typed_notes_reach_the_database_and_survive_a_crash(
    qtbot, demo_database, database_url, open_window
):
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    row, item_id = item_row(demo_database, meeting_id, "6")
    window = LiveMinutesWindow(AppContext(demo_database), meeting_id, desk="desk A")
    window.show()
    window.go_to(row)
    type_notes(qtbot, window, "The Board heard how care leavers move to adult services.")
    assert window.save_state.text() == "Saving…"
    qtbot.wait(SAVE_DELAY_MS + 400)
    assert window.save_state.text().startswith("✔ Saved ")
    assert window.save_state.state == "saved"

    elsewhere = open_database(database_url)  # another connection, as after a restart
    with elsewhere.sessions() as session:
        notes, _version = notes_of(session, item_id)
    assert notes.endswith("The Board heard how care leavers move to adult services.")

    # The crash: no close(), no closeEvent, no flush, the pen never released.
    window.ticker.stop()
    window.heartbeat.stop()
    window.hide()
    window.deleteLater()

    reopened = open_window(meeting_id, database=elsewhere)
    reopened.go_to(row)
    assert reopened.editor.notes.toPlainText() == notes
    assert not reopened.editor.notes.isReadOnly()
    reopened.close()
    elsewhere.close()


def test_moving_to_the_next_item_saves_at_once(qtbot, demo_database, open_window):
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    row, item_id = item_row(demo_database, meeting_id, "6")
    window = open_window(meeting_id)
    window.go_to(row)
    type_notes(qtbot, window, " Noted.")
    qtbot.keyClick(window.editor.notes, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.current_row == row + 1
    with demo_database.sessions() as session:
        assert notes_of(session, item_id)[0].endswith(" Noted.")
    qtbot.keyClick(window.editor.notes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.current_row == row
    assert window.editor.notes.toPlainText().endswith(" Noted.")


def test_a_second_desk_sees_the_minutes_read_only_and_follows_them(
    qtbot, demo_database, open_window
):
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    clerk = open_window(meeting_id, desk="clerk's desk")
    second = open_window(meeting_id, desk="chair's laptop")
    assert second.banner.isVisible()
    assert "Being minuted by clerk's desk — read only" in second.banner.label.text()
    assert second.editor.notes.isReadOnly()
    assert second.save_state.text() == "Read only"
    assert not any(b.isEnabled() for b in second.editor.findChildren(QToolButton))
    assert not clerk.banner.isVisible()
    assert clerk.save_state.text() == "All saved"

    type_notes(qtbot, clerk, "Welcome from the chair.")
    assert clerk.editor.notes.flush()
    second.check_pen()
    assert second.editor.notes.toPlainText().endswith("Welcome from the chair.")


def test_an_action_is_captured_with_the_keyboard_alone(qtbot, demo_database, open_window):
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    row, item_id = item_row(demo_database, meeting_id, "6")
    with demo_database.sessions() as session:
        owner = next(c for c in owner_choices(session, meeting_id) if "deputy" not in c.label)
    window = open_window(meeting_id)
    window.go_to(row)
    actions_before = window.editor.actions.rowCount()
    notes = window.editor.notes
    notes.setFocus()

    qtbot.keyClick(notes, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    row_widget = window.editor.action_row
    assert row_widget.isVisible()
    assert QApplication.focusWidget() is row_widget.description
    for text in ("Map every transition plan against the new protocol", owner.key, "+2w"):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row_widget.plan
    qtbot.keyClicks(row_widget.plan, "2.1, 2.3")
    qtbot.keyClick(row_widget.plan, Qt.Key.Key_Return)

    assert not row_widget.isVisible()
    with demo_database.sessions() as session:
        action = session.scalars(
            select(ActionPoint).where(
                ActionPoint.description == "Map every transition plan against the new protocol"
            )
        ).one()
        assert action.origin_item_id == item_id
        assert action.owner_id == owner.id
        # "+2w" counts from the meeting's day, as it was said there.
        assert action.due_date == date(2019, 11, 19) + timedelta(weeks=2)
        assert sorted(item.number for item in action.plan_items) == ["2.1", "2.3"]
        assert action.origin_meeting_id == meeting_id
    assert window.editor.actions.rowCount() == actions_before + 1
    assert QApplication.focusWidget() is notes


def test_a_wrong_owner_is_refused_in_the_row_and_nothing_is_recorded(
    qtbot, demo_database, open_window
):
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    window = open_window(meeting_id)
    qtbot.keyClick(window.editor.notes, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    row_widget = window.editor.action_row
    qtbot.keyClicks(row_widget.description, "Report back")
    qtbot.keyClicks(row_widget.owner, "Nobody Atall")
    qtbot.keyClick(row_widget.owner, Qt.Key.Key_Return)
    assert row_widget.isVisible()
    assert "No member, officer or deputy is called “Nobody Atall”" in row_widget.error.text()
    qtbot.keyClick(row_widget.owner, Qt.Key.Key_Escape)
    assert not row_widget.isVisible()
    with demo_database.sessions() as session:
        assert not session.scalars(
            select(ActionPoint).where(ActionPoint.description == "Report back")
        ).all()


def test_resolutions_and_declarations_from_the_keyboard(qtbot, demo_database, open_window):
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    row, item_id = item_row(demo_database, meeting_id, "7")
    window = open_window(meeting_id)
    window.go_to(row)
    notes = window.editor.notes
    for text in ("the Board noted the report.", "the offer be extended to 25."):
        qtbot.keyClick(notes, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(window.editor.resolution_row.text, text)
        qtbot.keyClick(window.editor.resolution_row.text, Qt.Key.Key_Return)
    with demo_database.sessions() as session:
        person = register(session, meeting_id)[0]
        texts = [r.text for r in load_item(session, item_id).resolutions]
    assert texts[-2:] == ["That the Board noted the report.", "That the offer be extended to 25."]

    qtbot.keyClick(notes, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor.declaration_row.person, person.name)
    qtbot.keyClick(window.editor.declaration_row.person, Qt.Key.Key_Tab)
    qtbot.keyClicks(window.editor.declaration_row.interest, "Foster carer for the council")
    qtbot.keyClick(window.editor.declaration_row.interest, Qt.Key.Key_Return)
    with demo_database.sessions() as session:
        declarations = load_item(session, item_id).declarations
    assert [(d.person, d.interest) for d in declarations] == [
        (person.name, "Foster carer for the council")
    ]


def test_late_arrival_and_early_departure_take_one_key(qtbot, demo_database, open_window):
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    window = open_window(meeting_id)
    panel = window.register
    panel.clock = lambda: time(14, 25)
    qtbot.keyClick(
        window.editor.notes,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.focusWidget() is panel.view
    with demo_database.sessions() as session:
        lines = register(session, meeting_id)
    row = next(i for i, line in enumerate(lines) if line.status is AttendanceStatus.APOLOGIES)
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_L)
    panel.clock = lambda: time(15, 40)
    qtbot.keyClick(panel.view, Qt.Key.Key_E)
    with demo_database.sessions() as session:
        line = register(session, meeting_id)[row]
    assert line.status is AttendanceStatus.PRESENT
    assert (line.arrived_at.strftime("%H:%M"), line.left_at.strftime("%H:%M")) == (
        "14:25",
        "15:40",
    )
    assert panel.model.index(row, RegisterModel.COL_STATE).data() == "14:25–15:40"


def _fill_approval(amendments: str) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ApprovalDialog)
    dialog.amendments.setPlainText(amendments)
    dialog.accept()


def test_approval_locks_the_minutes_and_a_later_edit_is_refused(qtbot, demo_database, open_window):
    october = meeting_with(demo_database, THE_OCTOBER_2016_MEETING)
    later = meeting_with(demo_database, THE_2019_MEETING)
    october_window = open_window(october, desk="October desk")
    row, minutes_item = item_row(demo_database, later, "3")
    window = open_window(later)
    window.go_to(row)
    resolutions_before = window.editor.resolutions.rowCount()
    assert window.approval_bar.isVisible()
    assert "Tue 11 Oct 2016" in window.approval_bar.label.text()

    QTimer.singleShot(0, lambda: _fill_approval("Item 6: the date to read 31 October."))
    qtbot.keyClick(
        window.editor.notes,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.approval_bar.isVisible()
    with demo_database.sessions() as session:
        approved = session.get(Meeting, october)
        assert approved.minutes_locked
        resolution = session.scalars(
            select(Resolution)
            .where(Resolution.agenda_item_id == minutes_item)
            .order_by(Resolution.position.desc())
        ).first()
    assert resolution.text == (
        "That the minutes of the meeting held on Tue 11 Oct 2016 be approved as a true "
        "record, subject to the following amendments: Item 6: the date to read 31 October."
    )
    assert window.editor.resolutions.rowCount() == resolutions_before + 1

    # The October minutes were open at another desk: its next words are refused, not lost.
    type_notes(qtbot, october_window, "A late correction.")
    assert not october_window.editor.notes.flush()
    assert october_window.problem.isVisible()
    message = october_window.problem.label.text()
    assert "approved as a true record" in message and "locked" in message
    assert october_window.editor.notes.toPlainText().endswith("A late correction.")
    assert october_window.save_state.text() == "Not saved"
    with demo_database.sessions() as session:
        item_id = october_window.editor.item.id
        assert "A late correction." not in notes_of(session, item_id)[0]

    # Opened afresh, locked minutes are read-only and say why.
    reopened = open_window(october, desk="another desk")
    assert reopened.editor.notes.isReadOnly()
    assert "locked" in reopened.banner.label.text()


def test_every_live_model_passes_the_model_tester(qtmodeltester, demo_database, open_window):
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    window = open_window(meeting_id)
    row, _item_id = item_row(demo_database, meeting_id, "5")
    window.go_to(row)
    window.agenda.tick(0, 90)
    assert window.agenda.index(0, AgendaModel.COL_TIME).data() == "1:30"
    for model in (
        window.agenda,
        window.register.model,
        window.editor.resolutions,
        window.editor.actions,
        window.editor.declarations,
    ):
        assert model.rowCount() > 0 or isinstance(model, DeclarationsModel)
        qtmodeltester.check(model)
    assert isinstance(window.editor.resolutions, ResolutionsModel)
    # One resolution reads as the minutes will put it; several would be numbered.
    resolutions = window.editor.resolutions
    assert resolutions.index(0, ResolutionsModel.COL_NUMBER).data() == ""
    assert resolutions.index(0, ResolutionsModel.COL_TEXT).data().startswith("It was resolved that")
    assert window.editor.actions.index(0, ActionsModel.COL_PLAN).data() == "Plan 1.3"
    with demo_database.sessions() as session:
        assert session.get(Meeting, meeting_id).agenda_items[2].standing is (
            StandingKind.PREVIOUS_MINUTES
        )


def test_the_workspace_opens_the_live_view_and_unlocks_approved_minutes(
    qtbot, demo_database, monkeypatch
):
    from boardroom.ui.live import launch
    from boardroom.ui.meeting_workspace import MeetingWorkspace

    approved = meeting_with(demo_database, MeetingStatus.MINUTES_APPROVED)
    context = AppContext(demo_database)
    workspace = MeetingWorkspace(context, approved)
    qtbot.addWidget(workspace)
    workspace.show()
    assert workspace.unlock_button.isVisible()

    workspace.minutes_button.click()
    window = launch._open[approved]
    assert window.editor.notes.isReadOnly()
    assert "locked" in window.banner.label.text()
    assert launch.take_minutes(context, approved) is window  # raised, not opened twice
    window.close()

    monkeypatch.setattr(
        QInputDialog, "getText", lambda *_args: ("Item 3: a name was misspelt", True)
    )
    workspace.unlock_button.click()
    with demo_database.sessions() as session:
        meeting = session.get(Meeting, approved)
        assert not meeting.minutes_locked
        assert (meeting.events[-1].kind, meeting.events[-1].note) == (
            "unlocked",
            "Item 3: a name was misspelt",
        )
    assert not workspace.unlock_button.isVisible()


def test_notes_saved_elsewhere_meanwhile_offer_reload_or_overwrite(
    qtbot, demo_database, open_window
):
    from boardroom.services.minutes import save_notes

    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    row, item_id = item_row(demo_database, meeting_id, "9")
    window = open_window(meeting_id)
    window.go_to(row)
    with demo_database.transaction() as session:  # a desk that took over the pen meanwhile
        save_notes(session, item_id, "Their version.")
    type_notes(qtbot, window, " Mine.")
    assert not window.editor.notes.flush()
    assert window.problem.isVisible()
    assert "Changed by someone else — reload or overwrite?" in window.problem.label.text()
    assert window.overwrite_button.isVisible()

    window.overwrite_button.click()
    assert not window.problem.isVisible()
    mine = window.editor.notes.toPlainText()
    with demo_database.sessions() as session:
        assert notes_of(session, item_id)[0] == mine

    with demo_database.transaction() as session:
        save_notes(session, item_id, "Theirs again.")
    type_notes(qtbot, window, " More.")
    assert not window.editor.notes.flush()
    window.reload_button.click()
    assert window.editor.notes.toPlainText() == "Theirs again."
    assert window.save_state.text() == "Reloaded"


def test_the_window_is_styled_through_fonts_and_palette_roles_not_a_window_style_sheet(
    demo_database, open_window
):
    """A window-wide style sheet puts every widget of the window under Qt's slower
    style-sheet style; headings take their weight from their font, hints the muted role."""
    window = open_window(meeting_with(demo_database, THE_2019_MEETING))
    assert window.styleSheet() == ""
    assert window.header.title.font().weight() == QFont.Weight.DemiBold
    assert window.header.title.font().pointSizeF() > window.font().pointSizeF()
    assert window.header.number.foregroundRole() == QPalette.ColorRole.Highlight
    hints = window.findChildren(QLabel, "shortcutHint")
    assert hints
    assert all(hint.foregroundRole() == QPalette.ColorRole.PlaceholderText for hint in hints)
    assert window.side.autoFillBackground()
    assert window.side.backgroundRole() == QPalette.ColorRole.AlternateBase


def test_minuting_a_meeting_still_to_come_says_which_day_it_is(qtbot, demo_database, open_window):
    """Minutes typed into next month's meeting by mistake would go into the wrong record."""
    later = meeting_with(demo_database, THE_OCTOBER_2016_MEETING)
    coming = date.today() + timedelta(days=30)
    with demo_database.transaction() as session:
        meeting = session.get(Meeting, later)
        length = meeting.ends_at - meeting.starts_at
        meeting.starts_at = meeting.starts_at.replace(coming.year, coming.month, coming.day)
        meeting.ends_at = meeting.starts_at + length
    window = open_window(later)
    assert window.banner.isVisible()
    assert window.banner.label.text() == (
        f"This meeting is on {coming:%a} {coming.day} {coming:%b %Y}, not today: check it is "
        "the meeting being held before minuting it."
    )
    held = open_window(meeting_with(demo_database, THE_2019_MEETING))
    assert not held.banner.isVisible(), "a meeting already held is minuted without a word"
