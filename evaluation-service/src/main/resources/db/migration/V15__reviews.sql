-- Reviews of reported figures (plans whose review is required): a revision arrives submitted and counts only once a
-- reviewer approves it; a returned one never counts. Part of the read model, rebuilt from planeval.measurements.
ALTER TABLE measurement ADD COLUMN review text NOT NULL DEFAULT 'approved';

CREATE TABLE measurement_review (
    measurement_id bigint PRIMARY KEY,
    plan_code      text        NOT NULL,
    indicator_code text        NOT NULL,
    fiscal_year    integer     NOT NULL,
    revision       integer     NOT NULL,
    decision       text        NOT NULL,
    reason         text,
    decided_at     timestamptz NOT NULL,
    decided_by     jsonb
);
-- The audit trail reads a plan's decisions by time.
CREATE INDEX measurement_review_plan ON measurement_review (plan_code, decided_at DESC);
-- Whole-year figures waiting for a reviewer: what the evaluation shows as pending beside the figure in force.
CREATE INDEX measurement_submitted ON measurement (plan_code, fiscal_year, indicator_code, revision DESC)
    WHERE review = 'submitted' AND quarter IS NULL AND month IS NULL;

-- The whole-year figure in force: the highest revision recorded by the moment that counted by then (approved when
-- recorded, or approved by a reviewer by then); of two with one revision number, the later stored.
CREATE OR REPLACE FUNCTION measurement_in_force(p_plan text, p_code text, p_year integer, p_as_of timestamptz) RETURNS SETOF measurement
    LANGUAGE sql STABLE AS $$
    SELECT m.* FROM measurement m
    WHERE m.plan_code = p_plan AND m.indicator_code = p_code AND m.fiscal_year = p_year AND m.quarter IS NULL AND m.month IS NULL
      AND m.recorded_at <= p_as_of
      AND (m.review = 'approved' OR EXISTS (SELECT 1 FROM measurement_review r WHERE r.measurement_id = m.measurement_id
                                            AND r.decision = 'approved' AND r.decided_at <= p_as_of))
    ORDER BY m.revision DESC, m.measurement_id DESC LIMIT 1
$$;
