"""One Boardroom per user: a second launch brings the first window forward and exits.

Two windows on one SQLite file would fight over autosave and confuse a clerk who double-clicks
the icon again because the window was behind another. The first instance listens on a local
socket named for the user; a later launch connects, says "activate" and leaves.
"""

from __future__ import annotations

import getpass
import hashlib
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_ACTIVATE = b"activate\n"
_TIMEOUT_MS = 1000
_ASFW_ANY = -1  # AllowSetForegroundWindow: any process may take the foreground


def _let_the_first_instance_come_forward() -> None:
    """Windows lets only the process the user just started take the foreground; without
    handing that right over, the first window would merely flash in the taskbar."""
    if sys.platform == "win32":
        import ctypes  # Windows only: every other start would load it for nothing

        ctypes.windll.user32.AllowSetForegroundWindow(_ASFW_ANY)  # type: ignore[attr-defined]


def server_name() -> str:
    """Per user (a shared terminal server runs one Boardroom per person), safe as a file name."""
    digest = hashlib.sha256(getpass.getuser().encode()).hexdigest()[:16]
    return f"boardroom-{digest}"


class SingleInstance(QObject):
    """``is_primary`` tells whether this process should open the window; if it is,
    ``activation_requested`` fires whenever a later launch asks to be shown instead."""

    activation_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None
        self.is_primary = not self._ask_running_instance()
        if self.is_primary:
            self._listen()

    def _ask_running_instance(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        _let_the_first_instance_come_forward()
        socket.write(_ACTIVATE)
        delivered = socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return delivered

    def _listen(self) -> None:
        # A crash leaves the socket file behind on Unix; nobody answered on it, so it is stale.
        QLocalServer.removeServer(self.name)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self.server.listen(self.name)

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The caller writes its one line as soon as it connects; waiting briefly here
            # keeps the socket's lifetime simple (no per-socket signal handlers).
            arrived = socket.canReadLine() or socket.waitForReadyRead(_TIMEOUT_MS)
            if arrived and bytes(socket.readLine().data()) == _ACTIVATE:
                self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None
