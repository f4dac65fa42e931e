/**
 * The reference claims API's claims on PostgreSQL (tables `claims_api_*`, migration 005), shared
 * by every bot instance on the database. Same answers as the SQLite `ClaimsRepository`; what the
 * single SQLite writer got for free is made explicit here, since two instances may act at once:
 * - an idempotency key is claimed by inserting it (unique key, ON CONFLICT), never by looking
 *   first, so the same request filed through two instances at once files one claim;
 * - claim numbers come from the year's counter row, bumped in the filing's transaction;
 * - a status move is `UPDATE … WHERE status = $from`, and a resubmission locks the claim's row
 *   before it checks status and version.
 */
import type pg from 'pg';
import type { Claim, ClaimStatus } from '../claims/claim.js';
import { withTransaction, type PgTx } from '../store/pg/pg-database.js';
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
  type StoredAttachment,
} from './claims-store.js';

type Db = pg.Pool | PgTx;

/** One statement per read, so a claim and its history come from one snapshot. */
const SELECT_CLAIMS = `
  SELECT c.id, c.number, c.employee_id, c.status, c.description, c.purpose,
         c.dimensions::text AS dimensions, c.lines::text AS lines,
         c.attachments::text AS attachments, c.totals::text AS totals,
         c.created_at, c.updated_at, c.rejection_reason, c.paid_at, c.version,
         c.payout::text AS payout,
         COALESCE((SELECT json_agg(json_build_object('at', h.at, 'status', h.status,
                                                     'actor', h.actor, 'reason', h.reason)
                                   ORDER BY h.seq)
                     FROM claims_api_status_history h WHERE h.claim_id = c.id), '[]') AS history
    FROM claims_api_claims c`;

type ClaimWithHistoryRow = ClaimRow & { history: HistoryRow[] };

export class PgClaimsRepository implements ClaimsStore {
  constructor(private readonly pool: pg.Pool) {}

  fileClaim(input: FileClaimInput): Promise<FileClaimResult> {
    const { claim } = input;
    return withTransaction(this.pool, async (tx): Promise<FileClaimResult> => {
      // Taking the key first: a second filing with the same key waits here until the first
      // commits, then finds the key taken and answers with the first one's claim.
      const taken = await tx.query(
        `INSERT INTO claims_api_idempotency_keys
           (employee_id, idempotency_key, claim_id, request_hash, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [claim.employeeId, input.idempotencyKey, claim.id, input.requestHash, claim.createdAt],
      );
      if (taken.rowCount !== 1) return this.replay(tx, claim.employeeId, input);

      const year = numberingYear(claim.createdAt);
      const { rows } = await tx.query<{ last_value: number }>(
        `INSERT INTO claims_api_number_sequences (year, last_value) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_value = claims_api_number_sequences.last_value + 1
         RETURNING last_value`,
        [year],
      );
      const sequence = rows[0];
      if (!sequence) throw new Error(`No sequence value for ${year}`);
      const { id, ...rest } = claim;
      const created: Claim = { id, number: claimNumber(year, sequence.last_value), ...rest };
      const c = newClaimColumns(created);
      await tx.query(
        `INSERT INTO claims_api_claims
           (id, number, employee_id, status, description, purpose, dimensions, lines, attachments,
            totals, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          c.id,
          c.number,
          c.employee_id,
          c.status,
          c.description,
          c.purpose,
          c.dimensions,
          c.lines,
          c.attachments,
          c.totals,
          c.created_at,
          c.updated_at,
        ],
      );
      await insertHistory(
        tx,
        id,
        created.createdAt,
        created.status,
        `employee:${claim.employeeId}`,
      );
      // Read back, so the answer carries what only the store adds (version, history).
      return { outcome: 'created', claim: (await readClaim(tx, id)) ?? created };
    });
  }

  get(id: string): Promise<Claim | undefined> {
    return readClaim(this.pool, id);
  }

