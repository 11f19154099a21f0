"""Errors callers catch without loading the database layer (SQLAlchemy)."""

from __future__ import annotations


class DatabaseError(RuntimeError):
    """The database cannot be reached or used; the message is safe to print."""
