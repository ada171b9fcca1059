"""The meeting workspace's buttons that produce files — Word agenda, Word minutes, Circulate —
and the Dashboard's deadline view, used as a clerk would, with the results read back."""

from __future__ import annotations

import email
from datetime import date, datetime, time, timedelta
from email import policy
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from agenda_builders import PDF_BYTES, SECRET_TEXTS, XLSX_BYTES, build_meeting
from boardroom.services.agenda import append_item, start_from_template
from boardroom.services.boards import create_board
from boardroom.services.meetings import new_uid
from boardroom.storage.models import Meeting, MeetingStatus, Membership, Person, Role
from boardroom.ui import background
from boardroom.ui.context import AppContext
from boardroom.ui.deadlines_panel import DeadlinesModel
from boardroom.ui.meeting_workspace import MeetingWorkspace, Stage, open_workspace_of, stage_of
from boardroom.ui.models.meeting_record import ActionTableModel, OpenActionsModel
from boardroom.ui.pages.dashboard import DashboardPage
from boardroom.ui.settings_store import open_qsettings


def _settings(**values: str) -> None:
    settings = open_qsettings()
    for key, value in values.items():
        settings.setValue(key, value)
    settings.sync()


def _workspace(qtbot, database, meeting_id: int) -> MeetingWorkspace:
    window = MeetingWorkspace(AppContext(database), meeting_id)
    qtbot.addWidget(window)
    window.show()
    return window


def _all_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    parts.append(document.core_properties.title or "")
    return "\n".join(parts)


def _finish(qtbot) -> None:
    qtbot.waitUntil(lambda: not background._running, timeout=20000)


def test_the_word_agenda_button_saves_either_version_with_the_settings_template(
    qtbot, database, tmp_path, monkeypatch
):
    built = build_meeting(database, tmp_path)
    template = tmp_path / "letterhead.docx"
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "Wirral Council — Democratic Services"
    letterhead.save(str(template))
    _settings(**{"defaults/word_template": str(template)})
    chosen: list[str] = []

    def save_as(_parent, _title, proposed, _filter):
        chosen.append(proposed)
        return str(tmp_path / Path(proposed).stem), ""  # typed without the extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window = _workspace(qtbot, database, built.meeting_id)
    window.show_agenda()
    menu = window.agenda_word_button.menu()
    menu.findChild(QAction, "public").trigger()
    _finish(qtbot)
    assert Path(chosen[0]).name == "Wirral Improvement Board agenda 2016-09-13 (public).docx"
    public = tmp_path / "Wirral Improvement Board agenda 2016-09-13 (public).docx"
    text = _all_text(public)
    assert "Terms of Reference" in text and "Findings for the LSCB" in text
    assert not [secret for secret in SECRET_TEXTS if secret in text]
    assert "Wirral Council — Democratic Services" in text, "the letterhead from Settings"
    assert window.notice.isVisible() and str(public) in window.notice.label.text()

    menu.findChild(QAction, "members").trigger()
    _finish(qtbot)
    members = _all_text(tmp_path / "Wirral Improvement Board agenda 2016-09-13.docx")
    assert "Part 2 — not for publication" in members and "Staffing restructure" in members


def test_the_word_minutes_button_saves_the_minutes(qtbot, demo_database, tmp_path, monkeypatch):
    with demo_database.sessions() as session:
        meeting_id = session.scalars(
            select(Meeting.id).where(Meeting.starts_at == datetime(2016, 9, 13, 14))
        ).one()
    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    window = _workspace(qtbot, demo_database, meeting_id)
    assert window.stage is Stage.EXPORT and window.export_button.property("primary")
    window.tabs.setCurrentWidget(window.minutes)
    assert "Approved as a true record" in window.minutes.standing.text()
    window.minutes.word_button.menu().findChild(QAction, "members").trigger()
    _finish(qtbot)
    document = docx.Document(str(target))
    assert document.core_properties.title.startswith("Wirral Improvement Board")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings, "the minuted items are headings"
    minuted = window.minutes.browser.toPlainText()
    assert any(heading.split(" ", 1)[-1] in minuted for heading in headings)


