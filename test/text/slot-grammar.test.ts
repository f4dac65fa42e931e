/** Properties of the slot grammar: what the bot prints it reads back; a range is never an amount. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCIES } from '../../src/claims/claim.js';
import { formatAmountInput } from '../../src/conversation/outlay-form.js';
import { formatMoney } from '../../src/i18n/translate.js';
import { parseAmount } from '../../src/text/typed-amount.js';
import { parseOutlayText } from '../../src/understanding/outlay-text.js';
import { understand } from '../../src/understanding/understand.js';
import { findDistance } from '../../src/understanding/trip-slots.js';
import { readMessage } from '../../src/understanding/message.js';
import { foldSpelling } from '../../src/text/fold.js';
import { parseIsoDay } from '../../src/text/typed-date.js';
import { findDateRange } from '../../src/text/typed-range.js';

const TODAY = '2026-11-24';
const minor = fc.integer({ min: 1, max: 100_000_00 });
const lang = fc.constantFrom('nb' as const, 'nn' as const, 'en' as const);
const currency = fc.constantFrom(...CURRENCIES);

describe('amounts the bot prints parse back', () => {
  it('formatMoney, in every language and currency', () => {
    fc.assert(
      fc.property(minor, currency, lang, (m, c, l) => {
        expect(parseAmount(formatMoney(m, c, l))).toEqual({ amountMinor: m, currency: c });
      }),
    );
  });

  it('formatAmountInput, the form field', () => {
    fc.assert(
      fc.property(minor, (m) => {
        expect(parseAmount(formatAmountInput(m))?.amountMinor).toBe(m);
      }),
    );
  });

  it('inside a sentence, formatMoney is the amount of the outlay', () => {
    fc.assert(
      fc.property(minor, currency, lang, (m, c, l) => {
        const guess = parseOutlayText(`taxi ${formatMoney(m, c, l)} i går`, TODAY);
        expect(guess).toMatchObject({ amountMinor: m, currency: c, date: '2026-11-23' });
      }),
    );
  });
});

const MONTH_NAMES = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august'];
const dash = fc.constantFrom('-', '–', '—', ' - ', ' – ', '–');
const range = fc
  .tuple(
    fc.integer({ min: 1, max: 25 }),
    fc.integer({ min: 1, max: 3 }),
    dash,
    fc.constantFrom(...MONTH_NAMES),
  )
  .map(([d, len, sep, month]) => `${d}.${sep}${d + len}. ${month}`);

describe('a date range is never an amount', () => {
  it('in an outlay sentence without a currency', () => {
    fc.assert(
      fc.property(
        range,
        fc.constantFrom('taxi', 'hotell', 'parkering', 'samling i Bodø'),
        (r, w) => {
          expect(parseOutlayText(`${w} ${r}`, TODAY)?.amountMinor).toBeUndefined();
        },
      ),
    );
  });

  it('in a trip sentence it is a travel claim with those days', () => {
    fc.assert(
      fc.property(range, (r) => {
        const meant = understand(`var på samling i Bodø ${r}`, { today: TODAY });
        expect(meant.intent).toBe('newTravel');
        if (meant.intent !== 'newTravel') return;
        expect(meant.travel.destination).toBe('Bodø');
        expect(meant.travel.departureDate! < meant.travel.returnDate!).toBe(true);
      }),
    );
  });
});

describe('distances', () => {
  it('"n x d km" and "d km x n" are n·d; "each way" doubles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 999 }), (n, d) => {
        expect(findDistance(readMessage(`${n} x ${d} km`))?.km).toBe(n * d);
        expect(findDistance(readMessage(`${d} km x ${n}`))?.km).toBe(n * d);
        expect(findDistance(readMessage(`${d} km hver vei`))?.km).toBe(2 * d);
        expect(findDistance(readMessage(`${d} km each way`))?.km).toBe(2 * d);
      }),
    );
  });
});

describe('a span of weekdays', () => {
  const weekday = fc.constantFrom('mandag', 'tysdag', 'onsdag', 'thursday', 'fredag', 'søndag');
  const day = fc.integer({ min: 20_000, max: 22_000 });
  it('lies within a week, ends by today, and "last week" puts it in the week before', () => {
    fc.assert(
      fc.property(weekday, weekday, day, fc.boolean(), (a, b, today, lastWeek) => {
        const text = lastWeek
          ? `${foldSpelling(a)} til ${foldSpelling(b)} forrige uke`
          : `${foldSpelling(a)} til ${foldSpelling(b)}`;
        const range = findDateRange(text, today);
        expect(range).toBeDefined();
        const from = parseIsoDay(range!.from)!;
        const to = parseIsoDay(range!.to)!;
        expect(to - from).toBeGreaterThanOrEqual(0);
        expect(to - from).toBeLessThanOrEqual(6);
        const monday = today - ((new Date(today * 86_400_000).getUTCDay() + 6) % 7);
        if (lastWeek) expect(from >= monday - 7 && from < monday).toBe(true);
        else expect(to).toBeLessThanOrEqual(today);
      }),
    );
  });
});
