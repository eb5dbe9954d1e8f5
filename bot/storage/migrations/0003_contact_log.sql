-- Contact log and follow-up (issue 6). Additive only.

-- Where a case came from: a signal the bot raised, or a coach who logged a contact with a
-- student who had no open case (/kirjaa). Reports measure response times on signals only.
ALTER TABLE concerns ADD COLUMN source TEXT NOT NULL DEFAULT 'signal'
    CHECK (source IN ('signal', 'coach'));

-- Who is to be reminded of a follow-up is the case's coach at reminder time (a hand-over moves
-- the follow-ups with the case); who agreed on it is kept for the history.
ALTER TABLE followups ADD COLUMN created_by INTEGER REFERENCES persons(id) ON DELETE SET NULL;

CREATE INDEX followups_pending ON followups(done_at, due_on);
CREATE INDEX contacts_concern ON contacts(concern_id);
CREATE INDEX contacts_student ON contacts(student_id, contacted_on);

-- "Tried, did not reach" is a contact attempt, not a contact: reports count them apart.
ALTER TABLE contacts ADD COLUMN reached INTEGER NOT NULL DEFAULT 1;
