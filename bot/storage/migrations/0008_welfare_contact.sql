-- The school's welfare contact (kuraattori, role 'welfare'): gets a child-protection alert
-- together with the coach. SQLite cannot change a CHECK constraint, so the two tables that
-- name the roles are rebuilt with their rows (no other table references them).
CREATE TABLE person_roles_new (
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    role        TEXT NOT NULL
                CHECK (role IN ('student', 'coach', 'group_coach', 'coordinator', 'welfare')),
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (person_id, role)
);
INSERT INTO person_roles_new (person_id, role, granted_at)
    SELECT person_id, role, granted_at FROM person_roles;
DROP TABLE person_roles;
ALTER TABLE person_roles_new RENAME TO person_roles;

CREATE TABLE invites_new (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,            -- sha256 of the token; the token itself is never stored
    role        TEXT NOT NULL
                CHECK (role IN ('student', 'coach', 'group_coach', 'coordinator', 'welfare')),
    person_id   INTEGER REFERENCES persons(id) ON DELETE CASCADE,
    group_id    INTEGER REFERENCES groups(id) ON DELETE CASCADE,
    created_by  INTEGER REFERENCES persons(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
INSERT INTO invites_new (id, token_hash, role, person_id, group_id, created_by, created_at,
                         expires_at, used_at)
    SELECT id, token_hash, role, person_id, group_id, created_by, created_at, expires_at, used_at
    FROM invites;
DROP TABLE invites;
ALTER TABLE invites_new RENAME TO invites;
CREATE INDEX invites_person ON invites(person_id);

-- The duty to report (lastensuojeluilmoitus) depends on whether the student is under 18: the
-- school's roster may carry the birth date. NULL = not known (staff are reminded conditionally).
ALTER TABLE students ADD COLUMN birth_date TEXT;
