-- The committee's words: a node's written evaluation (（３）評価) and highlight lines, an indicator's causes (要因分析)
-- and actions (改善策), per fiscal year. Written here through the API, not rebuilt from events: a rebuild keeps them.
-- Every PUT adds a revision; the one in force as of a moment is the highest written by then.
CREATE TABLE narrative_revision (
    plan_code   text        NOT NULL,
    subject     text        NOT NULL,
    code        text        NOT NULL,
    fiscal_year integer     NOT NULL,
    revision    integer     NOT NULL,
    evaluation  text,
    highlights  jsonb,
    causes      text,
    actions     text,
    written_at  timestamptz NOT NULL,
    written_by  jsonb,
    PRIMARY KEY (plan_code, fiscal_year, subject, code, revision)
);
-- The audit trail and the changes between two moments read a plan's revisions by time.
CREATE INDEX narrative_written ON narrative_revision (plan_code, written_at DESC);

-- Each narrative of a plan and year in force as of the moment.
CREATE FUNCTION narratives_in_force(p_plan text, p_year integer, p_as_of timestamptz) RETURNS SETOF narrative_revision
    LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (subject, code) * FROM narrative_revision
    WHERE plan_code = p_plan AND fiscal_year = p_year AND written_at <= p_as_of
    ORDER BY subject, code, revision DESC
$$;
