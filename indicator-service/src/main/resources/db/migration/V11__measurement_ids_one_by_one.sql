-- Measurements are inserted by one SQL statement a post, whatever its number of rows, each taking its id from the
-- sequence (nextval), so the sequence hands out ids one by one from now on. Until now an instance took a block of
-- 1000 ids from the value the sequence gave it onwards: the next id is past the last block and every stored id.
ALTER SEQUENCE measurement_seq INCREMENT BY 1;
SELECT setval('measurement_seq', GREATEST((SELECT last_value FROM measurement_seq) + 1000,
                                          (SELECT COALESCE(max(id), 0) FROM measurement) + 1));
