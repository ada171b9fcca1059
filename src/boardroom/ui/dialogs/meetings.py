"""The dialog to schedule a one-off meeting or to reschedule and edit one meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTimeEdit, QWidget

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.board_rules import BoardRules
from boardroom.services.meetings import MeetingFields
from boardroom.ui.colours import WARNING
from boardroom.ui.dialogs.base import DateField, ServiceDialog
from boardroom.ui.models.meetings import MeetingRow
from boardroom.workdays import why_not_working, working_days_before


def time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def time_of(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


def hours_row(starts: QTimeEdit, ends: QTimeEdit) -> QHBoxLayout:
    """ "14:00 – 16:00" as one form row."""
    row = QHBoxLayout()
    row.addWidget(starts)
    row.addWidget(QLabel("–"))
    row.addWidget(ends)
    row.addStretch(1)
    return row


class MeetingDialog(ServiceDialog[MeetingFields]):
    """A one-off meeting, or the details of one meeting (moving it raises its SEQUENCE).

    Under the date it says when the papers would be due, and warns when the day chosen is
    a bank holiday or a weekend in the board's region, before anything is saved.
    """

    def __init__(
        self,
        save: Callable[[MeetingFields], object],
        *,
        title: str,
        rules: BoardRules,
        meeting: MeetingRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        heading = self.tr("Reschedule or edit meeting") if meeting else self.tr("New meeting")
        super().__init__(heading, save, parent)
        self.rules = rules
        self.title_box = QLineEdit(meeting.title if meeting else title)
        self.day = DateField(optional=False)
        self.day.set_value(meeting.starts_at.date() if meeting else None)
        self.starts = time_edit(meeting.starts_at.time() if meeting else time(14, 0))
        self.ends = time_edit(meeting.ends_at.time() if meeting else time(16, 0))
        self.venue = QLineEdit(meeting.venue if meeting else rules.venue)
        self.online_link = QLineEdit(meeting.online_link if meeting else "")
        self.online_link.setPlaceholderText("https://teams.microsoft.com/…")
        self.deadline = QLabel()
        self.deadline.setObjectName("papersDeadline")
        self.deadline.setWordWrap(True)
        self.form.addRow(self.tr("&Title"), self.title_box)
        self.form.addRow(self.tr("&Date"), self.day)
        self.form.addRow("", self.deadline)
        self.form.addRow(self.tr("Time"), hours_row(self.starts, self.ends))
        self.form.addRow(self.tr("&Venue"), self.venue)
        self.form.addRow(self.tr("&Online link"), self.online_link)
        if meeting and meeting.in_series:
            note = QLabel(
                self.tr("This meeting is part of a series; changes apply to this meeting only.")
            )
            note.setWordWrap(True)
            note.setEnabled(False)
            self.form.addRow(note)
        self.day.textChanged.connect(self.update_deadline)
        self.update_deadline()

    def update_deadline(self) -> None:
        """The papers deadline of the day typed so far, or a warning about that day."""
        try:
            day = self.day.value()
        except BoardroomError:
            day = None
        if day is None:
            self.deadline.setText(self.tr("Type the date; the papers deadline shows here."))
            self.deadline.setStyleSheet("")
            return
        clash = why_not_working(day, self.rules.holiday_region)
        if clash:
            self.deadline.setText(
                self.tr("⚠ {0} is {1} — not a working day.").format(format_date(day), clash)
            )
            self.deadline.setStyleSheet(f"color: {WARNING.css()};")
            return
        due = working_days_before(day, self.rules.lead_days, self.rules.holiday_region)
        self.deadline.setText(
            self.tr("Papers due {0} ({1} working days before)").format(
                format_date(due), self.rules.lead_days
            )
        )
        self.deadline.setStyleSheet("")

    def fields(self) -> MeetingFields:
        day: date | None = self.day.value()
        assert day is not None  # the field is not optional: an empty one raises instead
        return MeetingFields(
            title=self.title_box.text(),
            starts_at=datetime.combine(day, time_of(self.starts)),
            ends_at=datetime.combine(day, time_of(self.ends)),
            venue=self.venue.text(),
            online_link=self.online_link.text(),
        )
