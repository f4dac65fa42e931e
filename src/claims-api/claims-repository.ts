/**
 * SQLite storage for the reference claims API. The database handle is passed in so the reference
 * server can share a file with the rest of the bot; every table is prefixed `claims_api_` so the
 * two never collide.
 */
import type Database from 'better-sqlite3';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../claims/claim.js';
import {
  claimFromRow,
  claimNumber,
  historyReason,
  newClaimColumns,
  numberingYear,
  payoutColumn,
  resubmitRefusal,
  resubmittedContent,
  type ClaimRow,
  type ClaimsStore,
  type FileClaimInput,
  type FileClaimResult,
  type HistoryRow,
  type IdempotencyRow,
  type ResubmitInput,
  type ResubmitResult,
  type StatusMoveDetails,
} from './claims-store.js';

export { claimNumber };
export type {
  FileClaimInput,
  FileClaimResult,
  NewStoredClaim,
  ResubmitInput,
  ResubmitResult,
  StatusMoveDetails,
} from './claims-store.js';

const statusList = CLAIM_STATUSES.map((s) => `'${s}'`).join(', ');

const SCHEMA = `
CREATE TABLE IF NOT EXISTS claims_api_claims (
  id          TEXT PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  employee_id TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN (${statusList})),
  description TEXT NOT NULL,
  purpose     TEXT NOT NULL,
  dimensions  TEXT NOT NULL,
  lines       TEXT NOT NULL,
  totals      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_api_claims_by_employee ON claims_api_claims (employee_id, created_at);

CREATE TABLE IF NOT EXISTS claims_api_idempotency_keys (
  employee_id     TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  claim_id        TEXT NOT NULL REFERENCES claims_api_claims (id),
  request_hash    TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (employee_id, idempotency_key)
);

CREATE TABLE IF NOT EXISTS claims_api_attachments (
  employee_id TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  mime        TEXT NOT NULL,
  bytes       BLOB NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (employee_id, sha256)
);

CREATE TABLE IF NOT EXISTS claims_api_status_history (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id TEXT NOT NULL REFERENCES claims_api_claims (id),
  at       TEXT NOT NULL,
  status   TEXT NOT NULL,
  actor    TEXT NOT NULL,
  reason   TEXT
);
CREATE INDEX IF NOT EXISTS claims_api_status_history_by_claim ON claims_api_status_history (claim_id, seq);

CREATE TABLE IF NOT EXISTS claims_api_number_sequences (
  year       INTEGER PRIMARY KEY,
  last_value INTEGER NOT NULL
);
`;

export class ClaimsRepository implements ClaimsStore {
  private readonly db: Database.Database;
  private readonly fileTx: { immediate(input: FileClaimInput): FileClaimResult };
  private readonly insertHistory: Database.Statement<
    [string, string, string, string, string | null]
  >;

