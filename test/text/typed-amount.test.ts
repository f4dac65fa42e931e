import { describe, expect, it } from 'vitest';
import type { Currency } from '../../src/claims/claim.js';
import { parseAmount } from '../../src/text/typed-amount.js';

describe('parseAmount', () => {
  const NBSP = '\u00A0';
  const NARROW_NBSP = '\u202F';
  const THIN = '\u2009';

  it.each<[string, number, Currency | undefined]>([
    ['120', 12000, undefined],
    ['120,50', 12050, undefined],
    ['120.50', 12050, undefined],
    ['120,5', 12050, undefined],
    ['1234.5', 123450, undefined],
    ['0,50', 50, undefined],
    ['1 234,50', 123450, undefined],
    [`1${NBSP}234,50`, 123450, undefined],
    [`1${NARROW_NBSP}234,50`, 123450, undefined],
    [`1${THIN}234,50`, 123450, undefined],
    ['1 234', 123400, undefined],
    ['1 234 567', 123456700, undefined],
    ['1.234,50', 123450, undefined],
    ['1,234.50', 123450, undefined],
    ['1.234.567', 123456700, undefined],
    ['1,234,567', 123456700, undefined],
    ['120,-', 12000, undefined],
    ['120,–', 12000, undefined],
    ['120.-', 12000, undefined],
    ['  120  ', 12000, undefined],
    ['kr 120', 12000, 'NOK'],
    ['kr 120,-', 12000, 'NOK'],
    ['120 kr', 12000, 'NOK'],
    ['120kr', 12000, 'NOK'],
    ['120 KR', 12000, 'NOK'],
    ['kr. 120', 12000, 'NOK'],
    ['120 kr.', 12000, 'NOK'],
    ['120 kroner', 12000, 'NOK'],
    ['NOK 1 234,50', 123450, 'NOK'],
    ['1 234,50 NOK', 123450, 'NOK'],
    [`NOK${NBSP}1${NBSP}234,50`, 123450, 'NOK'],
    ['€12,30', 1230, 'EUR'],
    ['€ 12,30', 1230, 'EUR'],
    ['12.30 EUR', 1230, 'EUR'],
    ['12 euro', 1200, 'EUR'],
    ['SEK 99', 9900, 'SEK'],
    ['99 sek', 9900, 'SEK'],
    ['DKK 45,50', 4550, 'DKK'],
    ['$15', 1500, 'USD'],
    ['15 dollars', 1500, 'USD'],
    ['£7.20', 720, 'GBP'],
    ['CHF 30', 3000, 'CHF'],
    ['40 PLN', 4000, 'PLN'],
    ['10 000 000', 1_000_000_000, undefined],
  ])('%j → %i %s', (input, amountMinor, currency) => {
    const parsed = parseAmount(input);
    expect(parsed).toEqual(currency ? { amountMinor, currency } : { amountMinor });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['abc', 'no figure'],
    ['kr', 'marker only'],
    ['0', 'zero'],
    ['0,00', 'zero with decimals'],
    ['-120', 'negative'],
    ['- 120 kr', 'negative with space'],
    ['−120', 'negative with minus sign'],
    ['12,345,678.9.1', 'garbled separators'],
    ['1,234', 'one separator before three digits is ambiguous'],
    ['1.234', 'one separator before three digits is ambiguous'],
    ['120,505', 'three decimals'],
    ['1 2345', 'bad grouping'],
    ['12 34', 'bad grouping'],
    ['1 234.567', 'three decimals after grouping'],
    ['1.234,5.6', 'two decimal separators'],
    ['NOK 120 kr', 'two currencies'],
    ['10 000 001', 'above 10 000 000'],
    ['99999999999999', 'far too large'],
    ['120 abc', 'trailing text'],
    ['ca. 120', 'leading text'],
    ['1e3', 'exponent'],
    ['Infinity', 'not a number'],
  ])('%j is rejected (%s)', (input) => {
    expect(parseAmount(input)).toBeUndefined();
  });
});
