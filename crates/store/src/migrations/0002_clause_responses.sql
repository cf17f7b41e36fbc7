-- Schema 2: the catalogue an assessment follows, and the consultant's
-- response for each assessable clause.

ALTER TABLE assessment ADD COLUMN catalogue_id TEXT NOT NULL DEFAULT 'iso-iec-20000-1';
ALTER TABLE assessment ADD COLUMN catalogue_version TEXT NOT NULL DEFAULT '2018';

CREATE TABLE clause_response (
    assessment_id     TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    clause_id         TEXT NOT NULL,
    rating            TEXT NOT NULL CHECK (rating IN ('not_assessed', 'not_applicable', 'level')),
    level             INTEGER CHECK (level BETWEEN 0 AND 5),
    target_level      INTEGER CHECK (target_level BETWEEN 1 AND 5),
    na_justification  TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    evidence          TEXT NOT NULL DEFAULT '',
    interviewees      TEXT NOT NULL DEFAULT '',
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (assessment_id, clause_id),
    CHECK ((rating = 'level') = (level IS NOT NULL))
) STRICT;
