"""Thin translators between platforms and the one message type."""
