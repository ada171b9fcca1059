"""The meeting workspace: one meeting's header and its Details, Attendance, Agenda, Minutes
and Actions tabs.

Details and Attendance are complete; the Agenda, Minutes and Actions tabs show what is
stored so far, read-only, until their editors arrive.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.agenda import timetable
from boardroom.services.meetings import actions_from, get_meeting, papers_deadline, set_status
from boardroom.storage.models import Meeting, MeetingStatus
from boardroom.ui.attendance_panel import AttendancePanel
from boardroom.ui.context import AppContext
from boardroom.ui.live.launch import ask_to_unlock, take_minutes
from boardroom.ui.meeting_actions import cancel_with_notice, edit_meeting, save_invites
from boardroom.ui.models.meeting_record import ActionRow, ActionTableModel, AgendaTableModel
from boardroom.ui.models.table import SearchProxy
from boardroom.ui.table_view import button, table_view

LATER = "Editing {0} comes with a later version; this shows what is stored so far."


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


class MeetingWorkspace(QDialog):
    """Everything about one meeting, opened from the Meetings page."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.resize(1000, 680)
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subheading = QLabel()
        self.deadline = QLabel()
        for label in (self.heading, self.subheading, self.deadline):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            titles.addWidget(label)
        header.addLayout(titles, 1)
        self.edit_button = button("edit", self.tr("Reschedule or edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.invite_button = button("invite", self.tr("Save invite…"))
        self.invite_button.setToolTip(self.tr("Write the calendar invite (.ics) to send"))
        self.invite_button.clicked.connect(lambda: save_invites(self, context, meeting_id))
        self.cancel_button = button("cancel-meeting", self.tr("Cancel meeting"))
        self.cancel_button.clicked.connect(self.cancel)
        self.minutes_button = button("take-minutes", self.tr("Take minutes"))
        self.minutes_button.setToolTip(self.tr("Minute the meeting live, full-window"))
        self.minutes_button.setDefault(True)
        self.minutes_button.clicked.connect(lambda: take_minutes(context, meeting_id))
        self.unlock_button = button("unlock", self.tr("Unlock minutes…"))
        self.unlock_button.clicked.connect(self.unlock)
        for widget in (
            self.minutes_button,
            self.unlock_button,
            self.edit_button,
            self.invite_button,
            self.cancel_button,
        ):
            header.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), self.tr("Details"))
        self.attendance = AttendancePanel(context, meeting_id)
        self.tabs.addTab(self.attendance, self.tr("Attendance"))
        self.agenda = AgendaTableModel(self)
        self.tabs.addTab(self._read_only_tab(self.agenda, self.tr("the agenda")), self.tr("Agenda"))
        self.minutes = QTextBrowser()
        minutes_tab = QWidget()
        minutes_layout = QVBoxLayout(minutes_tab)
        minutes_layout.addWidget(_note(self.tr(LATER).format(self.tr("the minutes"))))
        minutes_layout.addWidget(self.minutes, 1)
        self.tabs.addTab(minutes_tab, self.tr("Minutes"))
        self.actions = ActionTableModel(self)
        self.tabs.addTab(
            self._read_only_tab(self.actions, self.tr("action points here")), self.tr("Actions")
        )
        layout.addWidget(self.tabs, 1)
        self.reload()

    def _details_tab(self) -> QWidget:
        tab = QWidget()
        self.details = QFormLayout(tab)
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
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
            self.detail_labels[key] = value
            self.details.addRow(label, value)
        self.status = QComboBox()
        for status in MeetingStatus:
            if status is not MeetingStatus.CANCELLED:
                self.status.addItem(self.tr(status.label), status.value)
        self.status.activated.connect(self.change_status)
        self.details.addRow(self.tr("&Status"), self.status)
        return tab

    def _read_only_tab(self, model, what: str) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(_note(self.tr(LATER).format(what)))
        view = table_view(SearchProxy(model, tab), -1)
        view.setSortingEnabled(False)
        layout.addWidget(view, 1)
        return tab

    def reload(self) -> None:
        with self.context.database.sessions() as session:
            meeting = get_meeting(session, self.meeting_id)
            self._show_header(meeting)
            self._show_details(meeting)
            self.agenda.set_rows(timetable(meeting).lines)
            self.minutes.setHtml(self._minutes_html(meeting))
            self.actions.set_rows(
                [
                    ActionRow(
                        a.reference,
                        a.description,
                        a.owner.display_name if a.owner else "",
                        a.due_date,
                        a.status.label,
                    )
                    for a in actions_from(session, self.meeting_id)
                ]
            )
        self.attendance.reload()

    def _show_header(self, meeting: Meeting) -> None:
        self.setWindowTitle(f"{meeting.title} — {format_date(meeting.starts_at)}")
        self.heading.setText(f"{meeting.board.name} — {format_date(meeting.starts_at)}")
        place = meeting.venue or (self.tr("Online") if meeting.online_link else "")
        parts = [f"{meeting.starts_at:%H:%M}–{meeting.ends_at:%H:%M}", place, meeting.status.label]
        self.subheading.setText(" · ".join(part for part in parts if part))
        deadline = papers_deadline(meeting)
        color = "#c62828" if deadline.overdue else "palette(text)"
        self.deadline.setText(f"<span style='color:{color}'>{escape(deadline.text)}</span>")
        cancelled = meeting.status is MeetingStatus.CANCELLED
        self.edit_button.setEnabled(not cancelled)
        self.cancel_button.setEnabled(not cancelled)
        self.minutes_button.setEnabled(not cancelled)
        self.unlock_button.setVisible(meeting.minutes_locked)
        self.invite_button.setText(
            self.tr("Save cancellation…") if cancelled else self.tr("Save invite…")
        )

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

    def _minutes_html(self, meeting: Meeting) -> str:
        parts = []
        items = {item.id: item for item in _all_items(meeting)}
        for line in timetable(meeting).lines:
            item = items[line.item_id]
            notes = item.minute.notes if item.minute else ""
            if notes or item.resolutions:
                parts.append(f"<h3>{escape(line.number)} {escape(line.title)}</h3>")
                parts.extend(f"<p>{escape(p)}</p>" for p in notes.split("\n\n") if p.strip())
                parts.extend(f"<p><i>Resolved:</i> {escape(r.text)}</p>" for r in item.resolutions)
        return "".join(parts) or f"<p>{escape(self.tr('No minutes recorded yet.'))}</p>"

    def edit(self) -> None:
        if edit_meeting(self, self.context, self.meeting_id):
            self.reload()

    def cancel(self) -> None:
        if cancel_with_notice(self, self.context, self.meeting_id):
            self.reload()

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


def _all_items(meeting: Meeting):
    stack = list(meeting.agenda_items)
    while stack:
        item = stack.pop(0)
        yield item
        stack.extend(item.children)
