-- A plan's reporting season for a fiscal year: when its figures are due, which indicators are due on another day, and
-- at how many working days before and after the due date each organisation still owing figures is reminded.
CREATE TABLE reporting_calendar (
    plan_code           text        NOT NULL,
    fiscal_year         integer     NOT NULL,
    due_date            date        NOT NULL,
    remind_before       integer[]   NOT NULL,
    remind_after        integer[]   NOT NULL,
    indicator_due_dates jsonb       NOT NULL DEFAULT '{}',
    updated_at          timestamptz NOT NULL,
    updated_by          jsonb,
    PRIMARY KEY (plan_code, fiscal_year)
);

-- The organisations that report, and where their reminders go. Not part of the read model (a rebuild keeps it).
CREATE TABLE organisation (
    code       text PRIMARY KEY,
    name       text        NOT NULL,
    contacts   text[]      NOT NULL,
    language   text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by jsonb
);

-- Each reminder step of a season, once per organisation: the row is the claim that makes one instance send it,
-- whichever finds it first, across restarts and rebuilds. A failed sending (or one an instance died in) is tried again.
CREATE TABLE reminder (
    id                bigserial PRIMARY KEY,
    plan_code         text        NOT NULL,
    fiscal_year       integer     NOT NULL,
    organisation_code text        NOT NULL,
    timing            text        NOT NULL,
    working_days      integer     NOT NULL,
    step_date         date        NOT NULL,
    state             text        NOT NULL,
    attempts          integer     NOT NULL DEFAULT 1,
    claimed_at        timestamptz NOT NULL,
    sent_at           timestamptz,
    recipients        text[]      NOT NULL,
    indicator_codes   text[]      NOT NULL,
    error             text,
    UNIQUE (plan_code, fiscal_year, organisation_code, timing, working_days)
);
CREATE INDEX reminder_of_plan ON reminder (plan_code, fiscal_year, claimed_at);
