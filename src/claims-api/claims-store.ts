/**
 * What the reference claims API needs from its storage, and what its two implementations share:
 * `ClaimsRepository` (SQLite, synchronous, one process or a few on one file) and
 * `PgClaimsRepository` (PostgreSQL, shared by every bot instance). The routes await every call, so
 * either fits; the answers are the same, the contract tests (test/contracts/) hold both to it.
 */
import {
  claimSchema,
  type Claim,
  type ClaimStatus,
  type Payout,
  type StatusChange,
} from '../claims/claim.js';
import type { Awaitable } from '../jobs/job-queue.js';

export type NewStoredClaim = Omit<Claim, 'number'>;

export interface FileClaimInput {
  idempotencyKey: string;
  /** Hash of the normalised request, to tell a retry from a reuse of the key for another claim. */
  requestHash: string;
  claim: NewStoredClaim;
}

export type FileClaimResult =
  | { outcome: 'created'; claim: Claim }
  | { outcome: 'replayed'; claim: Claim }
  | { outcome: 'key-reused'; claimId: string };

/** A rejected claim filed again: the same claim, its content replaced, its version one higher. */
export interface ResubmitInput {
  employeeId: string;
  claimId: string;
  /** The version the employee edited; another one means someone changed the claim meanwhile. */
  version: number;
  idempotencyKey: string;
  requestHash: string;
  content: Pick<
    Claim,
    'description' | 'purpose' | 'dimensions' | 'lines' | 'attachments' | 'totals'
  >;
  at: string;
}

export type ResubmitResult =
  | { outcome: 'resubmitted' | 'replayed'; claim: Claim }
  | { outcome: 'key-reused' }
  | { outcome: 'not-found' }
  | { outcome: 'not-rejected' | 'version-conflict'; claim: Claim };

/** Who made a status move, and what finance said with it. */
export interface StatusMoveDetails {
  actor?: string;
  payout?: Payout;
}

export interface StoredAttachment {
  mime: string;
  bytes: Buffer;
}

export interface ClaimsStore {
  /** Files a claim once per (employee, idempotency key); a retry with the same request gets the stored claim. */
  fileClaim(input: FileClaimInput): Awaitable<FileClaimResult>;
  get(id: string): Awaitable<Claim | undefined>;
  /**
   * Files a rejected claim again under the same id and number. The key makes a retried PUT
   * harmless; the version makes an edit of an older state fail instead of overwriting a newer one.
   */
  resubmit(input: ResubmitInput): Awaitable<ResubmitResult>;
  /** Newest first; claims filed within the same millisecond in the order they were stored, newest first. */
  listForEmployee(employeeId: string, filter?: { status?: ClaimStatus }): Awaitable<Claim[]>;
  /** Stores an employee's file once per content hash; storing it again changes nothing. */
  putAttachment(
    employeeId: string,
    sha256: string,
    mime: string,
    bytes: Buffer,
    createdAt: string,
  ): Awaitable<'created' | 'exists'>;
  getAttachment(employeeId: string, sha256: string): Awaitable<StoredAttachment | undefined>;
  hasAttachment(employeeId: string, sha256: string): Awaitable<boolean>;
  /**
   * Compare-and-set: moves the claim only if it is still in `from`, so two admins acting at once
   * cannot both apply a move that was valid only for the first. Undefined when nothing moved.
   * A move to `paid` records its time as the payout time; a move to `rejected` keeps the reason.
   */
  updateStatus(
    id: string,
    from: ClaimStatus,
    to: ClaimStatus,
    updatedAt: string,
    reason?: string,
    details?: StatusMoveDetails,
  ): Awaitable<Claim | undefined>;
}

// Finance counts years in Norwegian time: a claim filed at 00:30 on 1 January in Oslo is a
// claim of the new year even though it is still 31 December in UTC.
const osloYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' });

/** The year a claim filed at `createdAt` is numbered in. */
export function numberingYear(createdAt: string): number {
  return Number(osloYear.format(new Date(createdAt)));
}

export function claimNumber(year: number, sequence: number): string {
  return `RR-${year}-${String(sequence).padStart(6, '0')}`;
}

/** An idempotency key's row: the claim it filed (or resubmitted) and the request it came with. */
export interface IdempotencyRow {
  claim_id: string;
  request_hash: string;
}

