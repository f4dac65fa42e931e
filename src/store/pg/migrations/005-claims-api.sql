-- The embedded reference claims API (src/claims-api/pg-claims-repository.ts, pg-webhook-store.ts):
-- the tables of its SQLite file, with the same claims_api_ names. Claim times are kept as the ISO
-- text the API was given and lists as JSON text (json keeps it as written), so a claim reads back
-- exactly as from SQLite. Webhook times are milliseconds since the epoch from the process's clock.
CREATE TABLE claims_api_claims (
  id               text PRIMARY KEY,
  number           text NOT NULL UNIQUE,
  employee_id      text NOT NULL,
  status           text NOT NULL
                   CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'paid')),
  description      text NOT NULL,
  purpose          text NOT NULL,
  dimensions       json NOT NULL,
  lines            json NOT NULL,
  attachments      json NOT NULL,
  totals           json NOT NULL,
  created_at       text NOT NULL,
  updated_at       text NOT NULL,
  rejection_reason text,
  paid_at          text,
  version          integer NOT NULL DEFAULT 1,
  payout           json,
  -- The order rows were stored in, to list claims of the same millisecond newest first (SQLite's rowid).
  seq              bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX claims_api_claims_by_employee ON claims_api_claims (employee_id, created_at, seq);

-- An idempotency key is claimed by inserting it, before its claim exists: the unique key decides
-- which of two instances filing the same request files it. Hence the check at commit.
CREATE TABLE claims_api_idempotency_keys (
  employee_id     text NOT NULL,
  idempotency_key text NOT NULL,
  claim_id        text NOT NULL REFERENCES claims_api_claims (id) DEFERRABLE INITIALLY DEFERRED,
  request_hash    text NOT NULL,
  created_at      text NOT NULL,
  PRIMARY KEY (employee_id, idempotency_key)
);

CREATE TABLE claims_api_attachments (
  employee_id text NOT NULL,
  sha256      text NOT NULL,
  mime        text NOT NULL,
  bytes       bytea NOT NULL,
  created_at  text NOT NULL,
  PRIMARY KEY (employee_id, sha256)
);

CREATE TABLE claims_api_status_history (
  seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id text NOT NULL REFERENCES claims_api_claims (id),
  at       text NOT NULL,
  status   text NOT NULL,
  actor    text NOT NULL,
  reason   text
);
CREATE INDEX claims_api_status_history_by_claim ON claims_api_status_history (claim_id, seq);

-- Claim numbers count from 1 in each (Norwegian) year without gaps: the year's row is bumped in
-- the filing's transaction, so a filing that rolls back gives its number back, and the row lock
-- hands out each number once across instances. A PostgreSQL sequence could do neither.
CREATE TABLE claims_api_number_sequences (
  year       integer PRIMARY KEY,
  last_value integer NOT NULL
);

CREATE TABLE claims_api_subscriptions (
  id         text PRIMARY KEY,
  url        text NOT NULL UNIQUE,
  secret     text NOT NULL,
  events     jsonb NOT NULL,
  created_at text NOT NULL
);

-- done: 0 still to send at next_at, 1 delivered, 2 given up. A sender leases a delivery by moving
-- next_at past the time its attempt can take.
CREATE TABLE claims_api_webhook_deliveries (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subscription_id text NOT NULL REFERENCES claims_api_subscriptions (id) ON DELETE CASCADE,
  event_id        text NOT NULL,
  body            text NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_at         bigint NOT NULL,
  done            smallint NOT NULL DEFAULT 0
);
CREATE INDEX claims_api_webhook_due ON claims_api_webhook_deliveries (next_at) WHERE done = 0;
CREATE INDEX claims_api_webhook_by_subscription ON claims_api_webhook_deliveries (subscription_id);
