-- When the cue detector is unsure whether a message is a crisis ("ask"), the bot asks the
-- student one short question with buttons. A check stays open until the student answers or
-- its time runs out; then the coach is told at concern level. `sentences` are the matched
-- sentences only (JSON list), kept for the coach if it comes to that; erased with the person.
CREATE TABLE safety_checks (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    chat_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('crisis', 'child_protection')),
    sentences TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    answer TEXT CHECK (answer IN ('unsafe', 'safe', 'timeout')),
    answered_at TEXT,
    shared TEXT CHECK (shared IN ('yes', 'no'))
);
CREATE INDEX safety_checks_open ON safety_checks (due_at) WHERE answer IS NULL;
CREATE INDEX safety_checks_person ON safety_checks (person_id);
