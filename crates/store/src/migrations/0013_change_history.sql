-- Schema 13: the change history. Every change to an assessment is one group
-- (who, when, what kind) of row changes (which table and row, the values
-- before and after), written by the transaction that makes the change.
-- Undo and redo are groups of their own that name the group they revert.
-- The installation's settings (the consultant's name) live beside them.

CREATE TABLE change_group (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    author          TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'merge')),
    reverts         TEXT,
    origin          TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'imported'))
) STRICT;
CREATE INDEX change_group_by_assessment ON change_group (assessment_id, seq);
CREATE INDEX change_group_by_reverts ON change_group (reverts) WHERE reverts IS NOT NULL;

CREATE TABLE change_row (
    id              INTEGER PRIMARY KEY,
    group_seq       INTEGER NOT NULL REFERENCES change_group (seq) ON DELETE CASCADE,
    tbl             TEXT NOT NULL,
    key             TEXT NOT NULL CHECK (json_valid(key) AND json_type(key) = 'array'),
    op              TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before          TEXT CHECK (before IS NULL OR json_valid(before)),
    after           TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE INDEX change_row_by_group ON change_row (group_seq);

CREATE TABLE setting (
    key             TEXT PRIMARY KEY NOT NULL,
    value           TEXT NOT NULL
) STRICT;
