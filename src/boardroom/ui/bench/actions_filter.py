"""actions_filter_ms: narrowing the Actions page over all 30,000 actions.

The real page is shown with *All boards* ticked and every status, then each sample types a
word into the search and picks an owner. Each step is timed as the page does it per
keystroke or choice — the filter applied through the page's model and proxy, the counts
line recomputed — and, apart, until Qt has also painted the result (``painted_ms``), which
depends on the screen more than on Boardroom. The floor is the same filter run as a plain
list comprehension over the same rows: the cost of the rule itself.
"""

from __future__ import annotations

from typing import Any

from boardroom.bench import probe
from boardroom.bench.generate import ACTION_OBJECTS
from boardroom.services.action_rows import ActionFilter, filter_rows
from boardroom.ui.bench.harness import settle, start
from boardroom.ui.pages.actions import ActionsPage

ALL_STATUSES = 1  # the status filter's second choice


def measure(url: str, repeat: int) -> dict[str, Any]:
    app, context = start(url)
    page = ActionsPage(context)
    page.resize(1280, 800)
    page.show()
    filters = page.filters
    filters.status_box.setCurrentIndex(ALL_STATUSES)
    filters.all_boards.setChecked(True)  # reloads: every action of every board
    settle()
    rows = page.model.rows()
    owners = filters.owner_box.count() - 1
    words = [topic.split()[-1] for topic in ACTION_OBJECTS]
    texts, picks, clears, paints, floors = [], [], [], [], []
    for index in range(repeat):
        word = words[index % len(words)]
        owner = 1 + (index * 7) % owners
        steps = (
            (texts, page.apply_search, word),
            (picks, filters.owner_box.setCurrentIndex, owner),
            (clears, filters.owner_box.setCurrentIndex, 0),
            (clears, page.apply_search, ""),
        )
        for samples, step, argument in steps:
            with probe.stopwatch(samples):
                step(argument)
            paints.append(samples[-1] + probe.timed(settle))
        wanted = ActionFilter(owner_id=filters.owner_box.itemData(owner), text=word)
        with probe.stopwatch(floors):
            filter_rows(rows, ActionFilter(text=word))
            filter_rows(rows, wanted)
    text_s, pick_s = probe.median(texts), probe.median(picks)
    page.close()
    context.database.close()
    del app
    return {
        "value": probe.milliseconds(max(text_s, pick_s)),
        "text_ms": probe.milliseconds(text_s),
        "owner_ms": probe.milliseconds(pick_s),
        "clear_ms": probe.milliseconds(probe.median(clears)),
        "painted_ms": probe.milliseconds(probe.median(paints)),
        "floor_ms": probe.milliseconds(probe.median(floors) / 2),
        "actions": len(rows),
        "samples": repeat,
    }


def main() -> None:
    args = probe.arguments(__doc__.splitlines()[0])
    probe.emit(measure(args.database, args.repeat))


if __name__ == "__main__":
    main()
