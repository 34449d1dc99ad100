-- Reports a committee approved, frozen as they were served: not part of the read model, so a rebuild keeps them.
CREATE TABLE committee_report (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_code      text        NOT NULL,
    name           text        NOT NULL,
    fiscal_year    integer     NOT NULL,
    as_of          timestamptz NOT NULL,
    fixed_at       timestamptz NOT NULL,
    fixed_by       jsonb,
    evaluation     bytea       NOT NULL,
    evaluation_csv bytea       NOT NULL,
    content_hash   text        NOT NULL,
    -- Each indicator's state as fixed, what later changes are listed against.
    results        jsonb       NOT NULL,
    UNIQUE (plan_code, name)
);
