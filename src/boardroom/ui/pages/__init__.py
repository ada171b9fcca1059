"""The pages of the navigation sidebar, registered in ``PAGES``.

A page's module is imported only when the page is first shown: the window opens on one page,
and importing the other four (with their dialogs, models and services) would add a third to
every start. So the sidebar is drawn from these entries, not from the page classes.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from boardroom.ui.pages.base import Page


class PageEntry(NamedTuple):
    key: str  # stable: remembered as the last page shown
    title: str  # marked for the translator under "Page"; see tr_title
    icon_name: str
    location: str  # "module:Class" of its Page subclass

    def tr_title(self) -> str:
        return QCoreApplication.translate("Page", self.title)

    def page_type(self) -> type[Page]:
        module, _, name = self.location.partition(":")
        return getattr(import_module(module), name)


PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        "dashboard",
        QT_TRANSLATE_NOOP("Page", "Dashboard"),
        "dashboard",
        "boardroom.ui.pages.dashboard:DashboardPage",
    ),
    PageEntry(
        "meetings",
        QT_TRANSLATE_NOOP("Page", "Meetings"),
        "meetings",
        "boardroom.ui.pages.meetings:MeetingsPage",
    ),
    PageEntry(
        "actions",
        QT_TRANSLATE_NOOP("Page", "Actions"),
        "actions",
        "boardroom.ui.pages.actions:ActionsPage",
    ),
    PageEntry(
        "plan", QT_TRANSLATE_NOOP("Page", "Plan"), "plan", "boardroom.ui.pages.plan:PlanPage"
    ),
    PageEntry(
        "people",
        QT_TRANSLATE_NOOP("Page", "People"),
        "people",
        "boardroom.ui.pages.people:PeoplePage",
    ),
)


def entry(key: str) -> PageEntry:
    return next(page for page in PAGES if page.key == key)


__all__ = ["PAGES", "PageEntry", "entry"]
