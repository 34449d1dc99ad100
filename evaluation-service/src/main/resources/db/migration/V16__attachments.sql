-- Evidence: files attached to a measurement revision or a narrative revision, kept here with their SHA-256 and who
-- uploaded them. Not part of the read model: a rebuild keeps them. Never changed; the same file again is the same row.
CREATE TABLE attachment (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_code   text        NOT NULL,
    attached_to text        NOT NULL,
    code        text        NOT NULL,
    fiscal_year integer     NOT NULL,
    -- the measurement's id, or the narrative's revision
    revision    bigint      NOT NULL,
    file_name   text        NOT NULL,
    media_type  text        NOT NULL,
    size        bigint      NOT NULL,
    sha256      text        NOT NULL,
    content     bytea       NOT NULL,
    uploaded_at timestamptz NOT NULL,
    uploaded_by jsonb,
    UNIQUE (plan_code, attached_to, code, fiscal_year, revision, sha256)
);
CREATE INDEX attachment_year ON attachment (plan_code, fiscal_year, uploaded_at);

-- The attachments a fixed report names (by hash), as they were when it was fixed.
ALTER TABLE committee_report ADD COLUMN attachments jsonb;
