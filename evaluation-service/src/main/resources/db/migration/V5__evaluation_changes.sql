-- Every change of an indicator's result, in the order its transaction committed, for the live stream: a dashboard
-- that reconnects with the last id it saw gets every change after it. tx orders the rows: only rows of finished
-- transactions (tx below the oldest running one) are streamed, so a late commit is never skipped.
CREATE TABLE evaluation_change (
    id             bigserial      PRIMARY KEY,
    tx             xid8           NOT NULL DEFAULT pg_current_xact_id(),
    plan_code      text           NOT NULL,
    indicator_code text           NOT NULL,
    kind           text           NOT NULL,
    node_code      text           NOT NULL,
    fiscal_year    integer        NOT NULL,
    status         text           NOT NULL,
    attainment     numeric(30, 10),
    changed_at     timestamptz    NOT NULL
);
CREATE INDEX evaluation_change_order ON evaluation_change (tx, id);
CREATE INDEX evaluation_change_age ON evaluation_change (changed_at);
