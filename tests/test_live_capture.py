"""Capturing with the keyboard alone: owners and plan items from their type-ahead lists,
due dates as said at the meeting, resolutions in both house styles, corrections, and the
register marked several people at a time."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

import live_builders
from boardroom.services.attendance import add_attendee, register
from boardroom.services.live_minutes import load_item, owner_choices
from boardroom.storage.models import ActionPoint, AttendanceStatus, Membership, Person
from boardroom.ui.live.action_row import ActionRow
from boardroom.ui.live.models import ResolutionsModel
from live_builders import CTRL, CTRL_SHIFT, THE_2019_MEETING, item_row, keys, meeting_with, press

open_window = live_builders.open_window
warnings_shown = live_builders.warnings_shown
ENTER, TAB, DOWN = Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Down


@pytest.fixture
def deputy(demo_database) -> Person:
    """A named deputy who holds no seat of her own: only the deputy line offers her."""
    with demo_database.transaction() as session:
        seat = session.scalars(
            select(Membership)
            .join(Person, Membership.person_id == Person.id)
            .where(Person.name == "Lorna Quigley")
        ).one()
        seat.deputy = Person(name="Jo Whitfield", job_title="Head of Safeguarding")
        session.flush()
        return seat.deputy


def test_the_owner_list_holds_members_officers_and_deputies(demo_database, deputy):
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    with demo_database.sessions() as session:
        labels = {choice.label for choice in owner_choices(session, meeting)}
    assert "Cllr Phil Gilchrist — Member" in labels
    assert "Julia Hassall — Officer in attendance" in labels
    assert "Jo Whitfield — deputy for Lorna Quigley" in labels


def test_someone_added_without_a_capacity_is_offered_by_their_post_or_how_they_came(
    demo_database,
):
    """Not by the stored mark ("in_attendance"): by what the clerk knows them as."""
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    with demo_database.transaction() as session:
        officer = Person(name="Ann Pryce", job_title="Head of Quality", organisation="NHS Wirral")
        guest = Person(name="Tom Okafor")
        session.add_all([officer, guest])
        session.flush()
        add_attendee(session, meeting, officer.id, AttendanceStatus.IN_ATTENDANCE)
        add_attendee(session, meeting, guest.id, AttendanceStatus.GUEST)
    with demo_database.sessions() as session:
        labels = {choice.label for choice in owner_choices(session, meeting)}
    assert "Ann Pryce — Head of Quality, NHS Wirral" in labels
    assert "Tom Okafor — Guest" in labels
    assert not [label for label in labels if "_" in label or label.endswith("— guest")]


def test_owner_and_plan_items_are_picked_from_their_lists_without_recording_early(
    qtbot, demo_database, deputy, open_window
):
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    row, item_id = item_row(demo_database, meeting, "6")
    window = open_window(meeting)
    window.go_to(row)
    action_row = window.editor.action_row
    press(qtbot, Qt.Key.Key_T, CTRL)
    keys(qtbot, "Agree the handover protocol with adult services")
    press(qtbot, TAB)

    keys(qtbot, "whitf")  # part of the deputy's name
    completer = action_row.owner.completer()
    assert completer.popup().isVisible()
    press(qtbot, DOWN)
    press(qtbot, ENTER)  # picks the name; does not record the half-filled row
    assert action_row.isVisible()
    assert action_row.owner.text() == "Jo Whitfield — deputy for Lorna Quigley"
    assert QApplication.focusWidget() is action_row.due

    keys(qtbot, "30/09")
    assert action_row.due_hint.text() == "Wed 30 Sep 2020"  # the next 30 September
    press(qtbot, TAB)
    keys(qtbot, "2.1")
    press(qtbot, DOWN)
    press(qtbot, ENTER)
    assert action_row.plan.text() == "2.1, "
    assert QApplication.focusWidget() is action_row.plan  # ready for the next plan item
    keys(qtbot, "transition training")  # words from 2.3's title
    press(qtbot, DOWN)
    press(qtbot, ENTER)
    assert action_row.plan.text() == "2.1, 2.3, "
    press(qtbot, ENTER)

    assert not action_row.isVisible()
    with demo_database.sessions() as session:
        action = session.scalars(
            select(ActionPoint)
            .where(ActionPoint.origin_item_id == item_id)
            .order_by(ActionPoint.id.desc())
        ).first()
        assert action.description == "Agree the handover protocol with adult services"
        assert action.owner.name == "Jo Whitfield"
        assert action.due_date == date(2020, 9, 30)
        assert [item.number for item in action.plan_items] == ["2.1", "2.3"]


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("30/09", date(2020, 9, 30)),  # 19 Nov 2019: the 30 September still to come
        ("next Friday", date(2019, 11, 29)),  # the Friday of the following week
        ("+2w", date(2019, 12, 3)),
        ("", None),
    ],
)
def test_due_dates_are_read_as_they_were_said_at_the_meeting(qtbot, typed, due):
    row = ActionRow()
    qtbot.addWidget(row)
    row.open(date(2019, 11, 19))
    row.description.setText("Report back")
    row.due.setText(typed)
    assert row.draft().due == due


def test_resolutions_typed_in_either_house_style_read_as_the_minutes_will(
    qtbot, demo_database, open_window
):
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    row, item_id = item_row(demo_database, meeting, "8")
    window = open_window(meeting)
    window.go_to(row)
    before = window.editor.resolutions.rowCount()
    resolution_field = window.editor.resolution_row.text
    for typed in (
        "It was resolved that the Board noted the report",
        "Resolved – (2) That the PEP audit come to the March meeting.",
    ):
        press(qtbot, Qt.Key.Key_R, CTRL)
        resolution_field.selectAll()  # over the "That " the row starts with
        keys(qtbot, typed)
        press(qtbot, ENTER)
    with demo_database.sessions() as session:
        texts = [line.text for line in load_item(session, item_id).resolutions]
    assert texts[before:] == [
        "That the Board noted the report.",
        "That the PEP audit come to the March meeting.",
    ]
    model = window.editor.resolutions
    last = model.rowCount() - 1
    assert model.index(last, ResolutionsModel.COL_NUMBER).data() == f"({last + 1})"
    assert model.index(last, ResolutionsModel.COL_TEXT).data() == texts[-1]


def test_an_action_is_corrected_from_its_line_and_keeps_its_reference(
    qtbot, demo_database, open_window
):
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    row, _item_id = item_row(demo_database, meeting, "5")
    window = open_window(meeting)
    window.go_to(row)
    line = window.editor.actions.row_at(0)
    view = window.editor.action_view
    view.setFocus()
    view.setCurrentIndex(window.editor.actions.index(0, 0))
    press(qtbot, ENTER)
    action_row = window.editor.action_row
    assert action_row.isVisible() and action_row.description.text() == line.description
    action_row.due.selectAll()
    action_row.due.setFocus()
    keys(qtbot, "+1m")
    press(qtbot, ENTER)
    with demo_database.sessions() as session:
        action = session.get(ActionPoint, line.id)
        assert (action.reference, action.due_date) == (line.reference, date(2019, 12, 19))
        assert [item.number for item in action.plan_items] == list(line.plan_numbers)


def test_the_register_marks_several_at_once_and_all_or_nothing(
    qtbot, demo_database, open_window, warnings_shown
):
    meeting = meeting_with(demo_database, THE_2019_MEETING)
    window = open_window(meeting)
    panel = window.register
    panel.clock = lambda: time(14, 10)
    press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
    assert QApplication.focusWidget() is panel.view
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    press(qtbot, DOWN, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, DOWN, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_A)
    with demo_database.sessions() as session:
        lines = register(session, meeting)
    assert [line.status for line in lines[:3]] == [AttendanceStatus.APOLOGIES] * 3

    press(qtbot, Qt.Key.Key_E)  # whoever leaves was there: present, and gone at 14:10
    with demo_database.sessions() as session:
        lines = register(session, meeting)
    assert [(line.status, line.left_at) for line in lines[:3]] == [
        (AttendanceStatus.PRESENT, time(14, 10))
    ] * 3

    # A guest holds no seat to be absent from: refused, and the member with her unchanged.
    with demo_database.transaction() as session:
        guest = Person(name="Dr Amira Patel", job_title="Visiting adviser")
        session.add(guest)
        session.flush()
        add_attendee(session, meeting, guest.id, AttendanceStatus.GUEST)
    panel.reload()
    last = panel.model.rowCount() - 1
    assert panel.model.row_at(last).name == "Dr Amira Patel"
    both = QItemSelection(panel.model.index(0, 0), panel.model.index(0, 1))
    both.select(panel.model.index(last, 0), panel.model.index(last, 1))
    panel.view.selectionModel().select(both, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    press(qtbot, Qt.Key.Key_X)
    assert "holds no seat" in warnings_shown[-1]
    with demo_database.sessions() as session:
        assert register(session, meeting)[0].status is AttendanceStatus.PRESENT
