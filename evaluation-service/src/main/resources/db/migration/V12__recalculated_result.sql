-- Named for what it is: each indicator's status and attainment per fiscal year as the last recalculation left them,
-- kept so that the next one can tell what changed (evaluation-changed events, the live stream's log, Last-Modified).
-- Answers are computed from the read model as of the moment asked (EvaluationQueries), never read from here.
ALTER TABLE indicator_result RENAME TO recalculated_result;
