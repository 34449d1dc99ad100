-- Figures of broken-down indicators: each revision names the members it is for ('' for the indicator's own figure,
-- its whole; "dimension=member;…" otherwise). Revisions count per member, so the whole in force never reads a
-- member's revision, and a member's in force is read by its own index.
ALTER TABLE measurement ADD COLUMN member_key text NOT NULL DEFAULT '';

DROP INDEX measurement_year;
CREATE INDEX measurement_year ON measurement (plan_code, fiscal_year, indicator_code, revision DESC)
    WHERE quarter IS NULL AND month IS NULL AND member_key = '';
CREATE INDEX measurement_member ON measurement (plan_code, indicator_code, fiscal_year, member_key, revision DESC)
    WHERE quarter IS NULL AND month IS NULL AND member_key <> '';

DROP INDEX measurement_submitted;
CREATE INDEX measurement_submitted ON measurement (plan_code, fiscal_year, indicator_code, revision DESC)
    WHERE review = 'submitted' AND quarter IS NULL AND month IS NULL AND member_key = '';

CREATE OR REPLACE FUNCTION measurement_in_force(p_plan text, p_code text, p_year integer, p_as_of timestamptz) RETURNS SETOF measurement
    LANGUAGE sql STABLE AS $$
    SELECT m.* FROM measurement m
    WHERE m.plan_code = p_plan AND m.indicator_code = p_code AND m.fiscal_year = p_year AND m.quarter IS NULL AND m.month IS NULL
      AND m.member_key = '' AND m.recorded_at <= p_as_of
      AND (m.review = 'approved' OR EXISTS (SELECT 1 FROM measurement_review r WHERE r.measurement_id = m.measurement_id
                                            AND r.decision = 'approved' AND r.decided_at <= p_as_of))
    ORDER BY m.revision DESC, m.measurement_id DESC LIMIT 1
$$;
