-- A committee closes a fiscal year by locking it: after that a measurement for the year is taken only as a correction,
-- with its reason kept on the revision. Locks are never removed; a closed year changes only by audited corrections.
CREATE TABLE fiscal_year_lock (
    plan_code   text        NOT NULL,
    fiscal_year integer     NOT NULL,
    locked_at   timestamptz NOT NULL,
    locked_by   jsonb,
    note        text,
    PRIMARY KEY (plan_code, fiscal_year)
);

ALTER TABLE measurement ADD COLUMN correction_reason text;

-- The corrections of a plan, newest first, without reading its ordinary revisions.
CREATE INDEX measurement_correction ON measurement (recorded_at DESC, id DESC) WHERE correction_reason IS NOT NULL;
