"""`kohtaamo standin` for the benchmarks: the same server and arguments, with the garbage
collector's full (generation 2) collections switched off.

The stand-in is the measuring instrument here, and a big one: it keeps every chat, message,
edit and event of a run in memory. Its full collections walked all of that and stopped it for
a third of a second at a time (seen as gaps in its request log), which would be charged to the
bot's latency. Young collections still run, so short-lived cycles are still freed; a run lasts
minutes, so the rest is bounded.
"""

from __future__ import annotations

import gc
import sys

from bot.cli import main

if __name__ == "__main__":
    gc.set_threshold(700, 10, 1_000_000)
    raise SystemExit(main(sys.argv[1:]))
