"""Persistence: ORM models, the one entry point that opens a database, and migrations."""
