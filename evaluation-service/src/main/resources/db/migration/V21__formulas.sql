-- Computed indicators: what a change to a figure or definition must recompute besides it is read from the versions
-- with a formula, through this index; a plan without one answers from an empty range.
CREATE INDEX indicator_version_formula ON indicator_version (plan_code, indicator_code, version)
    WHERE jsonb_typeof(definition->'formula') = 'object';
