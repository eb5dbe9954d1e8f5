-- A row may wait for another row to be handled first (sent or failed): a coach's crisis alert
-- goes after the student's own reply, so the coach never knows before the student does. The
-- wait is data, not a timer in memory: a restart in between keeps the order. `after_until`
-- bounds it: a slow student chat never holds an alert back longer than that.
ALTER TABLE outbox ADD COLUMN after_id INTEGER;
ALTER TABLE outbox ADD COLUMN after_until TEXT;
