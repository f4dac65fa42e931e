import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '../../../src/receipts/receipt-fields.js';
import { parse } from '../../helpers/parse-receipt.js';

describe('reading what was paid', () => {
  it('reads "1.234,50" as one thousand two hundred and thirty-four kroner', () => {
    const fields = parse(`
      Fjellstua Hotell
      Faktura
      Dato: 10.05.2025
      Overnatting 1 natt          1.150,00
      Frokost                       84,50
      Å betale               kr 1.234,50
      Mastercard                  1.234,50
    `);
    expect(fields.totalMinor).toBe(123450);
    expect(fields.kind).toBe('hotel');
    expect(fields.date).toBe('2025-05-10');
  });

  it('reads "120,-" as whole kroner on a parking ticket', () => {
    const fields = parse(`
      Onepark
      Parkering sone 4410
      Start 24.11.2026 08:02  Slutt 24.11.2026 11:02
      Beløp            120,-
    `);
    expect(fields).toMatchObject({
      kind: 'parking',
      totalMinor: 12000,
      currency: 'NOK',
      date: '2026-11-24',
      merchant: 'Onepark',
    });
  });

  it('takes the total, not the cash handed over or the change given back', () => {
    const fields = parse(`
      Kafé Lindegården
      Kvittering 16.12.25 12:04
      Lunsj dagens              169,00
      Kaffe                      18,50
      Totalt                    187,50
      Kontant                   200,00
      Veksel                     12,50
    `);
    expect(fields.totalMinor).toBe(18750);
    expect(fields.kind).toBe('meal');
    expect(fields.date).toBe('2025-12-16');
  });

  it('works out the total from cash minus change when the total line is unreadable', () => {
    const fields = parse(`
      ROADSIDE DINER
      Burger                     12.30
      Coffee                      3.20
      T0TAl                      ~5.5O
      CASH                       20.00
      CHANGE                      4.50
    `);
    expect(fields.totalMinor).toBe(1550);
  });

  it('prefers the rounded total over the one before the rounding adjustment', () => {
    const fields = parse(`
      SEDAP CORNER SDN BHD
      Date : 09-07-2018 13:12:05
      Total Inclusive of GST:    27.53
      Rounding Adj:              -0.03
      TOTAL:                     27.50
      VISA                       27.50
      GST Summary     Amount (RM)   Tax (RM)
      SR @ 6%            25.97        1.56
      Total              25.97        1.56
    `);
    expect(fields.totalMinor).toBe(2750);
    expect(fields.date).toBe('2018-07-09');
    // Ringgit is not a currency the forms offer: better empty than wrong.
    expect(fields.currency).toBeUndefined();
  });

  it('does not take a fuel pump pre-authorisation for the amount paid', () => {
    const fields = parse(`
      Shell Gardermoen
      Diesel 40,12 L
      Forhåndsautorisert      1 500,00
      Betalt                    820,45
    `);
    expect(fields.totalMinor).toBe(82045);
    expect(fields.kind).toBe('fuel');
  });
});

describe("the slip's own arithmetic", () => {
  it('takes the total that net plus tax make over an "amount paid" that OCR garbled', () => {
    const fields = parse(`
      HARDWARE SHOP SDN BHD
      Date : 04/12/25 5:06 PM
      PAINT ROLLER          2  2.65   5.30
      BLACK PAINT           1 34.70  34.70
      Gross Amount :        40.00
      Total GST Amt :        2.40
      Sub Total     :       42.40
      Total (RM) :
      Amount Paid           72.40
      Amount Change :        0.00
    `);
    expect(fields.totalMinor).toBe(4240);
  });

  it('mends one misread digit of the total from net plus tax, and asks the user to check it', () => {
    const fields = parse(`
      SYARIKAT PERNIAGAAN
      Date: 02/01/2025
      COMB SPANNER            1   7.95    7.95
      ROOFING SHEET           2  15.90   31.80
      Total Sales (Inclusive of GST) : 38.75
      CASH :       38.75
      Change :      0.00
      GST SUMMARY
      Tax Code   %   Amt (RM)  Tax (RM)
      Total :        37.50      2.25
    `);
    expect(fields.totalMinor).toBe(3975);
    expect(fields.confidence.total).toBeLessThan(LOW_CONFIDENCE);
  });

  it('leaves a total alone when cash minus change vouches for it', () => {
    const fields = parse(`
      CAFE
      Date: 02/01/2025
      Net           37.50
      GST 6%         2.25
      TOTAL         38.75
      CASH          50.00
      CHANGE        11.25
    `);
    expect(fields.totalMinor).toBe(3875);
  });

  it('keeps a total printed twice even when one tax row adds up to a figure one digit away', () => {
    const fields = parse(`
      EDEKA
      Datum 25.04.25 09:37 Uhr
      ZUCKER            0,89 C
      SEKT              8,02 D
      ZU ZAHLEN EURO   10,90
      Kartenzahlung
      EUR 10,90
      MwSt  %   Netto  MwSt  Brutto
      C    7%   9,63   0,67  10,30
    `);
    expect(fields.totalMinor).toBe(1090);
  });

  it('keeps the total with tips on a taxi receipt, though only the fare before tips adds up', () => {
    const fields = parse(`
      STAVANGER TAXI
      DATO: 21.08.2025
      STARTPRIS           99,00
      KM 9,40 X 14,10    132,54
      SUM TUR            436,80
      DRIKS               30,00
      TOTALT          KR 466,80
      MVA-GRUNNLAG 12%   390,00
      MVA 12%             46,80
      KORT               466,80
    `);
    expect(fields.totalMinor).toBe(46680);
  });

  it('keeps a Norwegian total whose "herav mva" is its 25 % share', () => {
    const fields = parse(`
      KIOSK AS
      24.11.26 12:01
      Kaffe          45,00
      Bolle          55,00
      Sum           100,00
      herav mva 25 %  20,00
    `);
    expect(fields.totalMinor).toBe(10000);
    expect(fields.confidence.total).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });
});
