-- Schema 9: KPIs that drive decisions. A KPI has an owner, a definition, a
-- service, a tolerance band and a series of measurements instead of one
-- value; it links to the findings it drives and records what was decided.
-- A value recorded before becomes the first measurement of its series.

ALTER TABLE kpi ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE kpi ADD COLUMN definition TEXT NOT NULL DEFAULT '';
ALTER TABLE kpi ADD COLUMN service TEXT NOT NULL DEFAULT '';
ALTER TABLE kpi ADD COLUMN tolerance REAL CHECK (tolerance >= 0);
ALTER TABLE kpi ADD COLUMN decision TEXT NOT NULL DEFAULT '';
ALTER TABLE kpi ADD COLUMN finding_ids TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(finding_ids) AND json_type(finding_ids) = 'array');
ALTER TABLE kpi ADD COLUMN measurements TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(measurements) AND json_type(measurements) = 'array');

UPDATE kpi
   SET measurements = json_array(json_object(
           'period', CASE WHEN trim(period) = '' THEN 'Recorded earlier' ELSE trim(period) END,
           'value', value,
           'note', ''))
 WHERE value IS NOT NULL;

ALTER TABLE kpi DROP COLUMN value;
ALTER TABLE kpi DROP COLUMN period;
