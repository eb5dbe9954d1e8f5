"""Enrolment: invitations, joining with consent, the roster file, and who may see whom."""
