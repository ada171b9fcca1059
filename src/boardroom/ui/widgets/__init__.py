"""Reusable widgets shared by several pages."""
