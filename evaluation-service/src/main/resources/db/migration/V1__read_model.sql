-- evaluation-service owns no source data: everything here is rebuilt from the planeval.* topics.
-- Versions and revisions are kept with their source times, so any question can be asked "as of" a moment.

CREATE TABLE plan_version (
    plan_code  text        NOT NULL,
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL,
    document   jsonb       NOT NULL,
    PRIMARY KEY (plan_code, version)
);

CREATE TABLE indicator_version (
    plan_code      text        NOT NULL,
    indicator_code text        NOT NULL,
    version        bigint      NOT NULL,
    changed_at     timestamptz NOT NULL,
    definition     jsonb       NOT NULL,
    PRIMARY KEY (plan_code, indicator_code, version)
);

CREATE TABLE measurement (
    measurement_id bigint PRIMARY KEY,
    plan_code      text           NOT NULL,
    indicator_code text           NOT NULL,
    fiscal_year    integer        NOT NULL,
    quarter        integer,
    month          integer,
    revision       integer        NOT NULL,
    value          numeric(20, 6),
    outcome        text,
    status         text           NOT NULL,
    recorded_at    timestamptz    NOT NULL
);

-- The whole-year figure in force: highest revision per indicator and year recorded by a moment.
CREATE INDEX measurement_year ON measurement (plan_code, fiscal_year, indicator_code, revision DESC)
    WHERE quarter IS NULL AND month IS NULL;

-- The current result per indicator and year, kept up to date event by event: what changes are detected against.
CREATE TABLE indicator_result (
    plan_code      text           NOT NULL,
    indicator_code text           NOT NULL,
    fiscal_year    integer        NOT NULL,
    status         text           NOT NULL,
    attainment     numeric(30, 10),
    evaluated_at   timestamptz    NOT NULL,
    PRIMARY KEY (plan_code, indicator_code, fiscal_year)
);
