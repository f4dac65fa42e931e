import { describe, expect, it } from 'vitest';
import { parseOutlayText, type OutlayGuess } from '../src/conversation/free-text.js';
import { detectLanguage, type Lang } from '../src/i18n/language-detect.js';

/** A Tuesday. */
const TODAY = '2026-11-24';

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
    // Money has at most two decimals: one separator before three digits, marked as money, groups
    // thousands; unmarked, the figure stays unread rather than guessed.
    ['parkering 1,234 kr', { kind: 'parking', amountMinor: 123400, currency: 'NOK' }],
    ['taxi 1.089,- fra Torp', { kind: 'taxi', amountMinor: 108900, currency: 'NOK' }],
    ['parkering 1,234', { kind: 'parking' }],
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
    ['1,234', 'unreadable bare figure and no kind'],
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
