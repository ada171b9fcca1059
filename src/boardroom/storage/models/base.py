"""Declarative base shared by every model.

The tables themselves are plain Core, in ``storage.tables``; the models map onto them, and
``Base.metadata`` is that module's ``metadata``.
"""

from datetime import datetime
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr

from boardroom.storage import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Entity:
    """Id plus the bookkeeping every edited row carries (the columns of
    ``tables._entity_columns``).

    ``version`` is SQLAlchemy's version counter: an UPDATE whose version no longer matches
    affects no row, which the services turn into a ConflictError instead of a silent overwrite.
    """

    id: Mapped[int]
    version: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}
