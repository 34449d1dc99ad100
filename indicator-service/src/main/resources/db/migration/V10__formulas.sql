-- Indicators computed from others of the plan by a formula (null: the figure is reported).
ALTER TABLE indicator ADD COLUMN formula jsonb;
