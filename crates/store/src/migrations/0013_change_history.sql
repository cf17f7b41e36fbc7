-- Schema 13: the change history. Every change to an assessment is one group
-- (who, when, what kind) of row changes (which table and row, the values
-- before and after), written by the transaction that makes the change.
-- Undo and redo are groups of their own that name the group they revert.
-- The installation's settings (the consultant's name) live beside them.

CREATE TABLE change_group (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL,
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    author          TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'merge')),
    reverts         TEXT,
    origin          TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'imported'))
) STRICT;
CREATE INDEX change_group_by_reverts ON change_group (reverts) WHERE reverts IS NOT NULL;

-- Few indexes on purpose: each one is another page written with every
-- change. A group's rows are found by their key; the newest groups, which
-- undo and redo look for, are found from the end of the table.
CREATE TABLE change_row (
    group_seq       INTEGER NOT NULL REFERENCES change_group (seq) ON DELETE CASCADE,
    n               INTEGER NOT NULL,
    tbl             TEXT NOT NULL,
    key             TEXT NOT NULL CHECK (json_valid(key) AND json_type(key) = 'array'),
    op              TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before          TEXT CHECK (before IS NULL OR json_valid(before)),
    after           TEXT CHECK (after IS NULL OR json_valid(after)),
    PRIMARY KEY (group_seq, n)
) STRICT, WITHOUT ROWID;

CREATE TABLE setting (
    key             TEXT PRIMARY KEY NOT NULL,
    value           TEXT NOT NULL
) STRICT;
