"""Every text the window shows reaches the translator.

A pseudo-translation is made the way a real one is (installers/translations.py: Qt's lupdate
over the UI package, then lrelease), with every text translated as «text». With it loaded,
the main window, each of its pages on the demo board, and the Settings, About and shortcut
dialogs must show no text without the marks: a text that is not wrapped for translation, or
wrapped in a way lupdate cannot see (a helper function, ``other_widget.tr``, a class attribute
not marked ``QT_TRANSLATE_NOOP``), shows up as itself and is reported with where it is.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCalendarWidget,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select

from boardroom.services.action_rows import GroupTotals
from boardroom.services.live_minutes import ActionLine, ReviewLine
from boardroom.services.plan_sheet import field_labels
from boardroom.storage.models import (
    ActionStatus,
    AttendanceStatus,
    Board,
    Meeting,
    MeetingStatus,
    Purpose,
    Rag,
    Role,
)
from boardroom.ui.about_dialog import AboutDialog
from boardroom.ui.actions_model import ActionsTableModel, GroupTotalsModel
from boardroom.ui.agenda.model import AgendaTreeModel
from boardroom.ui.context import AppContext
from boardroom.ui.dialogs.people import REGION_LABELS, BoardDialog
from boardroom.ui.labels import NAMES, label_of
from boardroom.ui.live.models import ActionsModel, ReviewModel
from boardroom.ui.live_minutes import LiveMinutesWindow
from boardroom.ui.main_window import MainWindow
from boardroom.ui.meeting_workspace import MeetingWorkspace
from boardroom.ui.models.meetings import MeetingTableModel
from boardroom.ui.models.people import MembershipTableModel
from boardroom.ui.models.register import RegisterTableModel
from boardroom.ui.pages import PAGES
from boardroom.ui.pages.actions import ActionsPage
from boardroom.ui.pages.meetings import MeetingsPage
from boardroom.ui.pages.people import PeoplePage
from boardroom.ui.pages.plan import PlanPage
from boardroom.ui.plan_import_wizard import FIELD_NAMES, PlanImportWizard
from boardroom.ui.plan_model import PlanTreeModel
from boardroom.ui.settings_dialog import SettingsDialog
from boardroom.ui.shortcuts_dialog import ShortcutsDialog

ROOT = Path(__file__).resolve().parent.parent
OPEN, CLOSE = "«", "»"
WORDS = re.compile(r"[A-Za-z]{2,}")
# What is rightly shown as it is: addresses, URLs, file paths, version numbers.
AS_IT_IS = re.compile(r"^([\w.+-]+@[\w.-]+|[a-z+]+://\S*|/\S*|v?\d+(\.\d+)+)$")


def _translations_module() -> ModuleType:
    path = ROOT / "installers" / "translations.py"
    spec = importlib.util.spec_from_file_location("boardroom_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory) -> Path:
    tool = _translations_module()
    ts_file = tool.extract(tmp_path_factory.mktemp("translations") / "boardroom_xx.ts")
    tree = ElementTree.parse(ts_file)
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        translation.text = f"{OPEN}{message.findtext('source')}{CLOSE}"
    tree.write(ts_file, encoding="utf-8")
    return tool.release(ts_file)


@pytest.fixture
def pseudo_translated(qapp, pseudo_qm) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _in_calendar(item: QObject) -> bool:
    """Month and day names of a calendar come from the locale, not from Boardroom."""
    while item is not None:
        if isinstance(item, QCalendarWidget):
            return True
        item = item.parent()
    return False


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for every text shown by ``widget`` and its visible children."""
    standard = {
        button
        for box in widget.findChildren(QDialogButtonBox)
        for button in box.buttons()
        if box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    }  # Qt's own words ("Save", "Cancel"), translated by Qt's translations
    for child in [widget, *widget.findChildren(QWidget)]:
        if child is not widget and not child.isVisibleTo(widget):
            continue
        if child in standard or _in_calendar(child) or isinstance(child, QHeaderView):
            continue  # a header view shows its table's headers, checked with the table
        kind = type(child).__name__
        yield f"{kind} tooltip", child.toolTip()
        yield f"{kind} title", child.windowTitle()
        if isinstance(child, QLabel | QAbstractButton):
            yield kind, child.text()
        if isinstance(child, QLineEdit):
            yield f"{kind} placeholder", child.placeholderText()
        if isinstance(child, QGroupBox):
            yield kind, child.title()
        if isinstance(child, QTabWidget):
            for index in range(child.count()):
                yield f"{kind} tab", child.tabText(index)
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            try:
                columns = model.columnCount()
            except TypeError:  # list widgets keep columnCount private
                columns = 0
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                yield f"{kind} column header", str(header or "")
    for action in widget.findChildren(QAction):
        if not _in_calendar(action):
            yield "menu or action", action.text()
            yield "action tooltip", action.toolTip() if action.toolTip() != action.text() else ""


