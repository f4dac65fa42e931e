import { describe, expect, it } from 'vitest';
import { parse } from '../../helpers/parse-receipt.js';

describe('VAT', () => {
  it('adds up the VAT of a receipt with two rates and gives no single rate', () => {
    const fields = parse(`
      Comfort Hotel
      Dato: 2026-07-31
      Rom inkl. frokost    12%   1170,00
      Restaurant middag    25%    516,00
      Totalt                 kr 1686,00
      Sats    Grunnlag     Mva     Inkl. mva
      25%       412,80   103,20      516,00
      12%      1044,64   125,36     1170,00
    `);
    expect(fields.totalMinor).toBe(168600);
    expect(fields.vatMinor).toBe(22856);
    expect(fields.vatRate).toBeUndefined();
  });

  it('sums the VAT of a hotel bill with two rates, whose table has no "%" heading', () => {
    const fields = parse(`
      Quality Hotel Ålesund
      Dato: 26.04.2025
      24.04.2025  Overnatting enkeltrom   12%   1919,00
      24.04.2025  Room service            25%    509,00
      25.04.2025  Rom inkl. frokost       12%   1919,00
      Totalbeløp                          NOK 4 347,00
      Merverdiavgift
      25%      407,20     101,80     509,00
      12%     3426,79     411,21    3838,00
    `);
    expect(fields.totalMinor).toBe(434700);
    expect(fields.vatMinor).toBe(51301);
    expect(fields.vatRate).toBeUndefined();
  });

  it('takes the VAT as gross minus base when the VAT figure of a row is misread', () => {
    const fields = parse(`
      Thon Hotel Bristol Bergen
      Dato: 2026-05-13
      2026-05-12  Overnatting   12%   2.060,00
      2026-05-12  Parkering     25%     195,00
      Totalt                          2.255,00
      Merverdiavgift
      Sats      Grunnlag      Mva      Inkl. mva
      25%         156,00     39,00       195,00
      12%       1.839,29       220     2.060,00
    `);
    expect(fields.vatMinor).toBe(3900 + 22071);
  });

  it('reads "herav mva 12 % 23143" as 231,43 when it is the rate\'s share of the total', () => {
    const fields = parse(`
      Vy
      Kjøpt 11.10.26 06:26
      Voksen Standard   2   2160,00
      Sum                   2160,00
      herav mva 12 %          23143
    `);
    expect(fields.vatMinor).toBe(23143);
    expect(fields.vatRate).toBe(12);
  });

  it("leaves a bare number on a VAT line alone when it is not the rate's share", () => {
    const fields = parse(`
      Kiosk
      Kjøpt 11.10.26 06:26
      Sum                   2160,00
      herav mva 12 % ref 4711
    `);
    expect(fields.vatMinor).toBeUndefined();
  });
});
