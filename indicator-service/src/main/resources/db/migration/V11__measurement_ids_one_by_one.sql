-- Measurements are inserted by one SQL statement a post, whatever its number of rows, each taking its id from the
-- sequence (nextval), so the sequence hands out ids one by one. The next id follows every id handed out in blocks
-- before: the sequence's last value is the end of the last block.
ALTER SEQUENCE measurement_seq INCREMENT BY 1;
