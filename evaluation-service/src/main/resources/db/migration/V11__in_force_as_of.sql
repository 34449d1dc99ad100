-- "In force as of a moment", written once: what every query that asks for the definition or the figure in force goes
-- through (ReadModel, OverdueTallies). Plain SQL functions of one SELECT, which the planner inlines into the query that
-- calls them, so each keeps using the indexes it used before.

-- The newest version of each of a plan's indicators recorded by the moment.
CREATE FUNCTION indicator_versions_in_force(p_plan text, p_as_of timestamptz) RETURNS SETOF indicator_version
    LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (indicator_code) * FROM indicator_version
    WHERE plan_code = p_plan AND changed_at <= p_as_of
    ORDER BY indicator_code, version DESC
$$;

-- The newest version of one indicator recorded by the moment.
CREATE FUNCTION indicator_version_in_force(p_plan text, p_code text, p_as_of timestamptz) RETURNS SETOF indicator_version
    LANGUAGE sql STABLE AS $$
    SELECT * FROM indicator_version
    WHERE plan_code = p_plan AND indicator_code = p_code AND changed_at <= p_as_of
    ORDER BY version DESC LIMIT 1
$$;

-- The whole-year figure in force for an indicator and fiscal year: the highest revision recorded by the moment (of two
-- with one revision number, the later stored).
CREATE FUNCTION measurement_in_force(p_plan text, p_code text, p_year integer, p_as_of timestamptz) RETURNS SETOF measurement
    LANGUAGE sql STABLE AS $$
    SELECT * FROM measurement
    WHERE plan_code = p_plan AND indicator_code = p_code AND fiscal_year = p_year AND quarter IS NULL AND month IS NULL
      AND recorded_at <= p_as_of
    ORDER BY revision DESC, measurement_id DESC LIMIT 1
$$;
