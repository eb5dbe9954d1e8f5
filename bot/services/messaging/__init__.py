"""Messages in and out: the transactional outbox and its store, the inbox of updates,
delivery state, Telegram's flood pauses, and button callbacks."""
