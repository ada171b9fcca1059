"""The Plan page."""

from boardroom.ui.pages.base import Page


class PlanPage(Page):
    key = "plan"
    title = "Plan"
    icon_name = "plan"
    empty_headline = "No improvement plan yet"
    empty_hint = (
        "Import the board's improvement plan from Word, CSV or Excel to track its "
        "recommendations, activities and RAG ratings."
    )
