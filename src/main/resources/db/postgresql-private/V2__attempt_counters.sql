-- The sign-in counters also count readers' messages (FeedbackDesk): one table of attempt counters,
-- each key prefixed by what it counts.
ALTER TABLE sign_in_attempts RENAME TO attempt_counters;
ALTER INDEX sign_in_attempts_by_key RENAME TO attempt_counters_by_key;
ALTER INDEX sign_in_attempts_by_at RENAME TO attempt_counters_by_at;
