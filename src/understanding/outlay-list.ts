/**
 * Several expenses in one message: "parkering 120 og bom 45 i går", "taxi 250 kr and lunch 180
 * kr yesterday", "ferje 87 kr, parkering 60 kr", one per line or bullet under a heading ("i går:"),
 * or separated by semicolons. The message is split where a list joins its items and each part is
 * read as an outlay of its own; it is a list only when every part names both a kind and an amount,
 * apart from parts that only give the day or join the list ("alt frå tysdag", "all on Wednesday",
 * "ja"). A day said once counts for every part that names none.
 */
import { blank, foldInPlace } from '../text/fold.js';
import { parseMoney } from '../text/typed-amount.js';
import { findDate, isoOf, parseIsoDay } from '../text/typed-date.js';
import type { OutlayGuess } from './outlay-text.js';
import { parseOutlayText } from './outlay-text.js';

/**
 * Where a list joins its items; folded text, so "og" covers "og"/"Og". A comma inside an amount
 * ("49,90", "289,-") joins nothing; a line break and a heading's colon do.
 */
const JOINS = /\s*(?:(?<!\d),|,(?![\d-])|[;+\n]|:\s|\s(?:og|and|pluss|plus|samt|&)\s)\s*/giu;
/** "- taxi 200", "• lunsj 150", "1) hotell": a bullet or a number in front of a line. */
const BULLET = /^(?:[-*•·–]|\d{1,2}[.)])\s+/u;
/** More would be a receipt pasted as text, not a sentence: leave it to the single reading. */
const MAX_ITEMS = 6;

/** Words of a part that only joins the list or says the day ("alt frå tysdag", "utlegg fra fredag:"). */
const JOINING_WORDS = new Set(
  (
    'ja jo yes ok okay og and also ogsa plus alt all alle everything both begge utlegg utlegga ' +
    'utleggene utleggi expenses expense outlays fra from on pa i in the de dei disse these her ' +
    'here are er var was were mine my kvitteringer kvitteringar receipts ' +
    // A heading that counts or says where they come from: "two things from today", "kvitteringar
    // frå turen", "3 ting fra reisen".
    'to two tre three fire four fem five seks six ting things items stuff poster turen ' +
    'trip reisen reisa travel tur'
  ).split(' '),
);

/** The day a joining part gives, `{}` when it gives none, undefined when the part says more. */
function joiningPart(part: string, today: number | undefined): { date?: string } | undefined {
  const folded = foldInPlace(part);
  const date = today === undefined ? undefined : findDate(folded, today);
  const rest = date ? blank(folded, date.start, date.end) : folded;
  const words = rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((w) => !JOINING_WORDS.has(w) && !/^[1-6]$/u.test(w))) return undefined;
  return date ? { date: isoOf(date.day) } : {};
}

/** "Utlegg fra Trondheim-turen:" before the lines: a heading of words only, whatever they are. */
const HEADING = /^([^:\n\d]{1,60}):\s/u;

function headingPart(part: string, today: number | undefined): { date?: string } {
  const date = today === undefined ? undefined : findDate(foldInPlace(part), today);
  return date ? { date: isoOf(date.day) } : {};
}

/** A figure alone, or with its currency ("24", "19 kr", "NOK 30"): an item of a list of amounts. */
const AMOUNT_ONLY =
  /^(?:(?:kr|nok|sek|eur|usd)\.?\s*)?\d{1,6}(?:[.,]\d{1,2})?(?:\s*(?:kr|kroner|nok|sek|eur|usd|,-))?$/iu;
const BARE_FIGURE = /^\d{1,6}(?:[.,]\d{1,2})?$/u;

/** "29" in "29, 24 og 19 kr": a bare figure takes the currency the list closes with. */
function amountsOnly(part: string, closing: OutlayGuess | undefined): OutlayGuess | undefined {
  if (!BARE_FIGURE.test(part) || closing?.currency === undefined) return undefined;
  const amountMinor = parseMoney(part);
  return amountMinor === undefined ? undefined : { amountMinor, currency: closing.currency };
}

/**
 * "klassetur i dag: buss 1 450 kr og museumsbilletter 960 kr": under a heading naming the
 * occasion, an item named by words of no known kind, with its amount, is an other expense.
 */
function occasionItem(part: string, heading: string | undefined): 'other' | undefined {
  if (heading === undefined || AMOUNT_ONLY.test(part)) return undefined;
  return /^\p{L}[\p{L}\s-]{2,40}\s(?:(?:kr|nok|sek|eur|usd)\.?\s*)?\d/u.test(part)
    ? 'other'
    : undefined;
}

export function readSeveralOutlays(text: string, today: string): OutlayGuess[] | undefined {
  if (text.trim().endsWith('?')) return undefined;
  // "Oslo board meeting receipts, Thursday: …": the heading is one part, whatever commas it holds.
  const headed = HEADING.exec(text.trim());
  const heading = headed?.[1]?.trim();
  const listed = headed ? text.trim().slice(headed[0].length) : text;
  const parts = [...(heading ? [heading] : []), ...listed.split(JOINS)]
    .map((p) => p.trim().replace(BULLET, '').replace(/:$/u, '').trim())
    .filter(Boolean);
  if (parts.length < 2 || parts.length > MAX_ITEMS * 2) return undefined;
  const todayDay = parseIsoDay(today);
  // "bompasseringer i dag: Lier 29 kr, Drammen 24 kr": a heading naming the kind gives it to every
  // item that only says where and how much.
  const headingKind = heading === undefined ? undefined : parseOutlayText(heading, today)?.kind;
  const closing = parseOutlayText(parts[parts.length - 1] ?? '', today);
  const items: OutlayGuess[] = [];
  let said: string | undefined;
  // Whether the item before had its currency said ("29 kr") or was a bare figure of the list.
  let lastMarked = false;
  for (const part of parts) {
    const read = amountsOnly(part, closing) ?? parseOutlayText(part, today);
    // "bom 29, 24 og 19 kr", "taxi 250 kr og 180 kr": an amount alone is one more of the kind
    // before; after a figure without a currency ("bom på Rv 555, 37 kr") it is that item's amount.
    const more = AMOUNT_ONLY.test(part) && (BARE_FIGURE.test(part) || lastMarked);
    const kind =
      part === heading || read?.kind !== undefined
        ? undefined
        : (headingKind ??
          (more ? items[items.length - 1]?.kind : undefined) ??
          occasionItem(part, heading));
    lastMarked = read?.currency !== undefined;
    const kinded = read && kind ? { ...read, kind } : read;
    // "bom 29, 24 og 19 kr": the currency said last is every figure's.
    const guess =
      kinded?.amountMinor !== undefined && !kinded.currency && closing?.currency
        ? { ...kinded, currency: closing.currency }
        : kinded;
    if (guess?.kind !== undefined && guess.amountMinor !== undefined) {
      items.push(guess);
      continue;
    }
    const joining = part === heading ? headingPart(part, todayDay) : joiningPart(part, todayDay);
    if (!joining) return undefined;
    said ??= joining.date;
  }
  if (items.length < 2 || items.length > MAX_ITEMS) return undefined;
  // The day said once, in a part of its own or in an item, dates every item that named none.
  const shared = said ?? items.find((g) => g.date !== undefined)?.date;
  return items.map((g) => (shared && !g.date ? { ...g, date: shared } : g));
}
