"""paper content: the papers' bytes kept in the database

Papers were copied into the papers folder of the desk that attached them, so on a shared
(PostgreSQL) database every other desk found them missing. Their bytes now live in the
database as well, once per content hash; each desk's folder is a cache of them.

A migration cannot read the papers folder, so the papers of an upgraded database are
copied in later, at each start-up, by the desk whose folder holds them
(``storage.paper_contents.copy_in_local_papers``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 10:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "paper_content",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_paper_content")),
    )


def downgrade() -> None:
    op.drop_table("paper_content")
