"""The pages of the navigation sidebar; each is one module, registered in ``PAGE_TYPES``."""

from boardroom.ui.pages.actions import ActionsPage
from boardroom.ui.pages.base import Page
from boardroom.ui.pages.dashboard import DashboardPage
from boardroom.ui.pages.meetings import MeetingsPage
from boardroom.ui.pages.people import PeoplePage
from boardroom.ui.pages.plan import PlanPage

PAGE_TYPES: tuple[type[Page], ...] = (
    DashboardPage,
    MeetingsPage,
    ActionsPage,
    PlanPage,
    PeoplePage,
)

__all__ = ["PAGE_TYPES", "Page"]
