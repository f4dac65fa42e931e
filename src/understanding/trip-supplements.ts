/**
 * The supplements of a car trip, paid per km on top of the rate: km on a forest or construction
 * road ("6 km av det var anleggsvei", "the last 12 km on a logging road") and km with a trailer
 * ("med tilhenger", "trailer for the last 30 km"). A figure close to the word is that supplement's
 * own km; the word with the trip's only figure, or with none, means the whole trip.
 */
import type { Span } from '../text/typed-date.js';

export type SupplementKind = 'forestRoadKm' | 'trailerKm';

export interface Supplement {
  kind: SupplementKind;
  /** The supplement's own km; undefined for the whole trip. */
  km?: number;
  /** Where its own figure stands, so it is not read as the trip's distance. */
  span?: Span;
}

const WORDS: ReadonlyArray<{ kind: SupplementKind; re: RegExp; wholeWithoutFigure: boolean }> = [
  {
    kind: 'forestRoadKm',
    re: /\b(?:skogsbilv(?:ei|eg)\w*|skogsv(?:ei|eg)\w*|anleggsv(?:ei|eg)\w*|(?:forest|logging|construction)\s+roads?)\b/gu,
    // "delvis anleggsvei" says no length: the user must say how far.
    wholeWithoutFigure: false,
  },
  {
    kind: 'trailerKm',
    re: /\b(?:tilheng(?:er|ar)\w*|hengeren|hengaren|trailer|campingvogn\w*|caravan)\b/gu,
    wholeWithoutFigure: true,
  },
];

/** A distance, or a bare figure that counts part of the trip ("6 av det", "12 of them"). */
const FIGURE =
  /(?<![\d.,])(\d{1,4}(?:[.,]\d{1,2})?)(?:(\s*(?:km|kilometer|kilometre|kilometers|kilometres)\b)|(?=\s+(?:av|of)\b))/gu;
/** How far a figure may stand from the word, with nothing but words between. */
const NEAR = 30;

interface Figure extends Span {
  km: number;
  unit: boolean;
}

function figures(folded: string): Figure[] {
  return [...folded.matchAll(FIGURE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    km: Number((m[1] ?? '').replace(',', '.')),
    unit: Boolean(m[2]),
  }));
}

/** Only words between: no figure, and no full stop that ends one sentence and starts another. */
const quiet = (between: string) => between.length <= NEAR && !/[\d.;!?]/u.test(between);

/** The figures close to the word, nearest first. */
function near(folded: string, word: Span, all: Figure[]): Figure[] {
  const close: Array<{ figure: Figure; gap: number }> = [];
  for (const figure of all) {
    if (figure.start < word.end && figure.end > word.start) continue;
    const between =
      figure.end <= word.start
        ? folded.slice(figure.end, word.start)
        : folded.slice(word.end, figure.start);
    if (quiet(between)) close.push({ figure, gap: between.length });
  }
  return close.sort((x, y) => x.gap - y.gap).map((c) => c.figure);
}

/**
 * `afterTheTrip`: the trip's km are already known, so every figure near the word is the
 * supplement's; otherwise the longest distance in the message is the trip's own.
 */
export function findSupplements(folded: string, afterTheTrip = false): Supplement[] {
  const all = figures(folded);
  const longest = afterTheTrip
    ? Infinity
    : Math.max(0, ...all.filter((f) => f.unit).map((f) => f.km));
  const found: Supplement[] = [];
  for (const { kind, re, wholeWithoutFigure } of WORDS) {
    const words = [...folded.matchAll(re)];
    const close = words.flatMap((m) =>
      near(folded, { start: m.index, end: m.index + m[0].length }, all),
    );
    const part = close.find((f) => !f.unit || f.km < longest);
    if (part) found.push({ kind, km: part.km, span: { start: part.start, end: part.end } });
    else if (close.length || (wholeWithoutFigure && words.length)) found.push({ kind });
  }
  return found;
}
