import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '../../../src/receipts/receipt-fields.js';
import { parse, today } from '../../helpers/parse-receipt.js';
import { parseReceipt } from '../../../src/receipts/parser/index.js';

describe('reading whole receipts', () => {
  it('reads a Norwegian fuel receipt with "kr 1 088,37", VAT and org. number', () => {
    const fields = parse(`
      ST1 HAMAR
      St1 Norge AS
      Torggata 6
      2317 HAMAR
      Org.nr 987 654 325 MVA
      KVITTERING
      24.11.26  14:46            Pumpe 3
      Diesel  52,10 L x 20,89      1 088,37
      Forhåndsautorisert           1 500,00
      TOTALT                  kr 1 088,37
      herav MVA 25 %              217,67
      BankAxept ****8976      kr 1 088,37
    `);
    expect(fields).toMatchObject({
      kind: 'fuel',
      totalMinor: 108837,
      currency: 'NOK',
      date: '2026-11-24',
      vatMinor: 21767,
      vatRate: 25,
      orgNo: '987654325',
    });
    expect(fields.merchant).toMatch(/st1/i);
    expect(fields.confidence.total).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it('reads an English receipt with "1,234.50", GST 6 % and a grand total', () => {
    const fields = parse(`
      HARBOUR VIEW RESTAURANT LTD
      Tax Invoice
      24 Nov 2026 19:40
      Set dinner x 4           1,164.15
      Service charge              70.35
      Grand Total              1,234.50
      GST 6%                      69.88
      Cash                     1,300.00
      Change                      65.50
      Amounts in GBP
    `);
    expect(fields).toMatchObject({
      totalMinor: 123450,
      date: '2026-11-24',
      vatRate: 6,
      vatMinor: 6988,
      currency: 'GBP',
      kind: 'meal',
    });
  });

  it('reads a German receipt: Summe, Gegeben BAR, Rückgeld, MwSt 19 %', () => {
    const fields = parse(`
      ROSEN APOTHEKE
      Bahnhofstraße 21
      48143 Münster
      Kassenbon Nr: 2208331
      3 x Halstabletten           EUR 14,85
      Summe                       EUR 14,85
      Typ     Netto     MwSt     Brutto
      19 %    12,48     2,37      14,85
      Gegeben BAR                 EUR 20,00
      Rückgeld                    EUR  5,15
      07.02.2024 16:21
    `);
    expect(fields).toMatchObject({
      totalMinor: 1485,
      currency: 'EUR',
      date: '2024-02-07',
      vatMinor: 237,
      vatRate: 19,
    });
    expect(fields.merchant).toMatch(/apotheke/i);
  });

  it('reads "Zu zahlen" and "inkl. 7% MwSt" on a German taxi receipt', () => {
    const fields = parse(`
      Taxi Müller
      Quittung
      Datum: 22.09.2025  Uhrzeit: 18:05
      Fahrpreis                    23,40
      Zu zahlen EUR                23,40
      inkl. 7% MwSt                 1,53
    `);
    expect(fields).toMatchObject({
      kind: 'taxi',
      totalMinor: 2340,
      currency: 'EUR',
      vatMinor: 153,
      vatRate: 7,
      date: '2025-09-22',
    });
  });
});

describe('photos that are no receipt', () => {
  it('says not_receipt for a screenshot of an e-mail, with nothing invented', () => {
    const fields = parse(`
      07:11                     4G  77 %
      Innboks
      Referat fra prosjektmøte
      Hei alle sammen,
      Kurset starter klokken ni i det store møterommet i tredje etasje.
      Ha en fin helg!
    `);
    expect(fields.kind).toBe('not_receipt');
    expect(fields.totalMinor).toBeUndefined();
    expect(fields.merchant).toBeUndefined();
    expect(fields.date).toBeUndefined();
  });

  it('says not_receipt when OCR found no text at all', () => {
    expect(parse('').kind).toBe('not_receipt');
    expect(parse('  ~ ; |\n ,, ').kind).toBe('not_receipt');
  });
});

describe('confidence', () => {
  it('asks the user to check a total the OCR was unsure of', () => {
    const text = 'Butikken AS\nTotalt kr 99,00';
    const lines = [
      {
        text: 'Butikken AS',
        confidence: 90,
        words: [
          { text: 'Butikken', confidence: 92 },
          { text: 'AS', confidence: 90 },
        ],
      },
      {
        text: 'Totalt kr 99,00',
        confidence: 40,
        words: [
          { text: 'Totalt', confidence: 91 },
          { text: 'kr', confidence: 85 },
          { text: '99,00', confidence: 12 },
        ],
      },
    ];
    const sure = parseReceipt(text, { today });
    const unsure = parseReceipt(text, { today, lines });
    expect(unsure.totalMinor).toBe(9900);
    expect(unsure.confidence.total).toBeLessThan(sure.confidence.total);
    expect(unsure.confidence.total).toBeLessThan(LOW_CONFIDENCE);
  });

  it('gives no confidence to a field it did not find', () => {
    const fields = parse('Butikken AS\nTotalt kr 99,00');
    expect(fields.date).toBeUndefined();
    expect(fields.confidence.date).toBe(0);
  });
});
