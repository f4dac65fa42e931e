/**
 * A travel claim asked for in a sentence: "skal føre reiseregning for samlingen i Bodø", "need a
 * travel claim for the Stavanger workshop", "var på samling i Bodø 12.–14. mars", "claim per
 * diem: Tromsø, 3–5 November". Two shapes make it one: a travel-claim word in a statement (not a
 * question about travel claims), or a trip of several days with a place ("i Bodø 12.–14. mars").
 * What the sentence says pre-fills the form: destination, first and last day, purpose.
 */
import { parseIsoDay } from '../text/typed-date.js';
import { findDateRange } from '../text/typed-range.js';
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
const PURPOSE = /(?<![\p{L}])(?:for|pa|at|on)\s+((?:the\s+|a\s+|an\s+)?[^,.;:!?]{3,80})/u;
const EVENT =
  /\b(?:samling\w*|kurs\w*|konferanse\w*|seminar\w*|mote\w*|mota|workshop\w*|conference\w*|course\w*|meeting\w*|training|messe\w*|fair|kundebesok\w*|tenestetur\w*|tjenestetur\w*|prosjekt\w*|project|visit\w*|befaring\w*)\b/u;

/** The purpose: the phrase naming the event ("for kurset i Bergen"), or else the event word. */
function purposeOf(msg: Message, rangeStart: number | undefined): string | undefined {
  const m = PURPOSE.exec(msg.folded);
  if (!m?.[1] || !EVENT.test(m[1])) {
    const word = EVENT.exec(msg.folded);
    return word ? msg.original.slice(word.index, word.index + word[0].length) : undefined;
  }
  const start = m.index + m[0].length - m[1].length;
  const end = Math.min(
    start + m[1].length,
    rangeStart !== undefined && rangeStart > start ? rangeStart : Infinity,
  );
  const text = msg.original
    .slice(start, end)
    .replace(/\s+(?:fra|frå|from|den|the)\s*$/iu, '')
    .trim();
  return text.length >= 3 ? text : undefined;
}

export function readTravelRequest(
  msg: Message,
  today: string,
  question: boolean,
): TravelGuess | undefined {
  const todayDay = parseIsoDay(today);
  const range = todayDay === undefined ? undefined : findDateRange(msg.folded, todayDay);
  const destination = findDestination(msg);
  const asked = (TRAVEL_CLAIM.test(msg.folded) || CLAIM_A_TRIP.test(msg.folded)) && !question;
  const away =
    !question && range !== undefined && destination !== undefined && AWAY.test(msg.folded);
  if (!asked && !away) return undefined;
  const guess: TravelGuess = {};
  if (destination) guess.destination = destination;
  if (range) {
    guess.departureDate = range.from;
    guess.returnDate = range.to;
  }
  const purpose = purposeOf(msg, range?.start);
  if (purpose) guess.purpose = purpose;
  return guess;
}
