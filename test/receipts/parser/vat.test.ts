import { describe, expect, it } from 'vitest';
import { parseReceiptDetailed } from '../../../src/receipts/parser/index.js';
import { parse, today } from '../../helpers/parse-receipt.js';

describe('VAT', () => {
  it('adds up the VAT of a receipt with two rates and gives no single rate', () => {
    const fields = parse(`
      Fjellheim Hotell
      Dato: 2026-06-18
      Rom inkl. frokost    12%   1344,00
      Restaurant middag    25%    440,00
      Totalt                 kr 1784,00
      Sats    Grunnlag     Mva     Inkl. mva
      25%       352,00    88,00      440,00
      12%      1200,00   144,00     1344,00
    `);
    expect(fields.totalMinor).toBe(178400);
    expect(fields.vatMinor).toBe(23200);
    expect(fields.vatRate).toBeUndefined();
  });

  it('sums the VAT of a hotel bill with two rates, whose table has no "%" heading', () => {
    const fields = parse(`
      Strandkanten Gjestehus
      Dato: 15.05.2025
      13.05.2025  Overnatting enkeltrom   12%   1480,00
      13.05.2025  Room service            25%    390,00
      14.05.2025  Rom inkl. frokost       12%   1480,00
      Totalbeløp                          NOK 3 350,00
      Merverdiavgift
      25%      312,00      78,00     390,00
      12%     2642,86     317,14    2960,00
    `);
    expect(fields.totalMinor).toBe(335000);
    expect(fields.vatMinor).toBe(39514);
    expect(fields.vatRate).toBeUndefined();
  });

  it('takes the VAT as gross minus base when the VAT figure of a row is misread', () => {
    const fields = parse(`
      Brygga Hotell
      Dato: 2026-04-09
      2026-04-08  Overnatting   12%   1.790,00
      2026-04-08  Parkering     25%     240,00
      Totalt                          2.030,00
      Merverdiavgift
      Sats      Grunnlag      Mva      Inkl. mva
      25%         192,00     48,00       240,00
      12%       1.598,21       191     1.790,00
    `);
    expect(fields.vatMinor).toBe(4800 + 19179);
  });

  it('reads "herav mva 12 % 18589" as 185,89 when it is the rate\'s share of the total', () => {
    const fields = parse(`
      SJ Norge
      Kjøpt 03.09.26 15:12
      Voksen Standard   2   1735,00
      Sum                   1735,00
      herav mva 12 %          18589
    `);
    expect(fields.vatMinor).toBe(18589);
    expect(fields.vatRate).toBe(12);
  });

  it("leaves a bare number on a VAT line alone when it is not the rate's share", () => {
    const fields = parse(`
      Kiosk
      Kjøpt 03.09.26 15:12
      Sum                   1735,00
      herav mva 12 % ref 4711
    `);
    expect(fields.vatMinor).toBeUndefined();
  });

  it("says the slip's arithmetic vouches for a VAT that is its rate's share of the total, and for the total", () => {
    const details = parseReceiptDetailed(
      `Kiosk Sentrum\nDato 03.09.26\nKaffe 40,00\nBolle 60,00\nSum 100,00\nherav mva 25 % 20,00`,
      { today },
    );
    expect(details.fields).toMatchObject({ totalMinor: 10000, vatMinor: 2000, vatRate: 25 });
    expect(details.confirmed).toMatchObject({ vat: 'arithmetic', vatRate: 'arithmetic' });
    expect(details.fields.confidence.vat).toBeGreaterThanOrEqual(0.9);
  });

  it('does not claim a confirmation for a lone VAT figure nothing agrees with', () => {
    const details = parseReceiptDetailed(`Kiosk Sentrum\nSum 100,00\nMVA 7,77`, { today });
    expect(details.fields.vatMinor).toBe(777);
    expect(details.confirmed.vat).toBeUndefined();
  });
});
