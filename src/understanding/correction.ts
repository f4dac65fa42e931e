/**
 * A correction of the draft in progress: "nei, det var 430 kr", "feil dato, det var fredag",
 * "change the amount to 95", "it was 64 km", "nei, det var bompengar". A correction is said as
 * one (a "no"/"wrong"/"actually" opening, "change/endre … the field", "it was / det var …") and
 * carries at least one new value; the values are read with the same slot grammar as a new claim.
 */
import type { Currency, ExpenseKind } from '../claims/claim.js';
import { kindOfFolded } from '../text/expense-kind-words.js';
import { blank } from '../text/fold.js';
import { SUFFIX_SRC, currencyOf, parseNumber } from '../text/typed-amount.js';
import { findDate, isoOf, parseIsoDay } from '../text/typed-date.js';
import { findDateRange } from '../text/typed-range.js';
import type { Message } from './message.js';
import {
  PLAIN_FIGURE,
  figureAndPurpose,
  withoutApology,
  fillsMissingFigure,
  readPlaceAnswer,
  type Missing,
} from './missing-answer.js';
import { parseOutlayText } from './outlay-text.js';
import {
  findDestination,
  findDistance,
  findPassengers,
  mentionsDriving,
  type Passenger,
} from './trip-slots.js';
import { findSupplements, type Supplement } from './trip-supplements.js';

export type CorrectedField = 'amount' | 'date' | 'kind' | 'km';

export interface Correction {
  /** The field the user named, when they named one. */
  field?: CorrectedField;
  amountMinor?: number;
  currency?: Currency;
  date?: string;
  kind?: ExpenseKind;
  km?: number;
  /** A trip's days and place ("nei, vi kom heim fredag", "it was 3–5 November in Bergen"). */
  departureDate?: string;
  returnDate?: string;
  /** Days moved from the trip's own ("vi reiste dagen før", "came back a day later"). */
  departureShift?: number;
  returnShift?: number;
  /** A day of the month alone ("vi kom heim den 6.", "back on the 6th"): its month is the trip's. */
  departureDay?: number;
  returnDay?: number;
  destination?: string;
  /** A new purpose said as one ("endre formålet til kundemøte", "the purpose was a site visit"). */
  purpose?: string;
  /** Where a trip started and ended, answered when the bot asked ("fra kontoret"). */

  from?: string;
  to?: string;
  /** Passengers said to have come along ("Kari var med også", "forgot to say Jonas came along"). */
  passengers?: Passenger[];
  /** Km on a forest road or with a trailer, said afterwards ("12 km av det var skogsbilvei"). */
  supplements?: Supplement[];
  /** A field said to be wrong without its new value ("feil beløp", "kan du endre datoen?"). */
  askValue?: boolean;
}

export type CorrectedDraft = 'outlay' | 'mileage' | 'travel';

/** A day of the month without its month: "den 6.", "the 6th", "6th". */
const DAY_OF_MONTH =
  /\b(?:(?:den|the)\s+(\d{1,2})(?:\.|st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th))(?![\p{L}\p{N}]|\.\d)/u;

function dayOfMonth(folded: string): { day: number; start: number; end: number } | undefined {
  const m = DAY_OF_MONTH.exec(folded);
  const day = m ? Number(m[1] ?? m[2]) : NaN;
  if (!m || !(day >= 1 && day <= 31)) return undefined;
  return { day, start: m.index, end: m.index + m[0].length };
}

/**
 * "endre formålet til …", "formålet skal være …", "føremål: …", "change the purpose to …", "the
 * purpose was …": what follows is the new purpose, said to the end of the message.
 */
