-- Each being-tallied revision announced as overdue, so that every instance announces it once between them. Not part of
-- the read model: a rebuild does not announce again.
CREATE TABLE overdue_announcement (
    measurement_id bigint PRIMARY KEY,
    plan_code      text        NOT NULL,
    announced_at   timestamptz NOT NULL
);
