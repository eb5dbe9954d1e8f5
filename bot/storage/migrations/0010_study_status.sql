-- How a student's studies ended, set by the coordinator (/hallinta, kohtaamo admin
-- study-status): the student's status becomes 'left' with the reason 'interrupted'
-- (keskeytti), 'transferred' (siirtyi toiseen koulutukseen) or 'graduated' (valmistui), on
-- `left_on`. Reports count the first two as having left their studies; graduating is not.
ALTER TABLE students ADD COLUMN left_reason TEXT
    CHECK (left_reason IN ('interrupted', 'transferred', 'graduated'));
ALTER TABLE students ADD COLUMN left_on TEXT;

-- Kept when a student who had a concern erases their data, so the impact row ("of those
-- who had a concern, how many still study") does not lose exactly the students who left:
-- no id, no name, no group — the ISO week of their last concern and whether they had left
-- their studies. Reports add these to the school's figures only.
CREATE TABLE erased_outcomes (
    id              INTEGER PRIMARY KEY,
    concern_week    TEXT NOT NULL,                -- e.g. 2026-W48
    left_studies    INTEGER NOT NULL CHECK (left_studies IN (0, 1))
);
