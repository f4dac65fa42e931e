import { describe, expect, it } from 'vitest';
import type { Currency, ExpenseKind } from '../src/claims/claim.js';
import {
  detectKind,
  parseAmount,
  parseDate,
  parseOutlayText,
  type OutlayGuess,
} from '../src/conversation/free-text.js';
import { detectLanguage, type Lang } from '../src/i18n/language-detect.js';

/** A Tuesday. */
const TODAY = '2026-11-24';

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

describe('parseDate', () => {
  it.each<[string, string]>([
    ['2026-11-24', '2026-11-24'],
    ['2026-1-5', '2026-01-05'],
    ['24.11.2026', '2026-11-24'],
    ['24.11.26', '2026-11-24'],
    ['24/11/2026', '2026-11-24'],
    ['24-11-2026', '2026-11-24'],
    ['5.1.2026', '2026-01-05'],
    ['24.11', '2026-11-24'],
    ['24.11.', '2026-11-24'],
    ['24/11', '2026-11-24'],
    ['25.11', '2026-11-25'], // tomorrow is allowed: the user's day may be ahead of ours
    ['26.11', '2025-11-26'], // further ahead means last year
    ['01.03', '2026-03-01'],
    ['24. nov. 2026', '2026-11-24'],
    ['24. november 2026', '2026-11-24'],
    ['24 nov', '2026-11-24'],
    ['24. nov', '2026-11-24'],
    ['3. mars', '2026-03-03'],
    ['3. mar.', '2026-03-03'],
    ['17. mai', '2026-05-17'],
    ['1. sept. 2026', '2026-09-01'],
    ['1 sep', '2026-09-01'],
    ['15. okt', '2026-10-15'],
    ['15 oct 2025', '2025-10-15'],
    ['24. des', '2025-12-24'],
    ['24 december 2025', '2025-12-24'],
    ['2. juni', '2026-06-02'],
    ['2 jun', '2026-06-02'],
    ['10. juli', '2026-07-10'],
    ['10. jul.', '2026-07-10'],
    ['8. aug', '2026-08-08'],
    ['12. jan.', '2026-01-12'],
    ['12. januar', '2026-01-12'],
    ['2. feb', '2026-02-02'],
    ['2. februar', '2026-02-02'],
    ['9. apr', '2026-04-09'],
    ['9. april', '2026-04-09'],
    ['Nov 24, 2026', '2026-11-24'],
    ['November 24 2026', '2026-11-24'],
    ['November 24th', '2026-11-24'],
    ['24 November 2026', '2026-11-24'],
    ['24th of November 2026', '2026-11-24'],
    ['May 5', '2026-05-05'],
    ['i dag', '2026-11-24'],
    ['idag', '2026-11-24'],
    ['I dag', '2026-11-24'],
    ['today', '2026-11-24'],
    ['i går', '2026-11-23'],
    ['igår', '2026-11-23'],
    ['i gar', '2026-11-23'],
    ['yesterday', '2026-11-23'],
    ['Yesterday', '2026-11-23'],
    ['i forgårs', '2026-11-22'],
    ['the day before yesterday', '2026-11-22'],
    ['i fyrregårs', '2026-11-21'],
    ['i forforgårs', '2026-11-21'],
    ['mandag', '2026-11-23'],
    ['måndag', '2026-11-23'],
    ['monday', '2026-11-23'],
    ['Monday', '2026-11-23'],
    ['tirsdag', '2026-11-17'], // today is a Tuesday: never today, the one before
    ['tysdag', '2026-11-17'],
    ['tuesday', '2026-11-17'],
    ['onsdag', '2026-11-18'],
    ['wednesday', '2026-11-18'],
    ['torsdag', '2026-11-19'],
    ['fredag', '2026-11-20'],
    ['på fredag', '2026-11-20'],
    ['sist fredag', '2026-11-20'],
    ['forrige fredag', '2026-11-20'],
    ['førre fredag', '2026-11-20'],
    ['i fredags', '2026-11-20'],
    ['last friday', '2026-11-20'],
    ['on Friday', '2026-11-20'],
    ['lørdag', '2026-11-21'],
    ['laurdag', '2026-11-21'],
    ['saturday', '2026-11-21'],
    ['søndag', '2026-11-22'],
    ['sundag', '2026-11-22'],
    ['sunday', '2026-11-22'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input, TODAY)).toBe(expected);
  });

  it.each<[string, string, string | undefined]>([
    ['24.12', '2027-01-03', '2026-12-24'],
    ['24. des', '2027-01-03', '2026-12-24'],
    ['Dec 24', '2027-01-03', '2026-12-24'],
    ['02.01', '2027-01-03', '2027-01-02'],
    ['01.01', '2026-12-31', '2027-01-01'],
    ['i går', '2027-01-01', '2026-12-31'],
    ['i går', '2026-03-01', '2026-02-28'],
    ['i går', '2028-03-01', '2028-02-29'],
    ['i forgårs', '2028-03-01', '2028-02-28'],
    ['29.02.2028', TODAY, '2028-02-29'],
    ['29.02.2027', TODAY, undefined],
    ['29.02', '2028-03-10', '2028-02-29'],
    ['29.02', '2029-01-15', '2028-02-29'],
    ['29.02', '2027-03-10', undefined],
    ['fredag', '2026-11-21', '2026-11-20'],
    ['søndag', '2026-11-23', '2026-11-22'],
    ['mandag', '2026-01-01', '2025-12-29'],
  ])('%j on %s → %s', (input, today, expected) => {
    expect(parseDate(input, today)).toBe(expected);
  });

  it.each([
    '',
    'abc',
    '31.02.2026',
    '30.02',
    '32.01.2026',
    '24.13',
    '0.11',
    '2026-13-01',
    '2026-02-30',
    '24.11-2026',
    '24 foo 2026',
    'i morgen',
    'tomorrow',
    '120',
    '12,30',
    '1.1.1',
  ])('%j is not a date', (input) => {
    expect(parseDate(input, TODAY)).toBeUndefined();
  });

  it('needs a valid "today"', () => {
    expect(parseDate('i går', 'yesterday')).toBeUndefined();
    expect(parseDate('24.11', '2026-02-30')).toBeUndefined();
  });
});

