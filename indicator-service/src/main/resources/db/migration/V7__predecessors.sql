-- Lineage: the indicator of an earlier plan that this one continues (both null: none).
ALTER TABLE indicator ADD COLUMN predecessor_plan_code text;
ALTER TABLE indicator ADD COLUMN predecessor_code text;
