/**
 * The receipt store on PostgreSQL (migration 004): rows and image bytes in the database every
 * instance shares, so a photo sent to one instance can be read by a worker and shown by another.
 * Every change runs in one transaction; a batch change locks its rows first, so two instances
 * filing and detaching the same receipt cannot both win.
 */
import type pg from 'pg';
import type { Awaitable } from '../jobs/job-queue.js';
import { isForeignKeyViolation, withTransaction, type PgTx } from '../store/pg/pg-database.js';
import type { ReceiptFields } from './receipt-fields.js';
import {
  RECEIPT_COLUMNS as COLUMNS,
  ReceiptNotFoundError,
  ReceiptStateError,
  checkBatch,
  checkedBlob,
  duplicateKey,
  fieldColumns,
  newReceiptRecord,
  receiptColumns,
  refuseFiled,
  refuseFiledElsewhere,
  sameCurrency,
  toRecord,
  type AddResult,
  type NewReceipt,
  type ReceiptRecord,
  type ReceiptRow,
  type ReceiptStore,
  type ReceiptStoreOptions,
  type Refusal,
} from './receipt-store.js';

export class PgReceiptStore implements ReceiptStore<PgTx> {
  private readonly now: () => Date;

  constructor(
    private readonly pool: pg.Pool,
    options: ReceiptStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The image, the row and what the receipt's arrival asks for (its reading job) commit together. */
  async add(
    employeeId: string,
    input: NewReceipt,
    inTx?: (tx: PgTx, added: AddResult) => Awaitable<unknown>,
  ): Promise<AddResult> {
    const record = newReceiptRecord(employeeId, input, this.now());
    return withTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<ReceiptRow>(
        `SELECT ${COLUMNS} FROM receipts WHERE employee_id = $1 AND sha256 = $2
          ORDER BY created_at, seq LIMIT 1`,
        [employeeId, record.sha256],
      );
      // The image row is locked (a no-op update when it is there already), so a removal of its
      // last receipt running meanwhile either commits first (and this inserts it anew) or waits
      // and then finds this receipt referring to it.
      await tx.query(
        `INSERT INTO receipt_blobs (employee_id, sha256, bytes) VALUES ($1, $2, $3)
         ON CONFLICT (employee_id, sha256) DO UPDATE SET sha256 = excluded.sha256`,
        [employeeId, record.sha256, input.bytes],
      );
      await tx.query(
        `INSERT INTO receipts (id, employee_id, sha256, mime, size, file_name, comment, created_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'inbox')`,
        [...receiptColumns(record), new Date(record.createdAt)],
      );
      const duplicate = rows[0];
      const added = duplicate
        ? { receipt: record, duplicateOf: toRecord(duplicate) }
        : { receipt: record };
      await inTx?.(tx, added);
      return added;
    });
  }

  inTransaction<T>(work: (tx: PgTx) => Awaitable<T>): Promise<T> {
    return withTransaction(this.pool, async (tx) => work(tx));
  }

  async setFields(employeeId: string, id: string, fields: ReceiptFields): Promise<void> {
    const { rowCount } = await this.pool.query(
      `UPDATE receipts SET fields = $1::jsonb, merchant_key = $2, receipt_date = $3,
         total_minor = $4, currency = $5
        WHERE id = $6 AND employee_id = $7`,
      [...fieldColumns(fields), id, employeeId],
    );
    if (rowCount === 0) throw new ReceiptNotFoundError(id);
  }

  async findSimilar(
    employeeId: string,
    fields: ReceiptFields,
    options: { excludeId?: string } = {},
  ): Promise<ReceiptRecord | undefined> {
    const key = duplicateKey(fields);
    if (!key) return undefined;
    const { rows } = await this.pool.query<ReceiptRow & { currency: string | null }>(
      `SELECT ${COLUMNS}, currency FROM receipts
        WHERE employee_id = $1 AND merchant_key = $2 AND receipt_date = $3 AND total_minor = $4
          AND id <> $5
        ORDER BY created_at, seq`,
      [employeeId, key.merchant, key.date, key.totalMinor, options.excludeId ?? ''],
    );
    const match = rows.find((row) => sameCurrency(key, row.currency));
    return match ? toRecord(match) : undefined;
  }

  listInbox(employeeId: string): Promise<ReceiptRecord[]> {
    return this.list(employeeId, "status = 'inbox'");
  }

  async countWaiting(employeeId: string, before: Date): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM receipts
        WHERE employee_id = $1 AND status = 'inbox' AND created_at < $2`,
      [employeeId, before],
    );
    return rows[0]?.n ?? 0;
  }

  listByDraft(employeeId: string, draftId: string): Promise<ReceiptRecord[]> {
    return this.list(employeeId, "status = 'attached' AND draft_id = $2", draftId);
  }

  listByClaim(employeeId: string, claimId: string): Promise<ReceiptRecord[]> {
    return this.list(employeeId, "status = 'filed' AND claim_id = $2", claimId);
  }

  async get(employeeId: string, id: string): Promise<ReceiptRecord | undefined> {
    const { rows } = await this.pool.query<ReceiptRow>(
      `SELECT ${COLUMNS} FROM receipts WHERE id = $1 AND employee_id = $2`,
      [id, employeeId],
    );
    const row = rows[0];
    return row && toRecord(row);
  }

  async readBlob(employeeId: string, id: string): Promise<Buffer> {
    const { rows } = await this.pool.query<{ sha256: string; bytes: Buffer }>(
      `SELECT r.sha256, b.bytes FROM receipts r
         JOIN receipt_blobs b ON b.employee_id = r.employee_id AND b.sha256 = r.sha256
        WHERE r.id = $1 AND r.employee_id = $2`,
      [id, employeeId],
    );
    const row = rows[0];
    if (!row) throw new ReceiptNotFoundError(id);
    return checkedBlob({ id, sha256: row.sha256 }, row.bytes);
  }

  attach(employeeId: string, ids: readonly string[], draftId: string): Promise<void> {
    return this.transition(employeeId, ids, refuseFiled, "status = 'attached', draft_id = $3", [
      draftId,
    ]);
  }

  detach(employeeId: string, ids: readonly string[]): Promise<void> {
    return this.transition(employeeId, ids, refuseFiled, "status = 'inbox', draft_id = NULL", []);
  }

  markFiled(employeeId: string, ids: readonly string[], claimId: string): Promise<void> {
    return this.transition(
      employeeId,
      ids,
      refuseFiledElsewhere(claimId),
      "status = 'filed', claim_id = $3",
      [claimId],
    );
  }

  /** The image goes when no other receipt of the employee's refers to it. */
  remove(employeeId: string, id: string): Promise<boolean> {
    return withTransaction(this.pool, async (tx) => {
      const [record] = await this.locked(tx, employeeId, [id]);
      if (!record) return false;
      const reason = refuseFiled(record);
      if (reason) throw new ReceiptStateError(`receipt ${id} ${reason}`);
      await tx.query('DELETE FROM receipts WHERE id = $1 AND employee_id = $2', [id, employeeId]);
      // A receipt of the same image added meanwhile by another instance makes the delete fail on
      // the foreign key: then the image stays, and the removal still stands.
      await tx.query('SAVEPOINT image');
      try {
        await tx.query(
          `DELETE FROM receipt_blobs b WHERE b.employee_id = $1 AND b.sha256 = $2
             AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.employee_id = $1 AND r.sha256 = $2)`,
          [employeeId, record.sha256],
        );
        await tx.query('RELEASE SAVEPOINT image');
      } catch (err) {
        if (!isForeignKeyViolation(err)) throw err;
        await tx.query('ROLLBACK TO SAVEPOINT image');
      }
      return true;
    });
  }

  async listUnread(): Promise<ReceiptRecord[]> {
    const { rows } = await this.pool.query<ReceiptRow>(
      `SELECT ${COLUMNS} FROM receipts WHERE fields IS NULL ORDER BY created_at, seq`,
    );
    return rows.map(toRecord);
  }

  private async list(employeeId: string, where: string, ...values: string[]) {
    const { rows } = await this.pool.query<ReceiptRow>(
      `SELECT ${COLUMNS} FROM receipts WHERE employee_id = $1 AND ${where}
        ORDER BY created_at DESC, seq DESC`,
      [employeeId, ...values],
    );
    return rows.map(toRecord);
  }

  /** The employee's receipts among `ids`, locked until the transaction ends (in id order, so two batches cannot deadlock). */
  private async locked(tx: PgTx, employeeId: string, ids: readonly string[]) {
    const { rows } = await tx.query<ReceiptRow>(
      `SELECT ${COLUMNS} FROM receipts WHERE employee_id = $1 AND id = ANY($2::text[])
        ORDER BY id FOR UPDATE`,
      [employeeId, ids],
    );
    return rows.map(toRecord);
  }

  /** All or none: a missing or refused receipt throws before anything changes. */
  private transition(
    employeeId: string,
    ids: readonly string[],
    refuse: Refusal,
    set: string,
    values: unknown[],
  ): Promise<void> {
    return withTransaction(this.pool, async (tx) => {
      const found = new Map((await this.locked(tx, employeeId, ids)).map((r) => [r.id, r]));
      const unique = checkBatch(ids, (id) => found.get(id), refuse);
      await tx.query(`UPDATE receipts SET ${set} WHERE employee_id = $1 AND id = ANY($2::text[])`, [
        employeeId,
        unique,
        ...values,
      ]);
    });
  }
}
