import { describe, expect, it } from 'vitest';
import { parse } from '../../helpers/parse-receipt.js';

describe('the currency', () => {
  it('reads a Swedish receipt in kronor as SEK', () => {
    const fields = parse(`
      Taxi Stockholm
      Org.nr: 556263-7697
      Kvitto
      Datum: 2026-02-01  Tid: 13:48
      Körning Arlanda - City       455,00
      Att betala                455,00 kr
      Moms 6%                       25,75
      Tack för resan!
    `);
    expect(fields).toMatchObject({
      kind: 'taxi',
      totalMinor: 45500,
      currency: 'SEK',
      date: '2026-02-01',
      vatRate: 6,
      vatMinor: 2575,
    });
    // A Swedish organisation number is no Norwegian one.
    expect(fields.orgNo).toBeUndefined();
  });
});
