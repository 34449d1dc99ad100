-- Outbox ids come in blocks of 1000 (OutboxEvent's allocationSize): a bulk post of 10,000 rows takes ten trips to
-- the sequence, not two hundred. Repeatable, so databases created with the first step of 50 move to it too.
ALTER SEQUENCE outbox_event_seq INCREMENT BY 1000;
