"""The Meetings page's Month view: a desk calendar with each meeting written in its day.

Arrow keys move between days, Page Up / Page Down between months, Enter or a double-click
opens the day's meeting. Each meeting is a small chip — time and title — struck through
when cancelled and red when its papers are overdue; weekends and the board's bank holidays
are shaded and the holidays named, so the month reads at a glance.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from boardroom.storage.models import MeetingStatus
from boardroom.ui.colours import CANCELLED_CHIP, CHIP, CHIP_INK, MUTED, OVERDUE, TODAY
from boardroom.ui.models.meetings import MeetingRow
from boardroom.ui.models.month import (
    DAY_ROLE,
    HOLIDAY_ROLE,
    MEETINGS_ROLE,
    MonthGridModel,
)
from boardroom.ui.table_view import on_activate

_DAY_OFF = QColor(128, 128, 128, 22)  # weekends and bank holidays, light or dark theme
_PADDING = 4


class _DayDelegate(QStyledItemDelegate):
    """Paints a day: its number top left (ringed when today), then a chip per meeting."""

    def __init__(self, model: MonthGridModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        palette = option.palette
        day: date = index.data(DAY_ROLE)
        holiday: str = index.data(HOLIDAY_ROLE)
        if day.weekday() >= 5 or holiday:
            painter.fillRect(option.rect, _DAY_OFF)
        if option.state & QStyle.StateFlag.State_Selected:
            # The view's own highlight is transparent (it would flood the cell); tint instead.
            highlight = QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
            tint = QColor(highlight)
            tint.setAlpha(45)
            painter.fillRect(option.rect, tint)
            painter.setPen(highlight)
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        area = option.rect.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
        font = QFont(option.font)
        metrics_height = option.fontMetrics.height()
        number = QRect(area.left(), area.top(), metrics_height + 6, metrics_height + 2)
        if self._model.is_today(day):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(TODAY.color())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(number, 8, 8)
            painter.setPen(QColor("white"))
            font.setBold(True)
        else:
            color = index.data(Qt.ItemDataRole.ForegroundRole)
            painter.setPen(color or palette.color(QPalette.ColorRole.Text))
        painter.setFont(font)
        painter.drawText(number, Qt.AlignmentFlag.AlignCenter, index.data())
        if holiday:
            small = QFont(option.font)
            small.setItalic(True)
            small.setPointSizeF(small.pointSizeF() * 0.85)
            painter.setFont(small)
            painter.setPen(MUTED.color())
            left = number.right() + 4
            label = QRect(left, number.top(), area.right() - left, number.height())
            elided = QFontMetrics(small).elidedText(
                holiday, Qt.TextElideMode.ElideRight, label.width()
            )
            painter.drawText(label, Qt.AlignmentFlag.AlignVCenter, elided)
        self._paint_meetings(painter, option, index.data(MEETINGS_ROLE), area, number.bottom())
        painter.restore()

    def _paint_meetings(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        meetings: list[MeetingRow],
        area: QRect,
        top: int,
    ) -> None:
        line = option.fontMetrics.height() + 4
        room = max((area.bottom() - top - 2) // line, 0)
        shown = meetings if len(meetings) <= room else meetings[: max(room - 1, 0)]
        y = top + 2
        for meeting in shown:
            chip = QRect(area.left(), y, area.width(), line - 2)
            cancelled = meeting.status is MeetingStatus.CANCELLED
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush((CANCELLED_CHIP if cancelled else CHIP).color())
            painter.drawRoundedRect(chip, 3, 3)
            font = QFont(option.font)
            font.setStrikeOut(cancelled)
            painter.setFont(font)
            ink = MUTED if cancelled else OVERDUE if meeting.overdue else CHIP_INK
            painter.setPen(ink.color())
            text = f"{meeting.starts_at:%H:%M} {meeting.title}"
            elided = option.fontMetrics.elidedText(
                text, Qt.TextElideMode.ElideRight, chip.width() - 6
            )
            painter.drawText(chip.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter, elided)
            y += line
        hidden = len(meetings) - len(shown)
        if hidden:
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                QRect(area.left(), y, area.width(), line),
                Qt.AlignmentFlag.AlignVCenter,
                self.tr("+{0} more").format(hidden),
            )


class MonthCalendar(QWidget):
    """A month of days with their meetings; ``activated`` when the user opens a day."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.model = MonthGridModel(self, today)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.previous_button = self._arrow(Qt.ArrowType.LeftArrow, self.tr("Previous month"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = self._arrow(Qt.ArrowType.RightArrow, self.tr("Next month"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.title = QLabel()
        self.title.setObjectName("monthTitle")
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Show this month"))
        self.today_button.clicked.connect(self.show_today)
        for widget in (self.previous_button, self.next_button, self.title):
            header.addWidget(widget)
        header.addStretch(1)
        header.addWidget(self.today_button)
        layout.addLayout(header)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(_DayDelegate(self.model, self.view))
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(Qt.GlobalColor.transparent))
        self.view.setPalette(palette)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setCornerButtonEnabled(False)
        for header_view in (self.view.horizontalHeader(), self.view.verticalHeader()):
            header_view.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.setMouseTracking(True)  # tooltips list each day's meetings in full
        self.view.installEventFilter(self)
        on_activate(self.view, self.activated.emit)
        layout.addWidget(self.view, 1)
        self._show_title()

    def _arrow(self, arrow: Qt.ArrowType, tip: str) -> QToolButton:
        widget = QToolButton()
        widget.setArrowType(arrow)
        widget.setAutoRaise(True)
        widget.setToolTip(tip)
        return widget

    def _show_title(self) -> None:
        self.title.setText(self.model.title())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Page Up / Page Down turn the month, keeping the same day selected where it exists."""
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            self.step(-1 if event.key() == Qt.Key.Key_PageUp else 1)
            return True
        return super().eventFilter(watched, event)

    def set_meetings(self, rows: list[MeetingRow]) -> None:
        selected = self.selected_day()
        self.model.set_meetings(rows)
        if selected is not None:
            self.select_day(selected)

    def show_month(self, year: int, month: int) -> None:
        self.model.set_month(year, month)
        self._show_title()

    def step(self, months: int) -> None:
        day = self.selected_day()
        self.model.step(months)
        self._show_title()
        year, month = self.model.month
        if day is not None:
            self.select_day(date(year, month, min(day.day, 28)))

    def show_today(self) -> None:
        self.select_day(date.today())

    def select_day(self, day: date) -> None:
        """Show the day's month and select the day."""
        if self.model.month != (day.year, day.month):
            self.show_month(day.year, day.month)
        index = self.model.index_of(day)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def selected_day(self) -> date | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.day_at(index)

    def selected_meetings(self) -> list[MeetingRow]:
        day = self.selected_day()
        return self.model.meetings_on(day) if day is not None else []
