/**
 * A travel claim asked for in a sentence: "skal føre reiseregning for samlingen i Bodø", "need a
 * travel claim for the Stavanger workshop", "var på samling i Bodø 12.–14. mars", "claim per
 * diem: Tromsø, 3–5 November". Two shapes make it one: a travel-claim word in a statement (not a
 * question about travel claims), or a trip of several days with a place ("i Bodø 12.–14. mars").
 * What the sentence says pre-fills the form: destination, first and last day, purpose.
 */
import { REQUEST } from './outlay-text.js';
import { findDate, isoOf, parseIsoDay } from '../text/typed-date.js';
import { blank } from '../text/fold.js';
import { findDateRange, type DateRange } from '../text/typed-range.js';
import type { Message } from './message.js';
import { findDestination } from './trip-slots.js';

export interface TravelGuess {
  destination?: string;
  departureDate?: string;
  returnDate?: string;
  purpose?: string;
}

/** Words for a travel claim or its parts, folded. */
const TRAVEL_CLAIM =
  /\b(?:reise(?:regning|rekning|krav|utgift)\w*|travel\s+(?:claim|expense|report)s?|per\s+diem|diett\w*|tj?enestereis\w*|tenestereis\w*|tj?enestetur\w*|tenestetur\w*|business\s+trip|work\s+trip|overnatting\w*\s+og\s+diett)\b/u;
/** Claiming a trip: "claim my trip to Bergen", "føre reisen til Oslo", "file the journey". */
const CLAIM_A_TRIP =
  /\b(?:claim|file|submit|register|fore|registrer\w*|lag|lage)\b[^.!?]{0,30}?\b(?:trip|travel|journey|reisa|reisen|reiser|reise|turen)\b/u;
/** Being away somewhere: "var på samling", "was at a conference", "reiste til", "dro til". */
const AWAY =
  /\b(?:var|vart|was|were|attended|reiste|reist|travelled|traveled|dro|flew|fly|flaug|flo|samling\w*|kurs\w*|konferanse\w*|seminar\w*|workshop\w*|conference|course|messe\w*|trip|tur|reise|reisa|reisen|journey)\b/u;
/** What the trip was for: the phrase after "for" / "på" / "at", up to a comma or the end. */
const PURPOSE = /(?<![\p{L}])(?=(?:for|pa|at|on)\s+((?:the\s+|a\s+|an\s+)?[^,.;:!?]{3,80}))/gu;
const EVENT =
  /\b(?:samling\w*|kurs\w*|konferanse\w*|seminar\w*|mote\w*|mota|workshop\w*|conference\w*|course\w*|meeting\w*|training|messe\w*|fair|kundebesok\w*|kundemot\w*|tenestetur\w*|tjenestetur\w*|prosjekt\w*|project|visit\w*|befaring\w*)\b/u;

/** The purpose: the phrase naming the event ("for kurset i Bergen"), or else the event word. */
function purposeOf(msg: Message, rangeStart: number | undefined): string | undefined {
  // "på mandag for kundemøte": the last phrase that names an event (the phrases overlap).
  const m = [...msg.folded.matchAll(PURPOSE)].filter((p) => p[1] && EVENT.test(p[1])).at(-1);
  if (!m?.[1]) {
    const word = EVENT.exec(msg.folded);
    return word ? msg.original.slice(word.index, word.index + word[0].length) : undefined;
  }
  const start = msg.folded.indexOf(m[1], m.index);
  const end = Math.min(
    start + m[1].length,
    rangeStart !== undefined && rangeStart > start ? rangeStart : Infinity,
  );
  const text = msg.original
    .slice(start, end)
    .replace(/\s+(?:fra|frå|from|den|the)\s*$/iu, '')
    // "for a conference" is for the conference: the article is no part of the purpose.
    .replace(/^(?:the|a|an)\s+/iu, '')
    .trim();
  return text.length >= 3 ? text : undefined;
}

/** A stay or a day trip away: "overnatta i Ålesund", "stayed two nights in Oslo", "dagstur til Bergen". */
const STAY =
  /\b(?:overnatt(?:a|et|e|ing|ingar|inger)|overnight(?:ed)?|stayed\s+(?:overnight|the\s+night|\w+\s+nights?)|bodde\s+(?:pa|i)|dagstur\w*|dagsreis\w*|day\s+trip)\b/u;
