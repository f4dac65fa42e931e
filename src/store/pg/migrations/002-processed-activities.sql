-- Replay protection for incoming activities (src/store/pg/pg-processed-activities.ts).
-- seen_at is milliseconds since the epoch from the process's clock, as in the SQLite store, so
-- the TTL reads the same on both and tests can drive the clock.
CREATE TABLE processed_activities (
  key     text PRIMARY KEY,
  seen_at bigint NOT NULL
);

CREATE INDEX processed_activities_seen_at ON processed_activities (seen_at);
