-- Each client has its own Idempotency-Key space: one client's key never answers, or blocks, another's request.
-- Keys stored before clients had identities keep the empty client.
ALTER TABLE idempotency_key ADD COLUMN client text NOT NULL DEFAULT '';
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (client, key);
