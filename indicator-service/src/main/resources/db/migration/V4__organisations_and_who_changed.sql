-- Whose reporters post an indicator's measurements (their tokens' org claim), and who made each change: the last
-- change of a definition, every measurement revision.
ALTER TABLE indicator ADD COLUMN organisation text, ADD COLUMN changed_by jsonb;
ALTER TABLE measurement ADD COLUMN recorded_by jsonb;
