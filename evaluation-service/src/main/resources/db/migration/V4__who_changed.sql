-- Who made each change, as the events carry it: the audit trail of a plan, its indicators and its measurements.
ALTER TABLE plan_version ADD COLUMN changed_by jsonb;
ALTER TABLE indicator_version ADD COLUMN changed_by jsonb;
ALTER TABLE measurement ADD COLUMN recorded_by jsonb;

-- The audit trail of a plan, newest first, a page at a time.
CREATE INDEX measurement_recorded ON measurement (plan_code, recorded_at DESC);
