"""Where the window's start-up time goes, in the parts the benchmark reports side by side
with its floor's.

One start-up figure says how much longer the clerk waits than for a bare Qt window; it does
not say what the difference is made of. Boardroom's smoke-test start and the floor therefore
each time the same named phases — ``modules`` (the imports), ``window`` (the application, the
database and the window built and shown, with its first page filled) and ``paint`` (until
its first paint is on screen) — and print them on one line, which the benchmark reads back.
What the launch took before :func:`begin` (the interpreter starting) is what remains of its
measured time.
"""

from __future__ import annotations

import json
import time

PREFIX = "start-up phases ms: "

_ends: dict[str, float] = {}
_began = 0.0


def begin() -> None:
    """The clock starts: the first phase begins now."""
    global _began
    _began = time.perf_counter()
    _ends.clear()


def end(phase: str) -> None:
    """The named phase is over now; the next one starts here."""
    _ends[phase] = time.perf_counter()


def line() -> str:
    """The phases ended so far, in milliseconds, as the line the benchmark reads."""
    durations, start = {}, _began
    for phase, at in _ends.items():
        durations[phase] = round((at - start) * 1000, 2)
        start = at
    return PREFIX + json.dumps(durations)
