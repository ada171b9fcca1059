"""The Dashboard's deadline view: the meetings whose papers have not gone out yet, when they
are due, how many working days are left, and what is still missing from each agenda — items
without a presenter, papers not attached — with the button that opens the agenda."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from boardroom.dates import format_date
from boardroom.services.papers_due import Readiness, upcoming_readiness
from boardroom.storage.reader import Reader
from boardroom.ui import colours
from boardroom.ui.context import AppContext
from boardroom.ui.models.table import Column, RowTableModel, SearchProxy
from boardroom.ui.table_view import button, fit_columns, fit_rows, on_activate, table_view
from boardroom.ui.theme import emphasised


def _tr(text: str) -> str:
    """Translation of a text already marked with QT_TRANSLATE_NOOP("DeadlinesModel", …)."""
    return QCoreApplication.translate("DeadlinesModel", text)


NO_AGENDA = QT_TRANSLATE_NOOP("DeadlinesModel", "No agenda yet")
READY = QT_TRANSLATE_NOOP("DeadlinesModel", "Ready to circulate")
NO_PRESENTER = QT_TRANSLATE_NOOP("DeadlinesModel", "{0} without a presenter")
NO_PAPERS = QT_TRANSLATE_NOOP("DeadlinesModel", "{0} without papers")
DAYS_LEFT = QT_TRANSLATE_NOOP("DeadlinesModel", "{0} working days")
ONE_DAY_LEFT = QT_TRANSLATE_NOOP("DeadlinesModel", "1 working day")
DUE_TODAY = QT_TRANSLATE_NOOP("DeadlinesModel", "due today")
OVERDUE = QT_TRANSLATE_NOOP("DeadlinesModel", "overdue by {0}")


def missing_text(row: Readiness) -> str:
    if not row.item_count:
        return _tr(NO_AGENDA)
    if row.ready:
        return _tr(READY)
    parts = []
    if row.without_presenter:
        parts.append(_tr(NO_PRESENTER).format(len(row.without_presenter)))
    if row.without_papers:
        parts.append(_tr(NO_PAPERS).format(len(row.without_papers)))
    return " · ".join(parts)


def left_text(row: Readiness) -> str:
    days = row.working_days_left
    if days > 1:
        return _tr(DAYS_LEFT).format(days)
    if days == 1:
        return _tr(ONE_DAY_LEFT)
    if days == 0:
        return _tr(DUE_TODAY)
    return _tr(OVERDUE).format(-days)


def _left_color(row: Readiness) -> QColor | None:
    if row.working_days_left < 0:
        return colours.OVERDUE.color()
    return colours.WARNING.color() if row.working_days_left <= 1 and not row.ready else None


def _missing_color(row: Readiness) -> QColor | None:
    return colours.GOOD.color() if row.ready else None


class DeadlinesModel(RowTableModel[Readiness]):
    COL_MEETING, COL_DUE, COL_LEFT, COL_MISSING = range(4)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("DeadlinesModel", "Meeting"),
            lambda r: f"{format_date(r.starts_at)} {r.starts_at:%H:%M} · {r.title}",
            lambda r: r.starts_at,
        ),
        Column(
            QT_TRANSLATE_NOOP("DeadlinesModel", "Papers due"),
            lambda r: format_date(r.deadline),
            lambda r: r.deadline,
        ),
        Column(
            QT_TRANSLATE_NOOP("DeadlinesModel", "Left"),
            left_text,
            lambda r: r.working_days_left,
            _left_color,
        ),
        Column(
            QT_TRANSLATE_NOOP("DeadlinesModel", "Still missing"),
            missing_text,
            lambda r: len(r.without_presenter) + len(r.without_papers) + (not r.item_count),
            _missing_color,
        ),
    )


class DeadlinesPanel(QWidget):
    """Lists what ``upcoming_readiness`` says; Enter, a double-click or the button opens
    the selected meeting's agenda."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading_row = QHBoxLayout()
        heading_row.addWidget(emphasised(QLabel(self.tr("Papers deadlines"))))
        self.summary = QLabel()
        self.summary.setEnabled(False)
        heading_row.addWidget(self.summary, 1)
        self.open_button = button(
            "list", self.tr("Open agenda"), self.tr("Open the selected meeting's agenda (Enter)")
        )
        self.open_button.clicked.connect(self.open_selected)
        heading_row.addWidget(self.open_button)
        layout.addLayout(heading_row)
        self.model = DeadlinesModel(self)
        self.proxy = SearchProxy(self.model, self)
        self.view = table_view(self.proxy, DeadlinesModel.COL_MEETING)
        on_activate(self.view, self.open_selected)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        layout.addWidget(self.view)
        self.details = QLabel()
        self.details.setWordWrap(True)
        layout.addWidget(self.details)

    def refresh(self, reader: Reader, board_id: int, today: date) -> None:
        rows = upcoming_readiness(reader, today, board_id)
        self.model.set_rows(rows)
        self.view.setVisible(bool(rows))
        self.open_button.setVisible(bool(rows))
        self.summary.setText(
            self.tr("{0} meetings waiting for their papers").format(len(rows))
            if rows
            else self.tr("No meeting is waiting for its papers.")
        )
        fit_rows(self.view, len(rows), 5)
        if rows:
            fit_columns(self.view)
            self.view.selectRow(0)
        self._show_details()

    def selected(self) -> Readiness | None:
        index = self.view.currentIndex()
        return self.proxy.row_at(index.row()) if index.isValid() else None

    def _show_details(self) -> None:
        row = self.selected()
        if row is None or row.ready or not row.item_count:
            self.details.setText("")
            self.details.hide()
            return
        lines = []
        if row.without_presenter:
            lines.append(
                self.tr("Without a presenter: {0}").format(", ".join(row.without_presenter))
            )
        if row.without_papers:
            lines.append(self.tr("Without papers: {0}").format(", ".join(row.without_papers)))
        self.details.setText("<br>".join(lines))
        self.details.show()

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            # Imported when first wanted: the workspace (agenda editor, live minutes, Word
            # exports) is a third of the UI, and the Dashboard opens without it.
            from boardroom.ui.meeting_workspace import open_workspace

            open_workspace(self.context, row.meeting_id, self).show_agenda()
