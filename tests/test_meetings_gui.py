"""The Meetings and People pages and the meeting workspace, driven like a user would."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from boardroom.services.agenda import timetable
from boardroom.services.attendance import register
from boardroom.services.boards import BoardRules, add_board
from boardroom.services.people import (
    MembershipFields,
    PersonFields,
    add_person,
    update_membership,
)
from boardroom.storage.models import (
    Attendance,
    AttendanceStatus,
    Board,
    Meeting,
    Membership,
    Person,
)
from boardroom.ui.context import AppContext
from boardroom.ui.dialogs.meetings import SeriesDialog
from boardroom.ui.dialogs.people import PersonDialog
from boardroom.ui.meeting_workspace import MeetingWorkspace
from boardroom.ui.models.meeting_record import ActionRow, ActionTableModel, AgendaTableModel
from boardroom.ui.models.meetings import MeetingTableModel, meeting_rows
from boardroom.ui.models.people import (
    MembershipTableModel,
    PeopleTableModel,
    membership_rows,
    people_rows,
)
from boardroom.ui.models.register import RegisterTableModel
from boardroom.ui.pages.meetings import MeetingsPage
from boardroom.ui.pages.people import PeoplePage


def _context(database, board_name: str | None = None) -> AppContext:
    context = AppContext(database)
    with database.sessions() as session:
        query = select(Board.id)
        if board_name:
            query = query.where(Board.name == board_name)
        context.set_board(session.scalars(query).first())
    return context


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_every_model_passes_the_model_tester(qtmodeltester, demo_database):
    with demo_database.sessions() as session:
        board_id = session.scalars(select(Board.id)).one()
        meeting_id = session.scalars(select(Meeting.id).order_by(Meeting.starts_at)).first()
        models = [
            (MeetingTableModel(), meeting_rows(session, board_id)),
            (PeopleTableModel(), people_rows(session)),
            (MembershipTableModel(), membership_rows(session, board_id, date(2016, 9, 13))),
            (RegisterTableModel(), register(session, meeting_id)),
            (AgendaTableModel(), timetable(session.get_one(Meeting, meeting_id)).lines),
            (
                ActionTableModel(),
                [ActionRow("IB-2016-01", "Circulate the terms", "Eric", date(2016, 9, 30), "Done")],
            ),
        ]
    for model, rows in models:
        assert rows
        model.set_rows(rows)
        qtmodeltester.check(model, force_py=True)


def test_the_meetings_list_sorts_by_date_and_searches(qtbot, demo_database):
    page = MeetingsPage(_context(demo_database))
    qtbot.addWidget(page)
    page.refresh()
    starts = [page.proxy.row_at(row).starts_at for row in range(page.proxy.rowCount())]
    assert starts == sorted(starts)
    page.apply_search("2019")
    assert page.proxy.rowCount() == 1
    page.list_view.selectRow(0)
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    assert page.workspace is not None
    assert page.workspace.heading.text() == "Wirral Improvement Board — Tue 19 Nov 2019"


def test_a_secretary_sets_up_next_years_monthly_series(qtbot, database, monkeypatch):
    with database.transaction() as session:
        add_board(session, "Improvement Board", BoardRules(venue="Committee Room 1"))
    page = MeetingsPage(_context(database))
    qtbot.addWidget(page)
    page.refresh()
    assert page.stack.currentWidget() is page.empty

    def fill_in(dialog: SeriesDialog) -> int:
        dialog.show()
        dialog.week_of_month.setCurrentIndex(dialog.week_of_month.findData(3))
        dialog.weekday.setCurrentIndex(1)  # Tuesday
        dialog.first_month.setDate(QDate(2026, 9, 1))
        dialog.last_month.setDate(QDate(2027, 7, 1))
        assert dialog.preview.text().startswith("11 meetings — Monthly on the third Tuesday")
        _ok(dialog)
        return dialog.result()

    monkeypatch.setattr(SeriesDialog, "exec", fill_in)
    page.start_series_button.click()  # the empty state's own button
    with database.sessions() as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()
        assert len(meetings) == 11
        assert meetings[0].starts_at == datetime(2026, 9, 15, 14, 0)
        assert meetings[-1].starts_at == datetime(2027, 7, 20, 14, 0)
        assert {m.venue for m in meetings} == {"Committee Room 1"}
        assert len({m.series_id for m in meetings}) == 1
    assert page.stack.currentWidget() is page.body
    assert page.model.rowCount() == 11


def test_marking_apologies_in_the_workspace_updates_register_and_quorum(qtbot, demo_database):
    context = _context(demo_database)
    with demo_database.sessions() as session:
        meeting_id = session.scalars(
            select(Meeting.id).where(Meeting.starts_at == datetime(2016, 10, 11, 14))
        ).one()
    workspace = MeetingWorkspace(context, meeting_id)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.tabs.setCurrentWidget(workspace.attendance)
    panel = workspace.attendance
    assert "Members present 0 · quorum 6" in panel.quorum_label.text()
    panel.view.setFocus()
    panel.view.selectRow(1)
    second = panel.proxy.row_at(1)
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_P)
    with demo_database.sessions() as session:
        records = {
            a.person_id: a.status
            for a in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id))
        }
    assert records[second.person_id] is AttendanceStatus.APOLOGIES
    assert list(records.values()).count(AttendanceStatus.PRESENT) == 1
    assert panel.model.row_at(1).status_label == "Apologies"
    assert "Members present 1 · quorum 6 — not quorate" in panel.quorum_label.text()


def test_a_deputy_named_on_the_membership_is_marked_with_d(qtbot, demo_database):
    context = _context(demo_database)
    with demo_database.sessions() as session:
        meeting_id = session.scalars(
            select(Meeting.id).where(Meeting.starts_at == datetime(2016, 10, 11, 14))
        ).one()
        seat = session.scalars(
            select(Membership)
            .join(Person, Membership.person_id == Person.id)
            .where(Person.name == "Lorna Quigley")
        ).one()
        deputy = session.scalars(select(Person).where(Person.name == "Lisa Cooper")).one()
        fields = MembershipFields(seat.person_id, seat.role, seat.start_date, None, deputy.id)
    with demo_database.transaction() as session:
        update_membership(session, seat.id, fields)
    workspace = MeetingWorkspace(context, meeting_id)
    qtbot.addWidget(workspace)
    panel = workspace.attendance
    row = next(r for r in range(panel.model.rowCount()) if panel.model.row_at(r).named_deputy_id)
    panel.view.selectRow(row)
    qtbot.keyClick(panel.view, Qt.Key.Key_D)
    line = panel.model.row_at(row)
    assert line.status is AttendanceStatus.DEPUTY
    assert line.minutes_text == "Lisa Cooper (for Lorna Quigley)"
    assert "Members present 1" in panel.quorum_label.text()


def test_a_malformed_email_is_shown_and_nothing_is_saved(qtbot, database, monkeypatch):
    with database.transaction() as session:
        board = add_board(session, "Board", BoardRules())
        add_person(session, PersonFields("Existing"))
    page = PeoplePage(_context(database, board.name))
    qtbot.addWidget(page)
    page.refresh()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))

    def type_in(dialog: PersonDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.name, "Jane Smith")
        qtbot.keyClicks(dialog.email, "jane.smith-at-example.org")
        _ok(dialog)
        assert dialog.isVisible(), "the dialog stays open with what was typed"
        dialog.email.clear()
        qtbot.keyClicks(dialog.email, "jane.smith@example.org")
        _ok(dialog)
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", type_in)
    page.add_person_button.click()
    assert warnings == ["“jane.smith-at-example.org” is not an email address; it should look like "
                        "name@example.org."]  # fmt: skip
    with database.sessions() as session:
        emails = session.scalars(select(Person.email).order_by(Person.name)).all()
    assert emails == ["", "jane.smith@example.org"]
    assert page.people.rowCount() == 2


def test_the_details_tab_shows_the_meeting_and_its_deadline(qtbot, demo_database):
    context = _context(demo_database)
    with demo_database.sessions() as session:
        meeting_id = session.scalars(select(Meeting.id).order_by(Meeting.starts_at)).first()
    workspace = MeetingWorkspace(context, meeting_id)
    qtbot.addWidget(workspace)
    assert "Tue 13 Sep 2016" in workspace.heading.text()
    assert "Papers due Tue 6 Sep 2016" in workspace.deadline.text()
    assert workspace.agenda.rowCount() == 5
    assert workspace.agenda.row_at(0).number == "1"
    assert "No minutes recorded yet" not in workspace.minutes.toPlainText()
    assert workspace.attendance.model.rowCount() > 10
    assert time(14, 0).strftime("%H:%M") in workspace.detail_labels["time"].text()


def test_save_invite_writes_the_ics_where_the_user_chose(
    qtbot, demo_database, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from boardroom.ui.settings_store import open_qsettings

    settings = open_qsettings()
    settings.setValue("organisation/secretariat_email", "clerk@wirral.example.org")
    settings.sync()
    target = tmp_path / "invite.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    page = MeetingsPage(_context(demo_database))
    qtbot.addWidget(page)
    page.refresh()
    page.list_view.selectRow(0)
    try:
        page.invite_button.click()
    finally:
        settings.remove("organisation/secretariat_email")
    text = target.read_text()
    assert "METHOD:REQUEST" in text
    assert "ORGANIZER;CN=Secretariat:mailto:clerk@wirral.example.org" in text


def test_the_month_view_shows_that_months_meetings(qtbot, demo_database):
    page = MeetingsPage(_context(demo_database))
    qtbot.addWidget(page)
    page.refresh()
    page.calendar_mode.click()
    assert page.views.currentIndex() == 1
    page.calendar.setCurrentPage(2016, 10)
    assert [
        page.month_proxy.row_at(r).starts_at.date() for r in range(page.month_proxy.rowCount())
    ] == [date(2016, 10, 11)]
    page.calendar.setCurrentPage(2017, 1)
    assert page.month_proxy.rowCount() == 0
    page.list_mode.click()
    assert page.views.currentIndex() == 0


def test_cancelling_from_the_page_asks_then_offers_the_cancellation(
    qtbot, database, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from boardroom.services.meetings import MeetingFields, create_meeting

    with database.transaction() as session:
        board = add_board(session, "Board", BoardRules())
        create_meeting(
            session,
            board.id,
            MeetingFields("Board", datetime(2030, 3, 5, 10), datetime(2030, 3, 5, 12)),
        )
    questions: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text: questions.append(text) or QMessageBox.StandardButton.Yes,
    )
    target = tmp_path / "cancel.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    page = MeetingsPage(_context(database))
    qtbot.addWidget(page)
    page.refresh()
    page.list_view.selectRow(0)
    page.cancel_button.click()
    assert questions[0].startswith("Cancel the meeting on Tue 5 Mar 2030?")
    assert len(questions) == 2, "then it offers the cancellation for calendars"
    assert "METHOD:CANCEL" in target.read_text()
    assert page.model.row_at(0).papers == "Meeting cancelled"


def test_a_membership_ending_before_it_starts_is_explained(qtbot, database, monkeypatch):
    from boardroom.ui.dialogs.people import MembershipDialog

    with database.transaction() as session:
        board = add_board(session, "Board", BoardRules())
        add_person(session, PersonFields("Ann Chair"))
    page = PeoplePage(_context(database, board.name))
    qtbot.addWidget(page)
    page.refresh()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))

    def type_in(dialog: MembershipDialog) -> int:
        qtbot.keyClicks(dialog.start, "1/9/2026")
        qtbot.keyClicks(dialog.end, "31 Aug 2026")
        _ok(dialog)
        return dialog.result()

    monkeypatch.setattr(MembershipDialog, "exec", type_in)
    page.add_seat_button.click()
    assert warnings == ["The membership ends (Mon 31 Aug 2026) before it starts (Tue 1 Sep 2026)."]
    assert page.memberships.rowCount() == 0


def test_enter_on_a_membership_edits_it_and_search_filters_both_tabs(
    qtbot, demo_database, monkeypatch
):
    from boardroom.ui.dialogs.people import MembershipDialog

    page = PeoplePage(_context(demo_database))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.apply_search("Quigley")
    assert page.membership_proxy.rowCount() == 1
    assert page.people_proxy.rowCount() == 1
    seen: list[str] = []

    def make_vice_chair(dialog: MembershipDialog) -> int:
        seen.append(dialog.person.currentText())
        dialog.role.setCurrentIndex(dialog.role.findData("vice-chair"))
        _ok(dialog)
        return dialog.result()

    monkeypatch.setattr(MembershipDialog, "exec", make_vice_chair)
    page.membership_view.setFocus()
    page.membership_view.selectRow(0)
    qtbot.keyClick(page.membership_view, Qt.Key.Key_Return)
    assert seen == ["Lorna Quigley"]
    assert page.membership_proxy.row_at(0).role.label == "Vice-chair"
    with demo_database.sessions() as session:
        roles = session.scalars(
            select(Membership.role)
            .join(Person, Membership.person_id == Person.id)
            .where(Person.name == "Lorna Quigley")
        ).all()
    assert [role.value for role in roles] == ["vice-chair"]