describe('detectKind', () => {
  it.each<[string, ExpenseKind]>([
    ['parkering', 'parking'],
    ['Parkering', 'parking'],
    ['PARKERING', 'parking'],
    ['parkeringsbillett', 'parking'],
    ['parkeringsavgift', 'parking'],
    ['korttidsparkering', 'parking'],
    ['parkerte ved kontoret', 'parking'],
    ['parking', 'parking'],
    ['car parking fee', 'parking'],
    ['p-avgift', 'parking'],
    ['P-hus', 'parking'],
    ['easypark', 'parking'],
    ['EasyPark', 'parking'],
    ['hotellparkering', 'parking'],
    ['ferje', 'ferry'],
    ['ferjebillett', 'ferry'],
    ['ferge', 'ferry'],
    ['ferja', 'ferry'],
    ['ferga', 'ferry'],
    ['bilferje', 'ferry'],
    ['ferry', 'ferry'],
    ['båt', 'ferry'],
    ['båten', 'ferry'],
    ['hurtigbåt', 'ferry'],
    ['boat', 'ferry'],
    ['bompenger', 'toll'],
    ['bompengar', 'toll'],
    ['bom', 'toll'],
    ['bomring', 'toll'],
    ['bomringen', 'toll'],
    ['bomstasjon', 'toll'],
    ['toll', 'toll'],
    ['autopass', 'toll'],
    ['AutoPASS', 'toll'],
    ['brupengar', 'toll'],
    ['drosje', 'taxi'],
    ['taxi', 'taxi'],
    ['Taxi', 'taxi'],
    ['taxikvittering', 'taxi'],
    ['cab', 'taxi'],
    ['mat', 'meal'],
    ['lunsj', 'meal'],
    ['kundelunsj', 'meal'],
    ['lunch', 'meal'],
    ['middag', 'meal'],
    ['middagen', 'meal'],
    ['dinner', 'meal'],
    ['frokost', 'meal'],
    ['hotellfrokost', 'meal'],
    ['breakfast', 'meal'],
    ['kaffe', 'meal'],
    ['meal', 'meal'],
    ['kveldsmat', 'meal'],
    ['hotell', 'hotel'],
    ['hotellet', 'hotel'],
    ['hotel', 'hotel'],
    ['overnatting', 'hotel'],
    ['drivstoff', 'fuel'],
    ['bensin', 'fuel'],
    ['diesel', 'fuel'],
    ['fuel', 'fuel'],
    ['petrol', 'fuel'],
    ['buss', 'transport'],
    ['bussbillett', 'transport'],
    ['flybuss', 'transport'],
    ['Flybussen', 'transport'],
    ['tog', 'transport'],
    ['toget', 'transport'],
    ['flytoget', 'transport'],
    ['trikk', 'transport'],
    ['t-bane', 'transport'],
    ['T-banen', 'transport'],
    ['bus', 'transport'],
    ['train', 'transport'],
    ['flight ticket', 'transport'],
    ['fly', 'transport'],
    ['flybillett', 'transport'],
    ['kvittering for taxi', 'taxi'],
  ])('%j → %s', (text, kind) => {
    expect(detectKind(text)).toBe(kind);
  });

  it.each([
    'formiddag',
    'ettermiddag',
    'automat',
    'format',
    'batteri',
    'flytte',
    'sparket',
    'strikk',
    'ferie',
    'bomull',
    'kundemøte',
    'utlegg',
    'kvittering',
    'billett',
    'ticket',
    'hei',
    '',
  ])('%j names no kind', (text) => {
    expect(detectKind(text)).toBeUndefined();
  });

  it('takes the first kind the text names', () => {
    expect(detectKind('taxi fra hotellet')).toBe('taxi');
    expect(detectKind('middag på hotellet')).toBe('meal');
  });
});

