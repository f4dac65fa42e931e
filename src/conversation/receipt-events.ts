/**
 * What the bot reports about receipts (read, failed, listed, gathered from the inbox) and the
 * inbox's buttons. A photo of a "one claim" message becomes a line of that claim; any other photo
 * becomes an outlay of its own, on the trip in progress when there is one.
 */
import type { Routes } from './actions/route-types.js';
import { formatDate, receiptsListView } from './card-views.js';
import { receiptTrip } from './open-trip.js';
import { startOutlay } from './outlay-flow.js';
import {
  afterSinglePhoto,
  claimFromReceipts,
  findBatch,
  gatherFailure,
  gatherReceipt,
} from './receipt-batches.js';
import { receiptGuess } from './receipt-lines.js';
import { text, type Turn } from './turn.js';
import type { ConversationEvent, ReceiptSummary } from './types.js';

type ReceiptEvent = Extract<
  ConversationEvent,
  { type: 'receiptRead' | 'receiptFailed' | 'inboxGathered' | 'receiptsListed' }
>;

export function onReceiptEvent(turn: Turn, event: ReceiptEvent) {
  switch (event.type) {
    case 'receiptRead':
      return onReceiptRead(turn, event);
    case 'receiptFailed': {
      const batch = findBatch(turn.state, event.batch?.id);
      if (batch?.oneClaim)
        return gatherFailure(turn, batch, event.batch?.index ?? batch.done, event.messages);
      turn.messages.push(text(event.messages[turn.lang]));
      if (batch) afterSinglePhoto(turn, batch);
      return;
    }
    case 'inboxGathered':
      return claimFromReceipts(turn, event.receipts);
    case 'receiptsListed':
      return void turn.messages.push(receiptsListView(turn.lang, event.receipts));
  }
}

function onReceiptRead(turn: Turn, event: Extract<ReceiptEvent, { type: 'receiptRead' }>) {
  const batch = findBatch(turn.state, event.batch?.id);
  if (batch?.oneClaim)
    return gatherReceipt(
      turn,
      batch,
      event.batch?.index ?? batch.done,
      event.receipt,
      event.duplicateOf,
    );
  const before = turn.state.outlay;
  // Of several photos, only the last one's card asks for the purpose: the others take their turn later.
  const more = batch !== undefined && batch.done + 1 < batch.count;
  outlayFromReceipt(
    turn,
    event.receipt,
    batch ? batch.comment : event.comment,
    event.duplicateOf,
    more,
  );
  // Only a photo that made a new draft has one to gather later (not a duplicate or a non-receipt).
  if (batch)
    afterSinglePhoto(turn, batch, turn.state.outlay !== before ? event.receipt.id : undefined);
}

function outlayFromReceipt(
  turn: Turn,
  receipt: ReceiptSummary,
  comment: string | undefined,
  duplicateOf: ReceiptSummary | undefined,
  morePhotos: boolean,
) {
  if (duplicateOf) {
    return turn.say('receipt.duplicate', {
      date: duplicateOf.createdAt ? formatDate(turn.lang, duplicateOf.createdAt.slice(0, 10)) : '?',
    });
  }
  const travel = turn.state.travel;
  if (receipt.fields.kind === 'not_receipt') {
    // An invitation or registration is documentation for the travel claim in progress (guide 5.1).
    if (travel) {
      turn.state.travel = { ...travel, documentIds: [...(travel.documentIds ?? []), receipt.id] };
      return turn.say('receipt.attachedAsDocumentation');
    }
    return turn.say('receipt.notReceipt');
  }
  const { guess, check, facts } = receiptGuess(receipt);
  startOutlay(turn, guess, receiptTrip(turn.state), {
    receiptIds: [receipt.id],
    comment,
    check,
    facts,
    quiet: morePhotos,
  });
}

/** The receipts inbox's buttons: one receipt to an outlay, or all of them onto one claim. */
export const inboxRoutes: Routes<'receipt.toClaim' | 'receipts.allToClaim'> = {
  'receipt.toClaim': (turn, action) =>
    void turn.effects.push({ type: 'loadReceipt', receiptId: action.receiptId }),
  'receipts.allToClaim': (turn) => void turn.effects.push({ type: 'gatherInbox' }),
};
