"""The meeting workspace: one meeting's header and its Details, Attendance, Agenda, Minutes
and Actions tabs.

The header names the meeting and makes the next step of its month the obvious button:
*Build agenda* while the agenda is empty, *Circulate…* once it has items, *Take minutes*
once it is published, *Word minutes* once the minutes are drafted. The other steps stay
within reach beside it.
"""

from __future__ import annotations

from enum import Enum
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from boardroom.circulation import Circulated
from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.meetings import (
    MINUTES_RECORD,
    WORKSPACE,
    get_meeting,
    papers_deadline,
    set_status,
)
from boardroom.storage.models import Meeting, MeetingStatus
from boardroom.ui.agenda.circulate import circulate_meeting, report
from boardroom.ui.agenda.tab import AgendaTab
from boardroom.ui.attendance_panel import AttendancePanel
from boardroom.ui.colours import NOTICE_BAR, OVERDUE
from boardroom.ui.context import AppContext
from boardroom.ui.icons import icon
from boardroom.ui.labels import label_of
from boardroom.ui.live.bars import MessageBar
from boardroom.ui.live.launch import ask_to_unlock, take_minutes
from boardroom.ui.meeting_actions import cancel_with_notice, edit_meeting, save_invites
from boardroom.ui.meeting_exports import AGENDA, MINUTES, word_button
from boardroom.ui.record_tabs import ActionsTab, MinutesTab
from boardroom.ui.table_view import button
from boardroom.ui.theme import emphasised

# Each style sheet is set on the widget it draws, not on the workspace: set there, it would
# put every widget of every tab under Qt's style-sheet style, slower to build and paint.
PRIMARY_STYLE = """
QPushButton[primary="true"] {
    background-color: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); border-radius: 4px;
    padding: 5px 14px; font-weight: 600;
}
QPushButton[primary="true"]:hover { border-color: palette(dark); }
QPushButton[primary="true"]:disabled { background-color: palette(button); color: palette(mid); }
"""
NOTICE_STYLE = """
#noticeBar { background: palette(alternate-base); border: 1px solid palette(midlight);
    border-radius: 4px; }
"""


def _notice_style() -> str:
    """The notice bar's style sheet, a late circulation's bar in the palette's amber."""
    return NOTICE_STYLE + NOTICE_BAR.css('#noticeBar[late="true"]')


DETAILS_WIDTH = 760  # a line of the Details tab stays readable on a wide window

# The workspaces open, by database (its context) and meeting: one window per meeting.
_open: dict[tuple[int, int], MeetingWorkspace] = {}


def open_workspace(context: AppContext, meeting_id: int, parent: QWidget) -> MeetingWorkspace:
    """Open a meeting's workspace, or bring forward the one already open for it."""
    key = (id(context), meeting_id)
    workspace = _open.get(key)
    if workspace is None:
        workspace = MeetingWorkspace(context, meeting_id, parent)
        workspace.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        workspace.destroyed.connect(lambda: _open.pop(key, None))
        _open[key] = workspace
    workspace.show()
    workspace.raise_()
    workspace.activateWindow()
    return workspace


def open_workspace_of(context: AppContext, meeting_id: int) -> MeetingWorkspace | None:
    """The workspace open for a meeting, if there is one."""
    return _open.get((id(context), meeting_id))


class Stage(Enum):
    """The next step of a meeting's month: what the header's main button does."""

    BUILD = "build"
    CIRCULATE = "circulate"
    MINUTES = "minutes"
    EXPORT = "export"
    NONE = "none"


def stage_of(status: MeetingStatus, item_count: int) -> Stage:
    if status is MeetingStatus.CANCELLED:
        return Stage.NONE
    if status is MeetingStatus.SCHEDULED:
        return Stage.CIRCULATE if item_count else Stage.BUILD
    if status in (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD):
        return Stage.MINUTES
    return Stage.EXPORT


