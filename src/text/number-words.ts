/**
 * Amounts written in words ("tre hundre kroner", "to tusen fem hundre kr", "fifty euros"), in
 * bokmål, nynorsk and English, turned into figures, and kroner with øre ("45 kr og 50 øre") into
 * one figure. Only a run of number words standing right
 * before a currency marker is read, so "to" (English) or "en" (Norwegian "a") elsewhere in a
 * sentence stays a word.
 */
import { foldInPlace } from './fold.js';

const SMALL: Readonly<Record<string, number>> = {
  en: 1,
  ett: 1,
  ei: 1,
  ein: 1,
  eitt: 1,
  one: 1,
  a: 1,
  to: 2,
  two: 2,
  tre: 3,
  three: 3,
  fire: 4,
  four: 4,
  fem: 5,
  five: 5,
  seks: 6,
  six: 6,
  sju: 7,
  syv: 7,
  seven: 7,
  atte: 8,
  eight: 8,
  ni: 9,
  nine: 9,
  ti: 10,
  ten: 10,
  elleve: 11,
  eleven: 11,
  tolv: 12,
  twelve: 12,
  tretten: 13,
  thirteen: 13,
  fjorten: 14,
  fourteen: 14,
  femten: 15,
  fifteen: 15,
  seksten: 16,
  sixteen: 16,
  sytten: 17,
  seventeen: 17,
  atten: 18,
  eighteen: 18,
  nitten: 19,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  tjue: 20,
  tyve: 20,
  twenty: 20,
  tretti: 30,
  tredve: 30,
  thirty: 30,
  forti: 40,
  forty: 40,
  femti: 50,
  fifty: 50,
  seksti: 60,
  sixty: 60,
  sytti: 70,
  seventy: 70,
  atti: 80,
  eighty: 80,
  nitti: 90,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  hundre: 100,
  hundred: 100,
  tusen: 1000,
  thousand: 1000,
};
const JOINERS = new Set(['og', 'and']);

/** The value of one word: "tre", "tjuefem", "twenty-five" (folded); undefined if not a number word. */
function wordValue(word: string): number | undefined {
  if (word in SMALL) return SMALL[word];
  if (word in TENS) return TENS[word];
  for (const [ten, value] of Object.entries(TENS)) {
    if (!word.startsWith(ten)) continue;
    const unit = SMALL[word.slice(ten.length).replace(/^-/, '')];
    if (unit !== undefined && unit < 10) return value + unit;
  }
  return undefined;
}

/** The value of a run of number words, or undefined when it is not one. */
export function numberFromWords(words: readonly string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (JOINERS.has(w)) continue;
    const scale = SCALES[w];
    if (scale === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (scale === 100) current = (current || 1) * 100;
    else {
      const v = wordValue(w);
      if (v === undefined) return undefined;
      current += v;
    }
    seen = true;
  }
  return seen ? total + current : undefined;
}

const MARKER =
  /^\s*(?:kroner|kronar|krone|kr\.?|nok|euros?|eur|dollars?|usd|pounds?|gbp|sek|dkk)(?![\p{L}])/u;

/** "45 kr og 50 øre", "12 kroner 50 øre": kroner and øre as one figure ("45,50 kr"). */
const KRONER_AND_ORE =
  /(?<![\p{N}.,])(\d{1,6})\s*(kr\.?|kroner|kronar)\s*(?:og\s+|and\s+|,\s*)?(\d{1,2})\s*ore(?![\p{L}])/gu;

function kronerAndOre(text: string): string {
  const folded = foldInPlace(text);
  let out = '';
  let at = 0;
  for (const m of folded.matchAll(KRONER_AND_ORE)) {
    out += `${text.slice(at, m.index)}${m[1]},${(m[3] ?? '').padStart(2, '0')} kr`;
    at = m.index + m[0].length;
  }
  return out + text.slice(at);
}

/** "NOK85", "kr120": a currency code glued to its figure, parted so the figure reads as one. */
const GLUED_MARKER = /(?<![\p{L}])(nok|sek|dkk|eur|usd|gbp|kr)(?=\d)/giu;

/** "1k", "1,2k", "2.5k": thousands in short, written out ("1200"). */
const THOUSANDS_SHORT = /(?<![\p{L}\p{N}.,])(\d{1,3})(?:[.,](\d{1,2}))?\s?k(?![\p{L}\p{N}])/giu;
/** "en tusenlapp", "to hundrelapper": banknotes, as kroner. */
const NOTES =
  /(?<![\p{L}])(?:(en|ein|ei|to|tre|fire|fem|\d)\s+)?(tusen|femhundre|hundre|to\s?hundre|femti)-?lapp(?:en|ar|er|ane|ene)?(?![\p{L}])/giu;
const NOTE_VALUE: Readonly<Record<string, number>> = {
  tusen: 1000,
  femhundre: 500,
  tohundre: 200,
  hundre: 100,
  femti: 50,
};

function shorthandToFigures(typed: string): string {
  return typed
    .replace(THOUSANDS_SHORT, (_, whole: string, part?: string) =>
      String(Number(whole) * 1000 + Number((part ?? '').padEnd(3, '0'))),
    )
    .replace(NOTES, (_, count: string | undefined, note: string) => {
      const n = count
        ? /\d/.test(count)
          ? Number(count)
          : (SMALL[foldInPlace(count.toLowerCase())] ?? 1)
        : 1;
      return `${n * (NOTE_VALUE[note.toLowerCase().replace(/\s/g, '')] ?? 0)} kr`;
    });
}

/** The text with every amount in words before a currency marker written as a figure. */
export function amountWordsToFigures(typed: string): string {
  const glued = shorthandToFigures(typed.replace(GLUED_MARKER, '$1 '));
  return wordsToFigures(kronerAndOre(glued), MARKER);
}

const DISTANCE_MARKER = /^\s*(?:km|kilometer|kilometre|kilometers|kilometres|mil)(?![\p{L}])/u;

/** "sekstifire kilometer", "tjue km", "forty kilometres": a distance in words as a figure. */
export function distanceWordsToFigures(typed: string): string {
  return wordsToFigures(typed, DISTANCE_MARKER);
}

/** Every run of number words right before `marker` written as a figure. */
function wordsToFigures(text: string, marker: RegExp): string {
  const folded = foldInPlace(text);
  const words = [...folded.matchAll(/[\p{L}-]+/gu)];
  let out = text;
  // From the end, so earlier positions stay valid as the text changes.
  for (let end = words.length - 1; end >= 0; end--) {
    const last = words[end] as RegExpMatchArray;
    const after = folded.slice((last.index ?? 0) + last[0].length);
    if (!marker.test(after)) continue;
    let start = end;
    while (
      start > 0 &&
      numberFromWords(words.slice(start - 1, end + 1).map((w) => w[0])) !== undefined
    )
      start--;
    const value = numberFromWords(words.slice(start, end + 1).map((w) => w[0]));
    if (value === undefined || value === 0) continue;
    const from = (words[start] as RegExpMatchArray).index ?? 0;
    out = out.slice(0, from) + String(value) + out.slice((last.index ?? 0) + last[0].length);
    end = start;
  }
  return out;
}
