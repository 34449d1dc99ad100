-- Indicators broken down by dimensions (municipality, sex, age, a list of the plan's own): the breakdown as normalized,
-- and for each revision the members it is for ('' for the indicator's own figure, its whole). Revisions count per
-- indicator, period and members.
ALTER TABLE indicator ADD COLUMN breakdown jsonb;
ALTER TABLE measurement ADD COLUMN member_key text NOT NULL DEFAULT '';

DROP INDEX measurement_revision;
CREATE UNIQUE INDEX measurement_revision
    ON measurement (indicator_id, fiscal_year, COALESCE(quarter, 0), COALESCE(month, 0), member_key, revision);
