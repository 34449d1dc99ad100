-- Every figure the API accepts (up to 14 digits before the point and 6 after) must fit here too: an attainment can be
-- 10^14 ÷ 10^-6 × 100 = 10^22 percent (twice that from a baseline), 23 digits before the point; 30 leave room.
ALTER TABLE indicator_result ALTER COLUMN attainment TYPE numeric(40, 10);
ALTER TABLE evaluation_change ALTER COLUMN attainment TYPE numeric(40, 10);
