/**
 * Files a claim with the claims API: its files first (the claim refers to them by hash, and a
 * retried upload is harmless), then the claim, then the receipts are marked as filed so they
 * leave the inbox.
 */
import type { Logger } from 'pino';
import type { AttachmentRef } from '../claims/claim.js';
import { ClaimsApiRejectedError, type ClaimsClient } from '../claims-api/claims-client.js';
import type { ConversationEvent, Effect } from '../conversation/types.js';
import { errorSummary } from '../logger.js';
import type { ReceiptPipeline } from '../receipts/receipt-pipeline.js';

export type FileClaimEffect = Extract<Effect, { type: 'fileClaim' }>;

export class ClaimFiling {
  constructor(
    private readonly deps: { claims: ClaimsClient; receipts: ReceiptPipeline; logger: Logger },
  ) {}

  async file(employeeId: string, effect: FileClaimEffect): Promise<ConversationEvent> {
    const { claims, receipts, logger } = this.deps;
    try {
      const roles = [
        ...(effect.receiptIds ?? []).map((id) => [id, 'receipt'] as const),
        ...(effect.documentIds ?? []).map((id) => [id, 'documentation'] as const),
      ];
      const attachments: AttachmentRef[] = [];
      for (const [id, role] of roles) {
        for (const file of receipts.files(employeeId, [id])) {
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
      const kept = (effect.resubmits?.attachments ?? []).filter(
        (a) => !attachments.some((b) => b.sha256 === a.sha256),
      );
      const content = { ...effect.claim, attachments: [...kept, ...attachments] };
      const { resubmits } = effect;
      const claim = resubmits
        ? await claims.resubmitClaim(
            employeeId,
            resubmits.claimId,
            content,
            resubmits.version,
            effect.draftId,
          )
        : await claims.fileClaim(employeeId, content, effect.draftId);
      if (roles.length > 0)
        receipts.markFiled(
          employeeId,
          roles.map(([id]) => id),
          claim.id,
        );
      logger.info({ claimId: claim.id, number: claim.number }, 'claim filed');
      return { type: 'filed', draftId: effect.draftId, claim };
    } catch (err) {
      logger.warn({ err: errorSummary(err) }, 'filing failed');
      if (err instanceof ClaimsApiRejectedError)
        return {
          type: 'fileFailed',
          draftId: effect.draftId,
          reason: 'rejected',
          detail: err.message,
        };
      return { type: 'fileFailed', draftId: effect.draftId, reason: 'unavailable' };
    }
  }
}
