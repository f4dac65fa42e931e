/**
 * Answers to the bot's own question for what a draft still lacks: "Hvor mye kostet det?" is
 * answered "120 kr" or "ca. 95", "Hvor mange km?" with "48", "Hvor startet turen?" with "fra
 * kontoret" or just "kontoret". Only a short answer of the right shape counts: a kind, a trip or a
 * question said instead is a message of its own.
 */
import { kindOfFolded } from '../text/expense-kind-words.js';
import { readMessage, type Message } from './message.js';
import { parseOutlayText } from './outlay-text.js';
import { PLACE_WORD, findDistance, findRoute, mentionsDriving, type Route } from './trip-slots.js';

/** What the draft in progress lacks and the bot asked for; `route`: both ends of a trip. */
export type Missing = 'amount' | 'km' | 'from' | 'to' | 'route';

/** A plain figure for a named amount ("change the amount to 95"). */
export const PLAIN_FIGURE =
  /(?<![\p{L}\p{N}.,])(\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?![\p{N}]|[.,]\p{N})/u;

/** A figure alone, perhaps with "ca." or "about": the answer to "how much?" or "how far?". */
const LONE_FIGURE = new RegExp(
  String.raw`^(?:ca\.?|cirka|omtrent|about|around|approx\.?|roughly)?\s*${PLAIN_FIGURE.source}\W*$`,
  'u',
);

/** More words than an answer to "how much?" takes ("det endte på 87 kr", "det ble vel rundt 35 km"). */
const ANSWER_WORDS = 8;

/**
 * A few words with the figure the draft still lacks ("120 kr", "ca. 48 km", "to hundre og ti
 * kroner", "det endte på 87 kr") answer the bot's question for it; a kind or a trip said with it
 * is a new statement, and a reason said with it is for the purpose.
 */
export function fillsMissingFigure(msg: Message, today: string, missing?: Missing): boolean {
  if (missing !== 'amount' && missing !== 'km') return false;
  if (msg.words > ANSWER_WORDS || kindOfFolded(msg.folded) || mentionsDriving(msg.folded))
    return false;
  const unhedged = msg.folded.replace(HEDGES, ' ');
  if (msg.words > 4 && (SAYS_WHY.test(unhedged) || msg.original.endsWith('?'))) return false;
  if (missing === 'km') return findDistance(msg) !== undefined || lonelyFigure(msg.folded);
  return (
    parseOutlayText(msg.original, today)?.amountMinor !== undefined || lonelyFigure(msg.folded)
  );
}

/** Hedges around the figure answered: "ca 150 tror jeg", "about 48 I think", "rundt 90 vel". */
const HEDGES =
  /\b(?:tror\s+jeg|trur\s+eg|tror\s+eg|vel|kanskje|i\s+think|i\s+guess|ish|maybe|or\s+so|eller\s+sa|omtrent|rundt|cirka|ca|about|around|roughly|approx)\b\.?/gu;

/**
 * The words around a figure said as an answer ("det kosta 140", "it was 75", "75 bucks", "jeg
 * betalte 140", "65 spenn"): they add nothing to it.
 */
const ANSWER_FRAME =
  /\b(?:det|den|ho|han|hun|hon|pa|it|that|this|(?:jeg|eg|i|vi|we)\s+(?:betalte|paid)|var|va|was|were|ble|blei|vart|kosta|kostet|koster|kostar|costs?|came\s+to|totalt?|in\s+total|til\s+(?:sammen|saman)|sum(?:men)?|bucks|spenn|kroner|kronar|kr)\b\.?/gu;

function lonelyFigure(folded: string): boolean {
  const bare = folded.replace(HEDGES, ' ').replace(ANSWER_FRAME, ' ');
  return LONE_FIGURE.test(bare.replace(/\s+/g, ' ').trim());
}

/**
 * What one went to do ("kundemøte", "kurs på Voss", "site visit", "meeting with Kari") says why,
 * not where: typed when the bot asked for a place, it is the purpose.
 */
const SAYS_WHY =
  /mote\b|moete|meeting|kurs|course|seminar|konferanse|conference|workshop|befaring|besok|visit|opplaering|opplering|training|samling|messe|\bfair\b|intervju|interview|presentasjon|presentation|service|levering|delivery|synfaring|inspeksjon|inspection|kontroll|oppdrag|reparasjon|repair|installasjon|installation|montering|vedlikehold|maintenance|planlegging|planning|kick-?off|lansering|launch|demo\b|revisjon|audit|review|workshop|lunsj|lunch|middag|dinner|\b(?:med|with|for|om|about)\b/u;

