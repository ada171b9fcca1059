"""The Dashboard page."""

from boardroom.ui.pages.base import Page


class DashboardPage(Page):
    key = "dashboard"
    title = "Dashboard"
    icon_name = "dashboard"
    empty_headline = "Nothing to review yet"
    empty_hint = (
        "Schedule a meeting on the Meetings page, or load the demo board from the File "
        "menu, to see the next meeting, its papers deadline and the outstanding actions "
        "here."
    )
