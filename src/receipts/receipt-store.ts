/**
 * Receipts kept durably: a row per receipt and the image itself, on SQLite (rows in the bot's
 * file, the images in a content-addressed folder: sqlite-receipt-store.ts) or on PostgreSQL (rows
 * and image bytes in the database every instance shares: pg-receipt-store.ts). Every read a user
 * can trigger takes their employee id, so a receipt id that leaks (in a card, a log) still opens
 * nothing for anyone else. What both backends decide alike (what a new receipt is, which changes
 * a status allows, what counts as the same purchase) lives here.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Awaitable } from '../jobs/job-queue.js';
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

/**
 * `Tx` is the backend's transaction handle (`SqliteTx`, `PgTx`): work handed one commits or rolls
 * back with the receipt's row. On SQLite that work must finish synchronously (the transaction
 * commits when its callback returns); on PostgreSQL it is awaited before the commit.
 */
export interface ReceiptStoreOptions {
  now?: () => Date;
}

export interface ReceiptStore<Tx> {
  /**
   * Stores a receipt in the employee's inbox; `inTx` runs in the transaction that adds its row
   * (the job that will read it), and a throw there leaves no receipt.
   */
  add(
    employeeId: string,
    input: NewReceipt,
    inTx?: (tx: Tx, added: AddResult) => Awaitable<unknown>,
  ): Promise<AddResult>;
  /** Runs `work` in one transaction on the receipts' database (e.g. queueing jobs for them). */
  inTransaction<T>(work: (tx: Tx) => Awaitable<T>): Promise<T>;
  /** Records what the extractors read. Fields are validated: a bad document never lands in the table. */
  setFields(employeeId: string, id: string, fields: ReceiptFields): Promise<void>;
  /**
   * The employee's receipt that reads as the same purchase: same merchant (normalised), date
   * and total, and the same currency where both name one. A re-photographed receipt has other
   * bytes but is still the same claim, so this is the check that stops it being filed twice.
   */
  findSimilar(
    employeeId: string,
    fields: ReceiptFields,
    options?: { excludeId?: string },
  ): Promise<ReceiptRecord | undefined>;
  /** Receipts waiting in "my receipts", newest first. */
  listInbox(employeeId: string): Promise<ReceiptRecord[]>;
  /** How many receipts have waited in "my receipts" since before `before` (the reminders' count). */
  countWaiting(employeeId: string, before: Date): Promise<number>;
  listByDraft(employeeId: string, draftId: string): Promise<ReceiptRecord[]>;
  listByClaim(employeeId: string, claimId: string): Promise<ReceiptRecord[]>;
  get(employeeId: string, id: string): Promise<ReceiptRecord | undefined>;
  /** The image or PDF as stored, checked against its hash so a damaged file is never shown as the receipt. */
  readBlob(employeeId: string, id: string): Promise<Buffer>;
  /** Puts receipts on a draft claim (or moves them from another draft). All or none. */
  attach(employeeId: string, ids: readonly string[], draftId: string): Promise<void>;
  /** Back to the inbox, e.g. when the draft they were on is cancelled. All or none. */
  detach(employeeId: string, ids: readonly string[]): Promise<void>;
  /**
   * Called once the claims API has accepted the claim the receipts were sent with. Repeating it
   * for the same claim is harmless (a retried filing); a receipt already filed with another
   * claim is refused, because one receipt paid out twice is exactly what must not happen.
   */
  markFiled(employeeId: string, ids: readonly string[], claimId: string): Promise<void>;
  /**
   * Deletes a receipt that is not yet filed (false when there is none): a filed one is part of a
   * claim the approver may still need to see, so it stays. The image goes with its last receipt.
   */
  remove(employeeId: string, id: string): Promise<boolean>;
  /** Receipts stored but never read, oldest first: the bot stopped while reading them. */
  listUnread(): Promise<ReceiptRecord[]>;
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

/** The record a new receipt gets, after checking what intake handed in. */
export function newReceiptRecord(employeeId: string, input: NewReceipt, now: Date): ReceiptRecord {
  if (typeof employeeId !== 'string' || employeeId.trim() === '')
    throw new Error('an employee id is required');
  const sha256 = sha256Of(input.bytes);
  if (sha256 !== input.sha256.toLowerCase())
    throw new Error('add: sha256 does not match the bytes');
  if (!RECEIPT_MIMES.includes(input.mime)) throw new Error(`add: unsupported mime ${input.mime}`);
  const record: ReceiptRecord = {
    id: randomUUID(),
    employeeId,
    sha256,
    mime: input.mime,
    size: input.bytes.length,
    createdAt: now.toISOString(),
    status: 'inbox',
  };
  const fileName = cleanText(input.name, 255);
  const comment = cleanText(input.comment, 1000);
  if (fileName !== undefined) record.fileName = fileName;
  if (comment !== undefined) record.comment = comment;
  return record;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The stored bytes, unless they no longer match the receipt's hash. */
export function checkedBlob(record: Pick<ReceiptRecord, 'id' | 'sha256'>, bytes: Buffer): Buffer {
  if (sha256Of(bytes) !== record.sha256)
    throw new Error(`receipt ${record.id}: the stored file does not match its hash`);
  return bytes;
}

/** Why a status change is refused for a receipt, or undefined when it is allowed. */
export type Refusal = (record: ReceiptRecord) => string | undefined;

/** Attaching, detaching and removing leave a filed receipt alone. */
export const refuseFiled: Refusal = (r) =>
  r.status === 'filed' ? `is filed with claim ${r.claimId ?? '?'}` : undefined;

/** Filing again with the same claim is a retry; with another claim it is a second payout. */
export const refuseFiledElsewhere =
  (claimId: string): Refusal =>
  (r) =>
    r.status === 'filed' && r.claimId !== claimId
      ? `is already filed with claim ${r.claimId ?? '?'}`
      : undefined;

/**
 * The distinct ids of a batch change, once every one is the employee's and allowed; throws at the
 * first that is not, so the caller's transaction changes none.
 */
export function checkBatch(
  ids: readonly string[],
  found: (id: string) => ReceiptRecord | undefined,
  refuse: Refusal,
): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    const record = found(id);
    if (!record) throw new ReceiptNotFoundError(id);
    const reason = refuse(record);
    if (reason) throw new ReceiptStateError(`receipt ${id} ${reason}`);
  }
  return unique;
}

