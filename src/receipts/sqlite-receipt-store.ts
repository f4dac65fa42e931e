/**
 * The receipt store on SQLite: one row per receipt in the bot's database, the image itself in a
 * content-addressed blob folder. The work is synchronous (better-sqlite3); the promises only
 * carry its outcome, so work handed to `add` and `inTransaction` runs inside the transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { mustBeSync } from '../jobs/awaitable.js';
import type { Awaitable } from '../jobs/job-queue.js';
import { settle, type SqliteTx } from '../store/sqlite-database.js';
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
  sha256Of,
  toRecord,
  type AddResult,
  type NewReceipt,
  type ReceiptRecord,
  type ReceiptRow,
  type ReceiptStore,
  type ReceiptStoreOptions,
  type Refusal,
} from './receipt-store.js';

export class SqliteReceiptStore implements ReceiptStore<SqliteTx> {
  private readonly now: () => Date;

  constructor(
    private readonly db: Database.Database,
    private readonly blobDir: string,
    options: ReceiptStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    mkdirSync(blobDir, { recursive: true });
    // The duplicate key (merchant, date, total) lives in its own columns so the check is an
    // indexed lookup instead of parsing every stored JSON document.
    db.exec(`
      CREATE TABLE IF NOT EXISTS receipts (
        id            TEXT PRIMARY KEY,
        employee_id   TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        mime          TEXT NOT NULL,
        size          INTEGER NOT NULL,
        file_name     TEXT,
        comment       TEXT,
        created_at    TEXT NOT NULL,
        fields        TEXT,
        merchant_key  TEXT,
        receipt_date  TEXT,
        total_minor   INTEGER,
        currency      TEXT,
        status        TEXT NOT NULL CHECK (status IN ('inbox', 'attached', 'filed')),
        draft_id      TEXT,
        claim_id      TEXT
      );
      CREATE INDEX IF NOT EXISTS receipts_by_hash ON receipts (employee_id, sha256);
      CREATE INDEX IF NOT EXISTS receipts_by_status ON receipts (employee_id, status, created_at);
      CREATE INDEX IF NOT EXISTS receipts_by_content ON receipts (employee_id, receipt_date, total_minor);
    `);
  }

  /**
   * The blob is on disk before the row exists, so a row never points at a missing file; a crash
   * in between leaves only an unreferenced blob.
   */
  add(
    employeeId: string,
    input: NewReceipt,
    inTx?: (tx: SqliteTx, added: AddResult) => Awaitable<unknown>,
  ): Promise<AddResult> {
    return settle(() => {
      const record = newReceiptRecord(employeeId, input, this.now());
      const duplicate = this.db
        .prepare<[string, string], ReceiptRow>(
          `SELECT ${COLUMNS} FROM receipts WHERE employee_id = ? AND sha256 = ? ORDER BY created_at, rowid LIMIT 1`,
        )
        .get(employeeId, record.sha256);

      this.writeBlob(record.sha256, input.bytes);
      const added = duplicate
        ? { receipt: record, duplicateOf: toRecord(duplicate) }
        : { receipt: record };
      // The row and what its arrival asks for (the job that reads it) commit together.
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO receipts (id, employee_id, sha256, mime, size, file_name, comment, created_at, status)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'inbox')`,
          )
          .run(...receiptColumns(record), record.createdAt);
        if (inTx) mustBeSync(inTx({ db: this.db }, added), 'SqliteReceiptStore.add');
      })();
      return added;
    });
  }

  inTransaction<T>(work: (tx: SqliteTx) => Awaitable<T>): Promise<T> {
    return settle(() =>
      this.db.transaction(() => {
        const done = work({ db: this.db });
        mustBeSync(done, 'SqliteReceiptStore.inTransaction');
        return done as T;
      })(),
    );
  }

  setFields(employeeId: string, id: string, fields: ReceiptFields): Promise<void> {
    return settle(() => {
      const result = this.db
        .prepare(
          `UPDATE receipts SET fields = ?, merchant_key = ?, receipt_date = ?, total_minor = ?, currency = ?
           WHERE id = ? AND employee_id = ?`,
        )
        .run(...fieldColumns(fields), id, employeeId);
      if (result.changes === 0) throw new ReceiptNotFoundError(id);
    });
  }

  findSimilar(
    employeeId: string,
    fields: ReceiptFields,
    options: { excludeId?: string } = {},
  ): Promise<ReceiptRecord | undefined> {
    return settle(() => {
      const key = duplicateKey(fields);
      if (!key) return undefined;
      const match = this.db
        .prepare<
          [string, string, string, number, string],
          ReceiptRow & { currency: string | null }
        >(
          `SELECT ${COLUMNS}, currency FROM receipts
           WHERE employee_id = ? AND merchant_key = ? AND receipt_date = ? AND total_minor = ? AND id != ?
           ORDER BY created_at, rowid`,
        )
        .all(employeeId, key.merchant, key.date, key.totalMinor, options.excludeId ?? '')
        .find((row) => sameCurrency(key, row.currency));
      return match ? toRecord(match) : undefined;
    });
  }

  listInbox(employeeId: string): Promise<ReceiptRecord[]> {
    return settle(() => this.list(employeeId, 'status = ?', 'inbox'));
  }

  countWaiting(employeeId: string, before: Date): Promise<number> {
    return settle(
      () =>
        this.db
          .prepare<[string, string], { n: number }>(
            "SELECT COUNT(*) AS n FROM receipts WHERE employee_id = ? AND status = 'inbox' AND created_at < ?",
          )
          .get(employeeId, before.toISOString())?.n ?? 0,
    );
  }

  listByDraft(employeeId: string, draftId: string): Promise<ReceiptRecord[]> {
    return settle(() => this.list(employeeId, "status = 'attached' AND draft_id = ?", draftId));
  }

  listByClaim(employeeId: string, claimId: string): Promise<ReceiptRecord[]> {
    return settle(() => this.list(employeeId, "status = 'filed' AND claim_id = ?", claimId));
  }

  get(employeeId: string, id: string): Promise<ReceiptRecord | undefined> {
    return settle(() => this.find(employeeId, id));
  }

  readBlob(employeeId: string, id: string): Promise<Buffer> {
    return settle(() => {
      const record = this.find(employeeId, id);
      if (!record) throw new ReceiptNotFoundError(id);
      return checkedBlob(record, readFileSync(this.blobPath(record.sha256)));
    });
  }

  attach(employeeId: string, ids: readonly string[], draftId: string): Promise<void> {
    return this.transition(
      employeeId,
      ids,
      refuseFiled,
      "UPDATE receipts SET status = 'attached', draft_id = ? WHERE id = ? AND employee_id = ?",
      (id) => [draftId, id, employeeId],
    );
  }

  detach(employeeId: string, ids: readonly string[]): Promise<void> {
    return this.transition(
      employeeId,
      ids,
      refuseFiled,
      "UPDATE receipts SET status = 'inbox', draft_id = NULL WHERE id = ? AND employee_id = ?",
      (id) => [id, employeeId],
    );
  }

  markFiled(employeeId: string, ids: readonly string[], claimId: string): Promise<void> {
    return this.transition(
      employeeId,
      ids,
      refuseFiledElsewhere(claimId),
      "UPDATE receipts SET status = 'filed', claim_id = ? WHERE id = ? AND employee_id = ?",
      (id) => [claimId, id, employeeId],
    );
  }

  /** The blob goes only when no other row shares it. */
  remove(employeeId: string, id: string): Promise<boolean> {
    return settle(() => {
      const removed = this.db
        .transaction(() => {
          const record = this.find(employeeId, id);
          if (!record) return undefined;
          const reason = refuseFiled(record);
          if (reason) throw new ReceiptStateError(`receipt ${id} ${reason}`);
          this.db
            .prepare('DELETE FROM receipts WHERE id = ? AND employee_id = ?')
            .run(id, employeeId);
          const shared = this.db
            .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM receipts WHERE sha256 = ?')
            .get(record.sha256);
          return { sha256: record.sha256, lastReference: (shared?.n ?? 0) === 0 };
        })
        .immediate();
      if (!removed) return false;
      if (removed.lastReference) rmSync(this.blobPath(removed.sha256), { force: true });
      return true;
    });
  }

  listUnread(): Promise<ReceiptRecord[]> {
    return settle(() =>
      this.db
        .prepare<[], ReceiptRow>(
          `SELECT ${COLUMNS} FROM receipts WHERE fields IS NULL ORDER BY created_at, rowid`,
        )
        .all()
        .map(toRecord),
    );
  }

  private find(employeeId: string, id: string): ReceiptRecord | undefined {
    const row = this.db
      .prepare<[string, string], ReceiptRow>(
        `SELECT ${COLUMNS} FROM receipts WHERE id = ? AND employee_id = ?`,
      )
      .get(id, employeeId);
    return row ? toRecord(row) : undefined;
  }

  private list(employeeId: string, where: string, value: string): ReceiptRecord[] {
    return this.db
      .prepare<[string, string], ReceiptRow>(
        `SELECT ${COLUMNS} FROM receipts WHERE employee_id = ? AND ${where} ORDER BY created_at DESC, rowid DESC`,
      )
      .all(employeeId, value)
      .map(toRecord);
  }

  private transition(
    employeeId: string,
    ids: readonly string[],
    refuse: Refusal,
    sql: string,
    params: (id: string) => unknown[],
  ): Promise<void> {
    return settle(() => {
      const stmt = this.db.prepare(sql);
      this.db
        .transaction(() => {
          // Throwing inside the transaction leaves every receipt as it was.
          const unique = checkBatch(ids, (id) => this.find(employeeId, id), refuse);
          for (const id of unique) stmt.run(...params(id));
        })
        .immediate();
    });
  }

  private blobPath(sha256: string): string {
    return join(this.blobDir, sha256.slice(0, 2), sha256);
  }

  /**
   * Written to a temporary name, flushed, then renamed into place: rename is atomic within a
   * file system, so a reader or a crash sees either no file or the whole file, never half.
   * The same bytes are stored once, however many receipts point at them.
   */
  private writeBlob(sha256: string, bytes: Buffer): void {
    const target = this.blobPath(sha256);
    if (blobIsIntact(target, sha256, bytes.length)) return;
    mkdirSync(join(this.blobDir, sha256.slice(0, 2)), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      const fd = openSync(temp, 'wx');
      try {
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
  }
}

/** A file already at the blob path counts only if it is the full, correct content (e.g. not left by a crashed older writer). */
function blobIsIntact(path: string, sha256: string, size: number): boolean {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size !== size) return false;
    return sha256Of(readFileSync(path)) === sha256;
  } catch {
    return false;
  }
}
