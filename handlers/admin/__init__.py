"""Admins' work on the tip queue, inside the chat."""
