"""The Actions table's filtering proxy: whole-list filtering that stays a correct Qt model —
the rows the filter lets through, in the model's order, selection kept across filters and
sorts, a row edited in place shown or hidden as it now passes or fails."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from boardroom.bench.generate import Scale, generate
from boardroom.services.action_rows import ActionFilter, ActionRow, filter_rows, load_action_rows
from boardroom.storage.database import open_database
from boardroom.storage.models import ActionStatus
from boardroom.ui.actions_model import ROW_ROLE, ActionsFilterProxy, ActionsTableModel

AS_OF = date(2026, 1, 1)
SMALL = Scale(boards=2, years=2, items_per_meeting=4, people=40, plan_items=10, actions=400)


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[ActionRow]:
    url = f"sqlite:///{tmp_path_factory.mktemp('proxy') / 'bench.db'}"
    generate(url, SMALL, seed=5)
    database = open_database(url)
    with database.sessions() as session:
        loaded = load_action_rows(session, as_of=AS_OF)
    database.close()
    return loaded


def _edited(row: ActionRow, status: ActionStatus) -> ActionRow:
    return row._replace(status=status, version=row.version + 1)


@pytest.fixture
def models(rows, qtmodeltester):
    edits: list[tuple[int, ActionStatus]] = []

    def store(action_id: int, status: ActionStatus) -> ActionRow:
        edits.append((action_id, status))
        return _edited(next(row for row in rows if row.id == action_id), status)

    model = ActionsTableModel(store)
    model.set_rows(rows)
    proxy = ActionsFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)  # watches every later change too
    return model, proxy


def _shown(proxy: ActionsFilterProxy) -> list[ActionRow]:
    return [proxy.index(row, 0).data(ROW_ROLE) for row in range(proxy.rowCount())]


def test_the_rows_shown_are_those_the_filter_passes_in_the_model_s_order(models, rows):
    model, proxy = models
    model.sort(ActionsTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
    owner = rows[7].owner_id
    for action_filter in (
        ActionFilter(text="audit"),
        ActionFilter(owner_id=owner, statuses=frozenset({ActionStatus.OPEN})),
        ActionFilter(text="the risk register", overdue_only=True),
        ActionFilter(text="no action says this"),
        ActionFilter(),
    ):
        proxy.set_filter(action_filter)
        in_order = [model.row_at(position) for position in range(model.rowCount())]
        expected = filter_rows(in_order, action_filter)
        assert _shown(proxy) == expected == proxy.visible_rows()
        assert sorted(row.id for row in expected) == sorted(
            row.id for row in filter_rows(model.rows(), action_filter)
        )
    assert proxy.rowCount() == len(rows)
    dues = [row.due_date for row in _shown(proxy)]
    assert dues == sorted(dues)


def _reference_key(reference: str) -> tuple[str, int, int]:
    code, year, sequence = reference.rsplit("-", 2)
    return code, int(year), int(sequence)


def test_sorting_through_the_proxy_sorts_the_source(models):
    model, proxy = models
    proxy.set_filter(ActionFilter(text="review"))
    proxy.sort(ActionsTableModel.COL_REFERENCE, Qt.SortOrder.DescendingOrder)
    everything = [model.row_at(position).reference for position in range(model.rowCount())]
    assert everything == sorted(everything, key=_reference_key, reverse=True)
    shown = [
        proxy.index(row, ActionsTableModel.COL_REFERENCE).data() for row in range(proxy.rowCount())
    ]
    assert shown and shown == [ref for ref in everything if ref in set(shown)]
    assert all("review" in row.search_text for row in proxy.visible_rows())


def test_the_selection_stays_on_its_action_while_it_is_shown(models, rows):
    model, proxy = models
    selection = QItemSelectionModel(proxy)
    proxy.set_filter(ActionFilter(text="audit"))
    chosen = proxy.index(3, ActionsTableModel.COL_ACTION)
    action = chosen.data(ROW_ROLE)
    selection.setCurrentIndex(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    proxy.set_filter(ActionFilter(text="audit", owner_id=action.owner_id))
    model.sort(ActionsTableModel.COL_OWNER, Qt.SortOrder.AscendingOrder)
    current = selection.currentIndex()
    assert current.data(ROW_ROLE) == action
    assert current.column() == ActionsTableModel.COL_ACTION
    assert selection.isSelected(current)
    other = next(row for row in rows if row.owner_id != action.owner_id and row.owner_id)
    proxy.set_filter(ActionFilter(owner_id=other.owner_id))
    assert not selection.currentIndex().isValid()
    assert not selection.hasSelection()


def test_a_status_changed_in_place_hides_the_row_when_it_no_longer_passes(models, rows):
    model, proxy = models
    outstanding = ActionFilter(statuses=frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS}))
    proxy.set_filter(outstanding)
    before = proxy.rowCount()
    index = proxy.index(0, ActionsTableModel.COL_STATUS)
    action = index.data(ROW_ROLE)
    assert proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    still_outstanding = (
        ActionStatus.IN_PROGRESS if action.status is ActionStatus.OPEN else ActionStatus.OPEN
    )
    assert proxy.setData(index, still_outstanding.value)
    assert proxy.rowCount() == before, "still outstanding, still shown"
    assert proxy.index(0, 0).data(ROW_ROLE).id == action.id
    assert proxy.index(0, ActionsTableModel.COL_STATUS).data() in ("Open", "In progress")
    assert proxy.setData(proxy.index(0, ActionsTableModel.COL_STATUS), ActionStatus.DONE.value)
    assert proxy.rowCount() == before - 1
    assert action.id not in {row.id for row in proxy.visible_rows()}
    assert model.row_at(model.position_of(action.id)).status is ActionStatus.DONE
