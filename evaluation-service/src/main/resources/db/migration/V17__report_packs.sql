-- The pack of each fixed report (PDF, PowerPoint, Excel), made when it was fixed and kept byte for byte with its
-- SHA-256: the pack the committee received, whatever is corrected or rebuilt later.
CREATE TABLE committee_report_pack (
    report_id bigint NOT NULL REFERENCES committee_report (id),
    format    text   NOT NULL,
    content   bytea  NOT NULL,
    sha256    text   NOT NULL,
    PRIMARY KEY (report_id, format)
);
