"""Check-ins: a student's dialog (sessions), scheduled rounds, and the schedules themselves."""
