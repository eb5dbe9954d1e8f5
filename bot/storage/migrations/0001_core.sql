-- Kohtaamo core schema. Times are UTC ISO-8601 strings; schedules carry their own time zone.
-- Designed for every feature up front so later migrations stay additive.

CREATE TABLE persons (
    id              INTEGER PRIMARY KEY,
    tg_user_id      INTEGER UNIQUE,              -- NULL until the person opens their invite
    display_name    TEXT NOT NULL,
    language        TEXT NOT NULL DEFAULT 'fi',
    created_at      TEXT NOT NULL,
    unreachable_at  TEXT,                        -- set when Telegram says blocked/deactivated
    work_start      TEXT NOT NULL DEFAULT '08:00', -- staff working hours for reminders
    work_end        TEXT NOT NULL DEFAULT '16:00'
);

CREATE TABLE person_roles (
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('student', 'coach', 'group_coach', 'coordinator')),
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (person_id, role)
);

-- Language chosen by someone who is not (yet) enrolled: the only thing kept about a visitor.
CREATE TABLE visitors (
    tg_user_id  INTEGER PRIMARY KEY,
    language    TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    chat_id     INTEGER UNIQUE,                  -- linked Telegram group chat
    chat_linked_at TEXT
);

CREATE TABLE group_coaches (
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, person_id)
);

CREATE TABLE students (
    person_id       INTEGER PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
    group_id        INTEGER REFERENCES groups(id) ON DELETE SET NULL,
    coach_id        INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    backup_coach_id INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    status          TEXT NOT NULL DEFAULT 'invited'
                    CHECK (status IN ('invited', 'active', 'declined', 'left')),
    consent_at      TEXT,
    paused_until    TEXT,
    quiet_start     TEXT NOT NULL DEFAULT '21:00',
    quiet_end       TEXT NOT NULL DEFAULT '08:00',
    peer_muted      INTEGER NOT NULL DEFAULT 0,
    study_started_on TEXT                         -- risk point: the first weeks of studies
);
CREATE INDEX students_coach ON students(coach_id);
CREATE INDEX students_group ON students(group_id);

CREATE TABLE invites (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,            -- sha256 of the token; the token itself is never stored
    role        TEXT NOT NULL CHECK (role IN ('student', 'coach', 'group_coach', 'coordinator')),
    person_id   INTEGER REFERENCES persons(id) ON DELETE CASCADE,
    group_id    INTEGER REFERENCES groups(id) ON DELETE CASCADE,
    created_by  INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

-- Opaque callback tokens: buttons carry a random id, never a database id.
CREATE TABLE callbacks (
    token       TEXT PRIMARY KEY,
    tg_user_id  INTEGER NOT NULL,                -- only this user may press it
    action      TEXT NOT NULL,
    payload     TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX callbacks_expiry ON callbacks(expires_at);

-- Flow sources by version, so a session keeps the version it started with after an edit.
CREATE TABLE flow_versions (
    flow_id     TEXT NOT NULL,
    version     INTEGER NOT NULL,
    digest      TEXT NOT NULL,
    source      TEXT NOT NULL,
    loaded_at   TEXT NOT NULL,
    PRIMARY KEY (flow_id, version)
);

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    flow_id     TEXT NOT NULL,
    flow_version INTEGER NOT NULL,
    period_key  TEXT NOT NULL,                   -- e.g. '2026-W48' for scheduled rounds, 'adhoc-<n>'
    subject_id  INTEGER REFERENCES persons(id) ON DELETE CASCADE, -- e.g. the student a contact log is about
    context     TEXT NOT NULL DEFAULT '{}',
    state       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'completed', 'expired', 'cancelled', 'superseded')),
    chat_id     INTEGER,
    message_id  INTEGER,                         -- the message holding the current question's buttons
    started_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    reminded_at TEXT,
    finished_at TEXT,
    UNIQUE (person_id, flow_id, period_key)
);
CREATE UNIQUE INDEX sessions_one_open ON sessions(person_id, flow_id) WHERE status = 'open';
CREATE INDEX sessions_open ON sessions(status, updated_at);

CREATE TABLE answers (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    value       TEXT NOT NULL,                   -- JSON: number, option id, list of ids, text, null = skipped
    measure     TEXT,
    score       REAL,                            -- numeric value on the measure's 1..5 scale
    answered_at TEXT NOT NULL,
    PRIMARY KEY (session_id, question_id)
);
CREATE INDEX answers_measure ON answers(measure, answered_at);

-- Free-text cue detections (categories only; the text stays with the answer / is not kept).
CREATE TABLE cue_hits (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    negated     INTEGER NOT NULL DEFAULT 0,
    detected_at TEXT NOT NULL
);
CREATE INDEX cue_hits_time ON cue_hits(detected_at, category);

CREATE TABLE concerns (
    id              INTEGER PRIMARY KEY,
    student_id      INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    coach_id        INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    level           TEXT NOT NULL CHECK (level IN ('info', 'concern', 'urgent', 'crisis')),
    status          TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'acknowledged', 'contacted', 'followup', 'closed')),
    reasons         TEXT NOT NULL DEFAULT '[]',  -- JSON list of {rule, reason, facts}
    measure         TEXT,                        -- the triggering measure, for recovery follow-up
    escalation_stage INTEGER NOT NULL DEFAULT 0, -- 0 coach, 1 backup, 2 coordinator
    ack_deadline    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    first_contact_at TEXT,
    closed_at       TEXT,
    closed_by       INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    closure_reason  TEXT
);
CREATE INDEX concerns_student ON concerns(student_id, status);
CREATE INDEX concerns_coach ON concerns(coach_id, status);

