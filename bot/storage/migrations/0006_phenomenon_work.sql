-- Staff who joined the work on a phenomenon (a group coach told about their group's
-- phenomenon); they are members of any plan made for it.
CREATE TABLE phenomenon_members (
    phenomenon_id INTEGER NOT NULL REFERENCES phenomena(id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    joined_at     TEXT NOT NULL,
    PRIMARY KEY (phenomenon_id, person_id)
);

-- A plan's owner is a person in the system (reminded of the evaluation), and the plan has a
-- status: open → evaluating (its evaluation date came) → continued (a new date) or closed.
ALTER TABLE plans ADD COLUMN owner_id INTEGER REFERENCES persons(id) ON DELETE SET NULL;
ALTER TABLE plans ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'evaluating', 'continued', 'closed'));

-- A plan's dated actions (a date in an action's line of the plan): its owner is reminded
-- on the day.
CREATE TABLE plan_actions (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    what        TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    owner_id    INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    reminded_at TEXT
);
