-- Schema 1: clients and their assessments.
-- Ids are UUID text; timestamps are RFC 3339 UTC text (sortable as text).

CREATE TABLE client (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- One client per name, whatever the letter case (ASCII).
CREATE UNIQUE INDEX client_name_unique ON client (name COLLATE NOCASE);

CREATE TABLE assessment (
    id            TEXT PRIMARY KEY NOT NULL,
    client_id     TEXT NOT NULL REFERENCES client (id) ON DELETE RESTRICT,
    title         TEXT NOT NULL,
    scope         TEXT NOT NULL DEFAULT '',
    assessors     TEXT NOT NULL DEFAULT '',
    target_level  INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5),
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX assessment_client ON assessment (client_id);
CREATE INDEX assessment_updated ON assessment (updated_at);
