import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '../../../src/receipts/receipt-fields.js';
import { parse, today } from '../../helpers/parse-receipt.js';
import { parseReceipt } from '../../../src/receipts/parser/index.js';

describe('reading whole receipts', () => {
  it('reads a Norwegian fuel receipt with "kr 1 234,50", VAT and org. number', () => {
    const fields = parse(`
      UNO-X LILLEHAMMER
      Uno-X Norge AS
      Storgata 6
      2615 LILLEHAMMER
      Org.nr 987 654 325 MVA
      KVITTERING
      24.11.26  14:46            Pumpe 6
      Diesel  48,62 L x 21,41      1 040,95
      Forhåndsautorisert           1 500,00
      TOTALT                  kr 1 234,50
      herav MVA 25 %              246,90
      BankAxept ****8976      kr 1 234,50
    `);
    expect(fields).toMatchObject({
      kind: 'fuel',
      totalMinor: 123450,
      currency: 'NOK',
      date: '2026-11-24',
      vatMinor: 24690,
      vatRate: 25,
      orgNo: '987654325',
    });
    expect(fields.merchant).toMatch(/uno-x/i);
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
      DELPHIN APOTHEKE
      Detmolder Straße 8
      33102 Paderborn
      Kassenbon Nr: 1505289010
      2 x Atemschutzmaske         EUR 19,90
      Summe                       EUR 19,90
      Typ     Netto     MwSt     Brutto
      19 %    16,72     3,18      19,90
      Gegeben BAR                 EUR 20,00
      Rückgeld                    EUR  0,10
      23.04.2020 09:59
    `);
    expect(fields).toMatchObject({
      totalMinor: 1990,
      currency: 'EUR',
      date: '2020-04-23',
      vatMinor: 318,
      vatRate: 19,
    });
    expect(fields.merchant).toMatch(/apotheke/i);
  });

  it('reads "Zu zahlen" and "inkl. 7% MwSt" on a German taxi receipt', () => {
    const fields = parse(`
      Taxi Müller
      Quittung
      Datum: 10.08.2025  Uhrzeit: 20:44
      Fahrpreis                    15,60
      Zu zahlen EUR                15,60
      inkl. 7% MwSt                 1,02
    `);
    expect(fields).toMatchObject({
      kind: 'taxi',
      totalMinor: 1560,
      currency: 'EUR',
      vatMinor: 102,
      vatRate: 7,
      date: '2025-08-10',
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