def test_circulate_writes_the_draft_opens_it_and_records_the_circulation(
    qtbot, database, tmp_path, monkeypatch
):
    built = build_meeting(database, tmp_path, data_folder=True)
    _settings(
        **{
            "organisation/secretariat_email": "democratic.services@wirral.example.org",
            "organisation/secretariat_name": "Democratic Services",
        }
    )
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = _workspace(qtbot, database, built.meeting_id)
    assert window.stage is Stage.CIRCULATE and window.circulate_button.property("primary")
    window.circulate_button.click()
    _finish(qtbot)
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert path.name == "Wirral Improvement Board 2016-09-13 agenda and papers.eml"
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    assert message["From"].addresses[0].addr_spec == "democratic.services@wirral.example.org"
    to = {address.addr_spec for address in message["To"].addresses}
    assert {"eric@example.org", "annette@example.org", "phil@example.org"} <= to
    assert "former@example.org" not in to
    parts = {part.get_filename(): part for part in message.iter_attachments()}
    assert parts["Wirral Improvement Board agenda 2016-09-13.docx"].get_content_type() == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    invites = [part for name, part in parts.items() if name.endswith(".ics")]
    assert [part.get_content_type() for part in invites] == ["text/calendar"]
    assert invites[0].get_param("method") == "REQUEST"
    assert parts["Item 5 - Ofsted report.pdf"].get_content() == PDF_BYTES
    assert parts["Item 4 - Exempt paper 1.xlsx"].get_content() == XLSX_BYTES
    with database.sessions() as session:
        meeting = session.get(Meeting, built.meeting_id)
        assert meeting.status is MeetingStatus.AGENDA_PUBLISHED
        assert meeting.circulated_at is not None
    notice = window.notice.label.text()
    assert "after the papers deadline of Tue 6 Sep 2016" in notice  # circulated years later
    assert "Mike Forber" in notice, "who has no address is named"
    assert window.stage is Stage.MINUTES


def test_the_header_puts_the_next_step_first():
    assert stage_of(MeetingStatus.SCHEDULED, 0) is Stage.BUILD
    assert stage_of(MeetingStatus.SCHEDULED, 6) is Stage.CIRCULATE
    assert stage_of(MeetingStatus.AGENDA_PUBLISHED, 6) is Stage.MINUTES
    assert stage_of(MeetingStatus.HELD, 6) is Stage.MINUTES
    assert stage_of(MeetingStatus.MINUTES_DRAFTED, 6) is Stage.EXPORT
    assert stage_of(MeetingStatus.CANCELLED, 6) is Stage.NONE


@pytest.fixture
def upcoming(database) -> tuple[int, int]:
    """A board with two meetings ahead: one with a half-built agenda, one with none."""
    soon = datetime.combine(date.today() + timedelta(days=35), time(14))
    with database.transaction() as session:
        board = create_board(session, "Wirral Improvement Board", code="IB")
        session.add(Membership(board=board, person=Person(name="Julia Hassall"), role=Role.OFFICER))
        meetings = [
            Meeting(
                board=board,
                title="Improvement Board",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                uid=new_uid(),
            )
            for start in (soon, soon + timedelta(days=28))
        ]
        session.add_all(meetings)
        session.flush()
        start_from_template(session, meetings[0].id)
        append_item(session, meetings[0].id, "Ofsted findings")
        return board.id, meetings[0].id


def test_the_dashboard_lists_what_each_agenda_still_lacks(qtbot, database, upcoming):
    board_id, meeting_id = upcoming
    context = AppContext(database)
    context.set_board(board_id)
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    panel = page.deadlines
    model = panel.model
    assert model.rowCount() == 2
    first = [model.index(0, column).data() for column in range(model.columnCount())]
    assert first[DeadlinesModel.COL_MISSING] == "1 without a presenter · 1 without papers"
    assert first[DeadlinesModel.COL_LEFT].endswith("working days")
    assert model.index(1, DeadlinesModel.COL_MISSING).data() == "No agenda yet"
    assert "7 Ofsted findings" in panel.details.text()
    panel.open_button.click()
    workspace = open_workspace_of(context, meeting_id)
    assert workspace is not None
    assert workspace.tabs.currentWidget() is workspace.agenda
    workspace.close()


def test_the_record_and_deadline_models_pass_the_model_tester(qtmodeltester, database, upcoming):
    from boardroom.services.papers_due import upcoming_readiness
    from boardroom.ui.models.meeting_record import ActionRow

    board_id, _meeting_id = upcoming
    with database.sessions() as session:
        rows = upcoming_readiness(session, date.today(), board_id)
    deadlines = DeadlinesModel()
    deadlines.set_rows(rows)
    actions = ActionTableModel()
    actions.set_rows([ActionRow("IB-2016-01", "Circulate", "Eric", date(2016, 9, 30), "Open")])
    open_actions = OpenActionsModel()
    open_actions.set_rows([])
    for model in (deadlines, actions, open_actions):
        qtmodeltester.check(model, force_py=True)
