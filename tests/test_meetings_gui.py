"""The Meetings and People pages and the meeting workspace, driven like a user would."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from boardroom.services.attendance import register
from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import add_board
from boardroom.services.people import (
    MembershipFields,
    PersonFields,
    add_person,
    update_membership,
)
from boardroom.services.series import Frequency, SeriesPlan, preview
from boardroom.storage.models import (
    Attendance,
    AttendanceStatus,
    Board,
    Meeting,
    Membership,
    Person,
    Role,
)
from boardroom.ui.attendance_panel import COLUMN_GUTTER, AttendancePanel
from boardroom.ui.context import AppContext
from boardroom.ui.dialogs.people import PersonDialog
from boardroom.ui.dialogs.series import SeriesDialog
from boardroom.ui.meeting_workspace import MeetingWorkspace, open_workspace_of
from boardroom.ui.models.meeting_record import ActionRow, ActionTableModel
from boardroom.ui.models.meetings import MeetingTableModel, SeriesPreviewModel, meeting_rows
from boardroom.ui.models.month import DAY_ROLE as MONTH_DAY_ROLE
from boardroom.ui.models.month import HOLIDAY_ROLE as MONTH_HOLIDAY_ROLE
from boardroom.ui.models.month import MEETINGS_ROLE as MONTH_MEETINGS_ROLE
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
            (
                SeriesPreviewModel(),
                preview(
                    SeriesPlan(
                        "Board",
                        Frequency.MONTHLY,
                        0,
                        time(14),
                        time(16),
                        date(2027, 5, 1),
                        date(2027, 8, 31),
                        week_of_month=-1,
                    ),
                    "GB-ENG",
                    5,
                ),
            ),
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
    workspace = open_workspace_of(page.context, page.proxy.row_at(0).meeting_id)
    assert workspace is not None and workspace.isVisible()
    assert workspace.heading.text() == "Wirral Improvement Board — Tue 19 Nov 2019"


def test_opening_a_meeting_already_open_brings_its_workspace_forward(qtbot, demo_database):
    page = MeetingsPage(_context(demo_database))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.apply_search("2019")
    page.list_view.selectRow(0)
    meeting_id = page.proxy.row_at(0).meeting_id
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    first = open_workspace_of(page.context, meeting_id)
    assert first is not None
    first.tabs.setCurrentWidget(first.agenda)  # where the clerk had got to
    page.activateWindow()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    workspaces = [w for w in page.findChildren(MeetingWorkspace) if w.meeting_id == meeting_id]
    assert workspaces == [first], "one window per meeting"
    assert first.isVisible() and first.tabs.currentWidget() is first.agenda
    # Closed, it goes; opening the meeting again makes a new one.
    first.close()
    qtbot.waitUntil(lambda: open_workspace_of(page.context, meeting_id) is None)
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    again = open_workspace_of(page.context, meeting_id)
    assert again is not None and again.isVisible()
    assert again.tabs.currentWidget() is again.tabs.widget(0)


def test_a_secretary_sets_up_next_years_monthly_series(qtbot, database, monkeypatch):
    """The dialog opens on next year's third Tuesdays: checking the preview and Enter is all."""
    with database.transaction() as session:
        add_board(session, "Improvement Board", BoardRules(venue="Committee Room 1"))
    page = MeetingsPage(_context(database))
    qtbot.addWidget(page)
    page.refresh()
    assert page.stack.currentWidget() is page.empty
    today = date.today()
    september = today.year if today.month < 9 else today.year + 1
    previews: list[str] = []

    def press_enter(dialog: SeriesDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        previews.append(dialog.summary.text())
        assert dialog.planned.rowCount() == 11
        qtbot.keyClick(dialog.title_box, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(SeriesDialog, "exec", press_enter)
    page.start_series_button.click()  # the empty state's own button
    assert previews == ["11 meetings — Monthly on the third Tuesday, 14:00–16:00"]
    with database.sessions() as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()
        assert len(meetings) == 11
        assert [(m.starts_at.year, m.starts_at.month) for m in meetings] == [
            (september + (month < 9), month) for month in (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7)
        ]
        assert all(m.starts_at.weekday() == 1 and 15 <= m.starts_at.day <= 21 for m in meetings)
        assert {(m.starts_at.time(), m.ends_at.time()) for m in meetings} == {(time(14), time(16))}
        assert {m.venue for m in meetings} == {"Committee Room 1"}
        assert {m.title for m in meetings} == {"Improvement Board"}
        assert len({m.series_id for m in meetings}) == 1
    assert page.stack.currentWidget() is page.body
    assert page.model.rowCount() == 11


def test_every_six_weeks_from_a_chosen_day_typed_in_the_dialog(qtbot, database, monkeypatch):
    with database.transaction() as session:
        add_board(session, "Scrutiny Panel", BoardRules())
    page = MeetingsPage(_context(database))
    qtbot.addWidget(page)
    page.refresh()

    def every_six_weeks(dialog: SeriesDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.mouseClick(dialog.weekly, Qt.MouseButton.LeftButton)
        assert dialog.interval.isEnabled() and not dialog.week_of_month.isVisible()
        dialog.weekday.setFocus()
        qtbot.keyClicks(dialog.weekday, "Thu")  # type-to-select in the day list
        dialog.first_day.setDate(QDate(2027, 1, 7))
        dialog.last_day.setDate(QDate(2027, 6, 30))
        assert dialog.first_day.text() == "Thu 7 Jan 2027", "every N weeks counts from a day"
        dialog.starts.setTime(QTime(10, 0))
        dialog.ends.setTime(QTime(12, 30))
        assert dialog.summary.text() == "5 meetings — Every 6 weeks on Thursday, 10:00–12:30"
        _ok(dialog)
        return dialog.result()

    monkeypatch.setattr(SeriesDialog, "exec", every_six_weeks)
    page.series_button.click()
    with database.sessions() as session:
        starts = session.scalars(select(Meeting.starts_at).order_by(Meeting.starts_at)).all()
    assert starts == [
        datetime(2027, 1, 7, 10),
        datetime(2027, 2, 18, 10),
        datetime(2027, 4, 1, 10),
        datetime(2027, 5, 13, 10),
        datetime(2027, 6, 24, 10),
    ]


def test_the_series_preview_flags_meetings_on_bank_holidays(qtbot):
    dialog = SeriesDialog(
        lambda _plan: None, title="Board", rules=BoardRules(), today=date(2026, 6, 1)
    )
    qtbot.addWidget(dialog)
    dialog.week_of_month.setCurrentIndex(dialog.week_of_month.findData(-1))
    dialog.weekday.setCurrentIndex(0)  # the last Monday of the month
    dialog.last_day.setDate(QDate(2027, 8, 1))
    notes = {
        dialog.planned.row_at(row).starts_at.date(): dialog.planned.row_at(row).clash
        for row in range(dialog.planned.rowCount())
        if dialog.planned.row_at(row).clash
    }
    assert notes == {
        date(2026, 12, 28): "Boxing Day (observed)",
        date(2027, 3, 29): "Easter Monday",
        date(2027, 5, 31): "Spring Bank Holiday",
        date(2027, 8, 30): "Late Summer Bank Holiday",
    }
    assert dialog.summary.text().endswith(
        "⚠ 4 on a bank holiday or weekend: move them once created"
    )
    papers = dialog.planned.index(0, SeriesPreviewModel.COL_PAPERS).data()
    assert papers == "Mon 21 Sep 2026", "5 working days before Mon 28 Sep 2026"


def _october_id(session) -> int:
    """The demo board's 11 October 2016 meeting: its agenda published, nobody marked yet."""
    return session.scalars(
        select(Meeting.id).where(Meeting.starts_at == datetime(2016, 10, 11, 14))
    ).one()


def _october_register(qtbot, database) -> tuple[int, AttendancePanel]:
    """That meeting's workspace shown on its register: (meeting id, register panel)."""
    with database.sessions() as session:
        meeting_id = _october_id(session)
    workspace = MeetingWorkspace(_context(database), meeting_id)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.tabs.setCurrentWidget(workspace.attendance)
    return meeting_id, workspace.attendance


def test_marking_apologies_in_the_workspace_updates_register_and_quorum(qtbot, demo_database):
    meeting_id, panel = _october_register(qtbot, demo_database)
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
    assert panel.proxy.index(1, RegisterTableModel.COL_STATUS).data() == "Apologies"
    assert "Members present 1 · quorum 6 — not quorate" in panel.quorum_label.text()


def test_p_on_an_officers_line_marks_them_in_attendance(qtbot, demo_database):
    _, panel = _october_register(qtbot, demo_database)
    officer = next(
        row
        for row in range(panel.proxy.rowCount())
        if panel.proxy.row_at(row).seat_role is Role.OFFICER
    )
    panel.view.setFocus()
    panel.view.selectRow(officer)
    qtbot.keyClick(panel.view, Qt.Key.Key_P)
    cell = panel.proxy.index(officer, RegisterTableModel.COL_STATUS)
    assert cell.data() == "In attendance"
    assert panel.proxy.row_at(officer).status is AttendanceStatus.IN_ATTENDANCE
    assert "Members present 0 · quorum 6" in panel.quorum_label.text(), "officers do not count"


def _lorna_and_her_deputy(session) -> tuple[Membership, Person]:
    """Lorna Quigley's seat on the demo board, and Lisa Cooper, who may deputise for her."""
    seat = session.scalars(
        select(Membership)
        .join(Person, Membership.person_id == Person.id)
        .where(Person.name == "Lorna Quigley")
    ).one()
    return seat, session.scalars(select(Person).where(Person.name == "Lisa Cooper")).one()


def _mark_the_named_deputy(qtbot, panel: AttendancePanel) -> int:
    """D on the line of the member with a named deputy: that line's row."""
    row = next(r for r in range(panel.model.rowCount()) if panel.model.row_at(r).named_deputy_id)
    panel.view.selectRow(row)
    qtbot.keyClick(panel.view, Qt.Key.Key_D)
    return row


def test_a_deputy_named_on_the_membership_is_marked_with_d(qtbot, demo_database):
    context = _context(demo_database)
    with demo_database.sessions() as session:
        meeting_id = _october_id(session)
        seat, deputy = _lorna_and_her_deputy(session)
        fields = MembershipFields(seat.person_id, seat.role, seat.start_date, None, deputy.id)
    with demo_database.transaction() as session:
        update_membership(session, seat.id, fields)
    workspace = MeetingWorkspace(context, meeting_id)
    qtbot.addWidget(workspace)
    panel = workspace.attendance
    row = _mark_the_named_deputy(qtbot, panel)
    line = panel.model.row_at(row)
    assert line.status is AttendanceStatus.DEPUTY
    assert line.minutes_text == "Lisa Cooper (for Lorna Quigley)"
    assert "Members present 1" in panel.quorum_label.text()


def test_the_register_widens_to_show_a_long_deputys_name_once_marked(qtbot, demo_database):
    """What marking fills in is always wide enough to read, however long the name."""
    context = _context(demo_database)
    long_name = "Elisabetta Montgomery-Fitzwilliam de la Cour"
    with demo_database.transaction() as session:
        meeting_id = _october_id(session)
        seat, deputy = _lorna_and_her_deputy(session)
        deputy.name = long_name
        seat.deputy_id = deputy.id
    workspace = MeetingWorkspace(context, meeting_id)
    qtbot.addWidget(workspace)
    workspace.show()
    panel = workspace.attendance
    header = panel.view.horizontalHeader()
    before = header.sectionSize(RegisterTableModel.COL_DEPUTY)
    row = _mark_the_named_deputy(qtbot, panel)
    assert panel.model.row_at(row).deputy_name.endswith(long_name)
    width = header.sectionSize(RegisterTableModel.COL_DEPUTY)
    assert width > before
    # With the gutter every column has, so the name does not run into the time arrived.
    assert width >= panel.view.sizeHintForColumn(RegisterTableModel.COL_DEPUTY) + COLUMN_GUTTER


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
    assert workspace.agenda.model.rowCount() == 5
    assert workspace.agenda.model.rows()[0].number == "1"
    assert workspace.minutes.pages.currentWidget() is workspace.minutes.browser
    minuted = workspace.minutes.browser.toPlainText()
    assert "3  Terms of Reference" in minuted and "oversee the Improvement of the LSCB" in minuted
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


def test_the_month_view_writes_each_meeting_in_its_day(qtbot, demo_database, monkeypatch):
    page = MeetingsPage(_context(demo_database))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.mouseClick(page.calendar_mode, Qt.MouseButton.LeftButton)
    assert page.views.currentWidget() is page.month
    month = page.month
    month.select_day(date(2016, 10, 3))
    assert month.title.text() == "October 2016"
    grid = month.model
    assert grid.index(0, 0).data(MONTH_DAY_ROLE) == date(2016, 9, 26), "weeks start on Monday"
    tuesday = grid.index_of(date(2016, 10, 11))
    assert [m.title for m in tuesday.data(MONTH_MEETINGS_ROLE)] == ["Improvement Board"]
    assert "14:00–16:00 Improvement Board" in tuesday.data(Qt.ItemDataRole.ToolTipRole)
    # The keyboard: a week on is the 10th, a day on the meeting, Enter opens it.
    month.view.setFocus()
    qtbot.keyClick(month.view, Qt.Key.Key_Down)
    qtbot.keyClick(month.view, Qt.Key.Key_Right)
    assert month.selected_day() == date(2016, 10, 11)
    qtbot.keyClick(month.view, Qt.Key.Key_Return)
    workspace = open_workspace_of(page.context, month.selected_meetings()[0].meeting_id)
    assert workspace is not None
    assert "Tue 11 Oct 2016" in workspace.heading.text()
    # Page Down turns the month; an empty day leaves the meeting buttons with nothing to do.
    qtbot.keyClick(month.view, Qt.Key.Key_PageDown)
    assert month.title.text() == "November 2016"
    assert month.selected_meetings() == []
    messages: list[str] = []
    page.context.status_message.connect(messages.append)
    page.invite_button.click()
    assert messages == ["Select a day with a meeting first."]
    # The search box narrows the grid as it narrows the list.
    month.select_day(date(2016, 10, 11))
    page.apply_search("no such meeting")
    assert month.selected_meetings() == []
    page.apply_search("")
    qtbot.mouseClick(page.list_mode, Qt.MouseButton.LeftButton)
    assert page.views.currentWidget() is page.list_view


def test_the_month_grid_passes_the_model_tester(qtmodeltester, demo_database):
    from boardroom.ui.models.month import MonthGridModel

    with demo_database.sessions() as session:
        board_id = session.scalars(select(Board.id)).one()
        rows = meeting_rows(session, board_id)
    grid = MonthGridModel(today=date(2016, 9, 13))
    grid.set_meetings(rows)
    assert grid.index_of(date(2016, 9, 13)).data(MONTH_MEETINGS_ROLE)[0].starts_at.day == 13
    assert grid.index_of(date(2016, 8, 29)).data(Qt.ItemDataRole.ForegroundRole) is not None
    qtmodeltester.check(grid, force_py=True)
    grid.set_month(2016, 8)
    bank_holiday = grid.index_of(date(2016, 8, 29))
    assert bank_holiday.data(MONTH_HOLIDAY_ROLE) == "Late Summer Bank Holiday"
    grid.set_region("GB-SCT")
    assert bank_holiday.data(MONTH_HOLIDAY_ROLE) == "", "Scotland's is on 1 August"
    assert grid.index_of(date(2016, 8, 1)).data(MONTH_HOLIDAY_ROLE) == "Summer Bank Holiday"
    grid.set_month(2016, 9)
    grid.step(-9)
    assert grid.month == (2015, 12)
    grid.step(13)
    assert grid.month == (2017, 1)


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


def test_the_meeting_dialog_shows_the_papers_deadline_and_warns_of_a_bank_holiday(qtbot):
    from boardroom.ui.dialogs.meetings import MeetingDialog

    dialog = MeetingDialog(
        lambda _fields: None, title="Board", rules=BoardRules(lead_days=5, venue="Room 1")
    )
    qtbot.addWidget(dialog)
    assert dialog.venue.text() == "Room 1", "a new meeting starts at the board's usual venue"
    qtbot.keyClicks(dialog.day, "13/9/2016")
    assert dialog.deadline.text() == "Papers due Tue 6 Sep 2016 (5 working days before)"
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, "29/8/2016")
    assert dialog.deadline.text() == (
        "⚠ Mon 29 Aug 2016 is Late Summer Bank Holiday — not a working day."
    )


def test_a_guest_is_added_by_typing_part_of_their_name(qtbot, demo_database, monkeypatch):
    from boardroom.ui.attendance_panel import AddAttendeeDialog

    with demo_database.transaction() as session:
        add_person(session, PersonFields("Yvette Stanley", job_title="Ofsted National Director"))
        meeting_id = _october_id(session)
    workspace = MeetingWorkspace(_context(demo_database), meeting_id)
    qtbot.addWidget(workspace)
    panel = workspace.attendance
    seats = panel.model.rowCount()

    def add_guest(dialog: AddAttendeeDialog) -> int:
        dialog.show()
        dialog.person.lineEdit().clear()
        qtbot.keyClicks(dialog.person.lineEdit(), "yvette stanley")
        dialog.status.setCurrentIndex(dialog.status.findData(AttendanceStatus.GUEST.value))
        qtbot.keyClicks(dialog.capacity, "Ofsted")
        _ok(dialog)
        return dialog.result()

    monkeypatch.setattr(AddAttendeeDialog, "exec", add_guest)
    panel.add_attendee()
    assert panel.model.rowCount() == seats + 1
    guest = panel.model.row_at(seats)
    assert (guest.name, guest.role, guest.status) == (
        "Yvette Stanley",
        "Ofsted",
        AttendanceStatus.GUEST,
    )
    assert not guest.counts_for_quorum
    assert "Members present 0" in panel.quorum_label.text(), "a guest is not a member"


def test_a_deadline_that_has_passed_shows_red_in_the_list(qtbot, database):
    from boardroom.services.meetings import MeetingFields, create_meeting
    from boardroom.ui.colours import OVERDUE

    soon = date.today() + timedelta(days=2)  # papers were due 5 working days before
    with database.transaction() as session:
        board = add_board(session, "Board", BoardRules(lead_days=5))
        create_meeting(
            session,
            board.id,
            MeetingFields(
                "Board", datetime.combine(soon, time(14)), datetime.combine(soon, time(16))
            ),
        )
        create_meeting(
            session,
            board.id,
            MeetingFields(
                "Board",
                datetime.combine(soon + timedelta(days=60), time(14)),
                datetime.combine(soon + timedelta(days=60), time(16)),
            ),
        )
    page = MeetingsPage(_context(database))
    qtbot.addWidget(page)
    page.refresh()
    late, later = (page.proxy.index(row, MeetingTableModel.COL_PAPERS) for row in range(2))
    assert "overdue by" in late.data()
    assert late.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE.color()
    assert "working days left" in later.data()
    assert later.data(Qt.ItemDataRole.ForegroundRole) is None


def test_ctrl_shift_n_opens_the_series_dialog(qtbot, database, monkeypatch):
    with database.transaction() as session:
        add_board(session, "Board", BoardRules())
    page = MeetingsPage(_context(database))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.refresh()
    opened: list[str] = []
    monkeypatch.setattr(SeriesDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()))
    page.start_series_button.setFocus()
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.start_series_button, Qt.Key.Key_N, both)
    assert opened == ["New series of meetings"]