describe('parseOutlayText', () => {
  it.each<[string, OutlayGuess]>([
    // bokmål
    [
      'parkering 120 kr i går',
      { kind: 'parking', amountMinor: 12000, currency: 'NOK', date: '2026-11-23' },
    ],
    [
      'Parkering 120 kr i går.',
      { kind: 'parking', amountMinor: 12000, currency: 'NOK', date: '2026-11-23' },
    ],
    ['ferje 450 kr', { kind: 'ferry', amountMinor: 45000, currency: 'NOK' }],
    [
      'ferjebillett Bastø 450,-',
      { kind: 'ferry', amountMinor: 45000, currency: 'NOK', merchant: 'Bastø' },
    ],
    [
      'ferjebillett Bastø 450,–',
      { kind: 'ferry', amountMinor: 45000, currency: 'NOK', merchant: 'Bastø' },
    ],
    ['taxi 320 kr fra Gardermoen', { kind: 'taxi', amountMinor: 32000, currency: 'NOK' }],
    ['drosje kr 320', { kind: 'taxi', amountMinor: 32000, currency: 'NOK' }],
    ['bom 45 kr', { kind: 'toll', amountMinor: 4500, currency: 'NOK' }],
    ['E18 bom 45 kr', { kind: 'toll', amountMinor: 4500, currency: 'NOK' }],
    [
      'hotell 1 290 kr 24.11',
      { kind: 'hotel', amountMinor: 129000, currency: 'NOK', date: '2026-11-24' },
    ],
    [
      'hotell 1\u00A0290 kr 24.11',
      { kind: 'hotel', amountMinor: 129000, currency: 'NOK', date: '2026-11-24' },
    ],
    [
      'hotell 24.11 1 290 kr',
      { kind: 'hotel', amountMinor: 129000, currency: 'NOK', date: '2026-11-24' },
    ],
    [
      'hotell Scandic Bergen 1 290 kr',
      { kind: 'hotel', amountMinor: 129000, currency: 'NOK', merchant: 'Scandic Bergen' },
    ],
    ['lunsj 189 kr', { kind: 'meal', amountMinor: 18900, currency: 'NOK' }],
    ['lunsj med Kari 189 kr', { kind: 'meal', amountMinor: 18900, currency: 'NOK' }],
    [
      'middag 450,50 kr på fredag',
      { kind: 'meal', amountMinor: 45050, currency: 'NOK', date: '2026-11-20' },
    ],
    ['drivstoff 800 kr', { kind: 'fuel', amountMinor: 80000, currency: 'NOK' }],
    ['bensin 800 kr', { kind: 'fuel', amountMinor: 80000, currency: 'NOK' }],
    ['diesel 812,40 kr', { kind: 'fuel', amountMinor: 81240, currency: 'NOK' }],
    ['flybuss 200 kr', { kind: 'transport', amountMinor: 20000, currency: 'NOK' }],
    ['t-bane 39 kr', { kind: 'transport', amountMinor: 3900, currency: 'NOK' }],
    ['p-avgift 40 kr', { kind: 'parking', amountMinor: 4000, currency: 'NOK' }],
    [
      'Parkering EasyPark 120 kr',
      { kind: 'parking', amountMinor: 12000, currency: 'NOK', merchant: 'EasyPark' },
    ],
    [
      'parkeringsavgift kr. 60 24.11.2026',
      { kind: 'parking', amountMinor: 6000, currency: 'NOK', date: '2026-11-24' },
    ],
    ['hotellparkering 200 kr', { kind: 'parking', amountMinor: 20000, currency: 'NOK' }],
    ['taxi kl 14.30 320 kr', { kind: 'taxi', amountMinor: 32000, currency: 'NOK' }],
    ['2 timer parkering 120 kr', { kind: 'parking', amountMinor: 12000, currency: 'NOK' }],
    ['kan du føre parkering 120 kr', { kind: 'parking', amountMinor: 12000, currency: 'NOK' }],
    [
      'Hei! Parkering 120 kr i går',
      { kind: 'parking', amountMinor: 12000, currency: 'NOK', date: '2026-11-23' },
    ],
    ['120 kr', { amountMinor: 12000, currency: 'NOK' }],
    ['kr 99,-', { amountMinor: 9900, currency: 'NOK' }],
    // nynorsk
    ['bompengar 56 kr', { kind: 'toll', amountMinor: 5600, currency: 'NOK' }],
    [
      'ferja 450 kr i fyrregårs',
      { kind: 'ferry', amountMinor: 45000, currency: 'NOK', date: '2026-11-21' },
    ],
    [
      'parkering 120 kr måndag',
      { kind: 'parking', amountMinor: 12000, currency: 'NOK', date: '2026-11-23' },
    ],
    [
      'middag 389 kr laurdag',
      { kind: 'meal', amountMinor: 38900, currency: 'NOK', date: '2026-11-21' },
    ],
    // English
    [
      'ferry 450 NOK yesterday',
      { kind: 'ferry', amountMinor: 45000, currency: 'NOK', date: '2026-11-23' },
    ],
    [
      'parking 60 NOK today',
      { kind: 'parking', amountMinor: 6000, currency: 'NOK', date: '2026-11-24' },
    ],
    [
      'taxi €32,50 last friday',
      { kind: 'taxi', amountMinor: 3250, currency: 'EUR', date: '2026-11-20' },
    ],
    [
      'hotel 129.90 EUR Nov 20',
      { kind: 'hotel', amountMinor: 12990, currency: 'EUR', date: '2026-11-20' },
    ],
    ['train ticket SEK 349', { kind: 'transport', amountMinor: 34900, currency: 'SEK' }],
    ['flight ticket £89.99', { kind: 'transport', amountMinor: 8999, currency: 'GBP' }],
    ['lunch $15', { kind: 'meal', amountMinor: 1500, currency: 'USD' }],
    [
      'Paid 450 NOK for the Bastø ferry yesterday',
      { kind: 'ferry', amountMinor: 45000, currency: 'NOK', date: '2026-11-23', merchant: 'Bastø' },
    ],
    ['ferry 12.10 EUR', { kind: 'ferry', amountMinor: 1210, currency: 'EUR' }],
    // A kind word makes a lone bare figure the amount.
    ['lunsj 189', { kind: 'meal', amountMinor: 18900 }],
    ['taxi 320 i går', { kind: 'taxi', amountMinor: 32000, date: '2026-11-23' }],
    ['parkering 24.11 120', { kind: 'parking', amountMinor: 12000, date: '2026-11-24' }],
    ['taxi kl 14.30 320', { kind: 'taxi', amountMinor: 32000 }],
    // A kind alone is returned; the caller decides what to do with it.
    ['parkering', { kind: 'parking' }],
    ['middag', { kind: 'meal' }],
    ['parkering 2 timer', { kind: 'parking' }],
    ['taxi 3 personer', { kind: 'taxi' }],
    ['taxi 24.11', { kind: 'taxi', date: '2026-11-24' }],
    ['parkering ved kundemøtet', { kind: 'parking' }],
    // An unreadable figure next to a marker is not replaced by a guess.
    ['parkering 1,234 kr', { kind: 'parking' }],
    ['taxi 2 300', { kind: 'taxi', amountMinor: 230000 }],
  ])('%j', (text, expected) => {
    expect(parseOutlayText(text, TODAY)).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['how do I log a ferry ticket?', 'question mark'],
    ['How do I log a ferry ticket', 'question word'],
    ['korleis fører eg ferje?', 'nynorsk question'],
    ['korleis fører eg ferje', 'nynorsk question word'],
    ['hvordan fører jeg parkering', 'bokmål question word'],
    ['hva koster parkering 120 kr', 'question word even with an amount'],
    ['is parking 120 kr ok?', 'question with amount'],
    ['kan jeg føre taxi', 'yes/no question without amount'],
    ['do I need a receipt for parking', 'yes/no question without amount'],
    ['ny utlegg', 'command'],
    ['nytt utlegg', 'command'],
    ['new expense', 'command'],
    ['mine krav', 'command'],
    ['my claims', 'command'],
    ['hjelp', 'command'],
    ['help', 'command'],
    ['hei', 'greeting'],
    ['god morgon', 'greeting'],
    ['hello', 'greeting'],
    ['takk', 'thanks'],
    ['blåbærsyltetøy', 'unknown word'],
    ['Kundemøte hos Equinor', 'a purpose'],
    ['120', 'bare figure without a kind'],
    ['24.11', 'date only'],
    ['i går', 'date only'],
    ['1,234 kr', 'unreadable amount and no kind'],
    ['jeg lurer på om hotell dekkes av firmaet', 'long sentence merely mentioning a kind'],
    ['formiddag', 'no kind hiding in a compound'],
  ])('%j → undefined (%s)', (text) => {
    expect(parseOutlayText(text, TODAY)).toBeUndefined();
  });

  it('"i går" on 1 March is the last day of February', () => {
    expect(parseOutlayText('parkering 120 kr i går', '2026-03-01')?.date).toBe('2026-02-28');
    expect(parseOutlayText('parkering 120 kr i går', '2028-03-01')?.date).toBe('2028-02-29');
  });

  it('a day and month without year in early January is last December', () => {
    expect(parseOutlayText('hotell 1 290 kr 24.12', '2027-01-03')?.date).toBe('2026-12-24');
  });

  it('never returns a fractional amount', () => {
    for (const text of ['taxi 0,1 kr', 'taxi 19.99 EUR', 'taxi 1 234,56 kr', 'taxi 1.234,05 kr']) {
      const amount = parseOutlayText(text, TODAY)?.amountMinor;
      expect(Number.isInteger(amount)).toBe(true);
    }
  });
});