def _untranslated(where: str, widget: QWidget) -> set[str]:
    found = set()
    for kind, text in _texts(widget):
        plain = re.sub(r"<[^>]*>", "", text or "").replace("&", "")
        if OPEN in plain or not WORDS.search(plain) or AS_IT_IS.match(plain.strip()):
            continue
        found.add(f"{where}: {kind} “{plain.strip()[:70]}”")
    return found


def test_every_text_of_the_window_and_its_pages_is_translated(
    qtbot, demo_database, pseudo_translated
):
    window = MainWindow(AppContext(demo_database))
    qtbot.addWidget(window)
    window.show()
    assert OPEN in window.windowTitle(), "the pseudo-translation is not loaded"
    problems = set()
    for row, entry in enumerate(PAGES):
        window.go_to(row)
        QCoreApplication.processEvents()
        problems |= _untranslated(f"{entry.key} page", window)
    assert not problems, "\n".join(sorted(problems))


def test_every_text_of_the_settings_about_and_shortcut_dialogs_is_translated(
    qtbot, demo_database, pseudo_translated
):
    window = MainWindow(AppContext(demo_database))
    qtbot.addWidget(window)
    problems = set()
    settings = SettingsDialog(window.store, demo_database.describe(), window)
    for dialog in (settings, AboutDialog(window), ShortcutsDialog(window)):
        qtbot.addWidget(dialog)
        dialog.show()
        problems |= _untranslated(type(dialog).__name__, dialog)
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        problems |= _untranslated(f"Settings tab {index}", settings)
    assert not problems, "\n".join(sorted(problems))


def _unseen_by_lupdate(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Translations lupdate cannot collect: ``other.tr("…")`` (filed under the variable's
    name, looked up under its class), a text built by formatting or concatenation before it
    is translated, and a helper like ``_tr("…")`` (lupdate knows only tr, translate and the
    QT_*_NOOP markers)."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Attribute) and function.attr in ("tr", "translate"):
            owner = function.value
            if function.attr == "tr" and not (isinstance(owner, ast.Name) and owner.id == "self"):
                yield node.lineno, f"{ast.unparse(function)}(…): use self.tr or translate"
            text = node.args[1 if function.attr == "translate" else 0] if node.args else None
            if isinstance(text, ast.JoinedStr | ast.BinOp):
                yield node.lineno, "a text built before it is translated: format it afterwards"
        elif (
            isinstance(function, ast.Name)
            and function.id.startswith("_tr")
            and node.args
            and isinstance(node.args[0], ast.Constant | ast.JoinedStr | ast.BinOp)
        ):
            yield node.lineno, f"{function.id}(…) with a text: lupdate cannot see it"


def test_every_translated_text_is_written_where_lupdate_can_find_it():
    ui = ROOT / "src" / "boardroom" / "ui"
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {problem}"
        for path in sorted(ui.rglob("*.py"))
        for line, problem in _unseen_by_lupdate(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not problems, "\n".join(problems)


# Calls whose texts are code, not words for the reader: object names, style sheets, icon
# and key names, log lines, colours, formats, patterns, programmers' errors.
CODE_CALLS = frozenset(
    {
        "setObjectName", "setStyleSheet", "setProperty", "property", "icon", "QIcon",
        "QKeySequence", "Key", "getLogger", "debug", "info", "warning", "error", "exception",
        "critical", "print", "QColor", "setDisplayFormat", "getenv", "get", "compile", "sub",
        "match", "search", "TypeVar", "resource", "horizontalAdvance", "findChild",
        "findChildren", "startswith", "endswith", "removeprefix", "ValueError", "TypeError",
        "KeyError", "RuntimeError", "AssertionError", "NotImplementedError",
    }
)  # fmt: skip
WRAPPERS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})
MARKUP = re.compile(r"<[^>]*>|^[^<]*>|<[^>]*$|&\w+;")  # tags, a tag's halves, entities
STYLE = re.compile(r"[{}]|^[;\s]*[a-z-]+\s*:\s")  # a style sheet or a piece of one
CAPITALISED = re.compile(r"^[A-Z][a-z]+$")  # "Online": a word, not a name like "GB-ENG"
# Words rightly left as they are, and why.
AS_WRITTEN = {
    ("agenda/papers.py", "Boardroom papers"): "a folder's name, not shown as words",
    ("dialogs/series.py", "MMMM yyyy"): "a Qt date format",
    ("dialogs/series.py", "ddd d MMM yyyy"): "a Qt date format",
    ("error_dialog.py", ", line "): "a traceback's place, as Python writes it",
    ("error_dialog.py", ", in "): "a traceback's place, as Python writes it",
    ("key_table.py", "Up"): "Qt's English key name, redrawn as an arrow",
    ("key_table.py", "Down"): "Qt's English key name, redrawn as an arrow",
    ("key_table.py", "Left"): "Qt's English key name, redrawn as an arrow",
    ("key_table.py", "Right"): "Qt's English key name, redrawn as an arrow",
    ("labels.py", "Labels"): "a translation context",
    ("live/inline_rows.py", "That "): "a resolution's first word, as the minutes word it",
    ("settings_store.py", "Boardroom"): "the organisation and application QSettings files under",
    ("theme.py", "Fusion"): "a Qt style's name",
}


