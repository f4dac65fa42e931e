-- The bot's conversation and user state (botbuilder Storage), with optimistic concurrency.
-- `version` is the row's eTag: every write takes a fresh value from one sequence, so a version is
-- never reused, not even after the key was deleted and written again, and a stale eTag can never
-- match by chance. A guarded write is `UPDATE … WHERE key = $1 AND version = $2`.
CREATE SEQUENCE bot_state_version;

CREATE TABLE bot_state (
  key        text PRIMARY KEY,
  -- json, not jsonb: kept as written, byte for byte, like the SQLite store's text column.
  doc        json NOT NULL,
  version    bigint NOT NULL DEFAULT nextval('bot_state_version'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