export interface DuplicateKey {
  merchant: string;
  date: string;
  totalMinor: number;
  currency?: string;
}

/**
 * The columns the same-purchase check looks up (kept beside the JSON, so the check is an indexed
 * lookup instead of parsing every stored document); undefined when the fields lack one.
 */
export function duplicateKey(fields: ReceiptFields): DuplicateKey | undefined {
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
 * What `setFields` writes, after checking the fields: the JSON document, then the duplicate key's
 * columns (merchant_key, receipt_date, total_minor, currency), null where the fields lack it.
 */
export function fieldColumns(fields: ReceiptFields): [string, ...Array<string | number | null>] {
  const parsed = receiptFieldsSchema.parse(fields);
  const key = duplicateKey(parsed);
  return [
    JSON.stringify(parsed),
    key?.merchant ?? null,
    key?.date ?? null,
    key?.totalMinor ?? null,
    key?.currency ?? null,
  ];
}

/** A new receipt's columns in insert order: id, employee_id, sha256, mime, size, file_name, comment. */
export function receiptColumns(record: ReceiptRecord): Array<string | number | null> {
  return [
    record.id,
    record.employeeId,
    record.sha256,
    record.mime,
    record.size,
    record.fileName ?? null,
    record.comment ?? null,
  ];
}

/** A candidate row matches when either side names no currency, or both name the same. */
export function sameCurrency(key: DuplicateKey, currency: string | null): boolean {
  return !key.currency || !currency || currency === key.currency;
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

/** A receipt's row as either backend reads it (column names are the same in both). */
export interface ReceiptRow {
  id: string;
  employee_id: string;
  sha256: string;
  mime: string;
  size: number;
  file_name: string | null;
  comment: string | null;
  /** ISO 8601 text (SQLite) or a timestamp (PostgreSQL). */
  created_at: string | Date;
  /** JSON text (SQLite) or the parsed document (PostgreSQL's jsonb). */
  fields: string | object | null;
  status: string;
  draft_id: string | null;
  claim_id: string | null;
}

export const RECEIPT_COLUMNS =
  'id, employee_id, sha256, mime, size, file_name, comment, created_at, fields, status, draft_id, claim_id';

export function toRecord(row: ReceiptRow): ReceiptRecord {
  const record: ReceiptRecord = {
    id: row.id,
    employeeId: row.employee_id,
    sha256: row.sha256,
    mime: row.mime as ReceiptMime,
    size: row.size,
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
    status: row.status as ReceiptStatus,
  };
  if (row.file_name !== null) record.fileName = row.file_name;
  if (row.comment !== null) record.comment = row.comment;
  if (row.fields !== null)
    record.fields = receiptFieldsSchema.parse(
      typeof row.fields === 'string' ? JSON.parse(row.fields) : row.fields,
    );
  if (row.draft_id !== null) record.draftId = row.draft_id;
  if (row.claim_id !== null) record.claimId = row.claim_id;
  return record;
}

function cleanText(value: string | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}
