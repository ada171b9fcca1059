"""The app's standard lists: columns fitted to their contents as Qt itself would fit them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from boardroom.ui.models.table import Column, RowTableModel, SearchProxy
from boardroom.ui.table_view import fit_columns, table_view

ROWS = [
    ("IB/2016/014", "Review the terms of reference and report back", "Julia Hassall"),
    ("IB/2016/015", "Chase the Ofsted action plan", "Cllr Aoife Ní Bhriain"),
    ("IB/2016/016", "Circulate the revised risk register to members", "Zoë Łukasik-Ørsted"),
    ("IB/2016/017", "Confirm the venue", "王秀英"),
    ("IB/2016/018", "Short", "Dr O'Neill-Ferreira 🙂"),
]


class _Actions(RowTableModel[tuple[str, str, str]]):
    columns = (
        Column("Reference", lambda row: row[0]),
        Column("Action", lambda row: row[1]),
        Column("A much longer heading than any owner", lambda row: row[2]),
    )


def _widths(view) -> list[int]:
    header = view.horizontalHeader()
    return [header.sectionSize(column) for column in range(header.count())]


def _view(qtbot, rows, point_size: int | None = None):
    model = _Actions()
    model.set_rows(rows)
    view = table_view(SearchProxy(model))
    if point_size:
        font = QFont(view.font())
        font.setPointSize(point_size)
        view.setFont(font)
    view.horizontalHeader().setStretchLastSection(False)
    qtbot.addWidget(view)
    view.show()
    return view


@pytest.mark.parametrize("point_size", [None, 7, 8, 11, 15, 20])
def test_fitted_columns_are_never_narrower_than_qts_own_measure(qtbot, point_size):
    """Never narrower (no letter elided), and wider only by the rounding allowance."""
    view = _view(qtbot, ROWS, point_size)
    view.resizeColumnsToContents()
    measured_by_qt = _widths(view)
    for column in range(3):
        view.horizontalHeader().resizeSection(column, 40)
    fit_columns(view)
    fitted = _widths(view)
    for ours, qts in zip(fitted[:2], measured_by_qt[:2], strict=True):
        assert qts <= ours <= qts + 4
    # The third column is as wide as its heading, which is wider than any owner's name.
    assert fitted[2] == measured_by_qt[2] == view.horizontalHeader().sectionSizeHint(2)


def test_only_the_columns_asked_for_are_fitted(qtbot):
    view = _view(qtbot, ROWS)
    for column in range(3):
        view.horizontalHeader().resizeSection(column, 40)
    fit_columns(view, [1])
    widths = _widths(view)
    assert widths[0] == widths[2] == 40
    assert view.sizeHintForColumn(1) <= widths[1] <= view.sizeHintForColumn(1) + 4


def test_an_empty_list_is_fitted_to_its_headings(qtbot):
    view = _view(qtbot, [])
    fit_columns(view)
    header = view.horizontalHeader()
    assert _widths(view) == [header.sectionSizeHint(column) for column in range(3)]