const PURPOSE_IS =
  /^(?:(?:nei|no|sorry|oops|beklager|actually|egentlig|eigentleg|faktisk|oi|ops)[,\s]+)*(?:(?:kan|kunne|vil|could|can|would|will)\s+(?:du|you)\s+(?:please\s+|vennligst\s+|ver\s+snill\s+og\s+)?(?=(?:endre|endra|change|set|sett|rett|rette|update|oppdater|bytt|make|gjor|gjer)\s))?(?:(?:endre|endra|change|set|sett|rett|rette|update|oppdater|bytt|make|gjor|gjer)\s+)?(?:the\s+|my\s+)?(?:formalet|formal|foremalet|foremal|purpose|reason)\s*(?:(?:til|to|skal\s+(?:vaere|vare|vere|vera)|should\s+be|er|is|was|var|blir|becomes)\s+|:\s*|(?=["'«“”]))(\S.*)$/u;

/** Coming back ("kom hjem", "heimreise", "returned", "back on") and setting off ("dro", "left"). */
const RETURNING =
  /\b(?:hjem\w*|heim\w*|home|return\w*|retur\w*|tilbake|back|kom|came|hjemkomst)\b/u;
const LEAVING =
  /\b(?:dro|drog|reiste|left|depart\w*|avreise\w*|avreis\w*|utreise\w*|set\s+off|started|starta|begynte)\b/u;

/**
 * Words that say someone rode along; a bare "med Kari" is not one of them ("kundemøte med Kari"
 * is a purpose).
 */
const CAME_ALONG =
  /\b(?:var med|va med|kom med|ble med|blei med|vart med|hadde med|tok med|satt pa|sat pa|satt med|sat med|sitte pa|sitje pa|came along|came with me|came too|was with me|were with me|rode with me|rode along|tagged along|joined|in the car|i bilen|hopped in|got in|hoppet pa|hoppa pa|steg pa|steig pa|brought|passasjer\w*|passenger\w*)\b/u;

/** Said to be wrong: "dato feil", "wrong amount", "beløpet er ikke riktig". */
const WRONG =
  /\b(?:feil|wrong|incorrect|galt|gale|ikke riktig|ikkje rett|ikkje riktig|not right)\b/u;
/** A change asked for first ("endre til parkering", "change to ferry"). */
const CHANGE_FIRST =
  /^(?:endre|endra|change|bytt|byt|sett|set|make|rett|correct|fix|update|oppdater|korriger|flytt|flytte|move)\b/u;

const OPENER =
  /^(?:nei|nope|no|neida|oi|oops|ops|sorry|beklager|unnskyld|orsak|feil|wrong|rettelse|korreksjon|correction|actually|egentlig|eigentleg|faktisk|hold\s+on|wait|vent(?:\s+litt)?|hmm+|(?:ah|a)\s+(?:nei|no)|(?:glemte|glomte|gloymde)\s+a\s+(?:si|seie|nevne|nemne)|forgot\s+to\s+(?:say|mention|tell\s+you))\b/u;
const ASKS_TO_CHANGE = /^(?:kan|kunne|vil|could|can|would|will)\s+(?:du|you)\b/u;
const CHANGE =
  /\b(?:endre|endra|endr|change|set|sett|rett|rette|correct|fix|update|oppdater|bytt|make|korriger\w*|juster\w*|adjust|modify)\b/u;
const IT_WAS =
  /(?:^|[,.;]\s*)(?:det\s+|it\s+|that\s+)?(?:det\s+var|det\s+va|den\s+var|it\s+was|that\s+was|that's|thats|it's|its|make\s+it|should\s+(?:be|have\s+been)|make\s+that|skal\s+(?:vaere|vare|vere|vera)|skulle\s+(?:ha\s+)?(?:vaert|vart|vore|vere|vera|vaere|vare))\b/u;
/** What the receipt says: "1 920 stod det på kvitteringa", "the receipt says 1 290". */
const RECEIPT_SAYS =
  /\b(?:(?:kvittering\w*|lappen|billetten)\s+(?:sier|seier|viser|syner|sa|sei)|(?:stod|sto|star)\s+(?:det\s+)?(?:[\d\s.,]+(?:kr\s+)?)?(?:pa|i)\s+(?:kvittering\w*|lappen|billetten)|(?:receipt|ticket)\s+(?:says|said|shows|showed)|it\s+says)\b/u;
/** "jeg mente 340", "eg meinte tysdag", "I meant 72 km", "typo, 340": saying what was meant. */
const MEANT =
  /(?:^|[,.;]\s*)(?:(?:jeg|eg|i)\s+)?(?:mente|meinte|meant|mener|meiner|mean)\b|\b(?:typo|skrivefeil|tastefeil)\b/u;
/**
 * The figure it was not ("ikke 430, men 340", "340 kr, ikkje 430", "72 km, not 27") and an arrow
 * from the old figure to the new ("430 -> 340"): blanked, so the new figure is the one read.
 */
const NOT_THIS_FIGURE =
  /\b(?:ikke|ikkje|not)\s+(?:\d[\d .,]*\d|\d)(?:\s*(?:kr|kroner|nok|km))?(?![\p{L}\p{N}])|(?:\d[\d .,]*\d|\d)\s*(?:kr|nok|km)?\s*(?:->|=>|>|→)(?=\s*\d)/gu;
const FIELDS: ReadonlyArray<[CorrectedField, RegExp]> = [
  [
    'amount',
    /\b(?:belop\w*|beloep\w*|summen|sum|amount|pris\w*|price|total\w*|kostnad\w*|cost)\b/u,
  ],
  ['date', /\b(?:dato\w*|date|dag|day|dagen)\b/u],
  ['km', /\b(?:km|kilomet\w*|distanse\w*|distance|avstand\w*|lengde)\b/u],
  ['kind', /\b(?:type|typen|kind|kategori\w*|category|slag)\b/u],
];

/** "beløpet skal være 230", "the date should be Friday", "km er 64", "dato: 3.12". */
const FIELD_IS = /\b(?:skal|skulle|should|er|is|var|was|blir|becomes)\b|:/u;

const NEGATED = /\b(?:ikke|ikkje|not|no|ingen)\s+(?:a\s+|en\s+|ein\s+)?[\p{L}-]+/gu;

/** "ikke taxi men buss", "bus, not taxi": a kind denied and another named is a correction of the kind. */
function kindSwapped(f: string): boolean {
  const denied = [...f.matchAll(NEGATED)].some((m) => kindOfFolded(m[0]) !== undefined);
  return denied && kindOfFolded(f.replace(NEGATED, (m) => ' '.repeat(m.length))) !== undefined;
}

/**
 * The correction said in `msg`, if any. A plain figure with nothing else to go on is the draft's
 * own figure: the amount of an outlay, the km of a trip ("it should be 95").
 */
export function readCorrection(
  typedIn: Message,
  today: string,
  draft: CorrectedDraft,
  missing?: Missing,
): Correction | undefined {
  const typed = withoutApology(typedIn, missing);
  const both = figureAndPurpose(typed, today, missing);
  if (both) {
    const fix = readCorrection(both.figure, today, draft, missing);
    return fix && { ...fix, purpose: both.purpose };
  }
  const msg = withoutOldFigures(typed);
  const f = msg.folded;
  // "feil både dato og beløp: 3. desember, 1 340 kr" names two fields: each value finds its own.
  const named = FIELDS.filter(([, re]) => re.test(f)).map(([name]) => name);
  const field = named.length === 1 ? named[0] : undefined;
  const fieldNamed = named.length > 0;
  const said =
    OPENER.test(f) ||
    CHANGE_FIRST.test(f) ||
    RECEIPT_SAYS.test(f) ||
    (fieldNamed && WRONG.test(f)) ||
    IT_WAS.test(f) ||
    MEANT.test(f) ||
    msg.folded !== typed.folded ||
    (fieldNamed && (CHANGE.test(f) || FIELD_IS.test(f))) ||
    (draft === 'travel' && (CHANGE.test(f) || RETURNING.test(f) || LEAVING.test(f))) ||
    fillsMissingFigure(msg, today, missing) ||
    kindSwapped(f);
  // "kan du endre datoen til fredag?" asks for the change: a correction still.
  if (msg.original.endsWith('?') && !(ASKS_TO_CHANGE.test(f) && CHANGE.test(f))) return undefined;
  const purpose = PURPOSE_IS.exec(msg.folded);
  if (purpose?.[1]) {
    const said = msg.original.slice(msg.folded.length - purpose[1].length).trim();
    if (said)
      return { purpose: said.replace(/[.!?]+$/u, '').replace(/^["'«“”](.*)["'»“”]$/u, '$1') };
  }
  // A trip told again with its passengers is a new statement, not an addition to this one.
  if (draft === 'mileage' && CAME_ALONG.test(f) && !mentionsDriving(f)) {
    const passengers = findPassengers(msg, {}, undefined);
    // A distance is the passenger's own ("Kari var med de siste 40 km"), else a correction of its own.
    const ownKm = passengers.some((p) => p.km !== undefined);
    if (passengers.length > 0 && (ownKm || !findDistance(msg))) return { passengers };
  }
  // A supplement told afterwards: with its own km, or said as an addition ("og med tilhenger").
  // A longer phrase naming a trailer without either may be the purpose ("hente tilhengeren").
  if (draft === 'mileage' && !mentionsDriving(f)) {
    const supplements = findSupplements(f, true);
    const own = supplements.some((s) => s.km !== undefined);
    if (supplements.length > 0 && (own || said || msg.words <= 3)) return { supplements };
  }
  // Not said as a correction: a date or a figure alone still is one (no purpose is only that),
  // else perhaps the answer to the bot's question for where the trip went.
  if (!said && !onlyValues(f))
    return draft === 'mileage' ? readPlaceAnswer(msg, missing) : undefined;
  if (draft === 'travel') return readTripCorrection(msg, today);

  const fix: Correction = field ? { field } : {};
  let rest = f;
  const distance = findDistance(msg);
  if (distance) {
    fix.km = distance.km;
    rest = blank(rest, distance.start, distance.end);
  }
  const outlay = parseOutlayText(msg.original, today);
  if (outlay?.amountMinor !== undefined && !distance) {
    fix.amountMinor = outlay.amountMinor;
    if (outlay.currency) fix.currency = outlay.currency;
  }
  const todayDay = parseIsoDay(today);
  // "feil dato, det var den 4." is a date (findDate reads a day of this month), not an amount of 4.
  const date = todayDay === undefined ? undefined : findDate(rest, todayDay);
  // The date and the amount both named: the figure left once the date is read is the amount.
  const dateAndAmount =
    named.includes('amount') && date !== undefined && fix.amountMinor === undefined;
  const plain =
    field === 'amount' || dateAndAmount || (!date && fix.amountMinor === undefined && !distance);
  const figure = plain
    ? PLAIN_FIGURE.exec(dateAndAmount && date ? blank(rest, date.start, date.end) : rest)?.[1]
    : undefined;
  if (figure && draft === 'mileage' && field !== 'amount') {
    fix.km = Number(figure.replace(',', '.'));
  } else if (figure && fix.amountMinor === undefined) {
    const minor = parseNumber(figure);
    if (minor !== undefined) fix.amountMinor = minor;
  }
  if (date && field !== 'amount') fix.date = isoOf(date.day);
  // "ikke parkering", "not parking": the kind it was not.
  const kind = kindOfFolded(rest.replace(NEGATED, (m) => ' '.repeat(m.length)));
  if (kind) fix.kind = kind;
  // "oj, det var i euro": the currency alone, the figure stays.
  const currency = CURRENCY_ALONE.exec(rest)?.[1];
  if (draft === 'outlay' && currency && fix.amountMinor === undefined)
    fix.currency = currencyOf(currency);
  const found = ['amountMinor', 'date', 'kind', 'km', 'currency'].some((k) => k in fix);
  if (found) return fix;
  // The field is wrong, but its value is not said: the bot asks for it.
  return field !== undefined && said ? { field, askValue: true } : undefined;
}

/** Currencies named without a figure, folded. */
const CURRENCY_ALONE = new RegExp(`(?<![\\p{L}])(${SUFFIX_SRC})(?![\\p{L}])`, 'u');

/**
 * Nothing but dates, figures with their currency or unit, and "ca." ("2. des", "fredag", "ca 95
 * kr", "48 km"): no purpose is only that, so it corrects the field it fills. A bare figure ("4711")
 * may be a project number given as the purpose, and stays one.
 */
const VALUE_WORDS =
  /(?<![\p{L}])(?:kr|nok|kroner|eur|euro|euros|usd|sek|dkk|km|mil|ca|cirka|circa|about|approx|omtrent|rundt)(?![\p{L}])/gu;

function onlyValues(folded: string): boolean {
  const dateless = withoutDate(folded);
  const words = dateless.replace(VALUE_WORDS, ' ');
  const marked = dateless !== folded || words !== dateless;
  return marked && words.replace(/[\d\s.,:;!?-]/gu, '') === '';
}

/** The text without its date or date range, for `onlyValues` (which day it is does not matter). */
function withoutDate(folded: string): string {
  const today = 0;
  const range = findDateRange(folded, today);
  const rest = range ? blank(folded, range.start, range.end) : folded;
  const date = findDate(rest, today);
  return date ? blank(rest, date.start, date.end) : rest;
}

/** The message with the figures it says were wrong blanked out (same length, same spans). */
function withoutOldFigures(msg: Message): Message {
  let { original, folded } = msg;
  for (const m of msg.folded.matchAll(NOT_THIS_FIGURE)) {
    const end = m.index + m[0].length;
    original = blank(original, m.index, end);
    folded = blank(folded, m.index, end);
  }
  return { ...msg, original, folded };
}

/**
 * A travel claim's days and place: a range sets both days, one day is the return when the
 * sentence speaks of coming back and the departure when it speaks of leaving, and a named place
 * is the destination. A lone day with neither is left alone: which end it meant is a guess.
 */
/** "dagen før", "ein dag seinare", "two days later", "the day before": days moved, signed. */
const SHIFT =
  /\b(?:(?:dagen|the\s+day)|(en|ein|ei|one|a|to|two|tre|three|2|3)\s+(?:dag|dagar|dager|days?))\s+(?:(for|tidligere|tidlegare|before|earlier)|(etter|seinare|senere|after|later))\b/u;
const SHIFT_DAYS: Record<string, number> = { to: 2, two: 2, tre: 3, three: 3, '2': 2, '3': 3 };

function readShift(rest: string): Correction | undefined {
  const m = SHIFT.exec(rest);
  if (!m) return undefined;
  const days = (SHIFT_DAYS[m[1] ?? ''] ?? 1) * (m[2] ? -1 : 1);
  if (RETURNING.test(rest)) return { returnShift: days };
  if (LEAVING.test(rest)) return { departureShift: days };
  return undefined;
}

function readTripCorrection(msg: Message, today: string): Correction | undefined {
  const todayDay = parseIsoDay(today);
  if (todayDay === undefined) return undefined;
  const shift = readShift(msg.folded);
  if (shift) return shift;
  const fix: Correction = {};
  let rest = msg.folded;
  const range = findDateRange(rest, todayDay);
  if (range) {
    fix.departureDate = range.from;
    fix.returnDate = range.to;
    rest = blank(rest, range.start, range.end);
  } else {
    const found = findDate(rest, todayDay);
    const bare = dayOfMonth(rest);
    // A day of the month alone is in the trip's month, not this one: the date read from it is dropped.
    const alone = bare && (!found || (found.start >= bare.start && found.end <= bare.end));
    const date = alone ? undefined : found;
    const day = alone ? bare.day : undefined;
    if (date && RETURNING.test(rest)) fix.returnDate = isoOf(date.day);
    else if (date && LEAVING.test(rest)) fix.departureDate = isoOf(date.day);
    else if (day && RETURNING.test(rest)) fix.returnDay = day;
    else if (day && LEAVING.test(rest)) fix.departureDay = day;
  }
  const destination = findDestination(msg);
  if (destination) fix.destination = destination;
  return Object.keys(fix).length > 0 ? fix : undefined;
}
