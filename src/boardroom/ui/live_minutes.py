"""Live minutes: the focused window a clerk minutes a meeting in, keyboard only.

The agenda with a timer per item runs down the left above the register; the current item's
notes, resolutions, actions and declarations fill the right. Notes save themselves a moment
after typing stops (see ``live.notes_editor``) and the footer always says honestly whether
everything is stored. One desk holds the pen (a heartbeat every few seconds keeps it); any
other desk, or approved minutes, open read-only with a banner saying why.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.agenda import timetable
from boardroom.services.live_minutes import (
    approval_offer,
    owner_choices,
    plan_item_choices,
)
from boardroom.services.meetings import get_meeting
from boardroom.services.minutes import (
    EDITOR_TIMEOUT,
    approve_minutes,
    claim_pen,
    desk_name,
    ensure_editable,
    notes_of,
    release_pen,
)
from boardroom.storage.models import StandingKind
from boardroom.ui.context import AppContext
from boardroom.ui.live.approval import ApprovalBar, ApprovalDialog
from boardroom.ui.live.bars import MessageBar
from boardroom.ui.live.item_editor import ItemEditor
from boardroom.ui.live.models import AgendaModel, clock, timer_color
from boardroom.ui.live.register_panel import RegisterPanel

# Well inside the pen's timeout, so a desk that is still open never loses it.
HEARTBEAT_MS = int(EDITOR_TIMEOUT.total_seconds() * 1000 / 3)
FOOTER_KEYS = (
    "Ctrl+↓ next item · Ctrl+↑ previous · Ctrl+R resolution · Ctrl+T action · "
    "Ctrl+D declaration · Ctrl+Shift+L register · Esc back to notes"
)
STYLE = """
#agendaSide { background: palette(alternate-base); }
#meetingHeading { font-weight: 600; padding: 2px 2px 8px 2px; }
#itemNumber { font-size: 15pt; font-weight: 600; color: palette(highlight); }
#itemTitle { font-size: 15pt; font-weight: 600; }
#itemTimer { font-size: 14pt; }
#itemMeta, #shortcutHint { color: #6b7280; }
#sectionHeading { font-weight: 600; font-size: 11pt; }
#registerSummary { font-weight: 600; padding: 6px 2px; }
#banner { background: #fff4e5; border: 1px solid #f0c27b; border-radius: 4px; }
#problemBar { background: #fdecea; border: 1px solid #e8a39d; border-radius: 4px; }
#approvalBar { background: #e8f0fe; border: 1px solid #a8c1f0; border-radius: 4px; }
#actionRow { border: 1px solid palette(mid); border-radius: 4px; }
"""


class LiveMinutesWindow(QMainWindow):
    """Minute one meeting; ``desk`` names this desk to others (the user and machine)."""

    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        desk: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.desk = desk or desk_name()
        self.current_row = -1
        self.locked_message = ""
        self.pen_holder = ""
        self.approval: tuple[int, str] | None = None
        self.setStyleSheet(STYLE)
        self.resize(1280, 820)

        self.agenda = AgendaModel(self)
        self.agenda_view = self._agenda_view()
        self.register = RegisterPanel(context, meeting_id)
        side = QWidget()
        side.setObjectName("agendaSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 8, 8, 8)
        self.meeting_heading = QLabel()
        self.meeting_heading.setObjectName("meetingHeading")
        self.meeting_heading.setWordWrap(True)
        side_split = QSplitter(Qt.Orientation.Vertical)
        side_split.addWidget(self.agenda_view)
        side_split.addWidget(self.register)
        side_split.setSizes([460, 300])
        side_layout.addWidget(self.meeting_heading)
        side_layout.addWidget(side_split, 1)

        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(16, 12, 16, 0)
        main_layout.setSpacing(6)
        heading = QHBoxLayout()
        self.item_number = QLabel()
        self.item_number.setObjectName("itemNumber")
        self.item_title = QLabel()
        self.item_title.setObjectName("itemTitle")
        self.item_title.setWordWrap(True)
        self.item_timer = QLabel()
        self.item_timer.setObjectName("itemTimer")
        heading.addWidget(self.item_number, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.item_title, 1)
        heading.addWidget(self.item_timer, 0, Qt.AlignmentFlag.AlignTop)
        self.item_meta = QLabel()
        self.item_meta.setObjectName("itemMeta")
        self.banner = MessageBar("banner")
        self.problem = MessageBar("problemBar")
        self.reload_button = self.problem.add_button(self.tr("Reload theirs"))
        self.overwrite_button = self.problem.add_button(self.tr("Overwrite with mine"))
        self.reload_button.clicked.connect(self.reload_notes)
        self.overwrite_button.clicked.connect(self.overwrite_notes)
        self.approval_bar = ApprovalBar()
        self.approval_bar.hide()
        self.approval_bar.approve.connect(self.approve_previous)
        main_layout.addLayout(heading)
        main_layout.addWidget(self.item_meta)
        for bar in (self.banner, self.problem, self.approval_bar):
            main_layout.addWidget(bar)
        self.editor = ItemEditor(context, meeting_id)
        self.editor.layout().setContentsMargins(0, 6, 0, 8)
        main_layout.addWidget(self.editor, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(side)
        split.addWidget(main)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 940])
        self.setCentralWidget(split)

        keys = QLabel(self.tr(FOOTER_KEYS))
        keys.setObjectName("shortcutHint")
        self.save_state = QLabel(self.tr("All saved"))
        self.statusBar().addWidget(keys, 1)
        self.statusBar().addPermanentWidget(self.save_state)
        self.statusBar().setSizeGripEnabled(False)

        notes = self.editor.notes
        notes.saving.connect(lambda: self._say_saved(self.tr("Saving…")))
        notes.saved.connect(self._on_saved)
        notes.failed.connect(self._on_failed)
        notes.conflict.connect(self._on_conflict)
        self.editor.changed.connect(self.context.data_changed)
        self.register.changed.connect(self.context.data_changed)
        self._shortcuts()

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self._heartbeat)
        self._load()
        self.ticker.start()
        self.heartbeat.start()

    # -- building ---------------------------------------------------------------------------

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
        header.setSectionResizeMode(AgendaModel.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaModel.COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        view.clicked.connect(lambda index: self.go_to(index.row()))
        view.activated.connect(lambda index: self.go_to(index.row()))
        return view

    def _shortcuts(self) -> None:
        bindings = (
            ("Ctrl+Down", lambda: self.go_to(self.current_row + 1)),
            ("Ctrl+Up", lambda: self.go_to(self.current_row - 1)),
            ("Ctrl+R", self.editor.add_resolution),
            ("Ctrl+T", self.editor.add_action),
            ("Ctrl+D", self.editor.add_declaration),
            ("Ctrl+Shift+L", self.register.focus_register),
            ("Ctrl+Shift+A", self.approve_previous),
            ("Esc", self.editor.escape),
            ("Ctrl+S", self.editor.notes.flush),
        )
        for keys, handler in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(handler)
        self.editor.notes.give_way_to([QKeySequence(keys) for keys, _handler in bindings])

    # -- loading ----------------------------------------------------------------------------

    def _load(self) -> None:
        with self.context.database.transaction() as session:
            meeting = get_meeting(session, self.meeting_id)
            self.setWindowTitle(
                self.tr("Live minutes — {0}, {1}").format(
                    meeting.title, format_date(meeting.starts_at)
                )
            )
            self.meeting_heading.setText(
                f"{meeting.board.name}<br><span style='font-weight:400'>"
                f"{format_date(meeting.starts_at)} · {meeting.starts_at:%H:%M}</span>"
            )
            lines = timetable(meeting).lines
            self.editor.set_choices(
                owner_choices(session, self.meeting_id),
                plan_item_choices(session, meeting.board_id),
            )
            self.approval = approval_offer(session, self.meeting_id)
        self.agenda.set_rows(lines)
        self.register.reload()
        self.check_pen()
        if lines:
            self.go_to(0)
        else:
            self.item_title.setText(self.tr("This meeting has no agenda yet — build it first."))
            self.editor.setEnabled(False)

    def _heartbeat(self) -> None:
        """A missed heartbeat is not an error worth a dialog: say so and try again later."""
        try:
            self.check_pen()
        except (BoardroomError, SQLAlchemyError) as error:
            message = error.message if isinstance(error, BoardroomError) else str(error)
            self.statusBar().showMessage(
                self.tr("Could not reach the database to keep the pen: {0}").format(message),
                HEARTBEAT_MS,
            )

    def check_pen(self) -> None:
        """Heartbeat: keep (or take) the pen, and notice approval or unlocking elsewhere.

        Locked minutes need no pen: nobody can write them, so the pen is given up.
        """
        with self.context.database.transaction() as session:
            meeting = get_meeting(session, self.meeting_id)
            try:
                ensure_editable(meeting)
            except BoardroomError as error:
                self.locked_message = error.message
                release_pen(session, self.meeting_id, self.desk)
                holder = ""
            else:
                self.locked_message = ""
                pen = claim_pen(session, self.meeting_id, self.desk)
                holder = "" if pen.mine else pen.desk
        was_read_only = self.editor.read_only
        self.pen_holder = holder
        read_only = bool(self.locked_message or holder)
        if self.locked_message:
            self.banner.say(self.locked_message)
        elif holder:
            self.banner.say(
                self.tr("Being minuted by {0} — read only. This view follows their typing.").format(
                    holder
                )
            )
        else:
            self.banner.hide()
        self.editor.set_read_only(read_only)
        if read_only:
            self._say_saved(self.tr("Read only"))
        elif was_read_only:
            self._say_saved(self.tr("All saved"))
        self.register.read_only = read_only
        if self.current_row >= 0 and (read_only or was_read_only) and not self.editor.notes.dirty:
            self._show_current()
            self.register.reload()

    # -- moving between items ---------------------------------------------------------------

    def go_to(self, row: int) -> None:
        """Make another item current, saving the notes of the one being left first."""
        if not 0 <= row < self.agenda.rowCount() or row == self.current_row:
            return
        if not self.editor.notes.flush():
            QMessageBox.warning(
                self,
                self.tr("Notes not saved"),
                self.tr(
                    "The notes on this item could not be saved yet, so it stays open (nothing "
                    "is lost). Resolve the message above, then move on."
                ),
            )
            return
        self.current_row = row
        self.agenda.set_current(row)
        self.agenda_view.setCurrentIndex(self.agenda.index(row, 0))
        self._show_current()
        self.editor.notes.setFocus()

    def _show_current(self) -> None:
        line = self.agenda.row_at(self.current_row)
        self.editor.show_item(line.item_id)
        item = self.editor.item
        assert item is not None
        self.item_number.setText(line.number)
        self.item_title.setText(item.title)
        meta = [self.tr("Presenter: {0}").format(item.presenter) if item.presenter else ""]
        meta += [
            self.tr(item.purpose),
            self.tr("Confidential (Part 2)") if item.confidential else "",
        ]
        self.item_meta.setText(" · ".join(part for part in meta if part))
        self._show_timer()
        if (
            item.standing is StandingKind.PREVIOUS_MINUTES
            and self.approval
            and not self.editor.read_only
        ):
            self.approval_bar.offer(self.approval[1])
        else:
            self.approval_bar.hide()

    def _tick(self) -> None:
        if self.current_row >= 0 and not self.editor.read_only:
            self.agenda.tick(self.current_row)
            self._show_timer()

    def _show_timer(self) -> None:
        line = self.agenda.row_at(self.current_row)
        seconds = self.agenda.elapsed.get(line.item_id, 0)
        self.item_timer.setText(f"{clock(seconds)} / {line.minutes}:00")
        color = timer_color(seconds, line.minutes)
        self.item_timer.setStyleSheet(f"color: {color.name()};" if color else "")

    # -- saving -----------------------------------------------------------------------------

    def _say_saved(self, text: str) -> None:
        self.save_state.setText(text)

    def _on_saved(self, when: datetime) -> None:
        self.problem.hide()
        self._say_saved(self.tr("Saved {0:%H:%M:%S}").format(when))

    def _on_failed(self, message: str) -> None:
        self.reload_button.hide()
        self.overwrite_button.hide()
        self.problem.say(self.tr("Not saved — your text is kept here. {0}").format(message))
        self._say_saved(self.tr("Not saved"))

    def _on_conflict(self, message: str) -> None:
        self.reload_button.show()
        self.overwrite_button.show()
        self.problem.say(
            self.tr("Changed by someone else — reload or overwrite? {0}").format(message)
        )
        self._say_saved(self.tr("Not saved"))

    def reload_notes(self) -> None:
        item = self.editor.item
        if item is None:
            return
        with self.context.database.sessions() as session:
            notes, version = notes_of(session, item.id)
        self.editor.notes.load(item.id, notes, version)
        self.problem.hide()
        self._say_saved(self.tr("Reloaded"))

    def overwrite_notes(self) -> None:
        self.editor.notes.flush(overwrite=True)

    # -- approval ---------------------------------------------------------------------------

    def approve_previous(self) -> None:
        if self.approval is None or not self.approval_bar.isVisible():
            return
        previous_id, when = self.approval
        dialog = ApprovalDialog(when, self)
        if dialog.exec() != ApprovalDialog.DialogCode.Accepted:
            return
        amendments = dialog.amendments.toPlainText()
        try:
            with self.context.database.transaction() as session:
                approve_minutes(
                    session,
                    previous_id,
                    at_meeting_id=self.meeting_id,
                    amendments=amendments,
                    actor=self.desk,
                )
                self.approval = approval_offer(session, self.meeting_id)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Not approved"), error.message)
            return
        self.editor.refresh_lists()
        self.approval_bar.hide()
        self.context.data_changed.emit()
        self.context.status_message.emit(
            self.tr("The minutes of {0} are approved and locked.").format(when)
        )

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editor.notes.flush():
            answer = QMessageBox.warning(
                self,
                self.tr("Notes not saved"),
                self.tr(
                    "The last notes could not be saved (see the message in the window). "
                    "Close anyway and lose them?"
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.ticker.stop()
        self.heartbeat.stop()
        if not self.pen_holder and not self.locked_message:
            with self.context.database.transaction() as session:
                release_pen(session, self.meeting_id, self.desk)
        self.context.data_changed.emit()
        super().closeEvent(event)
