"""Anonymous tips: intake, summary and edit, submit, status, additions, upkeep."""
