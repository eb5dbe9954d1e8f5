-- A plan can ask the students it concerns: an anonymous poll sent privately to the affected
-- group(s) through the peer-group channel. It is a broadcast like a group coach's, marked with
-- its plan, so its totals (never who answered) join the plan's evaluation.
ALTER TABLE broadcasts ADD COLUMN plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL;

-- A plan's history across terms: each step is kept, where `plans` holds only the newest
-- evaluation and status. No student appears here; `detail` is staff text (an evaluation) or
-- the question a poll asked.
CREATE TABLE plan_events (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL
        CHECK (kind IN ('created', 'evaluated', 'continued', 'closed', 'asked')),
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_events_by_plan ON plan_events (plan_id, at);

-- Plans made before this migration: what can still be known of their history.
INSERT INTO plan_events (plan_id, at, kind)
    SELECT id, created_at, 'created' FROM plans;
INSERT INTO plan_events (plan_id, at, kind, detail)
    SELECT id, COALESCE(reminded_at, created_at), 'evaluated', evaluation FROM plans
    WHERE evaluation IS NOT NULL;
INSERT INTO plan_events (plan_id, at, kind)
    SELECT id, COALESCE(reminded_at, created_at), 'closed' FROM plans WHERE status = 'closed';
