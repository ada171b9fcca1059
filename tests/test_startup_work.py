"""What opening the window costs: the page shown is filled once, the pages waiting hidden
in the stack are filled when they are shown, and nothing else is read."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import pytest

from boardroom import cli
from boardroom.ui import app
from boardroom.ui.context import AppContext
from boardroom.ui.main_window import MainWindow
from boardroom.ui.pages import PAGES
from boardroom.ui.settings_store import SettingsStore


@pytest.fixture
def refreshed(monkeypatch) -> Counter:
    counts: Counter = Counter()
    for entry in PAGES:
        page_type = entry.page_type()
        original = page_type.refresh

        def counting(page, original=original) -> None:
            counts[page.key] += 1
            original(page)

        monkeypatch.setattr(page_type, "refresh", counting)
    return counts


def test_the_window_fills_only_the_page_it_opens_on(qtbot, demo_database, refreshed):
    window = MainWindow(AppContext(demo_database))
    qtbot.addWidget(window)
    window.show()
    assert refreshed == {"dashboard": 1}
    assert window.current_page().stack.currentWidget() is window.current_page().body
    window.go_to(2)
    assert window.current_page().key == "actions"
    assert refreshed == {"dashboard": 1, "actions": 1}
    assert window.current_page().model.rowCount() > 0
    window.context.data_changed.emit()  # a change: only the page on screen reloads now
    assert refreshed == {"dashboard": 1, "actions": 2}
    window.go_to(0)
    assert refreshed == {"dashboard": 2, "actions": 2}, "shown again, so read again"


def test_a_restored_page_other_than_the_first_is_filled_once(qtbot, demo_database, refreshed):
    store = SettingsStore()
    store.save_window(b"", b"", "people")
    window = MainWindow(AppContext(demo_database), store)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page().key == "people"
    assert refreshed["people"] == 1
    assert set(refreshed) <= {"dashboard", "people"}


def test_opening_the_window_does_not_load_the_command_line_s_modules():
    probe = (
        "import sys\n"
        "from boardroom import cli\n"
        "cli._run_gui = lambda args: print(args.database, sorted(\n"
        "    m for m in sys.modules if m.startswith('boardroom.commands'))) or 0\n"
        "raise SystemExit(cli.main(['--database', 'sqlite:///x.db']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "sqlite:///x.db []"


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--database", "sqlite:///x.db"], True),
        (["gui"], False),  # the full parser says the same, through the command
        (["--version"], False),
        (["--help"], False),
        (["--database", "sqlite:///x.db", "meetings", "list"], False),
    ],
)
def test_only_the_window_s_own_arguments_skip_the_full_parser(argv, window):
    assert (cli._window_only(argv) is not None) is window


HEAVY = ("alembic", "dateutil", "docx", "holidays", "icalendar", "openpyxl", "xlsxwriter")
OPEN_THE_WINDOW = """
import sys
from boardroom.storage.database import open_database
from boardroom.ui.app import create_application
from boardroom.ui.context import AppContext
from boardroom.ui.main_window import MainWindow
app = create_application()
window = MainWindow(AppContext(open_database(sys.argv[1])))
window.show()
app.processEvents()
assert window.current_page().key == "dashboard"
assert "Open" in window.current_page().counts_label.text()
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2:]))))
"""


def test_the_window_opens_on_the_dashboard_without_the_heavy_libraries(demo_database):
    url = demo_database.url.render_as_string(hide_password=False)
    demo_database.close()

    def loaded() -> str:
        command = [sys.executable, "-c", OPEN_THE_WINDOW, url, *HEAVY]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    first = loaded().split()
    assert "holidays" in first, "the first start works the bank holidays out"
    assert set(first) <= {"holidays", "dateutil"}, "(holidays uses dateutil itself)"
    assert loaded().split() == [], "later starts read them from the cache"


def test_the_window_opens_on_the_dashboard_before_the_orm_is_loaded(demo_file):
    """The first screen reads with Core: SQLAlchemy's ORM and the models, a fifth of a
    second of every start, are loaded only once the window is up — and then they are. The
    garbage collector is held for the start and runs again, start-up's objects frozen,
    once the rest is loaded (boardroom.collector)."""
    probe = (
        "import gc, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from boardroom import cli\n"
        "from boardroom.ui import app\n"
        "def loaded():\n"
        "    orm = 'sqlalchemy.orm' in sys.modules, 'boardroom.storage.models' in sys.modules\n"
        "    return [*orm, gc.isenabled(), gc.get_freeze_count() > 0]\n"
        "def shown(window, qt_app, target):\n"
        "    page = window.current_page()\n"
        "    print(page.key, page.model.rowCount(), page.counts_label.text(), *loaded(), sep='|')\n"
        "    QTimer.singleShot(0, lambda: print(*loaded(), sep='|') or qt_app.exit(0))\n"
        "app._smoke_test = shown\n"
        f"raise SystemExit(cli.main(['--database', {str(demo_file.url)!r}]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", app.SMOKE_TEST_VAR: "1"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    shown, then = result.stdout.splitlines()
    key, rows, counts, orm, models, collecting, frozen = shown.split("|")
    assert (key, orm, models, collecting, frozen) == ("dashboard", *["False"] * 4)
    assert int(rows) == 4 and counts.startswith("Open 4 · Overdue 4"), "the Dashboard is filled"
    assert then == "True|True|True|True", "and the rest is loaded once the window is up"


def test_the_window_is_painted_before_the_rest_is_loaded(demo_file):
    """Showing a window only asks for it to be drawn; work queued behind a zero-delay timer
    ran before the first paint and kept the new window blank for the ORM's tenth of a
    second. The rest now waits for the window's first paint (a normal start, not the smoke
    test, whose picture of the window paints it too)."""
    probe = (
        "import uuid\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "from boardroom import cli\n"
        "from boardroom.ui import app, single_instance\n"
        "single_instance.server_name = lambda name=uuid.uuid4().hex: f'boardroom-{name}'\n"
        "painted = []\n"
        "class Watch(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if watched is self.parent() and event.type() == QEvent.Type.Paint:\n"
        "            painted.append(True)\n"
        "        return False\n"
        "show = app.MainWindow.show\n"
        "def watched_show(window):\n"
        "    window.installEventFilter(Watch(window))\n"
        "    show(window)\n"
        "app.MainWindow.show = watched_show\n"
        "load = app.load_the_rest\n"
        "def loading(window, database):\n"
        "    print('painted before the rest:', bool(painted), flush=True)\n"
        "    QTimer.singleShot(0, window.close)\n"
        "    return load(window, database)\n"
        "app.load_the_rest = loading\n"
        f"raise SystemExit(cli.main(['--database', {str(demo_file.url)!r}]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(app.SMOKE_TEST_VAR, None)
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "painted before the rest: True" in result.stdout.splitlines()


def test_the_window_s_modules_that_are_not_qt_are_loaded_before_qt(demo_file):
    """PySide6 reads the source of every module imported after it (its ``__feature__``
    import hook), so SQLAlchemy, the database's driver and the Dashboard's services come
    first — and the command line itself loads none of them before the collector is held."""
    probe = (
        "import sys\n"
        "from boardroom import cli\n"
        "print('sqlalchemy' in sys.modules)\n"
        "cli._load_before_qt(sys.argv[1])\n"
        "wanted = ('sqlite3', 'sqlalchemy.dialects.sqlite', 'boardroom.services.dashboard')\n"
        "print('PySide6' in sys.modules, all(name in sys.modules for name in wanted))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(demo_file.url)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.split() == ["False", "False", "True"]


def test_the_collector_is_held_and_resumed_only_by_its_holder():
    probe = (
        "import gc\n"
        "from boardroom import collector\n"
        "collector.hold()\n"
        "held = gc.isenabled()\n"
        "collector.resume()\n"
        "print(held, gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "gc.disable()  # switched off by someone else: theirs to switch on again\n"
        "collector.hold()\n"
        "collector.resume()\n"
        "print(gc.isenabled())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "True", "True", "False"]
