-- The student a staff message is about (an alert, a case's prompt, a handover, a follow-up
-- reminder), beside `person_id`, its recipient. A student's export and erasure find these rows
-- by this id, never by the student's name inside the text (names share prefixes), and a
-- message listing several students carries none, so it is not handed to any one of them.
ALTER TABLE outbox ADD COLUMN subject_id INTEGER;
CREATE INDEX outbox_subject ON outbox(subject_id) WHERE subject_id IS NOT NULL;
