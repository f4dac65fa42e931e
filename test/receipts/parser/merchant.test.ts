import { describe, expect, it } from 'vitest';
import { parseReceiptDetailed } from '../../../src/receipts/parser/index.js';
import { parse } from '../../helpers/parse-receipt.js';

describe('who was paid', () => {
  it('names a shop on no list by the head of its receipt, under a logo OCR made noise of', () => {
    const fields = parse(`
      ~ .'  ,
      Nordlys Bokhandel AS
      Storgata 12
      9008 Tromsø
      Org.nr 987 654 325 MVA
      Roman                    349,00
      Totalt                kr 349,00
    `);
    expect(fields.merchant).toBe('Nordlys Bokhandel AS');
  });

  it('takes the company line over a slogan above it', () => {
    const fields = parse(`
      fresh every day
      KEDAI RUNCIT MAWAR SDN BHD
      (998877-U)
      LOT 5, JALAN BUNGA RAYA
      TAX INVOICE
      Date: 03/02/2018
      SUGAR 1KG              2.90
      TOTAL                  2.90
    `);
    expect(fields.merchant).toMatch(/^kedai runcit mawar sdn bhd$/i);
  });

  it("puts a chain's own spelling on a name OCR read with look-alike characters", () => {
    const text = [
      'REMA 1OOO',
      'Stasjonsveien 2',
      '1396 Billingstad',
      'Melk 24,90',
      'Totalt kr 24,90',
    ];
    expect(parse(text.join('\n')).merchant).toBe('Rema 1000');
  });

  it('joins a name printed over two lines, the company form on the second', () => {
    const text = [
      'SEMPURNA HARDWARE',
      'TRADING SDN BHD',
      '(765432-A)',
      'NO. 3, JALAN KENARI 2',
      'Date: 14/06/2018',
      'PAINT BRUSH  1  4.50  4.50',
      'TOTAL  4.50',
    ];
    expect(parse(text.join('\n')).merchant).toMatch(/^sempurna hardware trading sdn bhd$/i);
  });

  it('does not take the opening hours for the shop', () => {
    const fields = parse(`
      Unsere Öffnungszeiten
      Mo.-Sa. 8.00 - 20.00 Uhr
      Pohlweg 110
      MILCH              0,99 A
      SUMME              0,99
      Datum 25.04.25 09:37
    `);
    expect(fields.merchant ?? '').not.toMatch(/ffnungszeit/i);
    // "20.00 Uhr" is a time, not a price that would dwarf the total.
    expect(fields.totalMinor).toBe(99);
  });

  it('does not name the shop after a word in its tax table that is also a chain ("Netto")', () => {
    const fields = parse(`
      BÄCKEREI SCHMIDT
      Hauptstr. 3
      Datum 25.04.25 09:37
      BRÖTCHEN           2,40 A
      KAFFEE             2,80 B
      SUMME EUR          5,20
      MwSt   Netto   MwSt   Brutto
      A 7%   2,24    0,16   2,40
      B 19%  2,35    0,45   2,80
    `);
    expect(fields.merchant).toBe('Bäckerei Schmidt');
  });

  it("says which lines the name was read from: one, two joined, none for a chain's spelling", () => {
    const lines = (text: string) => parseReceiptDetailed(text, { today: '2026-01-01' }).sources;
    const one = ['Nordlys Bokhandel AS', 'Storgata 12', '9008 Tromsø', 'Totalt kr 349,00'];
    expect(lines(one.join('\n')).merchant).toEqual([0]);
    const two = [
      'thank you',
      'AIK HUAT HARDWARE',
      'ENTERPRISE SDN BHD',
      'LOT 5, JALAN BUNGA RAYA',
      'TOTAL 2.90',
    ];
    expect(lines(two.join('\n')).merchant).toEqual([1, 2]);
    const chain = ['REMA 1OOO', 'Stasjonsveien 2', '1396 Billingstad', 'Totalt kr 24,90'];
    expect(lines(chain.join('\n')).merchant).toBeUndefined();
  });
});
