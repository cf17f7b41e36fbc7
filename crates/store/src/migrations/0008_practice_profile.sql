-- Schema 8: the ITIL practice profile of an assessment, one row per practice
-- something was recorded for; no row means nothing was recorded.

CREATE TABLE practice_profile (
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    practice        TEXT NOT NULL,
    status          TEXT CHECK (status IN ('not_in_place', 'partial', 'in_place')),
    capability      INTEGER CHECK (capability BETWEEN 1 AND 5),
    tool            TEXT NOT NULL DEFAULT '',
    owner           TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (assessment_id, practice)
) STRICT;
