"""Conversation logic, written once against the one message type.

Never imports telegram, twilio, starlette or apscheduler.
"""
