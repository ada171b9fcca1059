"""The People page."""

from boardroom.ui.pages.base import Page


class PeoplePage(Page):
    key = "people"
    title = "People"
    icon_name = "people"
    empty_headline = "No members yet"
    empty_hint = "Add the board's members, officers in attendance and named deputies."
