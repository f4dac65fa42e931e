/**
 * Receipts kept durably: one row per receipt in SQLite, the image itself in a
 * content-addressed blob folder. Every read a user can trigger takes their employee id, so a
 * receipt id that leaks (in a card, a log) still opens nothing for anyone else.
 */
import { createHash, randomUUID } from 'node:crypto';
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
import type { SqliteTx } from '../store/sqlite-database.js';
import { receiptFieldsSchema, type ReceiptFields, type ReceiptMime } from './receipt-fields.js';
import { COMPANY_FORM_WORDS } from '../text/company-forms.js';
import { foldSpelling } from '../text/fold.js';

export const RECEIPT_STATUSES = ['inbox', 'attached', 'filed'] as const;
/** inbox: waiting in "my receipts"; attached: on a draft claim; filed: sent with a claim. */
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

const RECEIPT_MIMES: readonly ReceiptMime[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
];

export interface ReceiptRecord {
  id: string;
  employeeId: string;
  sha256: string;
  mime: ReceiptMime;
  size: number;
  fileName?: string;
  /** The text the user sent with the photo. */
  comment?: string;
  /** ISO 8601. */
  createdAt: string;
  /** What the extractors read, once they have run. */
  fields?: ReceiptFields;
  status: ReceiptStatus;
  draftId?: string;
  claimId?: string;
}

export interface NewReceipt {
  bytes: Buffer;
  mime: ReceiptMime;
  sha256: string;
  name?: string;
  comment?: string;
}

export interface AddResult {
  receipt: ReceiptRecord;
  /** The same employee's earlier receipt with the very same bytes, if any: the bot flags it. */
  duplicateOf?: ReceiptRecord;
}

/** Unknown id, or another employee's receipt: the two are deliberately indistinguishable. */
export class ReceiptNotFoundError extends Error {
  override readonly name = 'ReceiptNotFoundError';
  constructor(readonly id: string) {
    super(`no receipt ${id}`);
  }
}

/** A change the receipt's status does not allow, e.g. removing a receipt already filed with a claim. */
export class ReceiptStateError extends Error {
  override readonly name = 'ReceiptStateError';
}

interface ReceiptRow {
  id: string;
  employee_id: string;
  sha256: string;
  mime: string;
  size: number;
  file_name: string | null;
  comment: string | null;
  created_at: string;
  fields: string | null;
  status: string;
  draft_id: string | null;
  claim_id: string | null;
}

const COLUMNS =
  'id, employee_id, sha256, mime, size, file_name, comment, created_at, fields, status, draft_id, claim_id';

export interface ReceiptStoreOptions {
  now?: () => Date;
}

