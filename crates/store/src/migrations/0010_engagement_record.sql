-- Schema 10: the engagement on record. The scope of an assessment (services,
-- sites, units, other parties and the processes they operate), the client's
-- people, interview sessions, the evidence register with its attached files
-- (content kept once per SHA-256), and the documented information register
-- with a status per item of every requirement that expects one.

CREATE TABLE scope_item (
    id              TEXT PRIMARY KEY,
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('service', 'site', 'unit', 'external_supplier',
                                                  'internal_supplier', 'customer_as_supplier')),
    name            TEXT NOT NULL CHECK (name <> ''),
    owner           TEXT NOT NULL DEFAULT '',
    criticality     TEXT CHECK (criticality IN ('high', 'medium', 'low')),
    customers       TEXT NOT NULL DEFAULT '',
    reference       TEXT NOT NULL DEFAULT '',
    processes       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(processes) AND json_type(processes) = 'array'),
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX scope_item_by_assessment ON scope_item (assessment_id, position);

CREATE TABLE person (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (name <> ''),
    role            TEXT NOT NULL DEFAULT '',
    unit            TEXT NOT NULL DEFAULT '',
    site            TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX person_by_client ON person (client_id, name);

CREATE TABLE interview (
    id              TEXT PRIMARY KEY,
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    held_on         TEXT NOT NULL,
    time            TEXT NOT NULL DEFAULT '',
    person_ids      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(person_ids) AND json_type(person_ids) = 'array'),
    clause_ids      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(clause_ids) AND json_type(clause_ids) = 'array'),
    notes           TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX interview_by_assessment ON interview (assessment_id, held_on);

CREATE TABLE evidence (
    id              TEXT PRIMARY KEY,
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    code            TEXT NOT NULL CHECK (code <> ''),
    kind            TEXT NOT NULL CHECK (kind IN ('document', 'record', 'observation', 'interview_note')),
    title           TEXT NOT NULL CHECK (title <> ''),
    version         TEXT NOT NULL DEFAULT '',
    owner           TEXT NOT NULL DEFAULT '',
    seen_on         TEXT,
    location        TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    clause_ids      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(clause_ids) AND json_type(clause_ids) = 'array'),
    finding_ids     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(finding_ids) AND json_type(finding_ids) = 'array'),
    scope_ids       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scope_ids) AND json_type(scope_ids) = 'array'),
    population      INTEGER CHECK (population >= 0),
    sample          INTEGER CHECK (sample >= 1 AND sample <= population),
    exceptions      INTEGER CHECK (exceptions >= 0 AND exceptions <= sample),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((population IS NULL) = (sample IS NULL) AND (sample IS NULL) = (exceptions IS NULL)),
    UNIQUE (assessment_id, code)
) STRICT;

-- The services, sites and parties a finding concerns.
CREATE TABLE finding_scope (
    finding_id      TEXT NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    scope_id        TEXT NOT NULL REFERENCES scope_item (id) ON DELETE CASCADE,
    PRIMARY KEY (finding_id, scope_id)
) STRICT;

-- The content of attached files, once per SHA-256.
CREATE TABLE file_blob (
    sha256          TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size            INTEGER NOT NULL CHECK (size >= 0),
    content         BLOB NOT NULL
) STRICT;

-- The files attached to an evidence item. The content may be missing (an
-- assessment file imported without its files); it is listed all the same.
-- Content no item uses any more is removed by the transaction that let go
-- of it last (detaching, deleting an item or an assessment, replacing one).
CREATE TABLE evidence_file (
    evidence_id     TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    name            TEXT NOT NULL CHECK (name <> ''),
    size            INTEGER NOT NULL CHECK (size >= 0),
    position        INTEGER NOT NULL,
    added_at        TEXT NOT NULL,
    PRIMARY KEY (evidence_id, sha256)
) STRICT;
CREATE INDEX evidence_file_by_hash ON evidence_file (sha256);

-- The documented information register: the 7.5.4 checklist (as before) and
-- what each other requirement expects, with approval, version and the
-- evidence item it was seen as.
CREATE TABLE document_register (
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    clause_id       TEXT NOT NULL,
    item            TEXT NOT NULL,
    present         INTEGER CHECK (present IN (0, 1)),
    approved        INTEGER CHECK (approved IN (0, 1)),
    current         INTEGER CHECK (current IN (0, 1)),
    evidence_id     TEXT REFERENCES evidence (id) ON DELETE SET NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (assessment_id, clause_id, item)
) STRICT;
INSERT INTO document_register (assessment_id, clause_id, item, present, updated_at)
    SELECT assessment_id, '7.5.4', item, present, updated_at FROM document_check;
DROP TABLE document_check;
