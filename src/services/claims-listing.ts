/** The person's filed claims, each with signed links to its receipts for opening in a browser. */
import type { Logger } from 'pino';
import type { ClaimsClient } from '../claims-api/claims-client.js';
import type { ConversationEvent } from '../conversation/types.js';
import { errorSummary } from '../logger.js';
import type { ReceiptLinks } from './receipt-links.js';

export class ClaimsListing {
  constructor(
    private readonly deps: { claims: ClaimsClient; links?: ReceiptLinks; logger: Logger },
  ) {}

  async list(employeeId: string): Promise<ConversationEvent> {
    const { claims, links, logger } = this.deps;
    try {
      const list = await claims.listClaims(employeeId);
      const receiptLinks = links
        ? Object.fromEntries(
            list.map((c) => [
              c.id,
              c.attachments
                .filter((a) => a.role === 'receipt')
                .map((a) => links.url(employeeId, a.sha256)),
            ]),
          )
        : {};
      return { type: 'claimsListed', claims: list, receiptLinks };
    } catch (err) {
      // The engine tells the user in their language that the list is unavailable.
      logger.warn({ err: errorSummary(err) }, 'listing claims failed');
      return { type: 'claimsListFailed' };
    }
  }

  /** A claim to reopen as a draft ("Endre og send inn på nytt"); the engine checks it is rejected. */
  async reopen(employeeId: string, claimId: string): Promise<ConversationEvent> {
    try {
      const claim = await this.deps.claims.getClaim(employeeId, claimId);
      return claim
        ? { type: 'claimReopened', claim }
        : { type: 'claimReopenFailed', reason: 'notFound' };
    } catch (err) {
      this.deps.logger.warn({ err: errorSummary(err) }, 'fetching a claim to reopen failed');
      return { type: 'claimReopenFailed', reason: 'unavailable' };
    }
  }
}
