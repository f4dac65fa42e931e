/**
 * The application layer in one place: what the bot needs to run conversations and read
 * receipts, built from the domain pieces. `app.ts` builds it once; tests build it the same way.
 */
import type { Logger } from 'pino';
import type { ClaimsClient } from '../claims-api/claims-client.js';
import type { ReceiptPipeline } from '../receipts/receipt-pipeline.js';
import { ClaimFiling } from './claim-filing.js';
import { ClaimsListing } from './claims-listing.js';
import { ConversationRunner, type StateStore } from './conversation-runner.js';
import { EffectRunner, type HelpAnswerer } from './effect-runner.js';
import type { MessageDecider } from './model-understanding.js';
import type { ReceiptLinks } from './receipt-links.js';
import { ReceiptReading, type IntakeOptions } from './receipt-reading.js';

export interface ExpenseServicesDeps {
  storage: StateStore;
  help: HelpAnswerer;
  receipts: ReceiptPipeline;
  claims: ClaimsClient;
  intake: IntakeOptions;
  /** Signed links to receipts on filed claims; without it the claims list shows none. */
  links?: ReceiptLinks;
  /** A language model for typed messages the offline reading is unsure of; optional. */
  understanding?: MessageDecider;
  logger: Logger;
}

export interface ExpenseServices {
  conversations: ConversationRunner;
  receiptReading: ReceiptReading;
}

export function createExpenseServices(deps: ExpenseServicesDeps): ExpenseServices {
  const { storage, help, receipts, claims, intake, links, understanding, logger } = deps;
  const effects = new EffectRunner({
    help,
    receipts,
    filing: new ClaimFiling({ claims, receipts, logger }),
    listing: new ClaimsListing({ claims, ...(links ? { links } : {}), logger }),
    logger,
  });
  return {
    conversations: new ConversationRunner({
      storage,
      effects,
      logger,
      ...(understanding ? { understanding } : {}),
    }),
    receiptReading: new ReceiptReading({ receipts, intake, logger }),
  };
}
