-- Whether a plan's evaluation is open data (readable without a token), and who made its last change (the events
-- carry every change's author to the read models).
ALTER TABLE plan ADD COLUMN open_data boolean NOT NULL DEFAULT false, ADD COLUMN changed_by jsonb;
