-- A check-in schedule may ask only the students at a risk point that day (the first weeks of
-- studies, the first days of on-the-job learning, the days after a break). A column rather
-- than a new `audience` value: SQLite cannot change the CHECK constraint without rebuilding
-- the table, and rounds reference it. bot/scheduling/store.py maps it to audience
-- 'risk_points'.
ALTER TABLE schedules ADD COLUMN risk_points_only INTEGER NOT NULL DEFAULT 0
    CHECK (risk_points_only IN (0, 1));
