-- Transactional outbox (service-support): written in the transaction of the change it announces,
-- relayed to Kafka afterwards in seq order, marked published, purged after a retention period.
CREATE SEQUENCE outbox_event_seq INCREMENT BY 50;

CREATE TABLE outbox_event (
    seq          bigint PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    type         text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);

CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
