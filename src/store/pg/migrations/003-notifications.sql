-- Status messages and reminders (src/notifications/): the furthest state of a claim told so far,
-- the last reminder per person, and where each person's personal chat is. Times are milliseconds
-- since the epoch from the process's clock, as in the SQLite tables, so tests can drive the clock.
CREATE TABLE claim_status_seen (
  claim_id    text PRIMARY KEY,
  employee_id text NOT NULL,
  progress    integer NOT NULL
);

CREATE TABLE reminders_sent (
  employee_id text PRIMARY KEY,
  sent_at     bigint NOT NULL
);

CREATE TABLE conversation_refs (
  employee_id text PRIMARY KEY,
  reference   text NOT NULL,
  locale      text,
  usable      boolean NOT NULL DEFAULT true,
  created_at  bigint NOT NULL,
  updated_at  bigint NOT NULL
);
