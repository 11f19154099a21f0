"""Campaign-period reminders: the calendar, the timing rules, the content, the plan.

``calendar`` and ``timing`` are pure (standard library only) so config
validation and tests use them directly; ``planner`` turns them into outbox rows.
"""
