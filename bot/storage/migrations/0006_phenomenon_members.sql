-- Staff who joined the work on a phenomenon (a group coach told about their group's
-- phenomenon); they are members of any plan made for it.
CREATE TABLE phenomenon_members (
    phenomenon_id INTEGER NOT NULL REFERENCES phenomena(id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    joined_at     TEXT NOT NULL,
    PRIMARY KEY (phenomenon_id, person_id)
);
