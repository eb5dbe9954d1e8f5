"""The Telegram side: thin adapters between the Bot API and the use cases."""

import os

# Opt into python-telegram-bot's timedelta durations now (RetryAfter.retry_after and friends);
# the int form is deprecated and warns on every read. PTB reads the variable at call time.
os.environ.setdefault("PTB_TIMEDELTA", "true")
