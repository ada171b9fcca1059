"""The line under the agenda tools: the meeting's clock, and a warning when it overruns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from boardroom.services.agenda_rows import AgendaView
from boardroom.ui.colours import NOTICE_BAR
from boardroom.ui.icons import icon

CALM = "#clockBar { border-radius: 4px; }"


def duration(minutes: int) -> str:
    """95 → "1 h 35 min", as a clerk reads an agenda's length."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return QCoreApplication.translate("ClockBar", "{0} min").format(rest)
    if not rest:
        return QCoreApplication.translate("ClockBar", "{0} h").format(hours)
    return QCoreApplication.translate("ClockBar", "{0} h {1} min").format(hours, rest)


class ClockBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.picture = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        row.addWidget(self.picture)
        row.addWidget(self.label, 1)
        self.overrunning = False

    def show_view(self, view: AgendaView) -> None:
        span = f"{view.starts_at:%H:%M}–{view.ends_at:%H:%M}"
        self.overrunning = view.overrun_minutes > 0
        self.picture.setPixmap(icon("clock").pixmap(16, 16))
        if not view.rows:
            text = self.tr("Meeting {0} · no items yet").format(span)
        elif self.overrunning:
            text = self.tr(
                "<b>Runs {0} over</b> — the agenda finishes at {1}, the meeting ends at {2}. "
                "Shorten items or move the end of the meeting."
            ).format(
                duration(view.overrun_minutes), f"{view.planned_end:%H:%M}", f"{view.ends_at:%H:%M}"
            )
        else:
            meeting_minutes = int((view.ends_at - view.starts_at).total_seconds() // 60)
            spare = meeting_minutes - view.allotted_minutes
            main = sum(1 for row in view.rows if row.parent_id is None)
            subs = len(view.rows) - main
            items = self.tr("{0} items").format(main) + (
                self.tr(" and {0} sub-items").format(subs) if subs else ""
            )
            text = self.tr("Meeting {0} · {1} · {2} allotted · finishes {3}{4}").format(
                span,
                items,
                duration(view.allotted_minutes),
                f"{view.planned_end:%H:%M}",
                self.tr(", {0} to spare").format(duration(spare))
                if spare
                else self.tr(", on time"),
            )
        self.label.setText(text)
        self.setStyleSheet(NOTICE_BAR.css("#clockBar") if self.overrunning else CALM)
