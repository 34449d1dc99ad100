-- Ids of the events a consumer has applied (service-support), for effectively-once consumption.
CREATE TABLE processed_event (
    event_id     text PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
