"""dashboard_queries: how many SQL statements fill the Dashboard and the Actions page.

Every statement the engine sends is counted (SQLAlchemy's ``before_cursor_execute``) while
each page loads the first board, as it does when the window opens; the benchmark runs this on
the full data and on the same boards with a tenth of the actions. The counts must be equal:
a statement per action (or per owner, per meeting…) would show up as growth.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event, func, select

from boardroom.bench import probe
from boardroom.storage.database import Database
from boardroom.storage.models import ActionPoint
from boardroom.ui.bench.harness import start
from boardroom.ui.pages.actions import ActionsPage
from boardroom.ui.pages.dashboard import DashboardPage


def count_statements(database: Database, action: Callable[[], object]) -> int:
    statements = 0

    def counted(*_args: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(database.engine, "before_cursor_execute", counted)
    try:
        action()
    finally:
        event.remove(database.engine, "before_cursor_execute", counted)
    return statements


def page_statements(context) -> dict[str, int]:
    """Statements to fill each page for the context's board."""
    dashboard, actions = DashboardPage(context), ActionsPage(context)
    counts = {
        "dashboard": count_statements(context.database, dashboard.refresh),
        "actions_page": count_statements(context.database, actions.refresh),
    }
    dashboard.deleteLater()
    actions.deleteLater()
    return counts


def measure(url: str) -> dict[str, Any]:
    app, context = start(url)
    counts = page_statements(context)
    with context.database.sessions() as session:
        actions = session.scalar(select(func.count()).select_from(ActionPoint))
    context.database.close()
    del app
    return {"value": sum(counts.values()), **counts, "actions": actions}


def main() -> None:
    args = probe.arguments(__doc__.splitlines()[0])
    probe.emit(measure(args.database))


if __name__ == "__main__":
    main()
