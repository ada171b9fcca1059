"""The plan import wizard: choose the file and the plan it updates, map a spreadsheet's
columns, check what was read and what it would change, then import it in one transaction.

The file is read off the GUI thread (a long Word plan takes a moment), behind a progress
indicator; nothing is stored before *Import* is pressed, and a file that cannot be read
says which table and row is wrong on the last page, with *Import* left disabled."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
from boardroom.services.plan_import import ParsedPlan, read_plan_file
from boardroom.services.plan_sheet import SUFFIXES, Sheet, field_labels, guess_mapping, read_sheet
from boardroom.services.plan_store import ImportOutcome, preview_plan, store_plan
from boardroom.services.plans import plans_of_board
from boardroom.ui.background import BackgroundTask, Progress, run_in_background
from boardroom.ui.colours import GOOD, OVERDUE, WARNING
from boardroom.ui.context import AppContext
from boardroom.ui.icons import icon

NEW_PLAN = -1
FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE = range(3)


def _label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose &-letter moves to its field (Alt+F for the file, and so on)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


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
        self.path.setPlaceholderText(self.tr("The plan's .docx, .csv or .xlsx file"))
        self.path.textChanged.connect(lambda _text: self.completeChanged.emit())
        browse = QPushButton(icon("open"), self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addRow(_label(self.tr("&File"), self.path), row)
        self.target = QComboBox()
        layout.addRow(_label(self.tr("&Update"), self.target), self.target)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Title of the new plan (default: from the file)"))
        layout.addRow(_label(self.tr("&Title"), self.title), self.title)
        self.target.currentIndexChanged.connect(
            lambda _i: self.title.setEnabled(self.target.currentData() == NEW_PLAN)
        )
        hint = QLabel(
            self.tr(
                "Items are matched by number: importing a newer version updates them and keeps "
                "their RAG history and the actions that serve them."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout.addRow("", hint)

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
                self.owner.sheet = read_sheet(path)  # the headings, for the mapping page
            elif not path.is_file():
                raise BoardroomError(self.tr("The file “{0}” does not exist.").format(path))
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Import a plan"), error.message)
            return False
        return True

    def nextId(self) -> int:
        suffix = Path(self.path.text().strip()).suffix.casefold()
        return MAPPING_PAGE if suffix in SUFFIXES else PREVIEW_PAGE


# The plan's fields as the mapping page names them, in the user's language; the service's
# own names (field_labels) are the headings it recognises in a file, and stay English.
FIELD_NAMES = {
    "number": QT_TRANSLATE_NOOP("_MappingPage", "No."),
    "activity": QT_TRANSLATE_NOOP("_MappingPage", "Planned activity"),
    "desired_outcome": QT_TRANSLATE_NOOP("_MappingPage", "Desired Outcome"),
    "target": QT_TRANSLATE_NOOP("_MappingPage", "Target Date"),
    "lead": QT_TRANSLATE_NOOP("_MappingPage", "Lead"),
    "measure": QT_TRANSLATE_NOOP("_MappingPage", "Measure"),
    "section": QT_TRANSLATE_NOOP("_MappingPage", "Section No."),
    "recommendation": QT_TRANSLATE_NOOP("_MappingPage", "Recommendation"),
    "outcome": QT_TRANSLATE_NOOP("_MappingPage", "Priority outcome"),
}


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
        for name in field_labels():
            box = QComboBox()
            self.boxes[name] = box
            self.form.addRow(self.tr(FIELD_NAMES[name]), box)

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
    """What was read and what importing it would change, before anything is stored."""

    def __init__(self, wizard: PlanImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.task: BackgroundTask[ParsedPlan | BoardroomError] | None = None
        self.setTitle(self.tr("Check what was read"))
        self.setSubTitle(
            self.tr("Nothing is stored until you press Import, and then all of it at once.")
        )
        layout = QVBoxLayout(self)
        self.report = QTextBrowser()
        layout.addWidget(self.report)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))

    def initializePage(self) -> None:
        self.owner.parsed = None
        path, mapping = self.owner.path, self.owner.mapping
        assert path is not None
        self.report.setHtml(f"<p><i>{escape(self.tr('Reading {0}…').format(path.name))}</i></p>")

        def work(_progress: Progress) -> ParsedPlan | BoardroomError:
            # A file that cannot be read is an answer for this page, not a failure.
            try:
                return read_plan_file(path, mapping)
            except BoardroomError as error:
                return error

        def show(result: ParsedPlan | BoardroomError) -> None:
            if task is self.task:  # not a read the user went Back from and started again
                self._show(result)

        task = self.task = run_in_background(
            self,
            self.tr("Reading {0}…").format(path.name),
            work,
            show,
            title=self.owner.windowTitle(),
        )

    def _show(self, result: ParsedPlan | BoardroomError) -> None:
        if isinstance(result, ParsedPlan):
            try:
                with self.owner.context.database.sessions() as session:
                    preview = preview_plan(
                        session,
                        self.owner.board_id,
                        result,
                        plan_title=self.owner.plan_title(result),
                    )
            except BoardroomError as error:
                result = error
        if isinstance(result, BoardroomError):
            self.report.setHtml(
                f'<p style="color:{OVERDUE.css()}">'
                f"<b>{self.tr('This file cannot be imported.')}</b></p>"
                f"<p>{escape(result.message)}</p><p>{self.tr('Nothing has been imported.')}</p>"
            )
        else:
            self.owner.parsed = result
            self.report.setHtml(self._describe(result, preview))
        self.completeChanged.emit()

    def _describe(self, parsed: ParsedPlan, outcome: ImportOutcome) -> str:
        new, changed = set(outcome.new), set(outcome.changed)
        tags = {
            number: f' <span style="color:{GOOD.css()}"><b>{self.tr("new")}</b></span>'
            for number in new
        } | {
            number: f' <span style="color:{WARNING.css()}"><b>{self.tr("changed")}</b></span>'
            for number in changed
        }
        lines = [
            f"<p><b>{escape(parsed.title)}</b>: "
            + self.tr("{0} recommendations, {1} activities.").format(
                len(parsed.sections), parsed.item_count
            )
            + f"</p><p>{escape(outcome.summary(done=False))}</p>"
        ]
        for number in sorted(parsed.sections):
            section = parsed.sections[number]
            lines.append(f"<h4>{number}. {escape(section.outcome or section.recommendation)}</h4>")
            lines.append(
                "<ul>"
                + "".join(
                    f"<li><b>{escape(item.number)}</b> {escape(item.activity)} "
                    f"<i>({escape(item.target or '-')})</i>{tags.get(item.number, '')}</li>"
                    for item in section.items
                )
                + "</ul>"
            )
        return "".join(lines)

    def isComplete(self) -> bool:
        return self.owner.parsed is not None


class PlanImportWizard(QWizard):
    def __init__(
        self, context: AppContext, plan_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        assert context.board_id is not None, "a plan is imported into the board shown"
        self.board_id: int = context.board_id
        self.path: Path | None = None
        self.sheet: Sheet | None = None
        self.mapping: dict[str, int] | None = None
        self.parsed: ParsedPlan | None = None
        self.setWindowTitle(self.tr("Import an improvement plan"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(760, 580)
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.preview_page = _PreviewPage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(PREVIEW_PAGE, self.preview_page)
        with context.database.sessions() as session:
            plans = plans_of_board(session, self.board_id)
        self.plan_titles = dict(plans)
        for existing_id, title in plans:
            self.file_page.target.addItem(self.tr("The plan “{0}”").format(title), existing_id)
        self.file_page.target.addItem(self.tr("A new plan"), NEW_PLAN)
        self.file_page.target.setCurrentIndex(
            max(self.file_page.target.findData(plan_id), 0) if plan_id else 0
        )

    def plan_title(self, parsed: ParsedPlan) -> str:
        """The plan to update, or the title of the new one (by default the file's own)."""
        target = self.file_page.target.currentData()
        if target == NEW_PLAN:
            return self.file_page.title.text().strip() or parsed.title
        return self.plan_titles[target]

    def accept(self) -> None:
        if self.parsed is None:
            return
        try:
            with self.context.database.transaction() as session:
                outcome = store_plan(
                    session, self.board_id, self.parsed, plan_title=self.plan_title(self.parsed)
                )
        except BoardroomError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return
        self.context.data_changed.emit()
        self.context.status_message.emit(outcome.summary())
        super().accept()
