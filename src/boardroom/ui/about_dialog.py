"""Help → About: the version IT asks for in a support call, the licence, and what it runs on."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from boardroom import __version__
from boardroom.assets import resource
from boardroom.ui.icons import app_icon


def licence_text() -> str:
    """The licence with each paragraph on one line, so the text box wraps it to its width."""
    text = resource("licence.txt").read_text(encoding="utf-8")
    return "\n\n".join(" ".join(part.split("\n")) for part in text.strip().split("\n\n"))


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Boardroom"))
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = QLabel(self.tr("Boardroom"))
        name.setStyleSheet("font-size: 20pt; font-weight: 700;")
        self.version = QLabel(self.tr("Version {0}").format(__version__))
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(
            self.tr(
                "Meetings, agendas, live minutes and action points for the secretariat "
                "of a board or committee."
            )
        )
        summary.setWordWrap(True)
        self.platform = QLabel(
            self.tr("Qt {0} · PySide6 {1} · Python {2} · {3}").format(
                qVersion(), PySide6.__version__, platform.python_version(), platform.system()
            )
        )
        self.platform.setEnabled(False)
        self.platform.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence_heading = QLabel(self.tr("Released under the MIT licence:"))
        self.licence = QPlainTextEdit(licence_text())
        self.licence.setReadOnly(True)
        self.licence.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        for widget in (name, self.version, summary, self.platform, self.licence_heading):
            text.addWidget(widget)
        text.addWidget(self.licence, 1)
        row = QHBoxLayout()
        row.addWidget(logo)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
