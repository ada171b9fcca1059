"""The live-minutes window's parts: agenda and timers, register, item editor, action row."""
