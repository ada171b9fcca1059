"""The schedule as a table, and the meetings a new series would create."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from boardroom.dates import format_date
from boardroom.services.meetings import list_meetings, papers_deadline
from boardroom.services.series import PlannedMeeting, is_moved
from boardroom.storage.models import Meeting, MeetingStatus
from boardroom.ui.colours import MUTED, OVERDUE, WARNING
from boardroom.ui.labels import label_of
from boardroom.ui.models.table import Column, RowTableModel


@dataclass(frozen=True)
class MeetingRow:
    meeting_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    online_link: str
    status: MeetingStatus
    papers: str
    papers_due: date
    overdue: bool
    in_series: bool
    moved: bool

    @property
    def when(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def where(self) -> str:
        if self.venue and self.online_link:
            return QCoreApplication.translate("MeetingTableModel", "{0} + online").format(
                self.venue
            )
        return self.venue or (
            QCoreApplication.translate("MeetingTableModel", "Online") if self.online_link else ""
        )

    @property
    def kind(self) -> str:
        if not self.in_series:
            return ""
        return (
            QCoreApplication.translate("MeetingTableModel", "Series (moved)")
            if self.moved
            else QCoreApplication.translate("MeetingTableModel", "Series")
        )


def meeting_row(meeting: Meeting, today: date | None = None) -> MeetingRow:
    deadline = papers_deadline(meeting, today)
    return MeetingRow(
        meeting_id=meeting.id,
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        venue=meeting.venue,
        online_link=meeting.online_link,
        status=meeting.status,
        papers=deadline.text,
        papers_due=deadline.due,
        overdue=deadline.overdue,
        in_series=meeting.series_id is not None,
        moved=is_moved(meeting),
    )


def meeting_rows(session: Session, board_id: int, today: date | None = None) -> list[MeetingRow]:
    """The board's meetings as the Meetings page lists them."""
    return [meeting_row(meeting, today) for meeting in list_meetings(session, board_id)]


def _status_color(row: MeetingRow) -> QColor | None:
    return MUTED.color() if row.status is MeetingStatus.CANCELLED else None


class MeetingTableModel(RowTableModel[MeetingRow]):
    COL_DATE, COL_TIME, COL_TITLE, COL_VENUE, COL_STATUS, COL_PAPERS, COL_SERIES = range(7)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("MeetingTableModel", "Date"),
            lambda r: format_date(r.starts_at),
            lambda r: r.starts_at,
            _status_color,
        ),
        Column(
            QT_TRANSLATE_NOOP("MeetingTableModel", "Time"),
            lambda r: r.when,
            lambda r: r.starts_at.time(),
            _status_color,
        ),
        Column(
            QT_TRANSLATE_NOOP("MeetingTableModel", "Title"), lambda r: r.title, color=_status_color
        ),
        Column(
            QT_TRANSLATE_NOOP("MeetingTableModel", "Venue"), lambda r: r.where, color=_status_color
        ),
        Column(
            QT_TRANSLATE_NOOP("MeetingTableModel", "Status"),
            lambda r: label_of(r.status),
            lambda r: list(MeetingStatus).index(r.status),
        ),
        Column(
            QT_TRANSLATE_NOOP("MeetingTableModel", "Papers"),
            lambda r: r.papers,
            lambda r: r.papers_due,
            lambda r: OVERDUE.color() if r.overdue else _status_color(r),
        ),
        Column(QT_TRANSLATE_NOOP("MeetingTableModel", "Series"), lambda r: r.kind),
    )


def _clash_color(row: PlannedMeeting) -> QColor | None:
    return WARNING.color() if row.clash else None


class SeriesPreviewModel(RowTableModel[PlannedMeeting]):
    """What a new series will create, one line per meeting, before anything is saved."""

    COL_DATE, COL_TIME, COL_PAPERS, COL_NOTE = range(4)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("SeriesPreviewModel", "Meeting"),
            lambda r: format_date(r.starts_at),
            lambda r: r.starts_at,
            _clash_color,
        ),
        Column(QT_TRANSLATE_NOOP("SeriesPreviewModel", "Time"), lambda r: f"{r.starts_at:%H:%M}"),
        Column(
            QT_TRANSLATE_NOOP("SeriesPreviewModel", "Papers due"),
            lambda r: format_date(r.papers_due),
            lambda r: r.papers_due,
        ),
        Column(
            QT_TRANSLATE_NOOP("SeriesPreviewModel", "Note"),
            lambda r: f"⚠ {r.clash}" if r.clash else "",
            color=_clash_color,
        ),
    )