def _unwrapped_texts(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Texts with words in them that reach no tr, translate or QT_TRANSLATE_NOOP: a model's
    cell (``"No owner"``), an f-string's words (``f"Plan {…}"``), a refusal raised by the
    window (``BoardroomError("Say what …")``). Docstrings, code words (single tokens like
    ``"export-word"``), markup and the arguments of ``CODE_CALLS`` are left alone."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, documented)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        text = MARKUP.sub("", node.value)
        if id(node) in docstrings or not WORDS.search(text) or STYLE.search(text):
            continue
        if not re.search(r"\s", text) and not CAPITALISED.match(text):
            continue  # a code word: an icon, a key, a setting, a file suffix
        if not any(_is_exempt(up) for up in _ancestors(node, parents)):
            yield node.lineno, node.value


def _ancestors(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> Iterator[ast.AST]:
    while node in parents:
        node = parents[node]
        yield node


def _is_exempt(node: ast.AST) -> bool:
    """Inside a translation, a code call, a comparison, an index or an assertion."""
    if isinstance(node, ast.Compare | ast.Subscript | ast.Assert):
        return True
    if not isinstance(node, ast.Call):
        return False
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    return name in WRAPPERS | CODE_CALLS


def test_no_words_of_the_window_are_left_out_of_the_translation():
    ui = ROOT / "src" / "boardroom" / "ui"
    found = {
        (path.relative_to(ui).as_posix(), text): line
        for path in sorted(ui.rglob("*.py"))
        if "bench" not in path.relative_to(ui).parts  # timing harnesses, never shown
        for line, text in _unwrapped_texts(ast.parse(path.read_text(encoding="utf-8")))
    }
    problems = [
        f"src/boardroom/ui/{path}:{line}: “{text}” is not wrapped for translation"
        for (path, text), line in found.items()
        if (path, text) not in AS_WRITTEN
    ]
    assert not problems, "\n".join(problems)
    assert set(AS_WRITTEN) <= set(found), "an allowance no longer needed"


def test_the_scan_finds_words_in_cells_f_strings_and_refusals():
    sample = ast.parse(
        "Column('Owner', lambda line: line.owner or 'No owner')\n"
        "def plan(line):\n"
        "    return f\"Plan {', '.join(line.numbers)}\" if line.numbers else ''\n"
        "tip = f'{line.title} — {line.minutes} minutes'\n"
        "def check(text):\n"
        "    if not text:\n"
        "        raise BoardroomError('Say what is to be done.')\n"
        "    return self.tr('Saved {0}').format(text), QT_TRANSLATE_NOOP('X', 'Due soon')\n"
        "button('export-word', self.tr('Word'))\n"
        "label.setStyleSheet('font-weight: 600;')\n"
    )
    assert {text for _line, text in _unwrapped_texts(sample)} == {
        "Owner",
        "No owner",
        "Plan ",
        " minutes",
        "Say what is to be done.",
    }


# --- the domain's names: statuses, roles, purposes and ratings ---------------------------

ENUMS = (MeetingStatus, Role, AttendanceStatus, ActionStatus, Purpose, Rag)
# A domain name read from the models instead of boardroom.ui.labels: ``status.label``,
# ``line.status_label``, ``quorum.text`` — English whatever the user's language.
MODEL_WORDING = re.compile(
    r"\b\w*(status|role|purpose|rag)\w*\.label\b|\.status_label\b|\b(count|counted|quorum)\.text\b"
)


def test_every_status_role_purpose_and_rating_has_a_name_for_the_translator():
    for enum in ENUMS:
        assert set(NAMES[enum]) == set(enum), f"{enum.__name__} has members without a name"
        for member in enum:
            assert label_of(member), member


def test_lupdate_collects_every_name_and_the_window_shows_them_translated(
    qtbot, demo_database, pseudo_translated
):
    for enum in ENUMS:
        for member in enum:
            assert label_of(member).startswith(OPEN), f"{member!r} never reaches the translator"
    context = AppContext(demo_database)
    with demo_database.sessions() as session:
        context.set_board(session.scalar(select(Board.id)))
        first_meeting = session.scalar(select(Meeting.id).order_by(Meeting.starts_at))
    meetings, people = MeetingsPage(context), PeoplePage(context)
    actions, plan = ActionsPage(context), PlanPage(context)
    workspace = MeetingWorkspace(context, first_meeting)
    for widget in (meetings, people, actions, plan, workspace):
        qtbot.addWidget(widget)
    for page in (meetings, people, actions, plan):
        page.refresh()
    columns = {
        "meeting status": (meetings.model, MeetingTableModel.COL_STATUS),
        "member role": (people.memberships, MembershipTableModel.COL_ROLE),
        "action status": (actions.model, ActionsTableModel.COL_STATUS),
        "register role": (workspace.attendance.model, RegisterTableModel.COL_ROLE),
        "register mark": (workspace.attendance.model, RegisterTableModel.COL_STATUS),
        "agenda purpose": (workspace.agenda.model, AgendaTreeModel.COL_PURPOSE),
    }
    problems = [
        f"{what}: “{text}”"
        for what, (model, column) in columns.items()
        for text in _column_texts(model, column)
        if not text.startswith(OPEN)
    ]
    problems += [
        f"plan rating: “{text}”"
        for section in range(plan.model.rowCount())
        for text in _column_texts(plan.model, PlanTreeModel.COL_RAG, plan.model.index(section, 0))
        if not text.startswith(OPEN)
    ]
    assert not problems, "\n".join(problems)
    assert all(
        workspace.status.itemText(index).startswith(OPEN)
        for index in range(workspace.status.count())
    )
    assert f"{OPEN}Minutes approved{CLOSE}" in workspace.subheading.text()
    assert f"{OPEN}Members present" in workspace.attendance.quorum_label.text()


def _column_texts(model, column: int, parent=None) -> list[str]:
    parent = parent if parent is not None else model.index(-1, -1)
    texts = [str(model.index(row, column, parent).data()) for row in range(model.rowCount(parent))]
    assert texts, f"{type(model).__name__} shows nothing to check"
    return texts


def test_the_window_names_the_domain_from_its_own_table():
    ui = ROOT / "src" / "boardroom" / "ui"
    problems = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(ui.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if MODEL_WORDING.search(line.split("#")[0])
    ]
    assert not problems, "use boardroom.ui.labels:\n" + "\n".join(problems)


def test_the_shortcut_card_lists_every_view_key_in_the_users_language(
    qtbot, demo_database, pseudo_translated
):
    window = MainWindow(AppContext(demo_database))
    qtbot.addWidget(window)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    untranslated = [
        f"{section}: {command}"
        for section, command, _keys in dialog.rows
        if OPEN not in section or not command.startswith(OPEN)
    ]
    assert not untranslated, "\n".join(untranslated)
    assert any("Ctrl+Shift+E" in keys for _section, _command, keys in dialog.rows)


# --- words the window puts beside the data ------------------------------------------------


def test_the_action_groups_without_a_name_are_named_in_the_users_language(
    qtmodeltester, pseudo_translated
):
    """The service leaves them unnamed (key None, or a section whose label it was not
    given); the group model names them through the translator."""
    counts = {"total": 2, "open": 2, "overdue": 1, "due_soon": 0}
    owners = GroupTotalsModel("owner", "Owner")
    owners.set_groups([GroupTotals(7, "Eifion Burke", **counts), GroupTotals(None, "", **counts)])
    sections = GroupTotalsModel("section", "Plan section")
    sections.set_groups(
        [GroupTotals(3, "", **counts), GroupTotals(None, "", **counts)], "section", "Plan section"
    )
    assert _column_texts(owners, GroupTotalsModel.COL_GROUP) == [
        "Eifion Burke",
        f"{OPEN}No owner{CLOSE}",
    ]
    assert _column_texts(sections, GroupTotalsModel.COL_GROUP) == [
        f"{OPEN}Plan section 3{CLOSE}",
        f"{OPEN}Not linked to the plan{CLOSE}",
    ]
    qtmodeltester.check(sections)


def test_the_live_minutes_words_beside_the_data_are_translated(
    qtbot, demo_database, pseudo_translated
):
    actions, review = ActionsModel(), ReviewModel()
    actions.set_rows([ActionLine(1, "IB-2019-01", "Circulate", "", None, ("1.3", "2.1"))])
    review.set_rows(
        [
            ReviewLine(
                1, "IB-2019-01", "Circulate", "", None, ActionStatus.OPEN, False, False, "", None
            )
        ]
    )
    assert actions.index(0, ActionsModel.COL_PLAN).data() == f"{OPEN}Plan 1.3, 2.1{CLOSE}"
    assert review.index(0, ReviewModel.COL_OWNER).data() == f"{OPEN}No owner{CLOSE}"
    with demo_database.sessions() as session:
        meeting = session.scalar(
            select(Meeting.id).where(Meeting.status == MeetingStatus.MINUTES_DRAFTED)
        )
    window = LiveMinutesWindow(AppContext(demo_database), meeting, desk="desk A")
    qtbot.addWidget(window)
    window.show()
    problems = []
    for row in range(window.agenda.rowCount()):
        window.go_to(row)
        title = window.agenda.row_at(row).title
        tip = window.agenda.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
        # The header's line: the presenter, the item's purpose, whether it is confidential.
        parts = window.header.meta.text().split(" · ")
        problems += [f"{title}: “{part}”" for part in parts if not part.startswith(OPEN)]
        problems += [] if tip.startswith(OPEN) else [f"{title}: agenda tooltip “{tip}”"]
        problems += [
            f"{title}: {found}"
            for found in _untranslated(title, window)
            if title[:60] not in found  # the item's own title, shown as it was written
        ]
    assert not problems, "\n".join(problems)


def test_the_actions_column_menu_names_the_columns_as_their_headings(
    qtbot, demo_database, pseudo_translated
):
    context = AppContext(demo_database)
    with demo_database.sessions() as session:
        context.set_board(session.scalar(select(Board.id)))
    page = ActionsPage(context)
    qtbot.addWidget(page)
    names = [action.text() for action in page.column_menu().actions()]
    assert f"{OPEN}Owner{CLOSE}" in names
    assert all(name.startswith(OPEN) for name in names), names


def test_the_plan_import_mapping_and_the_bank_holiday_regions_are_translated(
    qtbot, demo_database, pseudo_translated
):
    assert set(FIELD_NAMES) == set(field_labels()), "a plan field without its window name"
    context = AppContext(demo_database)
    with demo_database.sessions() as session:
        context.set_board(session.scalar(select(Board.id)))
    wizard = PlanImportWizard(context)
    qtbot.addWidget(wizard)
    form = wizard.mapping_page.form
    captions = [form.labelForField(box).text() for box in wizard.mapping_page.boxes.values()]
    assert captions and all(caption.startswith(OPEN) for caption in captions), captions
    dialog = BoardDialog(lambda _fields: None)
    qtbot.addWidget(dialog)
    regions = [dialog.region.itemText(index) for index in range(dialog.region.count())]
    assert len(regions) == len(REGION_LABELS)
    assert all(region.startswith(OPEN) for region in regions), regions
