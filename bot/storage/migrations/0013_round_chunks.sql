-- A big round is written in chunks, each its own short transaction, so sending starts after
-- the first chunk instead of after one long transaction for thousands of students. `pending`
-- is 1 from the first chunk until the last: a restart in between resumes the round (the next
-- tick writes the students who have no session of this period yet; sessions are
-- UNIQUE(person_id, flow_id, period_key), so nobody gets two).
ALTER TABLE rounds ADD COLUMN pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1));
CREATE INDEX rounds_pending ON rounds (pending) WHERE pending = 1;
-- Each chunk looks up what the round has written so far.
CREATE INDEX outbox_round ON outbox (round_id) WHERE round_id IS NOT NULL;
