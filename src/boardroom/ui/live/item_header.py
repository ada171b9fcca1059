"""The current item at the top of the live view: number, title, its clock against the time
allotted (amber near the end, red once over), and who presents it for what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from boardroom.services.live_minutes import LiveItem
from boardroom.services.timetable import AgendaLine
from boardroom.ui.labels import label_of
from boardroom.ui.live.models import clock, timer_color
from boardroom.ui.theme import emphasised, muted_text

# The item's number and title read from across the table; its clock just under them.
HEADING_POINTS = 15
TIMER_POINTS = 14


class ItemHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        heading = QHBoxLayout()
        heading.setSpacing(10)
        self.number = emphasised(QLabel(), point_size=HEADING_POINTS)
        self.number.setObjectName("itemNumber")
        self.number.setForegroundRole(QPalette.ColorRole.Highlight)
        self.title = emphasised(QLabel(), point_size=HEADING_POINTS)
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        self.timer = QLabel()
        self.timer.setObjectName("itemTimer")
        font = self.timer.font()
        font.setPointSizeF(TIMER_POINTS)
        self.timer.setFont(font)
        self.timer.setToolTip(self.tr("Time on this item / time allotted"))
        heading.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignTop)
        self.meta = muted_text(QLabel())
        self.meta.setObjectName("itemMeta")
        layout.addLayout(heading)
        layout.addWidget(self.meta)

    def show_item(self, line: AgendaLine, item: LiveItem) -> None:
        self.number.setText(line.number)
        self.title.setText(item.title)
        meta = [self.tr("Presenter: {0}").format(item.presenter) if item.presenter else ""]
        meta += [
            label_of(item.purpose),
            self.tr("Confidential (Part 2)") if item.confidential else "",
        ]
        self.meta.setText(" · ".join(part for part in meta if part))

    def show_timer(self, seconds: int, allotted_minutes: int) -> None:
        self.timer.setText(f"{clock(seconds)} / {allotted_minutes}:00")
        color = timer_color(seconds, allotted_minutes)
        self.timer.setStyleSheet(f"color: {color.name()};" if color else "")

    def say(self, text: str) -> None:
        """A line in place of an item (an agenda not built yet)."""
        self.number.clear()
        self.timer.clear()
        self.meta.clear()
        self.title.setText(text)
