"""The Attendance tab: the register, marked from the keyboard, with the quorum always in view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError
from boardroom.services.attendance import (
    RegisterLine,
    add_attendee,
    mark,
    register_and_quorum,
    remove_attendee,
    set_times,
)
from boardroom.services.people import list_people
from boardroom.storage.models import AttendanceStatus
from boardroom.ui.colours import GOOD, OVERDUE
from boardroom.ui.context import AppContext
from boardroom.ui.dialogs.base import PersonPicker, ServiceDialog
from boardroom.ui.labels import quorum_text
from boardroom.ui.models.register import RegisterTableModel
from boardroom.ui.models.table import SearchProxy
from boardroom.ui.table_view import button, fit_columns, selected_rows, table_view

COLUMN_GUTTER = 16
_MARKED = (
    RegisterTableModel.COL_STATUS,
    RegisterTableModel.COL_DEPUTY,
    RegisterTableModel.COL_ARRIVED,
)
_KEYS = {
    Qt.Key.Key_P: AttendanceStatus.PRESENT,
    Qt.Key.Key_A: AttendanceStatus.APOLOGIES,
    Qt.Key.Key_X: AttendanceStatus.ABSENT,
    Qt.Key.Key_D: AttendanceStatus.DEPUTY,
}


def _parse_time(text: str) -> time | None:
    text = text.strip().replace(".", ":")
    if not text:
        return None
    try:
        return time.fromisoformat(text if ":" in text else f"{int(text):02d}:00")
    except ValueError:
        raise BoardroomError(
            QCoreApplication.translate(
                "AttendancePanel", "“{0}” is not a time; type it as 14:05."
            ).format(text)
        ) from None


class AddAttendeeDialog(ServiceDialog[tuple[int, AttendanceStatus, str]]):
    """An officer in attendance or a guest: someone on the register without a seat."""

    def __init__(self, save, people: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(self.tr("Add to the register"), save, parent)
        self.person = PersonPicker(people)
        self.status = QComboBox()
        self.status.addItem(self.tr("Officer in attendance"), AttendanceStatus.IN_ATTENDANCE.value)
        self.status.addItem(self.tr("Guest"), AttendanceStatus.GUEST.value)
        self.capacity = QLineEdit()
        self.capacity.setPlaceholderText(self.tr("e.g. Director of Children's Services"))
        self.form.addRow(self.tr("&Person"), self.person)
        self.form.addRow(self.tr("&As"), self.status)
        self.form.addRow(self.tr("&Capacity"), self.capacity)
        hint = QLabel(self.tr("Someone new? Add them on the People page first."))
        hint.setEnabled(False)
        self.form.addRow(hint)

    def fields(self) -> tuple[int, AttendanceStatus, str]:
        person_id = self.person.person_id()
        assert person_id is not None  # no "nobody" entry: a blank box is refused
        return (
            person_id,
            AttendanceStatus(self.status.currentData()),
            self.capacity.text(),
        )


class AttendancePanel(QWidget):
    """Mark with P (present), A (apologies), X (absent), D (deputy); quorum updates at once."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        layout = QVBoxLayout(self)
        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("quorum")
        layout.addWidget(self.quorum_label)

        row = QHBoxLayout()
        self.marks: dict[AttendanceStatus, object] = {}
        for status, icon_name, text, key in (
            (AttendanceStatus.PRESENT, "present", self.tr("Present"), "P"),
            (AttendanceStatus.APOLOGIES, "apologies", self.tr("Apologies"), "A"),
            (AttendanceStatus.ABSENT, "absent", self.tr("Absent"), "X"),
            (AttendanceStatus.DEPUTY, "deputy", self.tr("Deputy…"), "D"),
        ):
            widget = button(icon_name, f"{text}  {key}", self.tr("Mark the selected people"))
            widget.clicked.connect(lambda _c=False, s=status: self.mark_selected(s))
            row.addWidget(widget)
            self.marks[status] = widget
        times = button(
            "clock", self.tr("Arrived / left…"), self.tr("Late arrival, early departure")
        )
        times.clicked.connect(self.edit_times)
        add = button("person-add", self.tr("Add officer or guest…"))
        add.clicked.connect(self.add_attendee)
        self.remove = button("remove", self.tr("Remove"), self.tr("Take an added person off"))
        self.remove.clicked.connect(self.remove_attendee)
        row.addStretch(1)
        for widget in (times, add, self.remove):
            row.addWidget(widget)
        layout.addLayout(row)

        self.model = RegisterTableModel(self)
        self.proxy = SearchProxy(self.model, self)
        self.view = table_view(self.proxy, -1)
        self.view.setSortingEnabled(False)  # register order is the minutes' order
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Headings over the start of their columns: the last one fills the width, and a
        # centred "Left" would float far from its times.
        self.view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        layout.addWidget(self.view, 1)
        self.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """P, A, X and D mark the selected lines while the register has the focus."""
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and event.key() in _KEYS
        ):
            self.mark_selected(_KEYS[event.key()])
            return True
        return super().eventFilter(watched, event)

    def reload(self, session: Session | None = None) -> None:
        """``session``: the reading the workspace fills all its tabs from, if any."""
        with self.context.database.reading(session) as reading:
            taken = register_and_quorum(reading, self.meeting_id)
        lines, count = taken.lines, taken.quorum
        selected = {line.person_id for line in self.selected_lines()}
        self.model.set_rows(lines)
        color = (GOOD if count.met else OVERDUE).css()
        mark_text = "✔" if count.met else "✘"
        self.quorum_label.setText(
            f"<span style='color:{color}; font-weight:600'>"
            f"{mark_text} {escape(quorum_text(count))}</span>"
        )
        # Every column measured at the first reading (the last one, then, fills the rest);
        # after it, what marking fills in, so that it is always wide enough to read. The
        # gutter keeps a long name off its role.
        header = self.view.horizontalHeader()
        if not self.view.property("sized"):
            header.setStretchLastSection(False)
            fit_columns(self.view, gutter=COLUMN_GUTTER)
            header.setStretchLastSection(True)
            self.view.setProperty("sized", True)
        else:
            fit_columns(self.view, _MARKED, gutter=COLUMN_GUTTER)
        selection = self.view.selectionModel()
        for row, line in enumerate(lines):
            if line.person_id in selected:
                selection.select(
                    self.proxy.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def selected_lines(self) -> list[RegisterLine]:
        return [self.proxy.row_at(row) for row in selected_rows(self.view)]

    def _run(self, action: Callable[[Session], object]) -> bool:
        try:
            with self.context.database.transaction() as session:
                action(session)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Attendance"), error.message)
            return False
        self.context.data_changed.emit()
        self.reload()
        return True

    def _people(self) -> list[tuple[int, str]]:
        with self.context.database.sessions() as session:
            return [(person.id, person.display_name) for person in list_people(session)]

    def _choose_deputy(self, line: RegisterLine) -> int | None:
        if line.named_deputy_id is not None:
            return line.named_deputy_id
        people = [(pid, name) for pid, name in self._people() if pid != line.person_id]
        names = [name for _pid, name in people]
        name, chosen = QInputDialog.getItem(
            self,
            self.tr("Deputy"),
            self.tr("{0} has no named deputy. Who attended for them?").format(line.name),
            names,
            0,
            True,  # editable: type part of the name
        )
        return people[names.index(name)][0] if chosen and name in names else None

    def mark_selected(self, status: AttendanceStatus) -> None:
        lines = self.selected_lines()
        if not lines:
            self.context.status_message.emit(self.tr("Select someone on the register first."))
            return
        deputies: dict[int, int] = {}
        if status is AttendanceStatus.DEPUTY:
            for line in lines:
                deputy = self._choose_deputy(line)
                if deputy is None:
                    return
                deputies[line.person_id] = deputy

        def apply(session: Session) -> None:
            for line in lines:
                mark(
                    session,
                    self.meeting_id,
                    line.person_id,
                    status,
                    deputy_id=deputies.get(line.person_id),
                )

        self._run(apply)

    def edit_times(self) -> None:
        lines = self.selected_lines()
        if len(lines) != 1:
            self.context.status_message.emit(self.tr("Select one person to record their times."))
            return
        line = lines[0]
        now = f"{datetime.now():%H:%M}"
        text, ok = QInputDialog.getText(
            self,
            self.tr("Arrived and left"),
            self.tr(
                "When did {0} arrive and leave? (e.g. 14:10 – 15:30; leave blank if not)"
            ).format(line.name),
            text=f"{line.arrived_at:%H:%M} – " if line.arrived_at else f"{now} – ",
        )
        if not ok:
            return
        arrived_text, _dash, left_text = text.replace("—", "–").partition("–")

        def apply(session: Session) -> None:
            set_times(
                session,
                self.meeting_id,
                line.person_id,
                _parse_time(arrived_text),
                _parse_time(left_text),
            )

        self._run(apply)

    def add_attendee(self) -> None:
        def save(values: tuple[int, AttendanceStatus, str]) -> None:
            with self.context.database.transaction() as session:
                add_attendee(session, self.meeting_id, *values)
            self.context.data_changed.emit()

        if AddAttendeeDialog(save, self._people(), self).exec():
            self.reload()

    def remove_attendee(self) -> None:
        lines = self.selected_lines()
        if len(lines) == 1:
            self._run(lambda session: remove_attendee(session, self.meeting_id, lines[0].person_id))