CREATE TABLE concern_events (
    id          INTEGER PRIMARY KEY,
    concern_id  INTEGER NOT NULL REFERENCES concerns(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor_id    INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    concern_id  INTEGER REFERENCES concerns(id) ON DELETE CASCADE,
    student_id  INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    coach_id    INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    contacted_on TEXT NOT NULL,
    channel     TEXT NOT NULL,
    participants TEXT NOT NULL DEFAULT '[]',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE followups (
    id          INTEGER PRIMARY KEY,
    concern_id  INTEGER NOT NULL REFERENCES concerns(id) ON DELETE CASCADE,
    due_on      TEXT NOT NULL,
    what        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    reminded_at TEXT,
    escalated_at TEXT,
    done_at     TEXT
);

-- School calendar and schedules.
CREATE TABLE schedules (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL DEFAULT 'checkin' CHECK (kind IN ('checkin', 'prompt')),
    flow_id     TEXT NOT NULL,                   -- check-in flow, or prompt id for peer prompts
    weekdays    TEXT NOT NULL,                   -- e.g. '0,2' (Mon, Wed)
    at_time     TEXT NOT NULL,                   -- 'HH:MM' local
    timezone    TEXT NOT NULL DEFAULT 'Europe/Helsinki',
    every_weeks INTEGER NOT NULL DEFAULT 1 CHECK (every_weeks BETWEEN 1 AND 8),
    starts_on   TEXT NOT NULL,
    ends_on     TEXT,
    on_break    TEXT NOT NULL DEFAULT 'skip' CHECK (on_break IN ('skip', 'shift')),
    audience    TEXT NOT NULL DEFAULT 'private' CHECK (audience IN ('private', 'chat')),
    created_by  INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    schedule_id INTEGER REFERENCES schedules(id) ON DELETE CASCADE,
    period_key  TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'skipped', 'missed')),
    note        TEXT,
    UNIQUE (schedule_id, period_key)
);

CREATE TABLE school_breaks (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    group_id    INTEGER REFERENCES groups(id) ON DELETE CASCADE, -- NULL = whole school
    kind        TEXT NOT NULL DEFAULT 'break' CHECK (kind IN ('break', 'work_based_learning'))
);

-- Transactional outbox: a use case writes its messages here in the same transaction.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    idem_key    TEXT NOT NULL UNIQUE,
    priority    INTEGER NOT NULL DEFAULT 5,      -- lower goes first; crisis 0, urgent 1
    chat_id     INTEGER NOT NULL,
    person_id   INTEGER REFERENCES persons(id) ON DELETE CASCADE,
    payload     TEXT NOT NULL,                   -- JSON: rendered message (text, buttons, …)
    round_id    INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    not_before  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    claimed_at  TEXT,
    sent_at     TEXT,
    failed_at   TEXT,
    error       TEXT,
    message_id  INTEGER
);
CREATE INDEX outbox_due ON outbox(sent_at, failed_at, priority, not_before);

-- Peer groups.
CREATE TABLE polls (
    poll_id     TEXT PRIMARY KEY,                -- Telegram's poll id
    group_id    INTEGER REFERENCES groups(id) ON DELETE CASCADE,
    prompt_id   TEXT NOT NULL,
    chat_id     INTEGER,
    message_id  INTEGER,
    sent_at     TEXT NOT NULL,
    options     TEXT NOT NULL,                   -- JSON list of option texts
    counts      TEXT NOT NULL DEFAULT '[]',      -- aggregated only; never who answered
    closed      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE broadcasts (
    id          INTEGER PRIMARY KEY,
    created_by  INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    group_ids   TEXT NOT NULL,
    audience    TEXT NOT NULL CHECK (audience IN ('private', 'chat')),
    prompt_id   TEXT,
    text        TEXT,
    created_at  TEXT NOT NULL,
    confirmed_at TEXT
);

-- Phenomena (ilmiöt) and the communal plans opened for them.
CREATE TABLE phenomena (
    id          INTEGER PRIMARY KEY,
    scope       TEXT NOT NULL,                   -- 'school' or 'group:<id>'
    signal      TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    since       TEXT NOT NULL,
    baseline    REAL NOT NULL,
    current     REAL NOT NULL,
    students    INTEGER NOT NULL
);

CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    phenomenon_id INTEGER REFERENCES phenomena(id) ON DELETE SET NULL,
    title       TEXT NOT NULL,
    responsible TEXT NOT NULL,
    participants TEXT NOT NULL DEFAULT '',
    actions     TEXT NOT NULL DEFAULT '',
    starts_on   TEXT NOT NULL,
    evaluate_on TEXT NOT NULL,
    created_by  INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    reminded_at TEXT,
    evaluation  TEXT
);

-- Append-only record of staff reads and refused actions. Rows about an erased student are
-- removed with them (erasure wins); nothing else may change or delete a row.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    INTEGER,
    actor_tg_id INTEGER,
    subject_id  INTEGER,
    action      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_subject ON audit_log(subject_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Processed webhook/polling update ids, so a repeated update is handled once.
CREATE TABLE processed_updates (
    update_id   INTEGER PRIMARY KEY,
    processed_at TEXT NOT NULL
);
