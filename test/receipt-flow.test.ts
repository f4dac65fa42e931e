import { describe, expect, it } from 'vitest';
import { handleEvent } from '../src/conversation/engine.js';
import type { ReceiptFields } from '../src/claims/receipt-reading.js';
import { act, cards, ctx, run, say, texts } from './helpers/engine-driver.js';

const sure = {
  kind: 0.9,
  merchant: 0.9,
  orgNo: 0.9,
  date: 0.9,
  total: 0.9,
  currency: 0.9,
  vat: 0.9,
  vatRate: 0.9,
};
const ferry: ReceiptFields = {
  kind: 'ferry',
  merchant: 'Fjord1',
  date: '2026-11-20',
  totalMinor: 27500,
  currency: 'NOK',
  vatMinor: 2946,
  vatRate: 12,
  confidence: sure,
};
const read = (fields: ReceiptFields, id = 'r1') => ({
  type: 'receiptRead' as const,
  receipt: { id, name: 'IMG_1.jpg', createdAt: '2026-11-20T10:00:00Z', fields },
});

describe('receipts in the conversation', () => {
  it('acknowledges photos at once in the user language, and not in a group chat', () => {
    expect(
      texts(handleEvent({}, { type: 'receiptsArrived', count: 1 }, ctx({ locale: 'nn-NO' }))),
    ).toEqual(['Les kvitteringa …']);
    expect(
      texts(handleEvent({}, { type: 'receiptsArrived', count: 3 }, ctx({ locale: 'en-US' }))),
    ).toEqual(['Reading your 3 receipts…']);
    expect(
      texts(handleEvent({}, { type: 'receiptsArrived', count: 1 }, ctx({ scope: 'groupChat' })))[0],
    ).toMatch(/private/);
  });

  it('a read receipt becomes a pre-filled outlay that keeps the receipt and the text sent with it', () => {
    const r = handleEvent(
      { welcomed: true },
      { ...read(ferry), comment: 'Ferja til Molde' },
      ctx(),
    );
    expect(r.state.outlay).toMatchObject({
      receiptIds: ['r1'],
      fields: {
        kind: 'ferry',
        amount: '275',
        merchant: 'Fjord1',
        date: '2026-11-20',
        comment: 'Ferja til Molde',
        purpose: '',
      },
    });
    expect(cards(r)[0]?.data.hint).toBe(
      'Jeg leste kvitteringen. Sjekk feltene, og fortell meg formålet.',
    );
    const filed = run([say('Kundemøte i Molde'), say('send inn')], r.state);
    expect(filed.last.effects[0]).toMatchObject({ type: 'fileClaim', receiptIds: ['r1'] });
  });

  it('asks the user to check what was read with low confidence', () => {
    const shaky = { ...ferry, date: undefined, confidence: { ...sure, total: 0.3 } };
    const r = handleEvent({ welcomed: true }, read(shaky), ctx({ locale: 'en-US' }));
    expect(cards(r)[0]?.data.checkNote).toBe('Please check: date, amount.');
  });

  it('a photo that is no receipt is said so, with no invented fields', () => {
    const r = handleEvent(
      { welcomed: true },
      read({ kind: 'not_receipt', confidence: sure }),
      ctx(),
    );
    expect(r.state.outlay).toBeUndefined();
    expect(texts(r)[0]).toMatch(/ser ikke ut som en kvittering/);
  });

  it('an invitation sent during a travel claim goes on it as documentation', () => {
    const { state } = run([say('ny reise')]);
    const r = handleEvent(state, read({ kind: 'not_receipt', confidence: sure }, 'inv'), ctx());
    expect(r.state.travel?.documentIds).toEqual(['inv']);
    expect(texts(r)[0]).toMatch(/dokumentasjon/);
  });

  it('the same receipt again is flagged, not made into a second claim', () => {
    const r = handleEvent(
      { welcomed: true },
      { ...read(ferry, 'r2'), duplicateOf: read(ferry).receipt },
      ctx(),
    );
    expect(r.state.outlay).toBeUndefined();
    expect(texts(r)[0]).toMatch(/sendt denne kvitteringen før \(20\.11\.2026\)/);
  });

  it('"mine kvitteringar" lists the inbox and a receipt there can be made into an outlay', () => {
    const listing = handleEvent(
      { welcomed: true },
      say('mine kvitteringar'),
      ctx({ locale: 'nn-NO' }),
    );
    expect(listing.effects).toEqual([{ type: 'listReceipts' }]);
    const listed = handleEvent(
      listing.state,
      { type: 'receiptsListed', receipts: [read(ferry).receipt] },
      ctx({ locale: 'nn-NO' }),
    );
    const items = cards(listed)[0]?.data.items as Array<Record<string, unknown>>;
    expect(items[0]).toMatchObject({ id: 'r1', title: 'Ferje – Fjord1', canClaim: true });
    expect(
      handleEvent(listed.state, act('receipt.toClaim', { receiptId: 'r1' }), ctx()).effects,
    ).toEqual([{ type: 'loadReceipt', receiptId: 'r1' }]);
  });

  it('a receipt read while a mileage claim waits at its summary goes on that claim', () => {
    const { state } = run([say('kjørte 30 km fra Oslo til Asker i dag'), say('Kundemøte')]);
    const r = handleEvent(
      state,
      read({ ...ferry, kind: 'toll', merchant: 'Fjellinjen', totalMinor: 4500 }),
      ctx(),
    );
    expect(r.state.outlay?.parent?.kind).toBe('mileage');
    const added = handleEvent(r.state, act('outlay.file', { draftId: r.state.outlay?.id }), ctx());
    expect(added.state.mileage?.receiptIds).toEqual(['r1']);
  });
});
