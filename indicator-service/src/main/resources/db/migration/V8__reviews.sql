-- Plans whose review is required: each new revision is submitted and counts only once a reviewer (the owning
-- organisation's steward, or a plan admin, never its poster) approves it; a returned one is corrected by a new revision.
ALTER TABLE known_plan ADD COLUMN review text NOT NULL DEFAULT 'none';
-- How the revision was recorded: approved (counted at once) or submitted (waits for a reviewer). Never updated.
ALTER TABLE measurement ADD COLUMN review text NOT NULL DEFAULT 'approved';

-- A reviewer's decision, one per submitted revision, never changed.
CREATE TABLE measurement_review (
    measurement_id bigint      PRIMARY KEY REFERENCES measurement (id),
    decision       text        NOT NULL,
    reason         text,
    decided_at     timestamptz NOT NULL,
    decided_by     jsonb
);
-- A reviewer's queue: submitted revisions, oldest first.
CREATE INDEX measurement_submitted ON measurement (recorded_at, id) WHERE review = 'submitted';
