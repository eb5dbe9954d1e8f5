-- Enrolment, consent and the student's own data (issue 4). Additive only.

-- Which consent text a student accepted, so a later wording change is traceable.
ALTER TABLE students ADD COLUMN consent_version TEXT;

-- What the next typed message from a user is for: a pause date, a group or staff name, a pasted
-- roster. One at a time per user; it expires, so a stray message later is never swallowed.
CREATE TABLE pending_inputs (
    tg_user_id  INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

CREATE INDEX invites_person ON invites(person_id);
CREATE INDEX audit_actor ON audit_log(actor_id);
