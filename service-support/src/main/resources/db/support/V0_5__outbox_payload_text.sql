-- The payload is sent as it was written and never queried: text, not jsonb, spares PostgreSQL parsing every event
-- and keeps the bytes exactly as the service wrote them.
ALTER TABLE outbox_event ALTER COLUMN payload TYPE text;
