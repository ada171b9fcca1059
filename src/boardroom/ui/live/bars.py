"""The slim coloured strips above the notes: read-only banners and save problems."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MessageBar(QFrame):
    """A slim coloured strip with a message and, optionally, buttons."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.row.addWidget(self.label, 1)
        self.hide()

    def add_button(self, text: str) -> QPushButton:
        widget = QPushButton(text)
        self.row.addWidget(widget)
        return widget

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.show()
