import { describe, expect, it } from 'vitest';
import { parse } from '../../helpers/parse-receipt.js';

describe('the currency', () => {
  it('reads a Swedish receipt in kronor as SEK', () => {
    const fields = parse(`
      Taxi Göteborg
      Org.nr: 556123-4567
      Kvitto
      Datum: 2026-03-14  Tid: 13:05
      Körning Landvetter - Centrum  520,00
      Att betala                520,00 kr
      Moms 6%                       29,43
      Tack för resan!
    `);
    expect(fields).toMatchObject({
      kind: 'taxi',
      totalMinor: 52000,
      currency: 'SEK',
      date: '2026-03-14',
      vatRate: 6,
      vatMinor: 2943,
    });
    // A Swedish organisation number is no Norwegian one.
    expect(fields.orgNo).toBeUndefined();
  });
});
