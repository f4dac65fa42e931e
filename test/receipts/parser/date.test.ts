import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '../../../src/receipts/receipt-fields.js';
import { parse } from '../../helpers/parse-receipt.js';

describe('the purchase date', () => {
  it('reads "24. nov. 2026" and leaves the expiry date alone', () => {
    const fields = parse(`
      Bastø Fosen
      Ferjebillett Moss - Horten
      Kjøpt 24. nov. 2026 kl. 07:15
      Personbil inntil 5 m        310,00
      Totalt                  kr 310,00
      herav mva 12 %              33,21
      Gyldig til 24. des. 2026
    `);
    expect(fields).toMatchObject({
      kind: 'ferry',
      date: '2026-11-24',
      totalMinor: 31000,
      vatMinor: 3321,
      vatRate: 12,
      merchant: 'Bastø Fosen',
    });
  });

  it.each([
    ['24.11.26', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['2026-11-24', '2026-11-24'],
    ['24/11/2026', '2026-11-24'],
    ['24 Nov 2026', '2026-11-24'],
    ['24. november 2026', '2026-11-24'],
    ['22-04-18', '2018-04-22'],
    ['05 MAY 18', '2018-05-05'],
  ])('reads the purchase date written as %s', (written, iso) => {
    const fields = parse(`Butikken AS\nDato ${written}\nTotalt kr 99,00`);
    expect(fields.date).toBe(iso);
  });

  it('ignores a date in the future and a printed "valid until" date', () => {
    const fields = parse(
      `Butikken AS\nDato 03.03.2026 12:00\nTotalt kr 99,00\nBytte innen 02.04.2026\nNeste kampanje 01.01.2031`,
    );
    expect(fields.date).toBe('2026-03-03');
  });
});

describe('dates OCR damaged', () => {
  it('reads a labelled date whose separators were all lost, and asks the user to check it', () => {
    const fields = parse(`
      STATIONERY SDN BHD
      Tax Invoice
      Date: 21032025 No :CS-20243
      Pen             2  12.00
      Total Amt Payable :   12.00
    `);
    expect(fields.date).toBe('2025-03-21');
  });

  it("reads a till's stamp with the date's separators lost and the time after it", () => {
    const fields = parse(`
      KEDAI BUKU CERIA
      00231 14062018 09:41:07 0002
      Notebook        2  7.00
      TOTAL              7.00
    `);
    expect(fields.date).toBe('2018-06-14');
  });

  it('invents no date from an unlabelled run of digits or a date with an impossible month', () => {
    const fields = parse(`
      BOOKCENTRE
      Ref 21032025
      CASH1 17/83/2825 21:35
      Calculator       53.00
      TOTAL INCL GST   62.00
    `);
    expect(fields.date).toBeUndefined();
  });

  it('reads a labelled date whose year OCR ended with a letter ("202s"), and asks the user to check it', () => {
    const fields = parse(`
      Restaurant Fjordbris
      Dato  19 03 202s          kl 11 37
      Torsk m/poteter          318,00
      TOTAL NOK               1246,00
    `);
    expect(fields.date).toBe('2025-03-19');
    expect(fields.confidence.date).toBeLessThan(LOW_CONFIDENCE);
  });

  it('prefers a clean date over a damaged one', () => {
    const fields = parse(`
      BOOKCENTRE
      Ref 21032024
      Date: 17/03/2025 21:35
      TOTAL   62.00
    `);
    expect(fields.date).toBe('2025-03-17');
    expect(fields.confidence.date).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });
});
