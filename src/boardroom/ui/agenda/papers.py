"""The papers of one agenda item: attach (file dialog, or drop files here), open, detach.

Attaching copies each file into the data folder by its content hash, off the GUI thread (a
board pack can run to tens of megabytes); all the files chosen are attached in one
transaction, or none are. Opening hands a copy under the paper's own name to the system's
default application; that copy is made off the GUI thread too, since a desk of a shared
database may first have to fetch the paper from the server.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.agenda_rows import AgendaRow, PaperRow
from boardroom.services.papers import attach_paper, readable_copy, remove_paper
from boardroom.storage.models import Paper
from boardroom.ui.background import Progress, run_in_background
from boardroom.ui.context import AppContext
from boardroom.ui.models.table import Column, RowTableModel, SearchProxy
from boardroom.ui.table_view import button, fit_columns, fit_rows, on_activate, table_view
from boardroom.ui.theme import emphasised

PAPER_FILTER = QT_TRANSLATE_NOOP(
    "PapersPanel",
    "Papers (*.pdf *.docx *.doc *.xlsx *.xls *.pptx *.ppt *.odt *.ods *.csv *.txt);;All files (*)",
)


class PapersTableModel(RowTableModel[PaperRow]):
    COL_NAME, COL_TYPE, COL_SIZE = range(3)
    columns = (
        Column(QT_TRANSLATE_NOOP("PapersTableModel", "Name"), lambda r: r.filename),
        Column(QT_TRANSLATE_NOOP("PapersTableModel", "Type"), lambda r: r.kind),
        Column(
            QT_TRANSLATE_NOOP("PapersTableModel", "Size"), lambda r: r.size_text, lambda r: r.size
        ),
    )


def local_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    data = event.mimeData()
    return [url.toLocalFile() for url in data.urls() if url.isLocalFile()] if data else []


def open_folder() -> Path:
    """Where papers are copied under their own names to be opened."""
    temp = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    return Path(temp) / "Boardroom papers"


def attach_files(
    parent: QWidget, context: AppContext, item_id: int, paths: list[str], on_done
) -> None:
    """Attach ``paths`` to an item off the GUI thread; ``on_done(names)`` afterwards."""

    def work(progress: Progress) -> list[str]:
        names = []
        with context.database.transaction() as session:
            for done, path in enumerate(paths):
                progress.update(
                    done,
                    len(paths),
                    QCoreApplication.translate("AgendaPapers", "Copying {0}…").format(
                        Path(path).name
                    ),
                )
                names.append(attach_paper(session, item_id, Path(path)).filename)
        return names

    run_in_background(
        parent,
        QCoreApplication.translate("AgendaPapers", "Attaching papers…"),
        work,
        on_done,
        title=QCoreApplication.translate("AgendaPapers", "Attach papers"),
    )


class PapersPanel(QWidget):
    """Emits ``changed`` after a paper was attached or detached."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.row: AgendaRow | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        self.title = emphasised(QLabel())
        self.title.setContentsMargins(0, 6, 0, 0)
        heading.addWidget(self.title, 1)
        self.attach_button = button(
            "attach", self.tr("Attach…"), self.tr("Attach files to this item (or drop them here)")
        )
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button = button("open", self.tr("Open"), self.tr("Open the paper (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.detach_button = button("remove", self.tr("Detach"), self.tr("Detach the paper (Del)"))
        self.detach_button.clicked.connect(self.detach_selected)
        for widget in (self.attach_button, self.open_button, self.detach_button):
            heading.addWidget(widget)
        layout.addLayout(heading)
        self.model = PapersTableModel(self)
        self.proxy = SearchProxy(self.model, self)
        self.view = table_view(self.proxy, -1)
        self.view.setSortingEnabled(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PapersTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        on_activate(self.view, self.open_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.view)
        self.hint = QLabel(self.tr("No papers yet — attach files or drop them here."))
        self.hint.setEnabled(False)
        layout.addWidget(self.hint)
        self.show_row(None)

    def show_row(self, row: AgendaRow | None) -> None:
        same = row is not None and self.row is not None and row.item_id == self.row.item_id
        selected = self.selected()
        self.row = row
        papers = list(row.papers) if row else []
        self.model.set_rows(papers)
        self.title.setText(
            self.tr("Papers ({0})").format(len(papers)) if papers else self.tr("Papers")
        )
        self.hint.setVisible(row is not None and not papers)
        self.view.setVisible(bool(papers))
        if papers:  # measured once per item shown, not at every layout as Qt's own fit does
            fit_columns(self.view, (PapersTableModel.COL_TYPE, PapersTableModel.COL_SIZE))
        fit_rows(self.view, len(papers), 5)
        if same and selected is not None:
            for proxy_row in range(self.proxy.rowCount()):
                if self.proxy.row_at(proxy_row).paper_id == selected.paper_id:
                    self.view.selectRow(proxy_row)
        self._enable()

    def _enable(self) -> None:
        has_item = self.row is not None
        self.attach_button.setEnabled(has_item)
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.detach_button.setEnabled(chosen)

    def selected(self) -> PaperRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.proxy.row_at(index.row())

    # -- attaching -------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.row is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach papers to item {0}").format(self.row.number),
            folder,
            self.tr(PAPER_FILTER),
        )
        if paths:
            self.attach(paths)

    def attach(self, paths: list[str]) -> None:
        if self.row is None:
            return
        number = self.row.number

        def done(names: list[str]) -> None:
            self.context.status_message.emit(
                self.tr("Attached {0} to item {1}.").format(", ".join(names), number)
            )
            self.changed.emit()

        attach_files(self, self.context, self.row.item_id, paths, done)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.row is not None and local_files(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if self.row is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event)
        if self.row is not None and paths:
            event.acceptProposedAction()
            self.attach(paths)

    # -- opening and detaching -------------------------------------------------------------

    def open_selected(self) -> None:
        """Open a copy under the paper's own name. On a shared database a desk that has no
        copy yet fetches the bytes from the server first — a board pack of tens of megabytes
        — so the copy is made off the GUI thread, behind a progress dialog if it is slow."""
        chosen = self.selected()
        if chosen is None:
            return
        gone = self.tr("That paper is no longer attached.")

        def work(_progress: Progress) -> Path:
            with self.context.database.sessions() as session:
                paper = session.get(Paper, chosen.paper_id)
                if paper is None:
                    raise NotFoundError(gone)
                return readable_copy(paper, open_folder())

        def hand_over(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                QMessageBox.warning(
                    self,
                    self.tr("Open paper"),
                    self.tr("No application on this computer opens “{0}”.").format(chosen.filename),
                )

        run_in_background(
            self,
            self.tr("Fetching “{0}”…").format(chosen.filename),
            work,
            hand_over,
            title=self.tr("Open paper"),
            disable=(self.open_button,),
        )

    def detach_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or self.row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Detach paper"),
            self.tr("Detach “{0}” from item {1}? The original file is not affected.").format(
                chosen.filename, self.row.number
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.context.database.transaction() as session:
                remove_paper(session, chosen.paper_id)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Detach paper"), error.message)
            return
        self.context.status_message.emit(self.tr("Detached {0}.").format(chosen.filename))
        self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.view.hasFocus():
            self.detach_selected()
            return
        super().keyPressEvent(event)
