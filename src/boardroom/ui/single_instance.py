"""One Boardroom per user: a second launch brings the first window forward and exits.

Two windows on one SQLite file would fight over autosave and confuse a clerk who double-clicks
the icon again because the window was behind another — or because it had not appeared yet.
The first launch takes a lock file named for the user (Qt's QLockFile: one taken by a launch
that has since crashed is recognised as stale), so that of two launches in the same instant
exactly one goes on. Once its window is on screen it listens on a local socket of the same
name; Qt's network module, which that needs, is thereby kept off the path to the window. A
later launch finds the lock taken, connects to the socket — waiting while the first launch is
still starting — says "activate" and leaves.
"""

from __future__ import annotations

import getpass
import hashlib
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QObject, QThread, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

_ACTIVATE = b"activate\n"
_TIMEOUT_MS = 1000
# How long a later launch waits for the first to listen: its window may still be opening.
HAND_OVER_WITHIN_S = 10.0
_RETRY_MS = 50
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
    """``is_primary`` tells whether this process should open the window. If it is, call
    :meth:`listen` once the window is shown; ``activation_requested`` then fires whenever a
    later launch asks to be shown instead. If it is not, ``handed_over`` tells whether the
    first instance took the request."""

    activation_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None
        self._lock = QLockFile(QDir(QDir.tempPath()).filePath(f"{self.name}.lock"))
        self._lock.setStaleLockTime(0)  # held as long as the window is open, however long
        self.is_primary = self._lock.tryLock(0)
        self.handed_over = not self.is_primary and self._hand_over()

    def _hand_over(self) -> bool:
        """Ask the first instance to come forward, waiting while it is still starting; if it
        ends meanwhile (a crash leaves its lock stale), this launch becomes the first."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + HAND_OVER_WITHIN_S
        socket = QLocalSocket()
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(_TIMEOUT_MS):
                break
            if self._lock.tryLock(0):
                self.is_primary = True
                return False
            if time.monotonic() >= deadline:
                return False
            QThread.msleep(_RETRY_MS)  # the first launch has the lock but is not listening yet
        _let_the_first_instance_come_forward()
        socket.write(_ACTIVATE)
        delivered = socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return delivered

    def listen(self) -> None:
        """Answer later launches from now on."""
        from PySide6.QtNetwork import QLocalServer

        # A crash leaves the socket file behind on Unix; the lock says it is nobody's now.
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
        if self.is_primary:
            self._lock.unlock()
