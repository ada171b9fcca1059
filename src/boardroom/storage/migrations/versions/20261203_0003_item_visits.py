"""item visits: the live view's item clocks kept in the database

Each agenda item's elapsed time in the live minutes lived only in the window, so a crash
or a restart set every clock back to nothing. A visit records when the clerk made an item
current and until when it stayed so; an item's elapsed time is the sum of its visits.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 10:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "item_visit",
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("left_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_item_visit_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_visit")),
    )
    op.create_index(op.f("ix_item_visit_agenda_item_id"), "item_visit", ["agenda_item_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_item_visit_agenda_item_id"), table_name="item_visit")
    op.drop_table("item_visit")
