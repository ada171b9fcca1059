"""The meeting workspace as it is laid out on the screen: nothing cut off, one window per
meeting's width budget, columns measured with what they hold."""

from __future__ import annotations

from sqlalchemy import select

from boardroom.storage.models import Meeting
from boardroom.ui.context import AppContext
from boardroom.ui.meeting_workspace import MeetingWorkspace
from boardroom.ui.models.meeting_record import ActionTableModel

LONG_VENUE = (
    "Committee Room 1, Wallasey Town Hall, Brighton Street, Wallasey, Wirral CH44 8ED — "
    "enter by the side door on Egerton Street after 17:00"
)
LONG_LINK = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + "N2Q4ZTdhYj" * 12


def _meeting_id(database, title_day: str) -> int:
    with database.sessions() as session:
        meetings = session.scalars(select(Meeting)).all()
        return next(m.id for m in meetings if f"{m.starts_at:%Y-%m-%d}" == title_day)


def _shown(qtbot, database, meeting_id: int) -> MeetingWorkspace:
    workspace = MeetingWorkspace(AppContext(database), meeting_id)
    qtbot.addWidget(workspace)
    workspace.resize(1180, 760)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def _fully_shown(label) -> bool:
    """A wrapped label shows all its lines; a one-line text fits its width."""
    return label.height() >= label.heightForWidth(label.width())


def test_the_details_tab_shows_every_value_whole(qtbot, demo_database):
    meeting_id = _meeting_id(demo_database, "2016-09-13")
    with demo_database.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        meeting.venue, meeting.online_link = LONG_VENUE, LONG_LINK
    workspace = _shown(qtbot, demo_database, meeting_id)
    labels = workspace.detail_labels
    invite = labels["invite"]
    text = invite.text()
    assert text == "Version 0 (raised on every change of time or place)"
    assert invite.width() >= invite.fontMetrics().horizontalAdvance(text), "on one line, whole"
    for key, label in labels.items():
        assert _fully_shown(label), f"{key} is cut off"
    venue = labels["venue"]
    line = venue.fontMetrics().lineSpacing()
    assert venue.height() >= 2 * line, "a long venue wraps onto a second line"
    assert venue.width() <= 760, "lines stay a readable length on a wide window"
    # The header wraps a long venue too, rather than pushing the window wider than asked.
    assert workspace.width() == 1180
    assert _fully_shown(workspace.subheading)


def test_the_workspace_fits_a_small_laptop_screen(qtbot, demo_database):
    workspace = _shown(qtbot, demo_database, _meeting_id(demo_database, "2019-11-19"))
    assert workspace.minimumSizeHint().width() <= 1024
    for widget in (workspace.edit_button, workspace.export_button, workspace.minutes_button):
        assert widget.width() >= widget.sizeHint().width(), f"{widget.text()} is squeezed"


def test_the_actions_tab_measures_its_last_column_with_what_it_holds(qtbot, demo_database):
    workspace = _shown(qtbot, demo_database, _meeting_id(demo_database, "2016-09-13"))
    workspace.tabs.setCurrentWidget(workspace.actions)
    view = workspace.actions.view
    column = ActionTableModel.COL_ITEM
    assert view.model().index(0, column).data() == "3 Terms of Reference"
    assert view.columnWidth(column) >= view.sizeHintForColumn(column)
    assert workspace.actions.summary.text() == (
        "Agreed at this meeting: 1 · still open: 0 · overdue: 0"
    )
