"""Reviewing the action log at the meeting and closing the meeting, from the keyboard, and
what the Word minutes make of both."""

from __future__ import annotations

from datetime import date, time

import docx
import pytest
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

import live_builders
from boardroom.docx_support import save_document
from boardroom.errors import BoardroomError
from boardroom.minutes_docx import ACTIONS_REVIEWED, build_minutes
from boardroom.services.actions import create_action
from boardroom.services.attendance import Quorum, quorum
from boardroom.services.live_minutes import actions_to_review, minute_action, record_review
from boardroom.services.minutes import close_meeting
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    Meeting,
    MeetingStatus,
    Person,
    StandingKind,
)
from boardroom.ui.live.close_meeting import CloseMeetingDialog
from live_builders import (
    CTRL_SHIFT,
    THE_2019_MEETING,
    THE_OCTOBER_2016_MEETING,
    keys,
    meeting_with,
    press,
)

open_window = live_builders.open_window
warnings_shown = live_builders.warnings_shown
LOCKED = r"approved as a true record .* locked"


@pytest.fixture
def brought_forward(demo_database) -> list[int]:
    """Two actions still open from before the 2019 meeting; the second overdue on the day."""
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    with demo_database.transaction() as session:
        board_id = session.get(Meeting, meeting).board_id
        owner = session.scalars(select(Person).where(Person.name == "Joe Banham")).one()
        ids = [
            create_action(session, board_id, text, owner_id=owner.id, due_date=due, year=2019).id
            for text, due in (
                ("Publish the audit timetable", date(2019, 12, 13)),
                ("Agree the audit sample with Ofsted", date(2019, 11, 1)),
            )
        ]
    return ids


def test_the_action_log_item_brings_open_actions_forward(demo_database, brought_forward):
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    with demo_database.sessions() as session:
        lines = {line.action_id: line for line in actions_to_review(session, meeting)}
        agreed_there = session.scalars(
            select(ActionPoint.id).where(ActionPoint.origin_meeting_id == meeting)
        ).all()
    assert set(brought_forward) <= set(lines)
    assert not set(agreed_there) & set(lines)  # agreed at this meeting: nothing to review yet
    publish, sample = (lines[action_id] for action_id in brought_forward)
    assert (publish.overdue, sample.overdue) == (False, True)
    assert not publish.reviewed


def test_each_action_is_reviewed_with_a_note_from_the_keyboard_and_minuted(
    qtbot, qtmodeltester, demo_database, brought_forward, open_window, tmp_path
):
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    window = open_window(meeting)
    press(qtbot, Qt.Key.Key_R, CTRL_SHIFT)  # from wherever: to the action log, into its list
    assert window.editor.item.standing is StandingKind.ACTION_LOG
    review = window.editor.review
    assert QApplication.focusWidget() is review.view
    qtmodeltester.check(review.model)
    first = review.model.row_at(review.view.currentIndex().row())
    assert first.action_id == brought_forward[0]

    press(qtbot, Qt.Key.Key_Return)
    assert review.row.isVisible() and QApplication.focusWidget() is review.row.note
    keys(qtbot, "Timetable published on the intranet")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is review.row.status
    review.row.status.setCurrentIndex(review.row.status.findText("Done"))
    press(qtbot, Qt.Key.Key_Return)

    assert not review.row.isVisible()
    second = review.model.row_at(review.view.currentIndex().row())
    assert second.action_id == brought_forward[1]  # on to the next one not yet reviewed
    press(qtbot, Qt.Key.Key_Return)
    keys(qtbot, "Sample to be agreed at the January visit")
    press(qtbot, Qt.Key.Key_Return)  # no change of status
    assert review.summary.text() == "2 of 2 reviewed"

    with demo_database.sessions() as session:
        updates = session.scalars(
            select(ActionUpdate).where(ActionUpdate.meeting_id == meeting)
        ).all()
        by_action = {update.action_id: update for update in updates}
        done = by_action[brought_forward[0]]
        assert (done.text, done.status_to, done.on_date) == (
            "Timetable published on the intranet",
            ActionStatus.DONE,
            date(2019, 11, 19),
        )
        assert session.get(ActionPoint, brought_forward[0]).status is ActionStatus.DONE
        assert by_action[brought_forward[1]].status_to is None
        # The action closed at the meeting stays on the list, marked reviewed.
        assert brought_forward[0] in {
            line.action_id for line in actions_to_review(session, meeting)
        }
        path = tmp_path / "minutes.docx"
        save_document(build_minutes(session, meeting), path)
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ACTIONS_REVIEWED in headings
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][-1:] == ["Note"])
    rows = {row.cells[1].text: [cell.text for cell in row.cells] for row in table.rows[1:]}
    assert rows["Publish the audit timetable"][3:] == [
        "Done",
        "Timetable published on the intranet",
    ]
    assert rows["Agree the audit sample with Ofsted"][3] == "No change"


