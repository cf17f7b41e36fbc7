-- Schema 7: the corrective action cycle of a nonconformity (its owner and
-- due date are the finding's), and the documented information checklist of
-- 7.5.4: one row per item checked, present or missing; no row means the item
-- has not been checked yet.

ALTER TABLE finding ADD COLUMN correction TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN root_cause TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN corrective_action TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN plan_accepted_on TEXT;
ALTER TABLE finding ADD COLUMN implemented_on TEXT;
ALTER TABLE finding ADD COLUMN verified_on TEXT;
ALTER TABLE finding ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN verification TEXT NOT NULL DEFAULT '';

CREATE TABLE document_check (
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    item            TEXT NOT NULL,
    present         INTEGER NOT NULL CHECK (present IN (0, 1)),
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item)
) STRICT;
