-- Published report weeks (issue 18): each closed ISO week's k-protected numbers, computed once
-- when a report first needs the week and never again, so no sequence of reports can tell
-- apart the data before and after one student's answer, erasure or case update. Anonymous:
-- counts, sums and response-time values per group and the school; no person ids.
CREATE TABLE report_weeks (
    week         TEXT PRIMARY KEY,   -- ISO week key, e.g. '2026-W47', in the school's time zone
    published_at TEXT NOT NULL,
    body         TEXT NOT NULL       -- JSON, see bot/reports/published.py
);
