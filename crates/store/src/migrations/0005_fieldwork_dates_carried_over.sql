-- Schema 5: the fieldwork dates of an assessment, and which levels of a
-- follow-up were carried over from its baseline and not yet confirmed.

ALTER TABLE assessment ADD COLUMN starts_on TEXT;
ALTER TABLE assessment ADD COLUMN ends_on TEXT;

ALTER TABLE clause_response ADD COLUMN carried_over INTEGER NOT NULL DEFAULT 0
    CHECK (carried_over IN (0, 1));
