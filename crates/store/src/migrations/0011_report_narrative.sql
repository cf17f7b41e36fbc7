-- Schema 11: the consultant's own words for the report, one row per part
-- written: the executive summary, key messages, conclusions, next steps,
-- and a comment per clause group ("clause:4" to "clause:10").

CREATE TABLE narrative (
    assessment_id   TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    part            TEXT NOT NULL CHECK (
                        part IN ('summary', 'key_messages', 'conclusions', 'next_steps')
                        OR (part GLOB 'clause:[0-9]*' AND length(part) <= 10)),
    body            TEXT NOT NULL CHECK (length(body) > 0),
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (assessment_id, part)
) STRICT;
