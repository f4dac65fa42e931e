/**
 * Receipts and photo messages for the several-receipt tests: three readable receipts, a photo
 * that is no receipt, and the events of a message whose photos the bot reads one by one.
 */
import type {
  ConversationEvent,
  ReceiptSummary,
  TurnResult,
  UserState,
} from '../../src/conversation/types.js';
import type { ReceiptFields } from '../../src/claims/receipt-reading.js';
import { cards, ctx, run } from './engine-driver.js';

export const sure = {
  kind: 0.9,
  merchant: 0.9,
  orgNo: 0.9,
  date: 0.9,
  total: 0.9,
  currency: 0.9,
  vat: 0.9,
  vatRate: 0.9,
};
export const fuel: ReceiptFields = {
  kind: 'fuel',
  merchant: 'Uno-X Sandnes',
  date: '2026-11-20',
  totalMinor: 104095,
  currency: 'NOK',
  confidence: sure,
};
export const taxi: ReceiptFields = {
  kind: 'taxi',
  merchant: 'Stavanger Taxi',
  date: '2026-11-21',
  totalMinor: 53579,
  currency: 'NOK',
  confidence: { ...sure, date: 0.3 },
};
export const parking: ReceiptFields = {
  kind: 'parking',
  merchant: 'Europark',
  date: '2026-11-21',
  totalMinor: 22000,
  currency: 'NOK',
  confidence: sure,
};
export const cat: ReceiptFields = { kind: 'not_receipt', confidence: sure };

export const summary = (id: string, fields: ReceiptFields, name?: string): ReceiptSummary => ({
  id,
  ...(name ? { name } : {}),
  createdAt: '2026-11-22T10:00:00Z',
  fields,
});
export const arrived = (count: number, text?: string, batchId = 'msg-1'): ConversationEvent => ({
  type: 'receiptsArrived',
  count,
  batchId,
  ...(text !== undefined ? { text } : {}),
});
export const read = (
  index: number,
  receipt: ReceiptSummary,
  batchId = 'msg-1',
  duplicateOf?: ReceiptSummary,
): ConversationEvent => ({
  type: 'receiptRead',
  receipt,
  batch: { id: batchId, index },
  ...(duplicateOf ? { duplicateOf } : {}),
});
export const failed = (index: number, batchId = 'msg-1'): ConversationEvent => ({
  type: 'receiptFailed',
  batch: { id: batchId, index },
  messages: {
    nb: 'Jeg klarte ikke å lese fila.',
    nn: 'Eg klarte ikkje å lese fila.',
    en: 'I could not read that file.',
  },
});

/** Three photos sent with `text`, read one after another. */
export function threePhotos(
  text: string | undefined,
  start: UserState = { welcomed: true },
  c = ctx(),
) {
  return run(
    [
      arrived(3, text),
      read(0, summary('r1', fuel, 'uno-x.jpg')),
      read(1, summary('r2', taxi)),
      read(2, summary('r3', parking)),
    ],
    start,
    c,
  );
}

export const claimCard = (r: TurnResult) => cards(r).find((v) => v.template === 'outlay-claim');
export const lineTitles = (
  r: TurnResult | undefined,
  view = r &&
    (r.replace?.kind === 'card' && r.replace.template === 'outlay-claim'
      ? r.replace
      : claimCard(r)),
) => ((view?.data.lines ?? []) as Array<{ title: string }>).map((l) => l.title);
