"""The attendance register at the clerk's elbow: one key marks a late arrival (L), an early
departure (E) or someone present (P), stamped with the time it happened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError
from boardroom.services.attendance import (
    ADDED_STATUSES,
    RegisterLine,
    mark,
    quorum,
    register,
    set_times,
)
from boardroom.storage.models import AttendanceStatus
from boardroom.ui.context import AppContext
from boardroom.ui.live.models import RegisterModel


def _now() -> time:
    return datetime.now().time().replace(second=0, microsecond=0)


class RegisterView(QTableView):
    """Passes the one-letter register keys to the panel instead of keyboard search."""

    letter = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().upper()
        if text in ("L", "E", "P") and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.letter.emit(text)
            return
        super().keyPressEvent(event)


class RegisterPanel(QWidget):
    """Who is in the room; ``changed`` after a mark was recorded."""

    changed = Signal()

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.read_only = False
        self.clock: Callable[[], time] = _now
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("registerSummary")
        self.model = RegisterModel(self)
        self.view = RegisterView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(RegisterModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            RegisterModel.COL_STATE, QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.letter.connect(self.on_letter)
        keys = QLabel(self.tr("L late · E left · P present   (Ctrl+Shift+L)"))
        keys.setObjectName("shortcutHint")
        keys.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(keys)

    def reload(self) -> None:
        with self.context.database.sessions() as session:
            lines = register(session, self.meeting_id)
            counted = quorum(session, self.meeting_id)
        row = self.view.currentIndex().row()
        self.model.set_rows(lines)
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))
        present = sum(1 for line in lines if line.attending)
        mark_text = "✔" if counted.met else "✘"
        self.summary.setText(
            self.tr("Present {0} · Quorum {1} {2}").format(present, counted.required, mark_text)
        )
        self.summary.setToolTip(counted.text)

    def focus_register(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def current_line(self) -> RegisterLine | None:
        row = self.view.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def on_letter(self, letter: str) -> None:
        line = self.current_line()
        if line is None or self.read_only:
            return
        now = self.clock()
        if letter == "P":
            self._run(lambda session: self._ensure_present(session, line))
        elif letter == "L":
            self._run(lambda session: self._arrived(session, line, now))
        else:
            self._run(
                lambda session: set_times(
                    session, self.meeting_id, line.person_id, line.arrived_at, now
                )
            )

    def _ensure_present(self, session: Session, line: RegisterLine) -> None:
        here = (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY, *ADDED_STATUSES)
        if line.status not in here:
            mark(session, self.meeting_id, line.person_id, AttendanceStatus.PRESENT)

    def _arrived(self, session: Session, line: RegisterLine, now: time) -> None:
        self._ensure_present(session, line)
        set_times(session, self.meeting_id, line.person_id, now, None)

    def _run(self, action: Callable[[Session], object]) -> None:
        try:
            with self.context.database.transaction() as session:
                action(session)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Register"), error.message)
            return
        self.reload()
        self.changed.emit()
