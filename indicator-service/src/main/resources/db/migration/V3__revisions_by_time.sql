-- An indicator's revisions are listed newest first, a page at a time (keyset on recorded_at, id): one index range
-- scan per page, however many revisions the indicator has.
CREATE INDEX measurement_by_time ON measurement (indicator_id, recorded_at DESC, id DESC);
