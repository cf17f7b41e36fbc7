-- Schema 3: findings (with their roadmap phase) and service KPIs.

CREATE TABLE finding (
    id              TEXT PRIMARY KEY NOT NULL,
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    clause_id       TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('major_nonconformity', 'minor_nonconformity',
                        'observation', 'opportunity_for_improvement', 'good_practice')),
    title           TEXT NOT NULL,
    observation     TEXT NOT NULL DEFAULT '',
    evidence        TEXT NOT NULL DEFAULT '',
    recommendation  TEXT NOT NULL DEFAULT '',
    priority        TEXT NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    owner           TEXT NOT NULL DEFAULT '',
    due_date        TEXT,
    status          TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'closed')),
    phase           TEXT CHECK (phase IN ('before_stage1', 'before_stage2', 'after_certification')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX finding_assessment ON finding (assessment_id, clause_id);

CREATE TABLE kpi (
    id              TEXT PRIMARY KEY NOT NULL,
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    clause_ids      TEXT NOT NULL DEFAULT '[]',
    unit            TEXT NOT NULL DEFAULT '',
    direction       TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
    value           REAL,
    target          REAL,
    period          TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX kpi_assessment ON kpi (assessment_id);
