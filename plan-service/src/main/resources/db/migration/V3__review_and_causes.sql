-- A plan's evaluation settings: whether reported figures need a reviewer's approval before they count, and whether a
-- committee report needs causes written for every miss of its year.
ALTER TABLE plan ADD COLUMN review text NOT NULL DEFAULT 'none', ADD COLUMN causes_required boolean NOT NULL DEFAULT true;
