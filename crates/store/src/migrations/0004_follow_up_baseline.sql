-- Schema 4: a follow-up assessment names the earlier assessment it is
-- measured against. Deleting the baseline keeps the follow-up (the link
-- becomes empty).

ALTER TABLE assessment ADD COLUMN baseline_id TEXT
    REFERENCES assessment (id) ON DELETE SET NULL;

CREATE INDEX assessment_baseline ON assessment (baseline_id);
