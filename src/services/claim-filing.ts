/**
 * Delivers a claim to the claims API: its files first (the claim refers to them by hash, and a
 * retried upload is harmless), then the claim with its Idempotency-Key (the draft's id, so a
 * delivery repeated after a crash gets the claim filed the first time), then the receipts are
 * marked as filed so they leave the inbox. The outcome says what the outbox does next: done,
 * try again later, or never (refused).
 */
import type { Logger } from 'pino';
import type { AttachmentRef, Claim, NewClaim } from '../claims/claim.js';
import {
  ClaimsApiRejectedError,
  ClaimsApiUnavailableError,
  type ClaimsClient,
} from '../claims-api/claims-client.js';
import type { Refusal, Resubmission } from '../conversation/types.js';
import { errorSummary } from '../logger.js';
import type { ReceiptPipeline } from '../receipts/receipt-pipeline.js';

/** What is filed: the claim, the stored files that go with it, and the key it is filed under. */
export interface ClaimDelivery {
  draftId: string;
  claim: NewClaim;
  receiptIds?: string[];
  documentIds?: string[];
  /** A rejected claim filed again (PUT, same claim), with the files it already had. */
  resubmits?: Resubmission;
}

export type DeliveryOutcome =
  | { type: 'filed'; claim: Claim }
  /** `atOnce`: the request failed before any answer and quickly (e.g. a stale keep-alive socket). */
  | { type: 'retry'; error: string; retryAfterMs?: number; atOnce?: true }
  | { type: 'refused'; error: string; refusal: Refusal };

export class ClaimFiling {
  constructor(
    private readonly deps: { claims: ClaimsClient; receipts: ReceiptPipeline; logger: Logger },
  ) {}

  async deliver(employeeId: string, delivery: ClaimDelivery): Promise<DeliveryOutcome> {
    const { claims, receipts, logger } = this.deps;
    try {
      const roles = [
        ...(delivery.receiptIds ?? []).map((id) => [id, 'receipt'] as const),
        ...(delivery.documentIds ?? []).map((id) => [id, 'documentation'] as const),
      ];
      const attachments: AttachmentRef[] = [];
      for (const [id, role] of roles) {
        for (const file of await receipts.files(employeeId, [id])) {
          await claims.uploadAttachment(employeeId, file);
          attachments.push({
            sha256: file.sha256,
            mime: file.mime as AttachmentRef['mime'],
            role,
            ...(file.name ? { name: file.name.slice(0, 200) } : {}),
          });
        }
      }
      // A reopened claim keeps the files it was filed with; they are on the claims API already.
      const kept = (delivery.resubmits?.attachments ?? []).filter(
        (a) => !attachments.some((b) => b.sha256 === a.sha256),
      );
      const content = { ...delivery.claim, attachments: [...kept, ...attachments] };
      const { resubmits } = delivery;
      const claim = resubmits
        ? await claims.resubmitClaim(
            employeeId,
            resubmits.claimId,
            content,
            resubmits.version,
            delivery.draftId,
          )
        : await claims.fileClaim(employeeId, content, delivery.draftId);
      if (roles.length > 0)
        await receipts.markFiled(
          employeeId,
          roles.map(([id]) => id),
          claim.id,
        );
      logger.info({ claimId: claim.id, number: claim.number }, 'claim filed');
      return { type: 'filed', claim };
    } catch (err) {
      const error = errorSummary(err);
      if (err instanceof ClaimsApiRejectedError) {
        logger.warn({ err: error }, 'the claims API refused the claim');
        return { type: 'refused', error: err.message, refusal: refusalOf(err) };
      }
      logger.warn({ err: error }, 'filing failed, will retry');
      return {
        type: 'retry',
        error: err instanceof Error ? err.message : String(err),
        ...(err instanceof ClaimsApiUnavailableError && err.retryAfterMs !== undefined
          ? { retryAfterMs: err.retryAfterMs }
          : {}),
        ...(failedFast(err) ? { atOnce: true as const } : {}),
      };
    }
  }
}

/** No answer at all, and not for want of time: the connection failed. A timeout is not retried at once. */
function failedFast(err: unknown): boolean {
  if (!(err instanceof ClaimsApiUnavailableError) || !(err.cause instanceof Error)) return false;
  return err.cause.name !== 'TimeoutError' && err.cause.name !== 'AbortError';
}

/** The API's problem code, as the user is told it (the API's own message is English). */
function refusalOf(err: ClaimsApiRejectedError): Refusal {
  const code =
    typeof err.body === 'object' && err.body !== null
      ? (err.body as { error?: unknown }).error
      : undefined;
  switch (code) {
    case 'validation':
    case 'bad_request':
      return { code: 'validation' };
    case 'unknown_attachment':
      return { code: 'attachment' };
    case 'payload_too_large':
      return { code: 'tooLarge' };
    case 'idempotency_conflict':
      return { code: 'conflict' };
    default:
      return err.status === 413 ? { code: 'tooLarge' } : { code: 'other', status: err.status };
  }
}
