"""What opening the window costs: the page shown is filled once, the pages waiting hidden
in the stack are filled when they are shown, and nothing else is read."""

from __future__ import annotations

from collections import Counter

import pytest

from boardroom.ui.context import AppContext
from boardroom.ui.main_window import MainWindow
from boardroom.ui.pages import PAGE_TYPES
from boardroom.ui.settings_store import SettingsStore


@pytest.fixture
def refreshed(monkeypatch) -> Counter:
    counts: Counter = Counter()
    for page_type in PAGE_TYPES:
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