const DAY_TRIP = /\b(?:dagstur\w*|dagsreis\w*|day\s+trip|same\s+day|samme\s+dag|same\s+dag)\b/u;
/** An amount paid ("… 1 290 kr"): then the message is an outlay (a hotel), not a trip. */
const PAID_AMOUNT = /\d\s*(?:kr|kroner|nok|,-)(?![\p{L}])|(?:kr|nok)\.?\s*\d/u;

/** The longest a trip told as two separate days may last ("dro 1. desember, kom hjem 3."). */
const LONGEST_TRIP_DAYS = 60;

/**
 * Leaving and coming back said as two days ("reiste til Bodø 1. desember og kom hjem 3.
 * desember", "left Monday, back Wednesday"): the span between them, in order.
 */
function twoDays(folded: string, today: number): DateRange | undefined {
  const first = findDate(folded, today);
  if (!first) return undefined;
  const second = findDate(blank(folded, first.start, first.end), today);
  if (!second || second.start < first.end) return undefined;
  const [from, to] = first.day <= second.day ? [first, second] : [second, first];
  if (to.day === from.day || to.day - from.day > LONGEST_TRIP_DAYS) return undefined;
  return { start: first.start, end: second.end, from: isoOf(from.day), to: isoOf(to.day) };
}

/** Asking whether the trip just told gives per diem or a travel claim. */
const ASKS_PER_DIEM =
  /\b(?:diett\w*|per\s+diem|daily\s+allowance|kostgodtgj\w*|reise(?:regning|rekning)\w*|travel\s+claim)\b/u;

/** A statement of the trip, then, after a break, the question about its per diem. */
function toldThenAsked(folded: string): boolean {
  const brk = /[,.;:!–-]\s/u.exec(folded);
  if (!brk) return false;
  const told = folded.slice(0, brk.index);
  const asked = folded.slice(brk.index + brk[0].length);
  // "…, which claim gives me per diem?" asks the guide which claim; "…, får jeg diett?" asks for it.
  return (
    AWAY.test(told) &&
    !QUESTION_OPENER.test(told) &&
    !WH_OPENER.test(asked) &&
    ASKS_PER_DIEM.test(asked)
  );
}
const WH_OPENER =
  /^(?:hva|kva|hvilk\w*|which|what|how|hvordan|korleis|hvor|kor|kvar|where|when|nar)\b/u;
const QUESTION_OPENER =
  /^(?:hvordan|korleis|how|hva|kva|what|kan|can|ma|must|far|do|does|skal|should)\b/u;

export function readTravelRequest(
  msg: Message,
  today: string,
  question: boolean,
): TravelGuess | undefined {
  const todayDay = parseIsoDay(today);
  const range =
    todayDay === undefined
      ? undefined
      : (findDateRange(msg.folded, todayDay) ??
        // Two days beside an amount are more likely two expenses than a trip's first and last.
        (PAID_AMOUNT.test(msg.folded) ? undefined : twoDays(msg.folded, todayDay)));
  const destination = findDestination(msg);
  // "kan du lage en reiseregning for Bergen …?" asks the bot to do it: a request, not a question.
  const asked =
    (TRAVEL_CLAIM.test(msg.folded) || CLAIM_A_TRIP.test(msg.folded)) &&
    (!question || REQUEST.test(msg.folded));
  // "was at an offsite at Gol Wed–Fri, can I get per diem?": the trip told, its claim asked about.
  const away =
    (!question || toldThenAsked(msg.folded)) &&
    range !== undefined &&
    destination !== undefined &&
    AWAY.test(msg.folded);
  const stay =
    !question &&
    destination !== undefined &&
    STAY.test(msg.folded) &&
    !PAID_AMOUNT.test(msg.folded);
  if (!asked && !away && !stay) return undefined;
  const guess: TravelGuess = {};
  if (destination) guess.destination = destination;
  const day = range || todayDay === undefined ? undefined : findDate(msg.folded, todayDay);
  if (range) {
    guess.departureDate = range.from;
    guess.returnDate = range.to;
  } else if (day) {
    // One day named ("i går, dagstur"): the trip began that day; its return is for the form.
    guess.departureDate = isoOf(day.day);
    if (DAY_TRIP.test(msg.folded)) guess.returnDate = guess.departureDate;
  }
  const purpose = purposeOf(msg, range?.start ?? day?.start);
  if (purpose) guess.purpose = purpose;
  return guess;
}
