"""Cases: a concern from raising to closing — signals and rules, the crisis reply and the
"are you safe?" check, alerts and escalation, acknowledgement and hand-over, the contact log,
follow-ups, the case lifecycle and history, the weekly digest."""