class MeetingWorkspace(QDialog):
    """Everything about one meeting, opened from the Meetings page or the Dashboard."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.stage = Stage.NONE
        self._stale = False
        self.resize(1180, 760)
        layout = QVBoxLayout(self)

        # The heading beside the changes to the meeting itself; under it the time, place
        # and deadline beside the steps of the month, the next one highlighted.
        header = QGridLayout()
        header.setColumnStretch(0, 1)
        header.setHorizontalSpacing(16)
        header.setVerticalSpacing(4)
        titles = QVBoxLayout()
        self.heading = emphasised(QLabel(), point_size=16)
        self.subheading = QLabel()
        self.deadline = QLabel()
        for label in (self.heading, self.subheading, self.deadline):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)  # a long venue wraps rather than widening the window
        header.addWidget(self.heading, 0, 0)
        titles.addWidget(self.subheading)
        titles.addWidget(self.deadline)
        header.addLayout(titles, 1, 0)
        self.build_button = button("standing", self.tr("Build agenda"))
        self.build_button.setToolTip(self.tr("Start the agenda from the board's standing items"))
        self.build_button.clicked.connect(self.build_agenda)
        self.circulate_button = button("circulate", self.tr("Circulate…"))
        self.circulate_button.setToolTip(
            self.tr("Email the agenda, the invite and every paper to the members (a draft)")
        )
        self.circulate_button.clicked.connect(self.circulate)
        self.minutes_button = button("take-minutes", self.tr("Take minutes"))
        self.minutes_button.setToolTip(self.tr("Minute the meeting live, full-window"))
        self.minutes_button.clicked.connect(lambda: take_minutes(context, meeting_id))
        self.export_button = word_button(self, context, meeting_id, MINUTES, self._saved)
        self.unlock_button = button("unlock", self.tr("Unlock minutes…"))
        self.unlock_button.clicked.connect(self.unlock)
        self.edit_button = button("edit", self.tr("Reschedule or edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.invite_button = button("invite", self.tr("Save invite…"))
        self.invite_button.setToolTip(self.tr("Write the calendar invite (.ics) to send"))
        self.invite_button.clicked.connect(lambda: save_invites(self, context, meeting_id))
        self.cancel_button = button("cancel-meeting", self.tr("Cancel meeting"))
        self.cancel_button.clicked.connect(self.cancel)
        self.stage_buttons = {
            Stage.BUILD: self.build_button,
            Stage.CIRCULATE: self.circulate_button,
            Stage.MINUTES: self.minutes_button,
            Stage.EXPORT: self.export_button,
        }
        for row, widgets, align in (
            (
                0,
                (self.edit_button, self.invite_button, self.cancel_button),
                Qt.AlignmentFlag.AlignTop,
            ),
            (1, (*self.stage_buttons.values(), self.unlock_button), Qt.AlignmentFlag.AlignBottom),
        ):
            buttons = QHBoxLayout()
            buttons.setSpacing(6)
            for widget in widgets:
                widget.setAutoDefault(False)
                buttons.addWidget(widget)
            header.addLayout(buttons, row, 1, Qt.AlignmentFlag.AlignRight | align)
        header_bar = QWidget()
        header_bar.setStyleSheet(PRIMARY_STYLE)
        header.setContentsMargins(0, 0, 0, 0)
        header_bar.setLayout(header)
        layout.addWidget(header_bar)
        self.notice = MessageBar("noticeBar")
        self.notice.setStyleSheet(_notice_style())
        self.notice_open = self.notice.add_button(self.tr("Open"))
        self.notice_folder = self.notice.add_button(self.tr("Show in folder"))
        self.notice.add_button(self.tr("Dismiss")).clicked.connect(self.notice.hide)
        self.notice_path: Path | None = None
        self.notice_open.clicked.connect(lambda: self._open_path(self.notice_path))
        self.notice_folder.clicked.connect(
            lambda: self._open_path(self.notice_path.parent if self.notice_path else None)
        )
        layout.addWidget(self.notice)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), icon("meetings"), self.tr("Details"))
        self.attendance = AttendancePanel(context, meeting_id)
        self.tabs.addTab(self.attendance, icon("present"), self.tr("Attendance"))
        self.agenda = AgendaTab(context, meeting_id)
        self.agenda_word_button = word_button(self, context, meeting_id, AGENDA, self._saved)
        self.agenda.extra_buttons.addWidget(self.agenda_word_button)
        self.agenda.agenda_changed.connect(self._agenda_changed)
        self.tabs.addTab(self.agenda, icon("list"), self.tr("Agenda"))
        self.minutes = MinutesTab(context, meeting_id, self._saved)
        self.tabs.addTab(self.minutes, icon("note"), self.tr("Minutes"))
        self.actions = ActionsTab(context, meeting_id)
        self.tabs.addTab(self.actions, icon("actions"), self.tr("Actions"))
        layout.addWidget(self.tabs, 1)
        self.reload()
        context.data_changed.connect(self._record_changed)

    def _details_tab(self) -> QWidget:
        """The meeting's particulars as a form whose values take the width they need and
        wrap (a long venue or link), kept to a readable measure on a wide window."""
        tab = QWidget()
        row = QHBoxLayout(tab)
        fields = QWidget()
        fields.setMaximumWidth(DETAILS_WIDTH)
        row.addWidget(fields, 1)
        row.addStretch(0)
        self.details = QFormLayout(fields)
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.detail_labels: dict[str, QLabel] = {}
        for key, label in (
            ("title", self.tr("Title")),
            ("date", self.tr("Date")),
            ("time", self.tr("Time")),
            ("venue", self.tr("Venue")),
            ("online", self.tr("Online link")),
            ("series", self.tr("Series")),
            ("invite", self.tr("Calendar invite")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            value.setOpenExternalLinks(True)
            value.setWordWrap(True)
            value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.detail_labels[key] = value
            self.details.addRow(label, value)
        self.status = QComboBox()
        for status in MeetingStatus:
            if status is not MeetingStatus.CANCELLED:
                self.status.addItem(label_of(status), status.value)
        self.status.activated.connect(self.change_status)
        self.details.addRow(self.tr("&Status"), self.status)
        return tab

    def reload(self) -> None:
        """Every tab from one reading: the meeting and all its tabs show loaded at once,
        each tab then reading only what is its own (the register, the open actions)."""
        with self.context.database.sessions() as session:
            meeting = get_meeting(session, self.meeting_id, *WORKSPACE)
            self._show_header(meeting, len(meeting.agenda_items))
            self._show_details(meeting)
            self.attendance.reload(session)
            self.agenda.reload(session=session)
            self.minutes.reload(session)
            self.actions.reload(session)

    def _record_changed(self) -> None:
        """Minutes taken, actions agreed or the meeting moved elsewhere in the app; a closed
        workspace catches up when it is shown again."""
        if not self.isVisible():
            self._stale = True
            return
        with self.context.database.sessions() as session:
            # Loaded first with all that the three read, so each finds it whole.
            meeting = get_meeting(session, self.meeting_id, *MINUTES_RECORD)
            self._show_header(meeting, len(meeting.agenda_items))
            self.minutes.reload(session)
            self.actions.reload(session)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def _agenda_changed(self) -> None:
        """The agenda's first item turns *Build agenda* into *Circulate…*."""
        with self.context.database.sessions() as session:
            meeting = get_meeting(session, self.meeting_id)
            self._show_header(meeting, len(meeting.agenda_items))

    def _show_header(self, meeting: Meeting, item_count: int) -> None:
        self.setWindowTitle(f"{meeting.title} — {format_date(meeting.starts_at)}")
        self.heading.setText(f"{meeting.board.name} — {format_date(meeting.starts_at)}")
        place = meeting.venue or (self.tr("Online") if meeting.online_link else "")
        parts = [
            f"{meeting.starts_at:%H:%M}–{meeting.ends_at:%H:%M}",
            place,
            label_of(meeting.status),
        ]
        self.subheading.setText(" · ".join(part for part in parts if part))
        deadline = papers_deadline(meeting)
        color = OVERDUE.css() if deadline.overdue else "palette(text)"
        self.deadline.setText(f"<span style='color:{color}'>{escape(deadline.text)}</span>")
        cancelled = meeting.status is MeetingStatus.CANCELLED
        self.stage = stage_of(meeting.status, item_count)
        status = meeting.status
        self.build_button.setVisible(self.stage is Stage.BUILD)
        self.circulate_button.setVisible(
            status in (MeetingStatus.SCHEDULED, MeetingStatus.AGENDA_PUBLISHED) and item_count > 0
        )
        self.export_button.setVisible(
            status
            in (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFTED, MeetingStatus.MINUTES_APPROVED)
        )
        self.minutes_button.setEnabled(not cancelled)
        self.minutes_button.setVisible(not cancelled)
        for stage, widget in self.stage_buttons.items():
            self._mark_primary(widget, stage is self.stage)
        self.edit_button.setEnabled(not cancelled)
        self.cancel_button.setEnabled(not cancelled)
        self.unlock_button.setVisible(meeting.minutes_locked)
        self.invite_button.setText(
            self.tr("Save cancellation…") if cancelled else self.tr("Save invite…")
        )

    def _mark_primary(self, widget: QPushButton, primary: bool) -> None:
        if widget.property("primary") == primary:
            return
        widget.setProperty("primary", primary)
        name = {
            self.build_button: "standing",
            self.circulate_button: "circulate",
            self.minutes_button: "take-minutes",
            self.export_button: "export-word",
        }[widget]
        tint = QApplication.palette().color(QPalette.ColorRole.HighlightedText).name()
        widget.setIcon(icon(name, tint) if primary else icon(name))
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _show_details(self, meeting: Meeting) -> None:
        labels = self.detail_labels
        labels["title"].setText(escape(meeting.title))
        labels["date"].setText(format_date(meeting.starts_at))
        labels["time"].setText(f"{meeting.starts_at:%H:%M}–{meeting.ends_at:%H:%M}")
        labels["venue"].setText(escape(meeting.venue) or self.tr("—"))
        link = escape(meeting.online_link)
        labels["online"].setText(f"<a href='{link}'>{link}</a>" if link else self.tr("—"))
        if meeting.series is not None and meeting.series_start is not None:
            moved = meeting.series_start != meeting.starts_at
            text = self.tr("Part of a series")
            if moved:
                text += self.tr(", moved from {0}").format(format_date(meeting.series_start))
            labels["series"].setText(text)
        else:
            labels["series"].setText(self.tr("One-off meeting"))
        labels["invite"].setText(
            self.tr("Version {0} (raised on every change of time or place)").format(
                meeting.sequence
            )
        )
        cancelled = meeting.status is MeetingStatus.CANCELLED
        self.status.setEnabled(not cancelled)
        if not cancelled:
            self.status.setCurrentIndex(self.status.findData(meeting.status.value))

    def edit(self) -> None:
        if edit_meeting(self, self.context, self.meeting_id):
            self.reload()

    def cancel(self) -> None:
        if cancel_with_notice(self, self.context, self.meeting_id):
            self.reload()

    def build_agenda(self) -> None:
        """Go to the agenda; an empty one starts from the board's standing items."""
        self.tabs.setCurrentWidget(self.agenda)
        if not self.agenda.model.rows():
            self.agenda.start_from_standing()
        self.agenda.tree.setFocus()

    def show_agenda(self) -> None:
        self.tabs.setCurrentWidget(self.agenda)
        self.agenda.tree.setFocus()

    def circulate(self) -> None:
        circulate_meeting(self, self.context, self.meeting_id, self._circulated)

    def _circulated(self, done: Circulated, opened: bool) -> None:
        self.reload()
        text = report(done)
        if not opened:
            text += " " + self.tr("No mail client opened it here: open the draft from its folder.")
        self._notify(text, done.path, late=not done.record.met_deadline)
        self.context.status_message.emit(text)

    def _saved(self, path: Path, public: bool) -> None:
        version = self.tr("public version") if public else self.tr("members' version")
        text = self.tr("Saved the {0} to {1}.").format(version, path)
        self._notify(text, path)
        self.context.status_message.emit(text)

    def _notify(self, text: str, path: Path | None, late: bool = False) -> None:
        self.notice_path = path
        self.notice.setProperty("late", late)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice_open.setVisible(path is not None)
        self.notice_folder.setVisible(path is not None)
        self.notice.say(text)

    def _open_path(self, path: Path | None) -> None:
        if path is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Nothing on this computer opens {0}.").format(path),
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A workspace, not a form: Enter in a field never presses a header button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def unlock(self) -> None:
        if ask_to_unlock(self, self.context, self.meeting_id):
            self.reload()

    def change_status(self, _index: int) -> None:
        status = MeetingStatus(self.status.currentData())
        try:
            with self.context.database.transaction() as session:
                set_status(session, self.meeting_id, status)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Status"), error.message)
        else:
            self.context.data_changed.emit()
        self.reload()
