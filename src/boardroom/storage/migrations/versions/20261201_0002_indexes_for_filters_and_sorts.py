"""indexes for the filters and sorts of the chair's screens

The Dashboard reads a board's outstanding actions and counts what moved since the last
meeting; every action table shows each action's last update; the schedule lists a board's
meetings by date. On ten years of a council's boards those became full scans: these
composite indexes make them index searches, and replace the single-column indexes they
begin with.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 19:22:16.720801

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, single-column index replaced, {new index: columns})
CHANGES = (
    (
        "action_point",
        ("ix_action_point_board_id", ["board_id"]),
        {
            "ix_action_point_board_status": ["board_id", "status"],
            "ix_action_point_board_year_sequence": ["board_id", "year", "sequence"],
        },
    ),
    (
        "action_update",
        ("ix_action_update_action_id", ["action_id"]),
        {
            "ix_action_update_action_on_date": ["action_id", "on_date"],
            "ix_action_update_on_date_action": ["on_date", "action_id"],
        },
    ),
    (
        "meeting",
        ("ix_meeting_board_id", ["board_id"]),
        {"ix_meeting_board_starts_at": ["board_id", "starts_at"]},
    ),
)


def upgrade() -> None:
    for table, (replaced, _columns), indexes in CHANGES:
        for name, columns in indexes.items():
            op.create_index(name, table, columns)
        op.drop_index(replaced, table_name=table)


def downgrade() -> None:
    for table, (replaced, columns), indexes in CHANGES:
        op.create_index(replaced, table, columns)
        for name in indexes:
            op.drop_index(name, table_name=table)
