-- The receipt store (src/receipts/pg-receipt-store.ts): each receipt's row, and the image bytes
-- themselves, so any instance can show or read any receipt.
--
-- The bytes are kept once per employee and content hash, not once per receipt (the same photo
-- sent twice is one image) and not once per hash across employees: an image belongs to the
-- person who sent it, so deleting someone's receipts never depends on anyone else's, and nothing
-- one person does can tell them whether another sent the same file. A receipt's row refers to its
-- image by foreign key, so a row never points at missing bytes.
CREATE TABLE receipt_blobs (
  employee_id text NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes       bytea NOT NULL,
  PRIMARY KEY (employee_id, sha256)
);
-- Photos and PDFs are compressed already: store them out of line without trying again.
ALTER TABLE receipt_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- Columns as in the SQLite table; `seq` orders receipts made in the same millisecond, as SQLite's
-- rowid does. The duplicate key (merchant_key, receipt_date, total_minor, currency) sits beside
-- the fields so the same-purchase check is an indexed lookup.
CREATE TABLE receipts (
  id           text PRIMARY KEY,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  employee_id  text NOT NULL,
  sha256       text NOT NULL,
  mime         text NOT NULL,
  size         integer NOT NULL,
  file_name    text,
  comment      text,
  created_at   timestamptz NOT NULL,
  fields       jsonb,
  merchant_key text,
  receipt_date text,
  total_minor  bigint,
  currency     text,
  status       text NOT NULL CHECK (status IN ('inbox', 'attached', 'filed')),
  draft_id     text,
  claim_id     text,
  FOREIGN KEY (employee_id, sha256) REFERENCES receipt_blobs (employee_id, sha256)
);

CREATE INDEX receipts_by_hash ON receipts (employee_id, sha256);
CREATE INDEX receipts_by_status ON receipts (employee_id, status, created_at);
CREATE INDEX receipts_by_content ON receipts (employee_id, receipt_date, total_minor);
CREATE INDEX receipts_unread ON receipts (created_at, seq) WHERE fields IS NULL;
