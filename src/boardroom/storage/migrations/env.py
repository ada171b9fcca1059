"""Alembic environment: runs on the connection Boardroom hands over when it opens a database.

Run by hand (``alembic revision --autogenerate``) it falls back to ``BOARDROOM_DATABASE_URL``.
"""

from alembic import context
from sqlalchemy import create_engine

from boardroom.storage.database import resolve_url
from boardroom.storage.models import Base

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only ALTER by rebuilding tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with create_engine(resolve_url()).connect() as own_connection:
        _run(own_connection)
        own_connection.commit()
