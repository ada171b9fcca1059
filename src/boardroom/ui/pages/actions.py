"""The Actions page."""

from boardroom.ui.pages.base import Page


class ActionsPage(Page):
    key = "actions"
    title = "Actions"
    icon_name = "actions"
    empty_headline = "No action points yet"
    empty_hint = (
        "Action points captured in the minutes appear here with their owners, due dates "
        "and the plan items they serve."
    )
