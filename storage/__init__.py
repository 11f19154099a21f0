"""Persistence: typed SQLAlchemy models, small repository functions, migrations.

Nothing here knows about chats or channels; nothing of ours is imported.
"""
