"""The calm "nothing here yet — here is what to do" panel shown instead of a blank table."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from boardroom.ui.icons import icon
from boardroom.ui.theme import emphasised


class EmptyState(QWidget):
    def __init__(self, icon_name: str, headline: str, hint: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setEnabled(False)
        title = emphasised(QLabel(headline), point_size=15)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(hint)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        for widget in (picture, title, self.hint):
            layout.addWidget(widget)
        layout.addStretch(3)
