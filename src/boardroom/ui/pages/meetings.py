"""The Meetings page."""

from boardroom.ui.pages.base import Page


class MeetingsPage(Page):
    key = "meetings"
    title = "Meetings"
    icon_name = "meetings"
    empty_headline = "No meetings yet"
    empty_hint = (
        "Schedule a meeting or a series; each meeting then gets its agenda, attendance "
        "register and minutes."
    )
