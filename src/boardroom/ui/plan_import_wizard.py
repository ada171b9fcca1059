"""The plan import wizard: choose the file and the plan it updates, map a spreadsheet's
columns, check what was read, then import it in one transaction."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from boardroom.errors import BoardroomError
from boardroom.services.plan_import import ParsedPlan, read_plan_file, store_plan
from boardroom.services.plan_sheet import SUFFIXES, Sheet, field_labels, guess_mapping, read_sheet
from boardroom.services.plans import plans_of_board
from boardroom.ui.context import AppContext
from boardroom.ui.icons import icon

NEW_PLAN = -1
FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE = range(3)


class _FilePage(QWizardPage):
    def __init__(self, wizard: PlanImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the plan file"))
        self.setSubTitle(
            self.tr(
                "A Word document whose tables have the columns No., Planned activity, Desired "
                "Outcome, Target Date, Lead and Measure, or a CSV or Excel sheet."
            )
        )
        layout = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.textChanged.connect(lambda _text: self.completeChanged.emit())
        browse = QPushButton(icon("open"), self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addRow(self.tr("&File"), row)
        self.target = QComboBox()
        layout.addRow(self.tr("&Update"), self.target)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Title of the new plan (default: from the file)"))
        layout.addRow(self.tr("&Title"), self.title)
        self.target.currentIndexChanged.connect(
            lambda _i: self.title.setEnabled(self.target.currentData() == NEW_PLAN)
        )

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a plan"),
            str(Path.home()),
            self.tr("Plans (*.docx *.csv *.xlsx *.xlsm);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip()).expanduser()
        self.owner.path = path
        self.owner.sheet = None
        try:
            if path.suffix.casefold() in SUFFIXES:
                self.owner.sheet = read_sheet(path)
            elif not path.is_file():
                raise BoardroomError(f"The file “{path}” does not exist.")
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Import a plan"), error.message)
            return False
        return True

    def nextId(self) -> int:
        suffix = Path(self.path.text().strip()).suffix.casefold()
        return MAPPING_PAGE if suffix in SUFFIXES else PREVIEW_PAGE


class _MappingPage(QWizardPage):
    """One drop-down per plan field listing the sheet's columns, pre-set from the headings."""

    def __init__(self, wizard: PlanImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Say which column holds each part of the plan. No. and Planned activity are "
                "needed; a Section or Recommendation column is optional."
            )
        )
        self.form = QFormLayout(self)
        self.boxes: dict[str, QComboBox] = {}
        for name, label in field_labels().items():
            box = QComboBox()
            self.boxes[name] = box
            self.form.addRow(self.tr(label), box)

    def initializePage(self) -> None:
        sheet = self.owner.sheet
        assert sheet is not None
        guessed = guess_mapping(sheet.headers)
        for name, box in self.boxes.items():
            box.clear()
            box.addItem(self.tr("(not in this file)"), None)
            for column, header in enumerate(sheet.headers):
                box.addItem(header or self.tr("Column {0}").format(column + 1), column)
            if name in guessed:
                box.setCurrentIndex(guessed[name] + 1)

    def mapping(self) -> dict[str, int]:
        return {
            name: box.currentData()
            for name, box in self.boxes.items()
            if box.currentData() is not None
        }

    def validatePage(self) -> bool:
        self.owner.mapping = self.mapping()
        return True

    def nextId(self) -> int:
        return PREVIEW_PAGE


class _PreviewPage(QWizardPage):
    """What was read, before anything is stored; errors name the table and row."""

    def __init__(self, wizard: PlanImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Check what was read"))
        layout = QVBoxLayout(self)
        self.report = QTextBrowser()
        layout.addWidget(self.report)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))

    def initializePage(self) -> None:
        self.owner.parsed = None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            assert self.owner.path is not None
            parsed = read_plan_file(self.owner.path, self.owner.mapping)
        except BoardroomError as error:
            self.report.setHtml(
                f'<p style="color:#c62828"><b>{self.tr("This file cannot be imported.")}</b></p>'
                f"<p>{escape(error.message)}</p><p>{self.tr('Nothing has been imported.')}</p>"
            )
            self.completeChanged.emit()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.owner.parsed = parsed
        lines = [
            f"<p><b>{escape(parsed.title)}</b>: "
            + self.tr("{0} recommendations, {1} activities.").format(
                len(parsed.sections), parsed.item_count
            )
            + "</p>"
        ]
        for number in sorted(parsed.sections):
            section = parsed.sections[number]
            lines.append(f"<h4>{number}. {escape(section.outcome or section.recommendation)}</h4>")
            lines.append(
                "<ul>"
                + "".join(
                    f"<li><b>{escape(item.number)}</b> {escape(item.activity)} "
                    f"<i>({escape(item.target or '-')})</i></li>"
                    for item in section.items
                )
                + "</ul>"
            )
        self.report.setHtml("".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.parsed is not None


class PlanImportWizard(QWizard):
    def __init__(
        self, context: AppContext, plan_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.path: Path | None = None
        self.sheet: Sheet | None = None
        self.mapping: dict[str, int] | None = None
        self.parsed: ParsedPlan | None = None
        self.setWindowTitle(self.tr("Import an improvement plan"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(720, 560)
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.preview_page = _PreviewPage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(PREVIEW_PAGE, self.preview_page)
        with context.database.sessions() as session:
            plans = plans_of_board(session, context.board_id) if context.board_id else []
        self.plan_titles = dict(plans)
        for existing_id, title in plans:
            self.file_page.target.addItem(self.tr("The plan “{0}”").format(title), existing_id)
        self.file_page.target.addItem(self.tr("A new plan"), NEW_PLAN)
        self.file_page.target.setCurrentIndex(
            max(self.file_page.target.findData(plan_id), 0) if plan_id else 0
        )
        hint = QLabel(self.tr("Items are matched by number: a newer version updates them."))
        hint.setEnabled(False)
        self.file_page.layout().addRow("", hint)

    def accept(self) -> None:
        if self.parsed is None or self.context.board_id is None:
            return
        target = self.file_page.target.currentData()
        if target == NEW_PLAN:
            title = self.file_page.title.text().strip() or self.parsed.title
        else:
            title = self.plan_titles[target]
        try:
            with self.context.database.transaction() as session:
                outcome = store_plan(session, self.context.board_id, self.parsed, plan_title=title)
        except BoardroomError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return
        self.outcome = outcome
        self.context.data_changed.emit()
        self.context.status_message.emit(outcome.summary())
        super().accept()
