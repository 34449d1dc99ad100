-- Why a figure already reported was changed (set on corrections; the only way into a locked fiscal year), and when a
-- figure being tallied is expected: what the overdue list and its announcements read.
ALTER TABLE measurement ADD COLUMN correction_reason text;
ALTER TABLE measurement ADD COLUMN expected_date date;

-- Whole-year figures being tallied, by expected date: the overdue check reads these and no others.
CREATE INDEX measurement_tallying ON measurement (expected_date)
    WHERE status = 'being_tallied' AND quarter IS NULL AND month IS NULL;
