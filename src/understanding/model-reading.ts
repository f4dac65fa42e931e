/**
 * A language model's reading of a typed message, for the messages the offline reading is unsure
 * of. Pure: the schema the model must answer in, when a reading counts as unsure, and how a model
 * reply becomes an Understanding. The model is trusted for the intent only; every slot must point
 * at the message: an amount, a distance or a date it returns is kept only when the same figure
 * (or the same words) is in what the user typed, and names only when they are written there.
 */
import { z } from 'zod';
import { EXPENSE_KINDS } from '../claims/claim.js';
import { parseAmount, parseNumber } from '../text/typed-amount.js';
import { parseDate } from '../text/typed-date.js';
import { readMessage, type Message } from './message.js';
import type { OutlayGuess } from './outlay-text.js';
import type { TravelGuess } from './travel-text.js';
import type { MileageGuess } from './trip-text.js';
import type { Understanding, UnderstandingContext } from './understand.js';

const quoted = (what: string) =>
  z
    .string()
    .nullable()
    .describe(`${what}, copied exactly as written in the message; null if absent`);

/** What the model answers: one intent and its slots, every field present (null when absent). */
export const modelReadingSchema = z.strictObject({
  intent: z
    .enum(['newOutlay', 'newMileage', 'newTravel', 'claimsQuestion', 'answerPurpose', 'help'])
    .describe(
      'newOutlay: the user paid for something (taxi, parking, meal …) and wants it refunded. newMileage: the user drove their own car for work. newTravel: the user wants a travel claim (a trip with per diem or nights away). claimsQuestion: a question about the status or list of their own claims. answerPurpose: the message is the purpose the form asked for. help: a question about how the expense system works, small talk or anything else.',
    ),
  amount: quoted('The amount paid with its currency marker, e.g. "430 kr"'),
  kind: z.enum(EXPENSE_KINDS).nullable().describe('What the outlay was for; null if unclear'),
  date: quoted('The date (or the first day of a trip), e.g. "12. mars" or "i går"'),
  endDate: quoted('The last day of a trip'),
  km: z
    .number()
    .nullable()
    .describe('Kilometres driven one way, as a number written in the message'),
  roundTrip: z.boolean().nullable().describe('True when the drive was there and back'),
  from: quoted('Where the drive started'),
  to: quoted('Where the drive went'),
  destination: quoted('Where the trip went'),
  purpose: quoted('What the trip or expense was for'),
});
export type ModelReading = z.infer<typeof modelReadingSchema>;

const DIGIT = /\p{N}/u;

/**
 * Unsure: the offline grammar could not classify a statement (it fell through to the guide
 * without being asked as a question), or a reading leaves figures of the message unread (a
 * "purpose" or an outlay without an amount that still contains digits).
 */
export function isUnsure(meant: Understanding, text: string): boolean {
  const msg = readMessage(text);
  switch (meant.intent) {
    case 'help':
      return !meant.question && (DIGIT.test(msg.folded) || msg.words >= 3);
    case 'answerPurpose':
      return DIGIT.test(msg.folded);
    case 'newOutlay':
      return meant.outlay.amountMinor === undefined && DIGIT.test(msg.folded);
    default:
      return false;
  }
}

/** Every figure written in the message, in minor units ("1 234,50" → 123450). */
function figuresIn(msg: Message): Set<number> {
  const figures = new Set<number>();
  for (const m of msg.original.matchAll(/\d(?:[\d .,]*\d)?/gu)) {
    const whole = parseNumber(m[0]);
    if (whole !== undefined) figures.add(whole);
    // "12.–14." or "2 x 48" read as one run above; each figure also counts alone.
    for (const part of m[0].split(/[^\d]+/)) if (part) figures.add(Number(part) * 100);
  }
  return figures;
}

/** The slot, trimmed, when the message contains it (case and diacritics aside). */
function written(slot: string | null, msg: Message): string | undefined {
  const value = slot === null ? '' : readMessage(slot).original;
  return value !== '' && msg.folded.includes(readMessage(value).folded) ? value : undefined;
}

/** The fields that are set, so a dropped slot is absent rather than undefined. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Turns a validated model reading into an Understanding, dropping every slot the message does not
 * bear out. Undefined when the reading does not fit the context (a purpose nobody asked for), is
 * help, or names nothing to act on; the caller keeps the offline reading then.
 */
export function fromModelReading(
  reading: ModelReading,
  text: string,
  context: UnderstandingContext,
): Understanding | undefined {
  const msg = readMessage(text);
  const figures = figuresIn(msg);
  const dateOf = (slot: string | null) => {
    const words = written(slot, msg);
    return words === undefined ? undefined : parseDate(words, context.today);
  };
  const amount = written(reading.amount, msg);
  const parsed = amount === undefined ? undefined : parseAmount(amount);
  const money = parsed && figures.has(parsed.amountMinor) ? parsed : undefined;
  const km =
    reading.km !== null && reading.km > 0 && figures.has(Math.round(reading.km * 100))
      ? reading.km
      : undefined;

  switch (reading.intent) {
    case 'newOutlay': {
      const outlay: OutlayGuess = defined({
        kind: reading.kind ?? undefined,
        amountMinor: money?.amountMinor,
        currency: money?.currency,
        date: dateOf(reading.date),
      });
      return outlay.kind || outlay.amountMinor !== undefined
        ? { intent: 'newOutlay', outlay }
        : undefined;
    }
    case 'newMileage': {
      const trip: MileageGuess = defined({
        km,
        from: written(reading.from, msg),
        to: written(reading.to, msg),
        date: dateOf(reading.date),
        roundTrip: reading.roundTrip === true ? true : undefined,
        passengers: [],
      });
      return { intent: 'newMileage', trip };
    }
    case 'newTravel': {
      const travel: TravelGuess = defined({
        destination: written(reading.destination, msg),
        departureDate: dateOf(reading.date),
        returnDate: dateOf(reading.endDate),
        purpose: written(reading.purpose, msg),
      });
      return { intent: 'newTravel', travel };
    }
    case 'claimsQuestion':
      return { intent: 'claimsQuestion', text };
    case 'answerPurpose':
      return context.awaitingPurpose
        ? { intent: 'answerPurpose', purpose: msg.original }
        : undefined;
    case 'help':
      // The offline reading went to the guide already, or was surer than the model can be.
      return undefined;
  }
}
