"""The Minutes and Actions tabs of the meeting workspace: what the meeting has on record.

Minutes are written in the live view (*Take minutes*); here they read as the minutes will —
item by item, with declarations, notes, resolutions and actions — beside the button that
saves them as a Word document. The Actions tab lists the action points agreed at the
meeting; they are managed on the Actions page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from boardroom.dates import format_date
from boardroom.services.agenda import timetable
from boardroom.services.meetings import (
    AGENDA_TREE,
    MINUTES_RECORD,
    OWNED_ACTIONS,
    actions_from,
    get_meeting,
)
from boardroom.services.overdue import is_overdue
from boardroom.storage.models import AgendaItem, Meeting, MeetingStatus
from boardroom.ui.colours import OVERDUE
from boardroom.ui.context import AppContext
from boardroom.ui.labels import label_of
from boardroom.ui.meeting_exports import MINUTES, word_button
from boardroom.ui.models.meeting_record import ActionRow, ActionTableModel
from boardroom.ui.models.table import SearchProxy
from boardroom.ui.table_view import fit_columns, table_view
from boardroom.ui.widgets.empty_state import EmptyState


def _paragraphs(text: str) -> Iterable[str]:
    for block in text.split("\n\n"):
        if block.strip():
            yield "<p>" + escape(block.strip()).replace("\n", "<br>") + "</p>"


def _tr(text: str) -> str:
    """Translation of a text already marked with QT_TRANSLATE_NOOP("MinutesTab", …)."""
    return QCoreApplication.translate("MinutesTab", text)


EXEMPT = QT_TRANSLATE_NOOP("MinutesTab", "Exempt — Part 2, not for publication.")
DECLARED = QT_TRANSLATE_NOOP("MinutesTab", "Declaration of interest:")
RESOLVED = QT_TRANSLATE_NOOP("MinutesTab", "Resolved:")
ACTION = QT_TRANSLATE_NOOP("MinutesTab", "Action {0}:")
NO_OWNER = QT_TRANSLATE_NOOP("MinutesTab", "no owner yet")
DUE = QT_TRANSLATE_NOOP("MinutesTab", ", due {0}")


def _item_html(number: str, item: AgendaItem, declared: list[str]) -> str:
    parts = [f"<h3>{escape(number)}&nbsp;&nbsp;{escape(item.title)}</h3>"]
    if item.confidential:
        parts.append(f"<p style='color:{OVERDUE.css()}'><i>{escape(_tr(EXEMPT))}</i></p>")
    parts.extend(f"<p><b>{escape(_tr(DECLARED))}</b> {escape(text)}</p>" for text in declared)
    if item.minute is not None:
        parts.extend(_paragraphs(item.minute.notes))
    if item.resolutions:
        parts.append(f"<p><b>{escape(_tr(RESOLVED))}</b></p><ol style='margin-top:0'>")
        parts.extend(f"<li>{escape(r.text)}</li>" for r in item.resolutions)
        parts.append("</ol>")
    for action in sorted(item.actions, key=lambda a: (a.year, a.sequence)):
        owner = action.owner.display_name if action.owner else _tr(NO_OWNER)
        due = _tr(DUE).format(format_date(action.due_date)) if action.due_date else ""
        label = _tr(ACTION).format(action.reference)
        parts.append(
            f"<p><b>{escape(label)}</b> {escape(action.description)} "
            f"— {escape(owner)}{escape(due)}</p>"
        )
    return "".join(parts)


def minutes_html(meeting: Meeting) -> str:
    """The minuted items in agenda order; items with nothing recorded are left out."""
    items = {item.id: item for item in meeting.agenda_items}
    declared: dict[int | None, list[str]] = {}
    for declaration in meeting.declarations:
        declared.setdefault(declaration.agenda_item_id, []).append(
            f"{declaration.person.display_name} — {declaration.interest}"
        )
    parts = []
    for line in timetable(meeting).lines:
        item = items[line.item_id]
        notes = item.minute.notes.strip() if item.minute else ""
        if notes or item.resolutions or item.actions or declared.get(item.id):
            parts.append(_item_html(line.number, item, declared.get(item.id, [])))
    return "".join(parts)


class MinutesTab(QWidget):
    def __init__(self, context: AppContext, meeting_id: int, on_saved, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.standing = QLabel()
        self.standing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.standing, 1)
        self.word_button = word_button(self, context, meeting_id, MINUTES, on_saved)
        row.addWidget(self.word_button)
        layout.addLayout(row)
        self.pages = QStackedWidget()
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.empty = EmptyState(
            "take-minutes",
            self.tr("Nothing minuted yet"),
            self.tr(
                "Take minutes opens the live view: notes, resolutions (Ctrl+R) and actions "
                "(Ctrl+T) item by item. What is recorded there reads here as the minutes."
            ),
        )
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.empty)
        layout.addWidget(self.pages, 1)

    def reload(self, session: Session | None = None) -> None:
        """``session``: the reading the workspace fills all its tabs from, if any."""
        with self.context.database.reading(session) as reading:
            meeting = get_meeting(reading, self.meeting_id, *MINUTES_RECORD)
            html = minutes_html(meeting)
            self.standing.setText(self._standing(meeting))
        self.browser.setHtml(html)
        self.pages.setCurrentWidget(self.browser if html else self.empty)

    def _standing(self, meeting: Meeting) -> str:
        """Draft or approved, as the first line of the minutes says."""
        if meeting.status is MeetingStatus.MINUTES_APPROVED:
            locked = (
                self.tr("locked")
                if meeting.minutes_locked
                else self.tr("unlocked for a correction")
            )
            if meeting.minutes_approved_on is None:
                return self.tr("Approved as a true record ({0}).").format(locked)
            return self.tr("Approved as a true record on {0} ({1}).").format(
                format_date(meeting.minutes_approved_on), locked
            )
        if meeting.closed_at is not None:
            return self.tr("Draft minutes · the meeting closed at {0}.").format(
                f"{meeting.closed_at:%H:%M}"
            )
        return self.tr("Draft minutes.")


class ActionsTab(QWidget):
    def __init__(self, context: AppContext, meeting_id: int, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.model = ActionTableModel(self)
        self.view = table_view(SearchProxy(self.model, self), ActionTableModel.COL_REFERENCE)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(
            EmptyState(
                "actions",
                self.tr("No actions agreed at this meeting"),
                self.tr(
                    "Actions recorded while taking the minutes (Ctrl+T) appear here; follow "
                    "them up on the Actions page."
                ),
            )
        )
        layout.addWidget(self.pages, 1)

    def reload(self, session: Session | None = None) -> None:
        """``session``: the reading the workspace fills all its tabs from, if any."""
        today = date.today()
        with self.context.database.reading(session) as reading:
            meeting = get_meeting(reading, self.meeting_id, *AGENDA_TREE)
            numbers = {line.item_id: line.number for line in timetable(meeting).lines}
            region = meeting.board.holiday_region
            actions = actions_from(reading, self.meeting_id, *OWNED_ACTIONS)
            still_open = sum(1 for a in actions if not a.status.is_closed)
            rows = [
                ActionRow(
                    a.reference,
                    a.description,
                    a.owner.display_name if a.owner else "",
                    a.due_date,
                    label_of(a.status),
                    f"{numbers[a.origin_item_id]} {a.origin_item.title}"
                    if a.origin_item is not None and a.origin_item_id in numbers
                    else "",
                    is_overdue(a.status, a.due_date, today, region),
                )
                for a in actions
            ]
        self.model.set_rows(rows)
        self.summary.setText(
            self.tr("Agreed at this meeting: {0} · still open: {1} · overdue: {2}").format(
                len(rows), still_open, sum(1 for row in rows if row.overdue)
            )
        )
        self.summary.setVisible(bool(rows))
        self.pages.setCurrentIndex(0 if rows else 1)
        if rows and not self.view.property("sized"):
            header = self.view.horizontalHeader()
            header.setStretchLastSection(False)  # first, or the last column is not measured
            fit_columns(self.view)
            header.setSectionResizeMode(
                ActionTableModel.COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch
            )
            self.view.setProperty("sized", True)