export class ReceiptStore {
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
   * Stores a receipt in the employee's inbox. The blob is on disk before the row exists, so a
   * row never points at a missing file; a crash in between leaves only an unreferenced blob.
   */
  add(
    employeeId: string,
    input: NewReceipt,
    inTx?: (tx: SqliteTx, added: AddResult) => void,
  ): AddResult {
    assertEmployee(employeeId);
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    if (sha256 !== input.sha256.toLowerCase())
      throw new Error('add: sha256 does not match the bytes');
    if (!RECEIPT_MIMES.includes(input.mime)) throw new Error(`add: unsupported mime ${input.mime}`);

    const duplicate = this.db
      .prepare<[string, string], ReceiptRow>(
        `SELECT ${COLUMNS} FROM receipts WHERE employee_id = ? AND sha256 = ? ORDER BY created_at, rowid LIMIT 1`,
      )
      .get(employeeId, sha256);

    this.writeBlob(sha256, input.bytes);
    const record: ReceiptRecord = {
      id: randomUUID(),
      employeeId,
      sha256,
      mime: input.mime,
      size: input.bytes.length,
      createdAt: this.now().toISOString(),
      status: 'inbox',
    };
    const fileName = cleanText(input.name, 255);
    const comment = cleanText(input.comment, 1000);
    if (fileName !== undefined) record.fileName = fileName;
    if (comment !== undefined) record.comment = comment;
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
        .run(
          record.id,
          employeeId,
          sha256,
          record.mime,
          record.size,
          fileName ?? null,
          comment ?? null,
          record.createdAt,
        );
      inTx?.({ db: this.db }, added);
    })();
    return added;
  }

  /** Runs `work` in one transaction on the receipts' database (e.g. queueing jobs for them). */
  inTransaction<T>(work: (tx: SqliteTx) => T): T {
    return this.db.transaction(() => work({ db: this.db }))();
  }

  /** Records what the extractors read. Fields are validated: a bad document never lands in the table. */
  setFields(id: string, fields: ReceiptFields): void {
    const parsed = receiptFieldsSchema.parse(fields);
    const key = duplicateKey(parsed);
    const result = this.db
      .prepare(
        'UPDATE receipts SET fields = ?, merchant_key = ?, receipt_date = ?, total_minor = ?, currency = ? WHERE id = ?',
      )
      .run(
        JSON.stringify(parsed),
        key?.merchant ?? null,
        key?.date ?? null,
        key?.totalMinor ?? null,
        key?.currency ?? null,
        id,
      );
    if (result.changes === 0) throw new ReceiptNotFoundError(id);
  }

  /**
   * The employee's receipt that reads as the same purchase: same merchant (normalised), date
   * and total, and the same currency where both name one. A re-photographed receipt has other
   * bytes but is still the same claim, so this is the check that stops it being filed twice.
   */
  findSimilar(
    employeeId: string,
    fields: ReceiptFields,
    options: { excludeId?: string } = {},
  ): ReceiptRecord | undefined {
    const key = duplicateKey(fields);
    if (!key) return undefined;
    const rows = this.db
      .prepare<[string, string, string, number, string], ReceiptRow & { currency: string | null }>(
        `SELECT ${COLUMNS}, currency FROM receipts
         WHERE employee_id = ? AND merchant_key = ? AND receipt_date = ? AND total_minor = ? AND id != ?
         ORDER BY created_at, rowid`,
      )
      .all(employeeId, key.merchant, key.date, key.totalMinor, options.excludeId ?? '');
    const match = rows.find(
      (row) => !key.currency || !row.currency || row.currency === key.currency,
    );
    return match ? toRecord(match) : undefined;
  }

  /** Receipts waiting in "my receipts", newest first. */
  listInbox(employeeId: string): ReceiptRecord[] {
    return this.list(employeeId, 'status = ?', 'inbox');
  }

  listByDraft(employeeId: string, draftId: string): ReceiptRecord[] {
    return this.list(employeeId, "status = 'attached' AND draft_id = ?", draftId);
  }

  listByClaim(employeeId: string, claimId: string): ReceiptRecord[] {
    return this.list(employeeId, "status = 'filed' AND claim_id = ?", claimId);
  }

  get(employeeId: string, id: string): ReceiptRecord | undefined {
    const row = this.db
      .prepare<[string, string], ReceiptRow>(
        `SELECT ${COLUMNS} FROM receipts WHERE id = ? AND employee_id = ?`,
      )
      .get(id, employeeId);
    return row ? toRecord(row) : undefined;
  }

  /** The image or PDF as stored, checked against its hash so a damaged file is never shown as the receipt. */
  readBlob(employeeId: string, id: string): Buffer {
    const record = this.get(employeeId, id);
    if (!record) throw new ReceiptNotFoundError(id);
    const bytes = readFileSync(this.blobPath(record.sha256));
    if (createHash('sha256').update(bytes).digest('hex') !== record.sha256) {
      throw new Error(`receipt ${id}: the stored file does not match its hash`);
    }
    return bytes;
  }

  /** Puts receipts on a draft claim (or moves them from another draft). All or none. */
  attach(employeeId: string, ids: readonly string[], draftId: string): void {
    this.transition(
      employeeId,
      ids,
      (r) => (r.status === 'filed' ? `is filed with claim ${r.claimId ?? '?'}` : undefined),
      "UPDATE receipts SET status = 'attached', draft_id = ? WHERE id = ? AND employee_id = ?",
      (id) => [draftId, id, employeeId],
    );
  }

  /** Back to the inbox, e.g. when the draft they were on is cancelled. */
  detach(employeeId: string, ids: readonly string[]): void {
    this.transition(
      employeeId,
      ids,
      (r) => (r.status === 'filed' ? `is filed with claim ${r.claimId ?? '?'}` : undefined),
      "UPDATE receipts SET status = 'inbox', draft_id = NULL WHERE id = ? AND employee_id = ?",
      (id) => [id, employeeId],
    );
  }

  /**
   * Called once the claims API has accepted the claim the receipts were sent with. Repeating it
   * for the same claim is harmless (a retried filing); a receipt already filed with another
   * claim is refused, because one receipt paid out twice is exactly what must not happen.
   */
  markFiled(employeeId: string, ids: readonly string[], claimId: string): void {
    this.transition(
      employeeId,
      ids,
      (r) =>
        r.status === 'filed' && r.claimId !== claimId
          ? `is already filed with claim ${r.claimId ?? '?'}`
          : undefined,
      "UPDATE receipts SET status = 'filed', claim_id = ? WHERE id = ? AND employee_id = ?",
      (id) => [claimId, id, employeeId],
    );
  }

  /**
   * Deletes a receipt that is not yet filed. A filed one is part of a claim the approver may
   * still need to see, so it stays. The blob goes only when no other row shares it.
   */
  remove(employeeId: string, id: string): boolean {
    const removed = this.db
      .transaction(() => {
        const record = this.get(employeeId, id);
        if (!record) return undefined;
        if (record.status === 'filed')
          throw new ReceiptStateError(`receipt ${id} is filed with claim ${record.claimId ?? '?'}`);
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
  }

  /** Receipts stored but never read, oldest first: the bot stopped while reading them. */
  listUnread(): ReceiptRecord[] {
    return this.db
      .prepare<[], ReceiptRow>(
        `SELECT ${COLUMNS} FROM receipts WHERE fields IS NULL ORDER BY created_at, rowid`,
      )
      .all()
      .map(toRecord);
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
    refuse: (record: ReceiptRecord) => string | undefined,
    sql: string,
    params: (id: string) => unknown[],
  ): void {
    const stmt = this.db.prepare(sql);
    this.db
      .transaction(() => {
        for (const id of new Set(ids)) {
          const record = this.get(employeeId, id);
          // Throwing inside the transaction rolls back the ids already changed.
          if (!record) throw new ReceiptNotFoundError(id);
          const reason = refuse(record);
          if (reason) throw new ReceiptStateError(`receipt ${id} ${reason}`);
          stmt.run(...params(id));
        }
      })
      .immediate();
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
    return createHash('sha256').update(readFileSync(path)).digest('hex') === sha256;
  } catch {
    return false;
  }
}

interface DuplicateKey {
  merchant: string;
  date: string;
  totalMinor: number;
  currency?: string;
}

function duplicateKey(fields: ReceiptFields): DuplicateKey | undefined {
  if (
    fields.kind === 'not_receipt' ||
    !fields.merchant ||
    !fields.date ||
    fields.totalMinor === undefined
  )
    return undefined;
  const merchant = normaliseMerchant(fields.merchant);
  if (merchant === '') return undefined;
  const key: DuplicateKey = { merchant, date: fields.date, totalMinor: fields.totalMinor };
  if (fields.currency) key.currency = fields.currency;
  return key;
}

/**
 * Lower case, without accents, punctuation and company forms: "Circle K Norge AS" → "circle k".
 * The country after a chain's name is dropped with the form: OCR and the vision model disagree
 * about whether to include either.
 */
export function normaliseMerchant(name: string): string {
  const words = foldSpelling(name)
    .replace(/&/g, ' og ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  const kept = words.filter((word) => !COMPANY_FORM_WORDS.has(word) && !COUNTRIES.has(word));
  return (kept.length > 0 ? kept : words).join(' ');
}

const COUNTRIES = new Set(['norge', 'norway']);

function toRecord(row: ReceiptRow): ReceiptRecord {
  const record: ReceiptRecord = {
    id: row.id,
    employeeId: row.employee_id,
    sha256: row.sha256,
    mime: row.mime as ReceiptMime,
    size: row.size,
    createdAt: row.created_at,
    status: row.status as ReceiptStatus,
  };
  if (row.file_name !== null) record.fileName = row.file_name;
  if (row.comment !== null) record.comment = row.comment;
  if (row.fields !== null) record.fields = receiptFieldsSchema.parse(JSON.parse(row.fields));
  if (row.draft_id !== null) record.draftId = row.draft_id;
  if (row.claim_id !== null) record.claimId = row.claim_id;
  return record;
}

function assertEmployee(employeeId: string): void {
  if (typeof employeeId !== 'string' || employeeId.trim() === '')
    throw new Error('an employee id is required');
}

function cleanText(value: string | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}
