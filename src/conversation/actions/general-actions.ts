/** Buttons that belong to no draft: the welcome and help cards, the claims list, the receipts inbox. */
import { z } from 'zod';
import { onDraft, withKeys } from './schema-kit.js';

export const generalActions = [
  onDraft('help.show'),
  onDraft('claims.list'),
  // Without its receipt the button cannot do anything: that is a malformed action, not a no-op.
  withKeys('receipt.toClaim', { receiptId: z.string().min(1) }),
  onDraft('receipts.allToClaim'),
  // "Endre og send inn på nytt" on a rejection: the claim to reopen as a draft.
  withKeys('claim.reopen', { claimId: z.string().min(1) }),
  // A reminder's buttons: show the waiting receipts or drafts, or drop them.
  onDraft('reminder.finish'),
  onDraft('reminder.drop'),
] as const;