describe('detectLanguage', () => {
  it.each<[string, Lang | undefined]>([
    // Short commands and fragments that both Norwegian standards share are no evidence.
    ['ny utlegg', undefined],
    ['nytt utlegg', undefined],
    ['mine krav', undefined],
    ['hjelp', undefined],
    ['takk', undefined],
    ['hei', undefined],
    ['parkering 120 kr i går', undefined],
    ['kundemøte', undefined],
    // No words at all, or a single weak one.
    ['', undefined],
    ['120 kr', undefined],
    ['ok', undefined],
    ['OK!', undefined],
    ['24.11.2026', undefined],
    ['👍', undefined],
    ['help', undefined],
    ['no', undefined],
    ['expense', undefined],
    // English
    ['new expense', 'en'],
    ['my claims', 'en'],
    ['ferry 450 NOK yesterday', 'en'],
    ['Customer visit in Bergen', 'en'],
    ['how do I add passengers', 'en'],
    ['What is the status of my claim?', 'en'],
    ['I need help', 'en'],
    ['thank you', 'en'],
    ['please show my claims', 'en'],
    // bokmål
    ['hvordan legger jeg til passasjerer', 'nb'],
    ['hvordan gjør jeg dette', 'nb'],
    ['jeg har ikke fått kvittering', 'nb'],
    ['hva er reiseregning', 'nb'],
    ['I går parkerte jeg ved kontoret', 'nb'],
    ['hvor mye får jeg for kjøring', 'nb'],
    ['jeg', 'nb'],
    // nynorsk
    ['korleis legg eg til passasjerar', 'nn'],
    ['korleis legg eg til ein kvittering', 'nn'],
    ['kva er reiserekning', 'nn'],
    ['eg har ikkje fått kvittering', 'nn'],
    ['kor mykje får eg for køyring', 'nn'],
    ['I går parkerte eg ved kontoret', 'nn'],
    ['berre ein kvittering frå hotellet', 'nn'],
    ['eg', 'nn'],
  ])('%j → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('prefers no answer over a guess on mixed text', () => {
    expect(detectLanguage('jeg need help')).toBeUndefined();
    expect(detectLanguage('eg og jeg')).toBeUndefined();
  });
});
