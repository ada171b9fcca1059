"""Persistence: the Core tables and the ORM models mapped onto them, the one entry point
that opens a database, and migrations."""