  /**
   * Busy timeout and journal mode belong to whoever opens the file; set `busy_timeout` when
   * several processes share it, so a second writer waits instead of failing.
   */
  constructor(db: Database.Database) {
    this.db = db;
    db.exec(SCHEMA);
    // Databases made before claims had attachments get the column; old claims have none.
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(claims_api_claims)').all();
    if (!columns.some((c) => c.name === 'attachments'))
      db.exec("ALTER TABLE claims_api_claims ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]'");
    // Finance's reason for a rejection and the time of payout came later; older claims have neither.
    if (!columns.some((c) => c.name === 'rejection_reason'))
      db.exec('ALTER TABLE claims_api_claims ADD COLUMN rejection_reason TEXT');
    if (!columns.some((c) => c.name === 'paid_at'))
      db.exec('ALTER TABLE claims_api_claims ADD COLUMN paid_at TEXT');
    // Resubmission and payout details came later still; an old claim is at version 1.
    if (!columns.some((c) => c.name === 'version'))
      db.exec('ALTER TABLE claims_api_claims ADD COLUMN version INTEGER NOT NULL DEFAULT 1');
    if (!columns.some((c) => c.name === 'payout'))
      db.exec('ALTER TABLE claims_api_claims ADD COLUMN payout TEXT');
    this.insertHistory = db.prepare(
      'INSERT INTO claims_api_status_history (claim_id, at, status, actor, reason) VALUES (?, ?, ?, ?, ?)',
    );

    const findKey = db.prepare<[string, string], IdempotencyRow>(
      'SELECT claim_id, request_hash FROM claims_api_idempotency_keys WHERE employee_id = ? AND idempotency_key = ?',
    );
    const nextSequence = db.prepare<[number], { last_value: number }>(
      `INSERT INTO claims_api_number_sequences (year, last_value) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
    );
    const insertClaim = db.prepare(
      `INSERT INTO claims_api_claims
         (id, number, employee_id, status, description, purpose, dimensions, lines, attachments, totals, created_at, updated_at)
       VALUES (@id, @number, @employee_id, @status, @description, @purpose, @dimensions, @lines, @attachments, @totals, @created_at, @updated_at)`,
    );
    const insertKey = db.prepare(
      `INSERT INTO claims_api_idempotency_keys (employee_id, idempotency_key, claim_id, request_hash, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    );

    // IMMEDIATE takes the write lock before the key is looked up, so two processes sharing the
    // file cannot both see "no such key" and both file the claim.
    this.fileTx = db.transaction((input: FileClaimInput): FileClaimResult => {
      const { claim } = input;
      const existing = findKey.get(claim.employeeId, input.idempotencyKey);
      if (existing) {
        if (existing.request_hash !== input.requestHash)
          return { outcome: 'key-reused', claimId: existing.claim_id };
        const stored = this.get(existing.claim_id);
        if (!stored)
          throw new Error(`Idempotency key points at missing claim ${existing.claim_id}`);
        return { outcome: 'replayed', claim: stored };
      }
      const year = numberingYear(claim.createdAt);
      const sequence = nextSequence.get(year);
      if (!sequence) throw new Error(`No sequence value for ${year}`);
      const { id, ...rest } = claim;
      const created: Claim = { id, number: claimNumber(year, sequence.last_value), ...rest };
      insertClaim.run(newClaimColumns(created));
      this.insertHistory.run(
        created.id,
        created.createdAt,
        created.status,
        `employee:${created.employeeId}`,
        null,
      );
      insertKey.run(
        created.employeeId,
        input.idempotencyKey,
        created.id,
        input.requestHash,
        created.createdAt,
      );
      // Read back, so the answer carries what only the store adds (version, history).
      return { outcome: 'created', claim: this.get(created.id) ?? created };
    });
  }

  /** Files a claim once per (employee, idempotency key); a retry with the same request gets the stored claim. */
  fileClaim(input: FileClaimInput): FileClaimResult {
    return this.fileTx.immediate(input);
  }

  get(id: string): Claim | undefined {
    const row = this.db
      .prepare<[string], ClaimRow>('SELECT * FROM claims_api_claims WHERE id = ?')
      .get(id);
    return row && this.toClaim(row);
  }

  /**
   * Files a rejected claim again under the same id and number. The key makes a retried PUT
   * harmless; the version makes an edit of an older state fail instead of overwriting a newer one.
   */
  resubmit(input: ResubmitInput): ResubmitResult {
    return this.db
      .transaction((): ResubmitResult => {
        const key = this.db
          .prepare<[string, string], IdempotencyRow>(
            'SELECT claim_id, request_hash FROM claims_api_idempotency_keys WHERE employee_id = ? AND idempotency_key = ?',
          )
          .get(input.employeeId, input.idempotencyKey);
        const refusal = resubmitRefusal(input, this.get(input.claimId), key);
        if (refusal) return refusal;
        this.db
          .prepare(
            `UPDATE claims_api_claims
                SET status = 'submitted', version = version + 1, updated_at = ?, rejection_reason = NULL,
                    description = ?, purpose = ?, dimensions = ?, lines = ?, attachments = ?, totals = ?
              WHERE id = ?`,
          )
          .run(input.at, ...resubmittedContent(input.content), input.claimId);
        this.insertHistory.run(
          input.claimId,
          input.at,
          'submitted',
          `employee:${input.employeeId}`,
          null,
        );
        this.db
          .prepare(
            `INSERT INTO claims_api_idempotency_keys (employee_id, idempotency_key, claim_id, request_hash, created_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(input.employeeId, input.idempotencyKey, input.claimId, input.requestHash, input.at);
        const updated = this.get(input.claimId);
        if (!updated) throw new Error(`Claim ${input.claimId} vanished while resubmitted`);
        return { outcome: 'resubmitted', claim: updated };
      })
      .immediate();
  }

  /** Newest first; rowid breaks ties between claims filed within the same millisecond. */
  listForEmployee(employeeId: string, filter: { status?: ClaimStatus } = {}): Claim[] {
    const rows = filter.status
      ? this.db
          .prepare<[string, string], ClaimRow>(
            'SELECT * FROM claims_api_claims WHERE employee_id = ? AND status = ? ORDER BY created_at DESC, rowid DESC',
          )
          .all(employeeId, filter.status)
      : this.db
          .prepare<[string], ClaimRow>(
            'SELECT * FROM claims_api_claims WHERE employee_id = ? ORDER BY created_at DESC, rowid DESC',
          )
          .all(employeeId);
    return rows.map((row) => this.toClaim(row));
  }

  /** Stores an employee's file once per content hash; storing it again changes nothing. */
  putAttachment(
    employeeId: string,
    sha256: string,
    mime: string,
    bytes: Buffer,
    createdAt: string,
  ): 'created' | 'exists' {
    const result = this.db
      .prepare(
        'INSERT OR IGNORE INTO claims_api_attachments (employee_id, sha256, mime, bytes, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(employeeId, sha256, mime, bytes, createdAt);
    return result.changes === 1 ? 'created' : 'exists';
  }

  getAttachment(employeeId: string, sha256: string): { mime: string; bytes: Buffer } | undefined {
    return this.db
      .prepare<[string, string], { mime: string; bytes: Buffer }>(
        'SELECT mime, bytes FROM claims_api_attachments WHERE employee_id = ? AND sha256 = ?',
      )
      .get(employeeId, sha256);
  }

  hasAttachment(employeeId: string, sha256: string): boolean {
    return Boolean(
      this.db
        .prepare('SELECT 1 FROM claims_api_attachments WHERE employee_id = ? AND sha256 = ?')
        .get(employeeId, sha256),
    );
  }

  /** Compare-and-set on the status (ClaimsStore says what it promises). */
  updateStatus(
    id: string,
    from: ClaimStatus,
    to: ClaimStatus,
    updatedAt: string,
    reason?: string,
    details: StatusMoveDetails = {},
  ): Claim | undefined {
    const payout = payoutColumn(to, details);
    return this.db
      .transaction(() => {
        const result = this.db
          .prepare(
            `UPDATE claims_api_claims
                SET status = ?, updated_at = ?,
                    rejection_reason = CASE WHEN ? = 'rejected' THEN ? ELSE rejection_reason END,
                    paid_at = CASE WHEN ? = 'paid' THEN ? ELSE paid_at END,
                    payout = CASE WHEN ? = 'paid' THEN ? ELSE payout END
              WHERE id = ? AND status = ?`,
          )
          .run(to, updatedAt, to, reason ?? null, to, updatedAt, to, payout, id, from);
        if (result.changes !== 1) return undefined;
        this.insertHistory.run(
          id,
          updatedAt,
          to,
          details.actor ?? 'finance',
          historyReason(to, reason),
        );
        return this.get(id);
      })
      .immediate();
  }

  private toClaim(row: ClaimRow): Claim {
    const history = this.db
      .prepare<[string], HistoryRow>(
        'SELECT at, status, actor, reason FROM claims_api_status_history WHERE claim_id = ? ORDER BY seq',
      )
      .all(row.id);
    return claimFromRow(row, history);
  }
}
