"""The attendance register at the clerk's elbow: one key marks a late arrival (L) or an early
departure (E), stamped with the time it happened, or someone present (P), sending apologies
(A) or absent (X). Several people selected at once (Shift+↓, Ctrl+A) are marked together,
so the register at the start of a meeting takes seconds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Signal
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
    register_and_quorum,
    set_times,
)
from boardroom.storage.models import AttendanceStatus
from boardroom.ui.context import AppContext
from boardroom.ui.key_table import Key
from boardroom.ui.labels import quorum_text
from boardroom.ui.live import keys
from boardroom.ui.live.models import RegisterModel
from boardroom.ui.table_view import selected_rows
from boardroom.ui.theme import emphasised, muted_text

_AWAY = {keys.MARK_APOLOGIES: AttendanceStatus.APOLOGIES, keys.MARK_ABSENT: AttendanceStatus.ABSENT}
_HERE = (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY, *ADDED_STATUSES)


def _now() -> time:
    return datetime.now().time().replace(second=0, microsecond=0)


class RegisterView(QTableView):
    """Passes the one-letter register keys to the panel instead of keyboard search."""

    letter = Signal(object)  # the live.keys entry pressed

    def keyPressEvent(self, event: QKeyEvent) -> None:
        pressed = next((key for key in keys.REGISTER_LETTERS if key.matches(event)), None)
        if pressed is not None:
            self.letter.emit(pressed)
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
        self.summary = emphasised(QLabel())
        self.summary.setObjectName("registerSummary")
        self.summary.setContentsMargins(6, 6, 2, 6)
        self.model = RegisterModel(self)
        self.view = RegisterView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        hint = muted_text(QLabel(keys.LIVE_KEYS.hints((keys.REGISTER, *keys.REGISTER_LETTERS))))
        hint.setObjectName("shortcutHint")
        hint.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)

    def reload(self) -> None:
        with self.context.database.sessions() as session:
            taken = register_and_quorum(session, self.meeting_id)
        lines, counted = taken.lines, taken.quorum
        row = self.view.currentIndex().row()
        selected = {index.row() for index in self.view.selectionModel().selectedRows()}
        self.model.set_rows(lines)
        if 0 <= row < self.model.rowCount():  # the same people stay selected for the next key
            self.view.setCurrentIndex(self.model.index(row, 0))
        rows = QItemSelection()
        for each in selected & set(range(self.model.rowCount())):
            rows.select(self.model.index(each, 0), self.model.index(each, RegisterModel.COL_STATE))
        self.view.selectionModel().select(rows, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        present = sum(1 for line in lines if line.attending)
        mark_text = "✔" if counted.met else "✘"
        self.summary.setText(
            self.tr("Present {0} · Quorum {1} {2}").format(present, counted.required, mark_text)
        )
        self.summary.setToolTip(quorum_text(counted))

    def focus_register(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def selected_lines(self) -> list[RegisterLine]:
        rows = selected_rows(self.view)
        return [self.model.row_at(row) for row in rows if 0 <= row < self.model.rowCount()]

    def on_letter(self, letter: Key) -> None:
        """Mark every selected line in one transaction: all of them, or none if one is
        refused (the message names who and why)."""
        lines = self.selected_lines()
        if not lines or self.read_only:
            return
        now = self.clock()

        def apply(session: Session) -> None:
            for line in lines:
                if letter is keys.MARK_PRESENT:
                    _ensure_present(session, self.meeting_id, line)
                elif letter in _AWAY:
                    mark(session, self.meeting_id, line.person_id, _AWAY[letter])
                elif letter is keys.MARK_LATE:
                    _ensure_present(session, self.meeting_id, line)
                    set_times(session, self.meeting_id, line.person_id, now, None)
                else:  # E: whoever leaves was here, even if nobody marked them yet
                    _ensure_present(session, self.meeting_id, line)
                    set_times(session, self.meeting_id, line.person_id, line.arrived_at, now)

        self._run(apply)

    def _run(self, action: Callable[[Session], object]) -> None:
        try:
            with self.context.database.transaction() as session:
                action(session)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Register"), error.message)
            return
        self.reload()
        self.changed.emit()


def _ensure_present(session: Session, meeting_id: int, line: RegisterLine) -> None:
    """Mark a seat present unless its holder (or their deputy) is already in the room."""
    if line.status not in _HERE:
        mark(session, meeting_id, line.person_id, AttendanceStatus.PRESENT)
