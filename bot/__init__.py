"""Composition root: config, CLI, channels, web app and scheduler wiring."""
