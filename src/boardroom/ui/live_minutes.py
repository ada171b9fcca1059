"""Live minutes: the focused window a clerk minutes a meeting in, keyboard only.

The agenda with a timer per item runs down the left above the register; the current item's
notes, resolutions, actions and declarations fill the right (on the action log item, the
actions brought forward for review too). Notes save themselves a moment after typing stops
(see ``live.notes_editor``) and the footer always says honestly whether everything is
stored. One desk holds the pen (a heartbeat every few seconds keeps it); any other desk, or
approved minutes, open read-only with a banner saying why.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.agenda import timetable
from boardroom.services.item_clock import carry_visit, elapsed_by_item, move_to_item
from boardroom.services.live_minutes import approval_offer, owner_choices, plan_item_choices
from boardroom.services.meetings import get_meeting
from boardroom.services.minutes import (
    EDITOR_TIMEOUT,
    check_access,
    desk_name,
    notes_of,
    release_pen,
)
from boardroom.storage.database import AUTOSAVE_LOCK_WAIT_MS
from boardroom.storage.models import Meeting, StandingKind
from boardroom.ui.colours import NOTICE_BAR, OFFER_BAR, PROBLEM_BAR
from boardroom.ui.context import AppContext
from boardroom.ui.key_table import bind
from boardroom.ui.live import keys as live_keys
from boardroom.ui.live.agenda_side import AgendaSide
from boardroom.ui.live.approval import ApprovalBar, ask_and_approve
from boardroom.ui.live.bars import MessageBar
from boardroom.ui.live.close_meeting import ask_and_close
from boardroom.ui.live.item_editor import ItemEditor
from boardroom.ui.live.item_header import ItemHeader
from boardroom.ui.live.save_state import SaveFeedback, SaveIndicator
from boardroom.ui.theme import muted_text

# Well inside the pen's timeout, so a desk that is still open never loses it.
HEARTBEAT_MS = int(EDITOR_TIMEOUT.total_seconds() * 1000 / 3)


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
        self.closed = False
        self.visit: int | None = None  # the stored stretch of time on the current item
        self.approval: tuple[int, str] | None = None
        self.resize(1280, 820)

        self.side = AgendaSide(context, meeting_id)
        self.agenda, self.agenda_view = self.side.agenda, self.side.agenda_view
        self.register = self.side.register
        self.agenda_view.clicked.connect(lambda index: self.go_to(index.row()))
        self.agenda_view.activated.connect(lambda index: self.go_to(index.row()))
        self.side.close_button.clicked.connect(self.close_meeting)
        self.header = ItemHeader()
        # Each bar carries its own style sheet, in the shades of the palette in use; none is
        # set on the window, which would put every widget in it under Qt's slower
        # style-sheet style.
        self.banner = MessageBar("banner")
        self.banner.setStyleSheet(NOTICE_BAR.css("#banner"))
        self.problem = MessageBar("problemBar")
        self.problem.setStyleSheet(PROBLEM_BAR.css("#problemBar"))
        self.approval_bar = ApprovalBar()
        self.approval_bar.setStyleSheet(OFFER_BAR.css("#approvalBar"))
        self.approval_bar.hide()
        self.approval_bar.approve.connect(self.approve_previous)
        self.editor = ItemEditor(context, meeting_id)
        self.editor.layout().setContentsMargins(0, 6, 0, 8)
        self.setCentralWidget(self._layout())

        keys = muted_text(QLabel(live_keys.LIVE_KEYS.hints(live_keys.FOOTER)))
        keys.setObjectName("shortcutHint")
        self.save_state = SaveIndicator()
        self.statusBar().addWidget(keys, 1)
        self.statusBar().addPermanentWidget(self.save_state)
        self.statusBar().setSizeGripEnabled(False)
        self.feedback = SaveFeedback(self.editor.notes, self.save_state, self.problem)
        self.reload_button = self.feedback.reload_button
        self.overwrite_button = self.feedback.overwrite_button
        self.reload_button.clicked.connect(self.reload_notes)

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

    def _layout(self) -> QSplitter:
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(16, 12, 16, 0)
        main_layout.setSpacing(6)
        for widget in (self.header, self.banner, self.problem, self.approval_bar):
            main_layout.addWidget(widget)
        main_layout.addWidget(self.editor, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.side)
        split.addWidget(main)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 940])
        return split

    def _shortcuts(self) -> None:
        """The window's keys, as live.keys declares them (and the reference card lists)."""
        handlers = {
            live_keys.NEXT_ITEM: lambda: self.go_to(self.current_row + 1),
            live_keys.PREVIOUS_ITEM: lambda: self.go_to(self.current_row - 1),
            live_keys.RESOLUTION: self.editor.add_resolution,
            live_keys.ACTION: self.editor.add_action,
            live_keys.DECLARATION: self.editor.add_declaration,
            live_keys.REVIEW: self.review_actions,
            live_keys.REGISTER: self.register.focus_register,
            live_keys.APPROVE: self.approve_previous,
            live_keys.CLOSE_MEETING: self.close_meeting,
            live_keys.BACK: self.editor.escape,
            live_keys.SAVE: self.editor.notes.flush,
        }
        for key, handler in handlers.items():
            bind(key, self, handler)
        self.editor.notes.give_way_to([seq for key in handlers for seq in key.sequences()])

    # -- loading ----------------------------------------------------------------------------

    def _load(self) -> None:
        with self.context.database.transaction() as session:
            meeting = get_meeting(session, self.meeting_id)
            self.setWindowTitle(
                self.tr("Live minutes — {0}, {1}").format(
                    meeting.title, format_date(meeting.starts_at)
                )
            )
            lines = timetable(meeting).lines
            self.editor.meeting_day = meeting.starts_at.date()
            self.editor.set_choices(
                owner_choices(session, self.meeting_id),
                plan_item_choices(session, meeting.board_id),
            )
            self.approval = approval_offer(session, self.meeting_id)
            elapsed = elapsed_by_item(session, self.meeting_id)
            self._show_meeting(meeting)
        self.agenda.set_rows(lines)
        self.agenda.set_elapsed(elapsed)
        self.register.reload()
        self.check_pen()
        if lines:
            self.go_to(0)
        else:
            self.header.say(self.tr("This meeting has no agenda yet — build it first."))
            self.editor.setEnabled(False)

    def _show_meeting(self, meeting: Meeting) -> None:
        self.side.show_meeting(meeting.board.name, meeting.starts_at, meeting.closed_at)
        self.closed = meeting.closed_at is not None

    def _heartbeat(self) -> None:
        """A missed heartbeat is not an error worth a dialog: say so and try again later.

        Like the autosave it waits only a moment for a database locked elsewhere — it runs
        on the GUI thread while the clerk types — and the pen outlasts a few missed beats.
        """
        try:
            self.check_pen(lock_wait_ms=AUTOSAVE_LOCK_WAIT_MS)
        except (BoardroomError, SQLAlchemyError) as error:
            message = error.message if isinstance(error, BoardroomError) else str(error)
            self.statusBar().showMessage(
                self.tr("Could not reach the database to keep the pen: {0}").format(message),
                HEARTBEAT_MS,
            )

    def check_pen(self, lock_wait_ms: int | None = None) -> None:
        """Heartbeat: keep (or take) the pen, and notice approval or unlocking elsewhere."""
        with self.context.database.transaction(lock_wait_ms=lock_wait_ms) as session:
            access = check_access(session, self.meeting_id, self.desk)
            self._keep_clock(session, access.read_only)
        was_read_only = self.editor.read_only
        self.locked_message, self.pen_holder = access.locked, access.holder
        if access.locked:
            self.banner.say(access.locked)
        elif access.holder:
            self.banner.say(
                self.tr("Being minuted by {0} — read only. This view follows their typing.").format(
                    access.holder
                )
            )
        elif self.editor.meeting_day > date.today() and not self.closed:
            self.banner.say(  # minutes typed into next month's meeting by mistake
                self.tr(
                    "This meeting is on {0}, not today: check it is the meeting being held "
                    "before minuting it."
                ).format(format_date(self.editor.meeting_day))
            )
        else:
            self.banner.hide()
        self.editor.set_read_only(access.read_only)
        self.register.read_only = access.read_only
        self.side.close_button.setEnabled(not access.read_only)
        if access.read_only:
            self.feedback.read_only()
        elif was_read_only:
            self.feedback.all_saved()
        follows = access.read_only or was_read_only
        if self.current_row >= 0 and follows and not self.editor.notes.dirty:
            self._show_current()
            self.register.reload()

    def _keep_clock(self, session: Session, read_only: bool) -> None:
        """The heartbeat's part in the item clocks: the desk holding the pen carries the
        current item's visit forward (taking up the clock if it has just gained the pen); a
        read-only desk shows the clocks as that desk stores them."""
        if read_only:
            self.visit = None
            self.agenda.set_elapsed(elapsed_by_item(session, self.meeting_id))
        elif self.closed:
            self.visit = None
        elif self.visit is not None:
            carry_visit(session, self.visit)
        elif self.current_row >= 0:
            item_id = self.agenda.row_at(self.current_row).item_id
            self.visit = move_to_item(session, item_id)

    def _clock_to(self, item_id: int) -> None:
        """Store that the meeting moved to this item; a clock that cannot be stored is
        said in the status bar but never stops the minuting."""
        if self.editor.read_only or self.closed:
            return
        try:
            with self.context.database.transaction() as session:
                self.visit = move_to_item(session, item_id, leaving=self.visit)
        except (BoardroomError, SQLAlchemyError) as error:
            self.visit = None
            message = error.message if isinstance(error, BoardroomError) else str(error)
            self.statusBar().showMessage(
                self.tr("The item's clock could not be stored: {0}").format(message), 8000
            )

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
        self.side.set_current(row)
        self._clock_to(self.agenda.row_at(row).item_id)
        self._show_current()
        self.editor.notes.setFocus()

    def _show_current(self) -> None:
        line = self.agenda.row_at(self.current_row)
        self.editor.show_item(line.item_id)
        item = self.editor.item
        assert item is not None
        self.header.show_item(line, item)
        self._show_timer()
        if (
            item.standing is StandingKind.PREVIOUS_MINUTES
            and self.approval
            and not self.editor.read_only
        ):
            self.approval_bar.offer(self.approval[1])
        else:
            self.approval_bar.hide()

    def review_actions(self) -> None:
        """Ctrl+Shift+R: to the action log item, into its list of actions to review."""
        standing = [line.standing for line in self.agenda.rows()]
        row = standing.index(StandingKind.ACTION_LOG) if StandingKind.ACTION_LOG in standing else -1
        if row < 0:
            self.statusBar().showMessage(self.tr("This agenda has no action log item."), 5000)
            return
        self.go_to(row)
        if self.current_row == row:
            self.editor.review_actions()

    def _tick(self) -> None:
        """A second against the current item, while the meeting runs and this desk minutes it."""
        if self.current_row >= 0 and not self.editor.read_only and not self.closed:
            self.agenda.tick(self.current_row)
            self._show_timer()

    def _show_timer(self) -> None:
        line = self.agenda.row_at(self.current_row)
        self.header.show_timer(self.agenda.elapsed.get(line.item_id, 0), line.minutes)

    # -- saving -----------------------------------------------------------------------------

    def reload_notes(self) -> None:
        item = self.editor.item
        if item is None:
            return
        with self.context.database.sessions() as session:
            notes, version = notes_of(session, item.id)
        self.editor.notes.load(item.id, notes, version)
        self.feedback.reloaded()

    # -- approval and closing ---------------------------------------------------------------

    def approve_previous(self) -> None:
        """Ctrl+Shift+A on the "minutes of the previous meeting" item."""
        if self.approval is None or not self.approval_bar.isVisible():
            return
        if ask_and_approve(self, self.context, self.approval, self.meeting_id, self.desk):
            with self.context.database.sessions() as session:
                self.approval = approval_offer(session, self.meeting_id)
            self.editor.refresh_lists()
            self.approval_bar.hide()

    def close_meeting(self) -> None:
        """Ctrl+Shift+E: record the time the chair closed the meeting (the notes first)."""
        if self.editor.read_only or not self.editor.notes.flush():
            return
        if closed := ask_and_close(self, self.context, self.meeting_id, self.desk):
            with self.context.database.sessions() as session:
                self._show_meeting(get_meeting(session, self.meeting_id))
            self._stop_clock()
            self.statusBar().showMessage(
                self.tr("The meeting closed at {0:%H:%M}; the minutes are a draft.").format(closed),
                8000,
            )

    def _stop_clock(self) -> None:
        """The meeting closed: the current item's visit ends now (moving on starts none)."""
        if self.visit is None:
            return
        with self.context.database.transaction() as session:
            carry_visit(session, self.visit)
        self.visit = None

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
                if self.visit is not None:
                    carry_visit(session, self.visit)
                release_pen(session, self.meeting_id, self.desk)
        self.context.data_changed.emit()
        super().closeEvent(event)
