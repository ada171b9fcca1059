"""Set up a year of meetings at once: "monthly on the third Tuesday 14:00–16:00, Sep to Jul".

The dialog opens on next year's usual pattern for the board, so a secretary who meets on
the third Tuesday only checks the preview and presses Enter. The preview lists every
meeting with its papers deadline and flags any that falls on a bank holiday, before
anything is saved.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from boardroom.errors import BoardroomError
from boardroom.services.board_rules import BoardRules
from boardroom.services.series import Frequency, SeriesPlan, preview
from boardroom.ui.colours import OVERDUE, WARNING
from boardroom.ui.dialogs.base import ServiceDialog
from boardroom.ui.dialogs.meetings import hours_row, time_edit, time_of
from boardroom.ui.models.meetings import SeriesPreviewModel
from boardroom.ui.models.table import SearchProxy
from boardroom.ui.table_view import fit_columns, table_view

_ORDINALS = (  # the week of the month, as the service numbers it (-1: the last)
    (1, QT_TRANSLATE_NOOP("SeriesDialog", "first")),
    (2, QT_TRANSLATE_NOOP("SeriesDialog", "second")),
    (3, QT_TRANSLATE_NOOP("SeriesDialog", "third")),
    (4, QT_TRANSLATE_NOOP("SeriesDialog", "fourth")),
    (-1, QT_TRANSLATE_NOOP("SeriesDialog", "last")),
)
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("SeriesDialog", "Monday"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Tuesday"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Wednesday"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Thursday"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Friday"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Saturday"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Sunday"),
)
_MONTH_FORMAT = "MMMM yyyy"  # a monthly series runs from one month to another …
_DAY_FORMAT = "ddd d MMM yyyy"  # … every N weeks counts from a particular day


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose Alt+letter goes to ``widget`` when the row holds several widgets."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


class SeriesDialog(ServiceDialog[SeriesPlan]):
    """The pattern, the period and the place; the preview shows what OK will create."""

    def __init__(
        self,
        save: Callable[[SeriesPlan], object],
        *,
        title: str,
        rules: BoardRules,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New series of meetings"), save, parent)
        self.setMinimumWidth(560)
        self.rules = rules
        today = today or date.today()
        start_year = today.year if today.month < 9 else today.year + 1  # the next Sep–Jul
        self.title_box = QLineEdit(title)

        self.monthly = QRadioButton(self.tr("&Monthly"))
        self.weekly = QRadioButton(self.tr("&Every"))
        self.monthly.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.monthly)
        group.addButton(self.weekly)
        self.interval = QSpinBox()
        self.interval.setRange(1, 52)
        self.interval.setValue(6)
        self.interval.setSuffix(self.tr(" weeks"))
        repeats = QHBoxLayout()
        for widget in (self.monthly, self.weekly, self.interval):
            repeats.addWidget(widget)
        repeats.addStretch(1)

        self.week_of_month = QComboBox()
        for number, word in _ORDINALS:
            self.week_of_month.addItem(QCoreApplication.translate("SeriesDialog", word), number)
        self.week_of_month.setCurrentIndex(self.week_of_month.findData(3))
        self.weekday = QComboBox()
        for index, name in enumerate(_WEEKDAYS):
            self.weekday.addItem(QCoreApplication.translate("SeriesDialog", name), index)
        self.weekday.setCurrentIndex(1)  # Tuesday
        self.the = QLabel(self.tr("the"))
        day_row = QHBoxLayout()
        for widget in (self.the, self.week_of_month, self.weekday):
            day_row.addWidget(widget)
        day_row.addStretch(1)

        self.starts = time_edit(time(14, 0))
        self.ends = time_edit(time(16, 0))
        self.first_day = QDateEdit(QDate(start_year, 9, 1))
        self.last_day = QDateEdit(QDate(start_year + 1, 7, 1))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
        period = QHBoxLayout()
        period.addWidget(self.first_day)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.last_day)
        period.addStretch(1)
        self.venue = QLineEdit(rules.venue)
        self.online_link = QLineEdit()
        self.online_link.setPlaceholderText("https://teams.microsoft.com/…")

        self.summary = QLabel()
        self.summary.setObjectName("seriesPreview")
        self.summary.setWordWrap(True)
        self.planned = SeriesPreviewModel(self)
        self.preview_view = table_view(SearchProxy(self.planned, self), -1)
        self.preview_view.setSortingEnabled(False)  # date order is the only order
        self.preview_view.setMinimumHeight(220)

        self.form.addRow(self.tr("&Title"), self.title_box)
        self.form.addRow(self.tr("Repeats"), repeats)
        self.form.addRow(self.tr("On"), day_row)
        self.form.addRow(self.tr("Time"), hours_row(self.starts, self.ends))
        self.form.addRow(_buddy(self.tr("&From"), self.first_day), period)
        self.form.addRow(self.tr("&Venue"), self.venue)
        self.form.addRow(self.tr("&Online link"), self.online_link)
        self.form.addRow(self.tr("Will create"), self.summary)
        self.form.addRow(self.preview_view)

        self.monthly.toggled.connect(self._show_mode)
        self._show_mode()
        for signal in (
            self.monthly.toggled,
            self.week_of_month.currentIndexChanged,
            self.weekday.currentIndexChanged,
            self.interval.valueChanged,
            self.starts.timeChanged,
            self.ends.timeChanged,
            self.first_day.dateChanged,
            self.last_day.dateChanged,
        ):
            signal.connect(self.update_preview)
        self.update_preview()

    @property
    def is_monthly(self) -> bool:
        return self.monthly.isChecked()

    def fields(self) -> SeriesPlan:
        first, last = _date(self.first_day.date()), _date(self.last_day.date())
        if self.is_monthly:  # whole months: "from September to July"
            first, last = first.replace(day=1), _month_end(last)
        return SeriesPlan(
            title=self.title_box.text(),
            frequency=Frequency.MONTHLY if self.is_monthly else Frequency.WEEKLY,
            weekday=self.weekday.currentData(),
            week_of_month=self.week_of_month.currentData(),
            interval=self.interval.value(),
            starts=time_of(self.starts),
            ends=time_of(self.ends),
            first_day=first,
            last_day=last,
            venue=self.venue.text(),
            online_link=self.online_link.text(),
        )

    def _show_mode(self) -> None:
        """Months for a monthly series; days for every N weeks, which counts from a day."""
        monthly = self.is_monthly
        self.the.setVisible(monthly)
        self.week_of_month.setVisible(monthly)
        self.interval.setEnabled(not monthly)
        for edit in (self.first_day, self.last_day):
            edit.setDisplayFormat(_MONTH_FORMAT if monthly else _DAY_FORMAT)
        if not monthly and self.last_day.date().day() == 1:
            self.last_day.setDate(_qdate(_month_end(_date(self.last_day.date()))))

    def update_preview(self) -> None:
        try:
            plan = self.fields()
            planned = preview(plan, self.rules.holiday_region, self.rules.lead_days)
        except BoardroomError as error:
            self.planned.set_rows([])
            self.summary.setText(error.message)
            self.summary.setStyleSheet(f"color: {OVERDUE.css()};")
            return
        self.planned.set_rows(planned)
        fit_columns(self.preview_view)
        clashes = sum(1 for meeting in planned if meeting.clash)
        text = self.tr("{count} meetings — {rule}").format(count=len(planned), rule=plan.describe())
        if clashes == 1:
            text += self.tr(" · ⚠ 1 on a bank holiday or weekend: move it once created")
        elif clashes:
            text += self.tr(" · ⚠ {0} on a bank holiday or weekend: move them once created").format(
                clashes
            )
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {WARNING.css()};" if clashes else "")
