/**
 * From a read receipt to an outlay: what it says as a guess for the form, and which fields were
 * read too unsure to trust, so the card can ask the user to check them.
 */
import { LOW_CONFIDENCE, type ReceiptSummary } from '../claims/receipt-reading.js';
import type { OutlayGuess } from './free-text.js';
import { outlayFieldsFromGuess } from './outlay-form.js';
import type { Turn } from './turn.js';
import type { ClaimLineDraft, OutlayDraft, ReceiptFacts } from './types.js';

/**
 * What a receipt says, as a guess for an outlay, what else it says (VAT, org. number), and the
 * fields read too unsure to trust.
 */
export function receiptGuess(receipt: ReceiptSummary): {
  guess: OutlayGuess;
  check: string[];
  facts: ReceiptFacts;
} {
  const f = receipt.fields;
  const guess: OutlayGuess = {
    ...(f.kind !== 'not_receipt' ? { kind: f.kind } : {}),
    ...(f.totalMinor !== undefined ? { amountMinor: f.totalMinor } : {}),
    ...(f.currency ? { currency: f.currency } : {}),
    ...(f.date ? { date: f.date } : {}),
    ...(f.merchant ? { merchant: f.merchant } : {}),
  };
  const c = f.confidence;
  const check = [
    ...(f.date === undefined || c.date < LOW_CONFIDENCE ? ['date'] : []),
    ...(f.totalMinor === undefined || c.total < LOW_CONFIDENCE ? ['amount'] : []),
    ...(c.kind < LOW_CONFIDENCE ? ['kind'] : []),
    ...(f.merchant !== undefined && c.merchant < LOW_CONFIDENCE ? ['merchant'] : []),
    ...(f.currency !== undefined && c.currency < LOW_CONFIDENCE ? ['currency'] : []),
    // The card shows the rate beside the VAT amount: an unsure rate makes that line one to check.
    ...((f.vatMinor !== undefined && c.vat < LOW_CONFIDENCE) ||
    (f.vatMinor !== undefined && f.vatRate !== undefined && c.vatRate < LOW_CONFIDENCE)
      ? ['vat']
      : []),
    ...(f.orgNo !== undefined && c.orgNo < LOW_CONFIDENCE ? ['orgNo'] : []),
  ];
  const facts: ReceiptFacts = {
    ...(f.vatMinor !== undefined ? { vatMinor: f.vatMinor } : {}),
    ...(f.vatRate !== undefined ? { vatRate: f.vatRate } : {}),
    ...(f.orgNo !== undefined ? { orgNo: f.orgNo } : {}),
  };
  return { guess, check, facts };
}

export function lineFromReceipt(
  turn: Turn,
  receipt: ReceiptSummary,
  comment: string | undefined,
): ClaimLineDraft {
  const { guess, check } = receiptGuess(receipt);
  const { purpose: _purpose, ...fields } = outlayFieldsFromGuess(turn.ctx.today, guess);
  if (comment) fields.comment = comment.slice(0, 1000);
  return {
    id: turn.ctx.newId(),
    fields,
    receiptIds: [receipt.id],
    ...(receipt.name ? { receiptName: receipt.name } : {}),
    ...(check.length ? { check } : {}),
  };
}

export function lineOfDraft(draft: OutlayDraft): { line: ClaimLineDraft; purpose: string } {
  const { purpose, ...fields } = draft.fields;
  return {
    line: {
      id: draft.id,
      fields,
      receiptIds: draft.receiptIds ?? [],
      ...(draft.check?.length ? { check: draft.check } : {}),
    },
    purpose,
  };
}