def test_the_membership_dialog_picks_people_by_typing_and_refuses_a_stranger(qtbot):
    from boardroom.errors import BoardroomError
    from boardroom.storage.models import Role
    from boardroom.ui.dialogs.people import MembershipDialog
    from boardroom.ui.models.people import PersonRow

    people = [
        PersonRow(1, "Lorna Quigley", "", "", "Wirral CCG", ""),
        PersonRow(2, "Lisa Cooper", "", "", "NHS England", ""),
    ]
    dialog = MembershipDialog(lambda _fields: None, people)
    qtbot.addWidget(dialog)
    dialog.person.lineEdit().clear()
    qtbot.keyClicks(dialog.person.lineEdit(), "lorna quigley")
    dialog.deputy.lineEdit().clear()
    qtbot.keyClicks(dialog.deputy.lineEdit(), "Lisa Cooper")
    fields = dialog.fields()
    assert (fields.person_id, fields.role, fields.deputy_id) == (1, Role.MEMBER, 2)
    dialog.deputy.lineEdit().clear()
    assert dialog.fields().deputy_id is None, "a blank deputy box means no named deputy"
    dialog.person.lineEdit().clear()
    qtbot.keyClicks(dialog.person.lineEdit(), "Jane Nobody")
    with pytest.raises(BoardroomError, match="“Jane Nobody” is not in the list of people"):
        dialog.fields()


def test_a_new_meeting_is_selected_and_a_reload_keeps_the_selection(
    qtbot, demo_database, monkeypatch
):
    """After scheduling, the new meeting is the one selected — Enter opens it, Save invite
    sends it — and a change made elsewhere does not lose the clerk's place in the list."""
    from boardroom.ui.dialogs.meetings import MeetingDialog

    page = MeetingsPage(_context(demo_database))
    qtbot.addWidget(page)
    page.refresh()

    def schedule(dialog: MeetingDialog) -> int:
        qtbot.keyClicks(dialog.day, "5 Jan 2027")
        _ok(dialog)
        return dialog.result()

    monkeypatch.setattr(MeetingDialog, "exec", schedule)
    page.new_meeting()
    chosen = page.selected()
    assert chosen is not None and chosen.starts_at == datetime(2027, 1, 5, 14, 0)
    page.list_view.selectRow(0)
    first = page.selected()
    assert first is not None and first.starts_at.date() == date(2016, 9, 13)
    page.context.data_changed.emit()
    again = page.selected()
    assert again is not None and again.meeting_id == first.meeting_id
