"""The Core tables: free of the ORM, and the very tables the models map onto."""

import subprocess
import sys

from sqlalchemy import inspect

from boardroom.storage import tables
from boardroom.storage.models import ActionPoint, Base


def test_the_tables_and_enums_load_neither_the_orm_nor_qt():
    probe = (
        "import sys\n"
        "import boardroom.storage.enums, boardroom.storage.tables\n"
        "print(sorted(m for m in ('sqlalchemy.orm', 'PySide6') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", "storage.tables and storage.enums must stay ORM-free"


def test_every_table_is_named_in_the_module_as_in_sql():
    assert Base.metadata is tables.metadata
    for name, table in tables.metadata.tables.items():
        assert getattr(tables, name) is table


def test_every_model_maps_onto_its_core_table_with_the_same_column_keys():
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        assert table is getattr(tables, table.name)
        assert {attr.key for attr in mapper.column_attrs} == set(table.c.keys())
        for attr in mapper.column_attrs:
            assert attr.columns == [table.c[attr.key]]
    assert inspect(ActionPoint).columns["due_date"] is tables.action_point.c.due_date
