-- A report fixed although not-achieved indicators had no causes written (where the plan requires them): which, and why.
ALTER TABLE committee_report ADD COLUMN unexplained_misses jsonb, ADD COLUMN unexplained_reason text;
