import { describe, expect, it } from 'vitest';
import { parse } from '../../helpers/parse-receipt.js';

describe('who was paid', () => {
  it('knows a shop whose logo OCR misread by one letter', () => {
    const fields = parse(`
      LeDL
      Rheinstr. 12
      67547 Worms
      BANANEN            1,19 A
      ZU ZAHLEN          1,19
      Datum 25.04.25 09:37
    `);
    expect(fields.merchant).toBe('Lidl');
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
});
