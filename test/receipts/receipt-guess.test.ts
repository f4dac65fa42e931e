import { describe, expect, it } from 'vitest';
import {
  zeroConfidence,
  type ReceiptFields,
  type ReceiptSummary,
} from '../../src/claims/receipt-reading.js';
import { receiptGuess } from '../../src/conversation/receipt-lines.js';

function reading(
  fields: Partial<ReceiptFields>,
  confidence: Partial<ReceiptFields['confidence']>,
): ReceiptSummary {
  const sure = Object.fromEntries(
    Object.keys(zeroConfidence()).map((k) => [k, 0.95]),
  ) as ReceiptFields['confidence'];
  return {
    id: 'r1',
    fields: { kind: 'parking', ...fields, confidence: { ...sure, ...confidence } },
  };
}

describe('receiptGuess: the fields the card asks the user to check', () => {
  const base = { totalMinor: 12_500, date: '2026-11-30', vatMinor: 2_500, vatRate: 25 };

  it('asks for nothing when every field was read surely', () => {
    expect(receiptGuess(reading(base, {})).check).toEqual([]);
  });

  it('flags the VAT line when the VAT amount or only its rate is unsure', () => {
    expect(receiptGuess(reading(base, { vat: 0.4 })).check).toEqual(['vat']);
    expect(receiptGuess(reading(base, { vatRate: 0.4 })).check).toEqual(['vat']);
  });

  it('flags an unsure merchant, currency and org. number, and a missing total or date', () => {
    const guess = receiptGuess(
      reading(
        { merchant: 'Circle K Lillehammer', currency: 'SEK', orgNo: '923609016', vatMinor: 100 },
        { merchant: 0.3, currency: 0.3, orgNo: 0.3 },
      ),
    );
    expect(guess.check).toEqual(['date', 'amount', 'merchant', 'currency', 'orgNo']);
    expect(guess.facts).toEqual({ vatMinor: 100, orgNo: '923609016' });
  });
});