def test_closing_the_meeting_records_the_time_for_the_minutes(
    qtbot, demo_database, open_window, tmp_path
):
    meeting = meeting_with(demo_database, THE_OCTOBER_2016_MEETING)
    window = open_window(meeting)
    window.ticker.stop()  # the test moves the clock itself
    item_id = window.editor.item.id
    running = window.agenda.elapsed.get(item_id, 0)
    window._tick()
    assert window.agenda.elapsed[item_id] == running + 1  # the meeting is running

    warned: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CloseMeetingDialog)
        warned.append(not dialog.register_warning.isHidden())
        dialog.closed_at.setTime(QTime(16, 5))
        dialog.accept()

    with demo_database.sessions() as session:
        counted = quorum(session, meeting)
    QTimer.singleShot(0, answer)
    press(qtbot, Qt.Key.Key_E, CTRL_SHIFT)
    assert "closed 16:05" in window.side.heading.text()
    assert warned == [not counted.met], "the register's quorum is said only when it is short"
    offered: list[str] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CloseMeetingDialog)
        offered.append(dialog.closed_at.time().toString("HH:mm"))
        dialog.reject()

    QTimer.singleShot(0, read_and_cancel)
    window.close_meeting()  # "Change the closing time…"
    assert offered == ["16:05"], "a correction starts from the time recorded, not from now"
    clock = dict(window.agenda.elapsed)
    window._tick()  # the meeting is over: its clocks stop
    assert window.agenda.elapsed == clock
    with demo_database.sessions() as session:
        held = session.get(Meeting, meeting)
        assert held.closed_at == time(16, 5)
        assert held.status is MeetingStatus.MINUTES_DRAFTED
        assert (held.events[-1].kind, held.events[-1].note) == ("closed", "16:05")
        texts = [p.text for p in build_minutes(session, meeting).paragraphs]
    assert texts[-1] == "The meeting closed at 16:05."


def test_closing_says_when_the_register_shows_no_quorum(qtbot):
    short = CloseMeetingDialog(time(16, 5), Quorum(present=0, required=6))
    qtbot.addWidget(short)
    assert not short.register_warning.isHidden()
    assert short.register_warning.text().startswith(
        "⚠ Members present 0 · quorum 6 — not quorate. If the register is not complete"
    )
    quorate = CloseMeetingDialog(time(16, 5), Quorum(present=7, required=6))
    qtbot.addWidget(quorate)
    assert quorate.register_warning.isHidden()


def test_a_meeting_cannot_close_before_it_began(demo_database):
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    refused = pytest.raises(BoardroomError, match="began at 14:00; it cannot close at 13:30")
    with refused, demo_database.transaction() as session:
        close_meeting(session, meeting, time(13, 30))


def test_approved_minutes_refuse_reviews_actions_and_closing(demo_database, brought_forward):
    approved = meeting_with(demo_database, MeetingStatus.MINUTES_APPROVED)
    with demo_database.sessions() as session:
        item_id = session.get(Meeting, approved).agenda_items[0].id
    changes = (
        lambda s: record_review(s, approved, brought_forward[0], "Late note"),
        lambda s: minute_action(
            s, item_id, "A late action", owner_id=None, due_date=None, plan_item_ids=()
        ),
        lambda s: close_meeting(s, approved, time(17, 0)),
    )
    for change in changes:
        with pytest.raises(BoardroomError, match=LOCKED), demo_database.transaction() as s:
            change(s)
    with demo_database.sessions() as session:
        assert not session.scalars(
            select(ActionUpdate).where(ActionUpdate.text == "Late note")
        ).all()
        assert not session.scalars(
            select(ActionPoint).where(ActionPoint.description == "A late action")
        ).all()
