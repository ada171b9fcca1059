"""Python's cyclic garbage collector, held off while the window starts.

Starting builds a few hundred thousand objects that live as long as the process: modules,
classes, SQLAlchemy's tables and compiled statements, Qt's enums. None of them is garbage,
yet every few thousand new objects the collector walks them all again, and on the large
database those walks are about a tenth of the clerk's wait for the window (the benchmark's
start-up figure, with and without). So the collector is switched off for the start; once
the window is up and the rest is loaded, everything made so far is frozen — moved where no
later collection walks it, which also shortens every pause after — and collection resumes.
This is the pattern the ``gc`` module documents for ``gc.freeze``.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """No collection until :func:`resume`; a collector already off is left to its owner."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def resume() -> None:
    """Freeze what the start made and collect again, if :func:`hold` switched it off."""
    global _held
    if _held:
        gc.freeze()
        gc.enable()
        _held = False