  resubmit(input: ResubmitInput): Promise<ResubmitResult> {
    return withTransaction(this.pool, async (tx): Promise<ResubmitResult> => {
      // The row lock makes two resubmissions of one claim take turns: the second sees the first's
      // version and key, so it is either a replay or a version conflict.
      await tx.query('SELECT 1 FROM claims_api_claims WHERE id = $1 FOR UPDATE', [input.claimId]);
      const claim = await readClaim(tx, input.claimId);
      const key = await findKey(tx, input.employeeId, input.idempotencyKey);
      const refusal = resubmitRefusal(input, claim, key);
      if (refusal) return refusal;
      const taken = await tx.query(
        `INSERT INTO claims_api_idempotency_keys
           (employee_id, idempotency_key, claim_id, request_hash, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [input.employeeId, input.idempotencyKey, input.claimId, input.requestHash, input.at],
      );
      // Taken meanwhile by a filing of another claim: nothing has been changed yet.
      if (taken.rowCount !== 1) return { outcome: 'key-reused' };
      await tx.query(
        `UPDATE claims_api_claims
            SET status = 'submitted', version = version + 1, updated_at = $1,
                rejection_reason = NULL, description = $2, purpose = $3, dimensions = $4,
                lines = $5, attachments = $6, totals = $7
          WHERE id = $8`,
        [input.at, ...resubmittedContent(input.content), input.claimId],
      );
      await insertHistory(tx, input.claimId, input.at, 'submitted', `employee:${input.employeeId}`);
      const updated = await readClaim(tx, input.claimId);
      if (!updated) throw new Error(`Claim ${input.claimId} vanished while resubmitted`);
      return { outcome: 'resubmitted', claim: updated };
    });
  }

  async listForEmployee(
    employeeId: string,
    filter: { status?: ClaimStatus } = {},
  ): Promise<Claim[]> {
    const { rows } = filter.status
      ? await this.pool.query<ClaimWithHistoryRow>(
          `${SELECT_CLAIMS} WHERE c.employee_id = $1 AND c.status = $2
            ORDER BY c.created_at DESC, c.seq DESC`,
          [employeeId, filter.status],
        )
      : await this.pool.query<ClaimWithHistoryRow>(
          `${SELECT_CLAIMS} WHERE c.employee_id = $1 ORDER BY c.created_at DESC, c.seq DESC`,
          [employeeId],
        );
    return rows.map((row) => claimFromRow(row, row.history));
  }

  async putAttachment(
    employeeId: string,
    sha256: string,
    mime: string,
    bytes: Buffer,
    createdAt: string,
  ): Promise<'created' | 'exists'> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO claims_api_attachments (employee_id, sha256, mime, bytes, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [employeeId, sha256, mime, bytes, createdAt],
    );
    return rowCount === 1 ? 'created' : 'exists';
  }

  async getAttachment(employeeId: string, sha256: string): Promise<StoredAttachment | undefined> {
    const { rows } = await this.pool.query<StoredAttachment>(
      'SELECT mime, bytes FROM claims_api_attachments WHERE employee_id = $1 AND sha256 = $2',
      [employeeId, sha256],
    );
    return rows[0];
  }

  async hasAttachment(employeeId: string, sha256: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM claims_api_attachments WHERE employee_id = $1 AND sha256 = $2',
      [employeeId, sha256],
    );
    return rowCount === 1;
  }

  updateStatus(
    id: string,
    from: ClaimStatus,
    to: ClaimStatus,
    updatedAt: string,
    reason?: string,
    details: StatusMoveDetails = {},
  ): Promise<Claim | undefined> {
    return withTransaction(this.pool, async (tx) => {
      // A second admin's move waits on the first's row lock, then finds the status changed.
      const moved = await tx.query(
        `UPDATE claims_api_claims
            SET status = $1, updated_at = $2,
                rejection_reason = CASE WHEN $1 = 'rejected' THEN $3 ELSE rejection_reason END,
                paid_at = CASE WHEN $1 = 'paid' THEN $2 ELSE paid_at END,
                payout = CASE WHEN $1 = 'paid' THEN $4::json ELSE payout END
          WHERE id = $5 AND status = $6`,
        [to, updatedAt, reason ?? null, payoutColumn(to, details), id, from],
      );
      if (moved.rowCount !== 1) return undefined;
      await insertHistory(
        tx,
        id,
        updatedAt,
        to,
        details.actor ?? 'finance',
        historyReason(to, reason),
      );
      return readClaim(tx, id);
    });
  }

  /** The key is someone else's: the same request again gets its claim, another one a conflict. */
  private async replay(tx: PgTx, employeeId: string, input: FileClaimInput) {
    const existing = await findKey(tx, employeeId, input.idempotencyKey);
    if (!existing) throw new Error('Idempotency key vanished while it was being replayed');
    if (existing.request_hash !== input.requestHash)
      return { outcome: 'key-reused' as const, claimId: existing.claim_id };
    const stored = await readClaim(tx, existing.claim_id);
    if (!stored) throw new Error(`Idempotency key points at missing claim ${existing.claim_id}`);
    return { outcome: 'replayed' as const, claim: stored };
  }
}

async function readClaim(db: Db, id: string): Promise<Claim | undefined> {
  const { rows } = await db.query<ClaimWithHistoryRow>(`${SELECT_CLAIMS} WHERE c.id = $1`, [id]);
  const row = rows[0];
  return row && claimFromRow(row, row.history);
}

async function findKey(
  db: Db,
  employeeId: string,
  key: string,
): Promise<IdempotencyRow | undefined> {
  const { rows } = await db.query<IdempotencyRow>(
    `SELECT claim_id, request_hash FROM claims_api_idempotency_keys
      WHERE employee_id = $1 AND idempotency_key = $2`,
    [employeeId, key],
  );
  return rows[0];
}

async function insertHistory(
  tx: PgTx,
  claimId: string,
  at: string,
  status: ClaimStatus,
  actor: string,
  reason: string | null = null,
): Promise<void> {
  await tx.query(
    'INSERT INTO claims_api_status_history (claim_id, at, status, actor, reason) VALUES ($1, $2, $3, $4, $5)',
    [claimId, at, status, actor, reason],
  );
}
