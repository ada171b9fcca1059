"""The start-up floor: a bare PySide6 main window in a program that imports SQLAlchemy.

It pays what any Qt and SQLAlchemy desktop program pays — the interpreter, the two
libraries, the QApplication, one window of Boardroom's size shown and drawn — so the
benchmark's start-up ratio is what Boardroom adds on top, measured on the same machine in the
same minute. It reports the same way Boardroom's own smoke-test start does: a line on stdout.
"""

import sqlalchemy
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication([])
    window = QMainWindow()
    window.setWindowTitle(f"Floor (SQLAlchemy {sqlalchemy.__version__})")
    window.resize(1280, 800)
    window.show()

    def shown() -> None:
        image = window.grab().toImage()
        print(f"floor: window shown, {image.width()}x{image.height()}", flush=True)
        app.exit(0)

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
