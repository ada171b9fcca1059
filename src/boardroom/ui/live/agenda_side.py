"""The left of the live view: the meeting, the agenda with each item's clock, the register."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date
from boardroom.ui.context import AppContext
from boardroom.ui.live import keys
from boardroom.ui.live.models import AgendaModel
from boardroom.ui.live.register_panel import RegisterPanel
from boardroom.ui.theme import emphasised


class AgendaSide(QWidget):
    """``agenda_view`` activates an item to minute; ``close_button`` closes the meeting."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agendaSide")
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.agenda = AgendaModel(self)
        self.agenda_view = self._agenda_view()
        self.register = RegisterPanel(context, meeting_id)
        self.heading = emphasised(QLabel())
        self.heading.setObjectName("meetingHeading")
        self.heading.setContentsMargins(6, 2, 2, 4)
        self.heading.setWordWrap(True)
        self.close_button = QToolButton()  # worded by show_meeting, open or closed
        self.close_button.setToolTip(self.tr("Record the time the chair closed the meeting"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.agenda_view)
        self.split.addWidget(self.register)
        self.split.setSizes([460, 300])
        self.fitted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.split, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.fitted:  # once laid out; after that the clerk's own split stands
            self.fitted = True
            QTimer.singleShot(0, self._fit_split)

    def _fit_split(self) -> None:
        """The agenda takes the room its items need (at most three fifths), the register the
        rest: a long register is the list that scrolls."""
        total = sum(self.split.sizes())
        rows = self.agenda.rowCount()
        needed = rows * self.agenda_view.verticalHeader().defaultSectionSize() + 8
        agenda = max(min(needed, total * 3 // 5), total // 4)
        self.split.setSizes([agenda, total - agenda])

    def _agenda_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.agenda)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.verticalHeader().hide()
        view.horizontalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = view.horizontalHeader()
        fit = QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(AgendaModel.COL_NUMBER, fit)
        header.setSectionResizeMode(AgendaModel.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaModel.COL_TIME, fit)
        return view

    def show_meeting(self, board: str, starts: datetime, closed: time | None) -> None:
        """The board, the day and the time — with the closing time once it is recorded."""
        when = f"{format_date(starts)} · {starts:%H:%M}"
        if closed:
            when += self.tr(" – closed {0:%H:%M}").format(closed)
        text = (
            self.tr("Change the closing time…  {0}")
            if closed
            else self.tr("Close the meeting…  {0}")
        )
        self.close_button.setText(text.format(keys.CLOSE_MEETING.shown()))
        self.heading.setText(f"{board}<br><span style='font-weight:400'>{when}</span>")

    def set_current(self, row: int) -> None:
        self.agenda.set_current(row)
        self.agenda_view.setCurrentIndex(self.agenda.index(row, AgendaModel.COL_ITEM))
