"""What every sidebar page has in common."""

from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from boardroom.ui.context import AppContext
from boardroom.ui.pages import PageEntry, entry
from boardroom.ui.theme import emphasised
from boardroom.ui.widgets.empty_state import EmptyState


class Page(QWidget):
    """A sidebar page. Subclasses name themselves and refresh when the board changes.

    ``key`` names the page's entry in ``boardroom.ui.pages.PAGES``, which holds its title and
    icon (the sidebar shows them before the page exists). ``empty_headline`` and
    ``empty_hint`` are marked ``QT_TRANSLATE_NOOP("Page", ...)`` where they are written, so
    lupdate collects them, and translated here when shown.
    """

    key: ClassVar[str]
    empty_headline: ClassVar[str]
    empty_hint: ClassVar[str]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"page-{self.key}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        heading = emphasised(QLabel(self.entry().tr_title()), point_size=17)
        heading.setContentsMargins(0, 0, 0, 6)
        outer.addWidget(heading)
        self.stack = QStackedLayout()
        self.empty = EmptyState(
            self.entry().icon_name,
            QCoreApplication.translate("Page", self.empty_headline),
            QCoreApplication.translate("Page", self.empty_hint),
        )
        self.body = QWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.body)
        outer.addLayout(self.stack, 1)
        context.board_changed.connect(lambda _board: self._source_changed())
        context.data_changed.connect(self._source_changed)

    def _source_changed(self) -> None:
        """Reload for another board or changed data — unless this page waits hidden in the
        window's stack: the window reloads a page whenever it shows it, so reloading every
        page on every change (and all five at start-up) would only cost time."""
        if self.parentWidget() is not None and self.isHidden():
            return
        self.refresh()

    @classmethod
    def entry(cls) -> PageEntry:
        return entry(cls.key)

    def create_new(self) -> None:
        """What File → New (Ctrl+N) does on this page; pages that create records override it."""
        self.context.status_message.emit(
            QCoreApplication.translate("Page", "Nothing to create on this page.")
        )

    def apply_search(self, text: str) -> None:
        """The header's search box, applied to this page's list (pages with lists override)."""

    def refresh(self) -> None:
        """Reload from the database; pages without content yet show their empty state."""
        self.stack.setCurrentWidget(self.empty)