/** "fra", "til", "the" before the place, and the full stop after it, are not its name. */
const LEAD = /^(?:(?:fra|frå|from|til|to|at|ved|hos)\s+)?(?:the\s+)?/iu;

/**
 * Where a trip started or ended, as answered: "fra kontoret til Drammen" (both ends), or one place
 * ("kontoret", "hjemme", "the office"), which is the end the bot asked for — the destination when
 * it asked for both.
 */
export function readPlaceAnswer(msg: Message, missing?: Missing): Route | undefined {
  if (missing !== 'from' && missing !== 'to' && missing !== 'route') return undefined;
  if (msg.words > 6 || msg.original.endsWith('?') || /\d/u.test(msg.folded)) return undefined;
  if (kindOfFolded(msg.folded)) return undefined;
  const route = findRoute(msg, true);
  if (route.from && route.to) return route;
  if (route.from && missing !== 'to') return { from: route.from };
  if (route.to && missing !== 'from') return { to: route.to };
  const name = msg.original
    .replace(LEAD, '')
    .replace(/[.!]+$/u, '')
    .trim();
  if (!name || msg.words > 4 || SAYS_WHY.test(msg.folded)) return undefined;
  // A place is said as one: led by fra/til, a name, a word for a place, or a single word.
  const said =
    LEAD.exec(msg.original)?.[0] ||
    /\p{Lu}/u.test(name.slice(1)) ||
    PLACE_WORD.test(msg.folded) ||
    !/\s/u.test(name);
  if (!said) return undefined;
  const place = name.charAt(0).toUpperCase() + name.slice(1);
  return missing === 'from' ? { from: place } : { to: place };
}

/** "sorry for the wait", "beklager at eg gløymde det", "orsak": an apology is said, not answered. */
const APOLOGY =
  /(?:^|[,.;!]\s*)(?:sorry|beklager|orsak|unnskyld|apologies|my\s+bad|excuse\s+me)\b[^,.;!?]*[,.;!]*/gu;

/**
 * The answer to the figure the bot asked for without an apology said around it ("249 NOK, sorry
 * for not saying that at once"): the apology is neither the figure nor the purpose.
 */
export function withoutApology(msg: Message, missing?: Missing): Message {
  if (missing !== 'amount' && missing !== 'km') return msg;
  let kept = msg.original;
  for (const m of msg.folded.matchAll(APOLOGY))
    kept = kept.slice(0, m.index) + ' '.repeat(m[0].length) + kept.slice(m.index + m[0].length);
  if (kept === msg.original || !/\d/u.test(kept)) return msg;
  return readMessage(kept.replace(/^[\s,.;!]+|[\s,;]+$/gu, ''));
}

/** "var på", "was at", "it was for": the lead of a reason, not part of it. */
const REASON_LEAD =
  /^(?:(?:det\s+)?(?:var|va|vart|ble|blei)\s+(?:pa|på|for|til)\s+|(?:it\s+)?was\s+(?:at|for|to)\s+|(?:formal|formål|purpose)\s*:\s*)/iu;

/**
 * The figure the bot asked for and the purpose in one answer ("312 kr, var på kundemøte hos Aker
 * BP", "kundemøte, 48 km"): two clauses, one that fills the figure and one that says why.
 */
export function figureAndPurpose(
  msg: Message,
  today: string,
  missing?: Missing,
): { figure: Message; purpose: string } | undefined {
  if (missing !== 'amount' && missing !== 'km') return undefined;
  const clauses = msg.original.split(/\s*(?:,|;|\s-\s|\.\s)\s*/u).filter(Boolean);
  if (clauses.length !== 2) return undefined;
  for (const [figureAt, reasonAt] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const figure = readMessage(clauses[figureAt] ?? '');
    const reason = readMessage(clauses[reasonAt] ?? '');
    if (/\d/u.test(reason.folded) || !SAYS_WHY.test(reason.folded)) continue;
    if (fillsMissingFigure(figure, today, missing))
      return { figure, purpose: reason.original.replace(REASON_LEAD, '').replace(/[.!]+$/u, '') };
  }
  return undefined;
}
