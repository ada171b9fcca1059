"""Dialogs to schedule a meeting, reschedule it, or set up a whole series at once."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.meetings import MeetingFields
from boardroom.services.series import ORDINALS, Frequency, SeriesPlan, occurrences
from boardroom.ui.dialogs.base import DateField, ServiceDialog
from boardroom.ui.models.meetings import MeetingRow


def _time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def _time(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


class MeetingDialog(ServiceDialog[MeetingFields]):
    """A one-off meeting, or the details of one meeting (moving it raises its SEQUENCE)."""

    def __init__(
        self,
        save: Callable[[MeetingFields], object],
        *,
        title: str,
        venue: str = "",
        meeting: MeetingRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        heading = self.tr("Reschedule or edit meeting") if meeting else self.tr("New meeting")
        super().__init__(heading, save, parent)
        self.title_box = QLineEdit(meeting.title if meeting else title)
        self.day = DateField(optional=False)
        self.day.set_value(meeting.starts_at.date() if meeting else None)
        self.starts = _time_edit(meeting.starts_at.time() if meeting else time(14, 0))
        self.ends = _time_edit(meeting.ends_at.time() if meeting else time(16, 0))
        hours = QHBoxLayout()
        hours.addWidget(self.starts)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.ends)
        hours.addStretch(1)
        self.venue = QLineEdit(meeting.venue if meeting else venue)
        self.online_link = QLineEdit(meeting.online_link if meeting else "")
        self.online_link.setPlaceholderText("https://teams.microsoft.com/…")
        self.form.addRow(self.tr("&Title"), self.title_box)
        self.form.addRow(self.tr("&Date"), self.day)
        self.form.addRow(self.tr("Time"), hours)
        self.form.addRow(self.tr("&Venue"), self.venue)
        self.form.addRow(self.tr("&Online link"), self.online_link)
        if meeting and meeting.in_series:
            note = QLabel(
                self.tr("This meeting is part of a series; changes apply to this meeting only.")
            )
            note.setWordWrap(True)
            note.setEnabled(False)
            self.form.addRow(note)

    def fields(self) -> MeetingFields:
        day = self.day.value()
        assert day is not None
        return MeetingFields(
            title=self.title_box.text(),
            starts_at=datetime.combine(day, _time(self.starts)),
            ends_at=datetime.combine(day, _time(self.ends)),
            venue=self.venue.text(),
            online_link=self.online_link.text(),
        )


def _month_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, 1))
    edit.setDisplayFormat("MMMM yyyy")
    return edit


class SeriesDialog(ServiceDialog[SeriesPlan]):
    """ "Monthly on the third Tuesday 14:00–16:00 from September to July" in one go.

    A live preview lists what will be created, so the secretary sees the year before saving.
    """

    def __init__(
        self,
        save: Callable[[SeriesPlan], object],
        *,
        title: str,
        venue: str = "",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New series of meetings"), save, parent)
        today = today or date.today()
        start_year = today.year if today.month < 9 else today.year + 1
        self.title_box = QLineEdit(title)

        self.monthly = QRadioButton(self.tr("&Monthly on the"))
        self.weekly = QRadioButton(self.tr("&Every"))
        self.monthly.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.monthly)
        group.addButton(self.weekly)
        self.week_of_month = QComboBox()
        for number, word in ORDINALS.items():
            self.week_of_month.addItem(self.tr(word), number)
        self.week_of_month.setCurrentIndex(2)  # third
        self.weekday = QComboBox()
        for index in range(7):
            self.weekday.addItem(self.tr(calendar.day_name[index]), index)
        self.weekday.setCurrentIndex(1)  # Tuesday
        self.interval = QSpinBox()
        self.interval.setRange(1, 52)
        self.interval.setValue(6)
        self.interval.setSuffix(self.tr(" weeks"))
        monthly_row = QHBoxLayout()
        monthly_row.addWidget(self.monthly)
        monthly_row.addWidget(self.week_of_month)
        monthly_row.addWidget(self.weekday)
        monthly_row.addStretch(1)
        weekly_row = QHBoxLayout()
        weekly_row.addWidget(self.weekly)
        weekly_row.addWidget(self.interval)
        weekly_row.addWidget(QLabel(self.tr("on the weekday chosen above")))
        weekly_row.addStretch(1)

        self.starts = _time_edit(time(14, 0))
        self.ends = _time_edit(time(16, 0))
        hours = QHBoxLayout()
        hours.addWidget(self.starts)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.ends)
        hours.addStretch(1)
        self.first_month = _month_edit(date(start_year, 9, 1))
        self.last_month = _month_edit(date(start_year + 1, 7, 1))
        months = QHBoxLayout()
        months.addWidget(self.first_month)
        months.addWidget(QLabel(self.tr("to")))
        months.addWidget(self.last_month)
        months.addStretch(1)
        self.venue = QLineEdit(venue)
        self.online_link = QLineEdit()
        self.online_link.setPlaceholderText("https://teams.microsoft.com/…")
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("seriesPreview")

        self.form.addRow(self.tr("&Title"), self.title_box)
        self.form.addRow(self.tr("Repeats"), monthly_row)
        self.form.addRow("", weekly_row)
        self.form.addRow(self.tr("Time"), hours)
        self.form.addRow(self.tr("From"), months)
        self.form.addRow(self.tr("&Venue"), self.venue)
        self.form.addRow(self.tr("&Online link"), self.online_link)
        self.form.addRow(self.tr("Will create"), self.preview)

        for signal in (
            self.monthly.toggled,
            self.week_of_month.currentIndexChanged,
            self.weekday.currentIndexChanged,
            self.interval.valueChanged,
            self.starts.timeChanged,
            self.ends.timeChanged,
            self.first_month.dateChanged,
            self.last_month.dateChanged,
        ):
            signal.connect(self.update_preview)
        self.update_preview()

    def fields(self) -> SeriesPlan:
        first = self.first_month.date()
        last = self.last_month.date()
        return SeriesPlan(
            title=self.title_box.text(),
            frequency=Frequency.MONTHLY if self.monthly.isChecked() else Frequency.WEEKLY,
            weekday=self.weekday.currentData(),
            week_of_month=self.week_of_month.currentData(),
            interval=self.interval.value(),
            starts=_time(self.starts),
            ends=_time(self.ends),
            first_day=date(first.year(), first.month(), 1),
            last_day=date(
                last.year(), last.month(), calendar.monthrange(last.year(), last.month())[1]
            ),
            venue=self.venue.text(),
            online_link=self.online_link.text(),
        )

    def update_preview(self) -> None:
        self.week_of_month.setEnabled(self.monthly.isChecked())
        self.interval.setEnabled(self.weekly.isChecked())
        try:
            plan = self.fields()
            starts = occurrences(plan)
        except BoardroomError as error:
            self.preview.setText(error.message)
            self.preview.setStyleSheet("color: #c62828;")
            return
        self.preview.setStyleSheet("")
        self.preview.setText(
            self.tr("{count} meetings — {rule}: {first} … {last}").format(
                count=len(starts),
                rule=plan.describe(),
                first=format_date(starts[0]),
                last=format_date(starts[-1]),
            )
        )
