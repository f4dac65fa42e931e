/**
 * Reads a car trip from free text: "kjørte 120 km til Drammen i går med Kari", "kjorte Oslo -
 * Hamar t/r, 2 x 123 km", "drove 45 km from Oslo to Asker yesterday, brought Jonas along". A
 * driving word and a distance or a route make it a trip; the km may be missing (the form asks).
 */
import type { ExpenseKind } from '../claims/claim.js';
import { detectKind } from '../text/expense-kind-words.js';
import { blank } from '../text/fold.js';
import { findDate, isoOf, parseIsoDay } from '../text/typed-date.js';
import { readMessage, type Message } from './message.js';
import { findSupplements } from './trip-supplements.js';
import { isQuestion, parseOutlayText, type OutlayGuess } from './outlay-text.js';
import {
  findDistance,
  findPassengers,
  findRoute,
  isRoundTrip,
  mentionsCar,
  mentionsDriving,
  type Passenger,
} from './trip-slots.js';

export interface MileageGuess {
  /** Total km driven; undefined when the text named a route but no distance. */
  km?: number;
  from?: string;
  to?: string;
  date?: string;
  roundTrip?: boolean;
  passengers: Passenger[];
  /** A toll, parking or ferry paid on the same trip ("… og betalte 45 kr i bompenger"). */
  outlay?: OutlayGuess;
  /** Km on a forest or construction road, and km with a trailer (supplements on the rate). */
  forestRoadKm?: number;
  trailerKm?: number;
}

/** Outlays that belong on a mileage claim (guide 5.1). */
const ON_A_TRIP: ReadonlySet<ExpenseKind> = new Set<ExpenseKind>(['toll', 'parking', 'ferry']);

/**
 * A driving word makes a trip; so does a distance with a car ("tur til Hamar med bil, 123 km"), or
 * a distance with a route or a round trip when no other way of travelling is named ("round trip
 * Oslo to Fredrikstad, 94 km each way"; "taxi 12 km til flyplassen" stays a taxi).
 */
function drivenTrip(msg: Message, distance: boolean, routed: boolean): boolean {
  if (mentionsDriving(msg.folded)) return true;
  if (!distance) return false;
  if (mentionsCar(msg.folded)) return true;
  return routed && detectKind(msg.folded) === undefined && !isQuestion(msg.original);
}

export function readTrip(msg: Message, today: string): MileageGuess | undefined {
  if (msg.original.endsWith('?') || isQuestion(msg.original)) return undefined;
  const supplements = findSupplements(msg.folded);
  // A supplement's own figure ("6 km av det var anleggsvei") is not the trip's distance.
  const own = supplements.flatMap((s) => (s.span ? [s.span] : []));
  const unsupplemented = (text: string) =>
    own.reduce((t, span) => blank(t, span.start, span.end), text);
  const distance = findDistance({ ...msg, folded: unsupplemented(msg.folded) });
  // In capitals ("KJØRTE 35 KM TIL KUNDE I SANDVIKA") every word looks like a name: read as lower case.
  const shouting = !/\p{Ll}/u.test(msg.original);
  const route = findRoute(
    shouting ? { ...msg, original: msg.original.toLowerCase() } : msg,
    mentionsDriving(msg.folded) || mentionsCar(msg.folded) || distance !== undefined,
  );
  const roundTrip = isRoundTrip(msg.folded);
  if (!drivenTrip(msg, distance !== undefined, roundTrip || Boolean(route.to ?? route.from)))
    return undefined;
  if (!distance && !route.to && !route.from) return undefined;
  const guess: MileageGuess = {
    ...route,
    passengers: findPassengers(msg, route, distance?.km),
  };
  if (distance) guess.km = distance.km;
  if (roundTrip) guess.roundTrip = true;
  for (const { kind, km } of supplements) {
    const value = km ?? guess.km;
    // More than the trip itself is a misreading, and the form would refuse it.
    if (value !== undefined && value > 0 && (guess.km === undefined || value <= guess.km))
      guess[kind] = value;
  }
  const rest = distance ? blank(msg.folded, distance.start, distance.end) : msg.folded;
  const todayDay = parseIsoDay(today);
  const date = todayDay === undefined ? undefined : findDate(rest, todayDay);
  if (date) guess.date = isoOf(date.day);
  const restOriginal = unsupplemented(
    distance ? blank(msg.original, distance.start, distance.end) : msg.original,
  );
  const outlay = parseOutlayText(restOriginal, today);
  if (outlay?.amountMinor !== undefined && outlay.kind && ON_A_TRIP.has(outlay.kind))
    guess.outlay = { ...outlay, ...(guess.date && !outlay.date ? { date: guess.date } : {}) };
  return guess;
}

/** The same from raw text (for callers outside the layer). */
export function parseMileageText(text: string, today: string): MileageGuess | undefined {
  return readTrip(readMessage(text), today);
}
