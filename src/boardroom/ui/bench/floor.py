"""The start-up floor: a bare PySide6 main window in a program that imports SQLAlchemy.

It pays what any Qt and SQLAlchemy desktop program pays — the interpreter, the two
libraries, the QApplication, one window of Boardroom's size shown and painted on screen — so
the benchmark's start-up ratio is what Boardroom adds on top, measured on the same machine in
the same minute. It reports the way Boardroom's own smoke-test start does, at the same moment
(just after the window's first paint): a line on stdout, then its start-up phases (the two
libraries are imported inside :func:`main` so that their import is timed as its ``modules``
phase, as Boardroom's imports are).
"""

from boardroom import startup_phases


def main() -> int:
    startup_phases.begin()
    import sqlalchemy
    from PySide6.QtWidgets import QApplication, QMainWindow

    from boardroom.ui.first_paint import after_first_paint

    startup_phases.end("modules")
    app = QApplication([])
    window = QMainWindow()
    window.setWindowTitle(f"Floor (SQLAlchemy {sqlalchemy.__version__})")
    window.resize(1280, 800)

    def shown() -> None:
        startup_phases.end("paint")
        print(f"floor: window shown, {window.width()}x{window.height()}", flush=True)
        print(startup_phases.line(), flush=True)
        app.exit(0)

    after_first_paint(window, shown)
    window.show()
    startup_phases.end("window")
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
