"""A list's columns as the clerk left them — widths, order, hidden columns, sort — kept per
user and given back in the next session: a clerk who widens the Owner column every
morning should have to do it once.

A page still lays a list out itself the first time (measured in its font, or to its
contents); it does so through :meth:`ColumnMemory.lay_out`, which gives back the clerk's
layout instead when there is one. Only the clerk's changes are kept: the page's own
sizing, columns it hides itself and a stretching column following the window's width are
not, so a list nobody has touched goes on being laid out afresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

from boardroom.ui.settings_store import SettingsStore

# A drag of a column's edge sends a resize per pixel: the layout is written once it rests.
SAVE_AFTER_MS = 400


class ColumnMemory(QObject):
    """Keeps the header of ``view`` under ``key`` (one key per list of the window)."""

    def __init__(
        self, view: QTableView | QTreeView, key: str, store: SettingsStore | None = None
    ) -> None:
        super().__init__(view)
        self.view = view
        self.key = key
        self.store = store or SettingsStore()
        self.kept = False  # the header holds the clerk's own layout
        self._asked = False
        self._arranging = False
        self._save_soon = QTimer(self)
        self._save_soon.setSingleShot(True)
        self._save_soon.setInterval(SAVE_AFTER_MS)
        self._save_soon.timeout.connect(self.save)
        header = self.header()
        header.sectionResized.connect(self._resized)
        header.sectionMoved.connect(lambda *_: self.changed())
        header.sortIndicatorChanged.connect(lambda *_: self.changed())

    def header(self) -> QHeaderView:
        view = self.view
        return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()

    def lay_out(self, default: Callable[[], None]) -> None:
        """The columns as the clerk left them, else as ``default()`` lays them out."""
        if not self._asked:
            self._asked = True
            self.kept = self._restore()
        if self.kept:
            return
        self._arranging = True
        try:
            default()
        finally:
            self._arranging = False

    def changed(self) -> None:
        """The clerk changed the columns (a page calls this for what the header cannot
        tell, such as a column shown or hidden from its menu)."""
        if self._arranging:
            return
        self.kept = True
        self._save_soon.start()

    def save(self) -> None:
        self._save_soon.stop()
        self.store.save_column_layout(self.key, self._columns(), self.header().saveState())

    def _columns(self) -> int:
        model = self.view.model()
        return model.columnCount() if model is not None else 0

    def _restore(self) -> bool:
        state = self.store.column_layout(self.key, self._columns())
        if state is None:
            return False
        header = self.header()
        self._arranging = True
        try:
            restored = header.restoreState(state)
            if restored and self.view.isSortingEnabled():
                self.view.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        finally:
            self._arranging = False
        return restored

    def _resized(self, section: int, old: int, new: int) -> None:
        header = self.header()
        follows_the_window = header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch
        last = header.stretchLastSection() and header.visualIndex(section) == header.count() - 1
        # Shown or hidden (a size of 0) is the page's doing unless it says otherwise.
        if old and new and not follows_the_window and not last:
            self.changed()