/**
 * The answer to a resubmission that must not change anything, from the claim and the key's earlier
 * use (both read under the store's lock); undefined when the resubmission goes ahead.
 */
export function resubmitRefusal(
  input: ResubmitInput,
  claim: Claim | undefined,
  key: IdempotencyRow | undefined,
): ResubmitResult | undefined {
  if (!claim || claim.employeeId !== input.employeeId) return { outcome: 'not-found' };
  if (key) {
    if (key.claim_id !== input.claimId || key.request_hash !== input.requestHash)
      return { outcome: 'key-reused' };
    return { outcome: 'replayed', claim };
  }
  if (claim.status !== 'rejected') return { outcome: 'not-rejected', claim };
  if ((claim.version ?? 1) !== input.version) return { outcome: 'version-conflict', claim };
  return undefined;
}

/** A claim's row as both stores read it: the list-valued fields as JSON text. */
export interface ClaimRow {
  id: string;
  number: string;
  employee_id: string;
  status: string;
  description: string;
  purpose: string;
  dimensions: string;
  lines: string;
  attachments: string;
  totals: string;
  created_at: string;
  updated_at: string;
  rejection_reason: string | null;
  paid_at: string | null;
  version: number | null;
  payout: string | null;
}

export interface HistoryRow {
  at: string;
  status: string;
  actor: string;
  reason: string | null;
}

/**
 * Parsed with the contract's schema so a hand-edited or corrupt row fails loudly instead of
 * leaking out. `history` oldest first; a claim stored before the history existed starts with its
 * filing.
 */
export function claimFromRow(row: ClaimRow, history: readonly HistoryRow[]): Claim {
  const changes: StatusChange[] =
    history.length === 0
      ? [{ at: row.created_at, status: 'submitted', actor: `employee:${row.employee_id}` }]
      : history.map((h) => ({
          at: h.at,
          status: h.status as ClaimStatus,
          actor: h.actor,
          ...(h.reason !== null ? { reason: h.reason } : {}),
        }));
  return claimSchema.parse({
    id: row.id,
    number: row.number,
    employeeId: row.employee_id,
    status: row.status,
    description: row.description,
    purpose: row.purpose,
    // Stored as JSON text; the schema checks what comes back.
    dimensions: JSON.parse(row.dimensions) as unknown,
    lines: JSON.parse(row.lines) as unknown,
    attachments: JSON.parse(row.attachments) as unknown,
    totals: JSON.parse(row.totals) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.rejection_reason !== null ? { rejectionReason: row.rejection_reason } : {}),
    ...(row.paid_at !== null ? { paidAt: row.paid_at } : {}),
    version: row.version ?? 1,
    history: changes,
    ...(row.payout !== null ? { payout: JSON.parse(row.payout) as unknown } : {}),
  });
}

/** The payout column's value for a move: kept only on a move to `paid`. */
export function payoutColumn(to: ClaimStatus, details: StatusMoveDetails): string | null {
  return to === 'paid' && details.payout ? JSON.stringify(details.payout) : null;
}

/** What a move writes into the history's reason: only a rejection keeps one. */
export function historyReason(to: ClaimStatus, reason: string | undefined): string | null {
  return to === 'rejected' ? (reason ?? null) : null;
}

/** The columns a new claim is inserted with, JSON-valued ones as text, in both stores. */
export function newClaimColumns(claim: Claim) {
  return {
    id: claim.id,
    number: claim.number,
    employee_id: claim.employeeId,
    status: claim.status,
    description: claim.description,
    purpose: claim.purpose,
    dimensions: JSON.stringify(claim.dimensions),
    lines: JSON.stringify(claim.lines),
    attachments: JSON.stringify(claim.attachments),
    totals: JSON.stringify(claim.totals),
    created_at: claim.createdAt,
    updated_at: claim.updatedAt,
  };
}

/** A resubmission's new content as column values, in the order both stores' UPDATE takes them. */
export function resubmittedContent(content: ResubmitInput['content']): string[] {
  return [
    content.description,
    content.purpose,
    JSON.stringify(content.dimensions),
    JSON.stringify(content.lines),
    JSON.stringify(content.attachments),
    JSON.stringify(content.totals),
  ];
}
