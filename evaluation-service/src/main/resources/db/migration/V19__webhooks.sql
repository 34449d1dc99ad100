-- Other systems' subscriptions to planeval's events, delivered to their URL signed (Standard Webhooks). Not part of the
-- read model: a rebuild keeps them.
CREATE TABLE webhook (
    id                   bigserial PRIMARY KEY,
    url                  text        NOT NULL,
    event_types          text[]      NOT NULL,
    plan_codes           text[]      NOT NULL,
    description          text,
    secret               text        NOT NULL,
    -- After a rotation the previous secret signs too, for a day, so that the receiver can switch without a gap.
    previous_secret      text,
    previous_secret_until timestamptz,
    created_at           timestamptz NOT NULL,
    created_by           jsonb,
    failing_since        timestamptz
);

-- Each event due to a subscription, stored before the event's offset is committed: at least once, whatever restarts.
CREATE TABLE webhook_delivery (
    id              bigserial PRIMARY KEY,
    webhook_id      bigint      NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    message_id      text        NOT NULL,
    event_type      text        NOT NULL,
    plan_code       text,
    body            bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    state           text        NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (webhook_id, message_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'pending';

-- Every attempt, with the receiver's answer.
CREATE TABLE webhook_attempt (
    delivery_id   bigint      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt       integer     NOT NULL,
    attempted_at  timestamptz NOT NULL,
    answer_status integer,
    error         text,
    PRIMARY KEY (delivery_id, attempt)
);
