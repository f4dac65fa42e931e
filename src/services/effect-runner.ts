/**
 * Executes what the conversation asks for (file a claim, list claims or receipts, answer a
 * question) and turns the outcome into the event the conversation continues with. Failures
 * become events too, so the conversation always gets to tell the user what happened.
 */
import type { Logger } from 'pino';
import type { ConversationEvent, Effect, HelpReply, Lang } from '../conversation/types.js';
import { t } from '../i18n/translate.js';
import { errorSummary } from '../logger.js';
import type { ReceiptPipeline } from '../receipts/receipt-pipeline.js';
import type { ClaimsListing } from './claims-listing.js';

/** Answers questions from the user guide (offline search, optionally a language model). */
export interface HelpAnswerer {
  answer(question: string, userLang: Lang): Promise<HelpReply>;
}

export interface EffectRunnerDeps {
  help: HelpAnswerer;
  receipts: ReceiptPipeline;
  /** The outbox: delivers the filing a turn just committed, or stops one waiting in it. */
  filing: {
    deliverNow(draftId: string): Promise<ConversationEvent>;
    cancel(draftId: string): Promise<ConversationEvent>;
  };
  listing: ClaimsListing;
  logger: Logger;
}

export class EffectRunner {
  constructor(private readonly deps: EffectRunnerDeps) {}

  async run(employeeId: string, effect: Effect): Promise<ConversationEvent> {
    const { receipts } = this.deps;
    switch (effect.type) {
      case 'answerHelp':
        return this.answerHelp(effect.question, effect.lang);
      case 'listClaims': {
        const listed = await this.deps.listing.list(employeeId);
        // The question rides along, so the answer is composed when the claims arrive.
        return effect.question && listed.type === 'claimsListed'
          ? { ...listed, question: effect.question }
          : listed;
      }
      case 'listReceipts':
        return { type: 'receiptsListed', receipts: await receipts.inbox(employeeId) };
      case 'gatherInbox':
        return { type: 'inboxGathered', receipts: await receipts.inbox(employeeId) };
      case 'loadReceipt': {
        const receipt = await receipts.load(employeeId, effect.receiptId);
        return receipt
          ? { type: 'receiptRead', receipt }
          : { type: 'receiptsListed', receipts: await receipts.inbox(employeeId) };
      }
      case 'fileClaim':
        return this.deps.filing.deliverNow(effect.draftId);
      case 'cancelFiling':
        return this.deps.filing.cancel(effect.draftId);
      case 'reopenClaim':
        return this.deps.listing.reopen(employeeId, effect.claimId);
      case 'dropInbox':
        return { type: 'inboxDropped', count: await receipts.dropInbox(employeeId) };
    }
  }

  private async answerHelp(question: string, lang: Lang): Promise<ConversationEvent> {
    try {
      return { type: 'helpAnswered', reply: await this.deps.help.answer(question, lang) };
    } catch (err) {
      this.deps.logger.warn({ err: errorSummary(err) }, 'help answer failed');
      return {
        type: 'helpAnswered',
        reply: { found: false, lang, text: t(lang, 'fallback.text') },
      };
    }
  }
}
