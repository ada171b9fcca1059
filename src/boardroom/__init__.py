"""Boardroom: the desktop secretariat for boards and committees."""

__version__ = "0.1.0"
