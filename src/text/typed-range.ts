/**
 * Date ranges as people type them: "12.–14. mars", "3-5 November", "frå 3. til 5. november",
 * "30. okt – 2. nov", "November 3–5", "3.11–5.11". Works on folded text (see fold.ts), with plain
 * hyphens for every dash. A range is a span of days, never an amount: the free-text readers blank
 * it before looking for figures.
 */
import {
  ANY_WEEKDAY_SRC,
  LAST_WEEK,
  MONTH_SRC,
  MONTHS,
  WEEKDAYS,
  WEEKDAY_ABBREVIATIONS,
  WEEKDAY_SRC,
  dayOf,
  isoOf,
  lastWeekday,
  recentDay,
  weekdayLastWeek,
  type Span,
} from './typed-date.js';

export interface DateRange extends Span {
  from: string;
  to: string;
}

const D = '(\\d{1,2})(?:st|nd|rd|th)?\\.?';
const M = `(${MONTH_SRC})\\.?`;
/** "Mon 30 Nov to Wed 2 Dec", "fredag 4. til søndag 6.": a weekday beside its day adds nothing. */
const WD = `(?:(?:${ANY_WEEKDAY_SRC})\\.?,?\\s+(?:(?:den|the)\\s+)?)?`;
const TO = `\\s*(?:-+|til|to|until|till)\\s*${WD}`;
const FROM = `(?:(?:fra|from)\\s+)?${WD}`;
const YEAR = '(?:,?\\s*((?:19|20)\\d{2}))?';

type Parts = { d1: number; m1: number; d2: number; m2: number; year?: number };

interface RangePattern {
  src: string;
  parts: (m: RegExpExecArray) => Parts;
}

const n = (m: RegExpExecArray, i: number) => Number(m[i]);
const month = (m: RegExpExecArray, i: number) => MONTHS[m[i] ?? ''] ?? 0;
const year = (m: RegExpExecArray, i: number) => (m[i] ? Number(m[i]) : undefined);

/** Longest shapes first: a range naming both months before one naming the month once. */
const RANGE_PATTERNS: readonly RangePattern[] = [
  {
    src: `${FROM}${D}\\s*${M}${TO}${D}\\s*${M}${YEAR}`,
    parts: (m) => ({
      d1: n(m, 1),
      m1: month(m, 2),
      d2: n(m, 3),
      m2: month(m, 4),
      year: year(m, 5),
    }),
  },
  {
    src: `${FROM}${D}${TO}${D}\\s*(?:of\\s+)?${M}${YEAR}`,
    parts: (m) => ({
      d1: n(m, 1),
      m1: month(m, 3),
      d2: n(m, 2),
      m2: month(m, 3),
      year: year(m, 4),
    }),
  },
  {
    src: `${FROM}${M}\\s+${D}${TO}${D}${YEAR}`,
    parts: (m) => ({
      d1: n(m, 2),
      m1: month(m, 1),
      d2: n(m, 3),
      m2: month(m, 1),
      year: year(m, 4),
    }),
  },
  {
    // "Nov 30 - Dec 2": each day after its month.
    src: `${FROM}${M}\\s+${D}${TO}${M}\\s+${D}${YEAR}`,
    parts: (m) => ({
      d1: n(m, 2),
      m1: month(m, 1),
      d2: n(m, 4),
      m2: month(m, 3),
      year: year(m, 5),
    }),
  },
  {
    // "14.-16.12": two days, the month written once, as figures.
    src: `${FROM}(\\d{1,2})\\.?${TO}(\\d{1,2})[./](\\d{1,2})\\.?(?![./]?\\d)`,
    parts: (m) => ({ d1: n(m, 1), m1: n(m, 3), d2: n(m, 2), m2: n(m, 3) }),
  },
  {
    src: `${FROM}(\\d{1,2})[./](\\d{1,2})\\.?${TO}(\\d{1,2})[./](\\d{1,2})\\.?`,
    parts: (m) => ({ d1: n(m, 1), m1: n(m, 2), d2: n(m, 3), m2: n(m, 4) }),
  },
];

const IN_TEXT = RANGE_PATTERNS.map((p) => ({
  re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${p.src})(?![\\p{L}\\p{N}])`, 'gu'),
  parts: p.parts,
}));

/** First and last day: the most recent start (a claim comes after the trip), the end after it. */
function resolve(p: Parts, today: number): { from: number; to: number } | undefined {
  const from =
    p.year !== undefined
      ? dayOf(p.year, p.m1, p.d1)
      : recentDay(p.m1, p.d1, today + 60 /* a trip about to start */);
  if (from === undefined) return undefined;
  const startYear = new Date(from * 86_400_000).getUTCFullYear();
  let to = dayOf(startYear, p.m2, p.d2);
  if (to !== undefined && to < from) to = dayOf(startYear + 1, p.m2, p.d2);
  if (to === undefined || to < from || to - from > 90) return undefined;
  return { from, to };
}

const WEEKDAY_NAMES: Record<string, number> = { ...WEEKDAYS, ...WEEKDAY_ABBREVIATIONS };
/** A weekday joined to another: by a dash or "til" for full or short names ("Mon-Wed", "man–ons"). */
const WEEKDAY_TO = String.raw`\s*(?:-+|til|to|until|till)\s*`;
/** … and by "og"/"and" for full names only ("tirsdag og onsdag"; "fri og" is too often a word). */
const FULL_WEEKDAY_AND = `(${WEEKDAY_SRC})\\s+(?:og|and|&)\\s+(${WEEKDAY_SRC})`;
const ANY_DAY = `(${ANY_WEEKDAY_SRC})\\.?`;

/**
 * Weekdays: "mandag til onsdag", "frå måndag til onsdag", "Monday-Wednesday", "Mon-Wed",
 * "tirsdag og onsdag", each optionally with "last week" before or after ("forrige uke, tirsdag
 * til torsdag").
 */
const WEEKDAY_RANGE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${LAST_WEEK})[\\s,]+)?${FROM}(?:(?:pa|on)\\s+)?(?:${ANY_DAY}${WEEKDAY_TO}${ANY_DAY}|${FULL_WEEKDAY_AND})(?:[\\s,]+(?:i\\s+)?(${LAST_WEEK}))?(?![\\p{L}\\p{N}])`,
  'gu',
);

/**
 * A span of weekdays ends on the last such day up to today (a claim comes after the trip); with
 * "last week" it lies in the week before this one.
 */
function weekdayRange(m: RegExpExecArray, today: number): { from: number; to: number } {
  const first = WEEKDAY_NAMES[m[2] ?? m[4] ?? ''] ?? 0;
  const last = WEEKDAY_NAMES[m[3] ?? m[5] ?? ''] ?? 0;
  return daysOfWeek(first, last, Boolean(m[1] || m[6]), today);
}

function daysOfWeek(first: number, last: number, lastWeek: boolean, today: number) {
  const length = (last - first + 7) % 7;
  let to: number;
  if (lastWeek) {
    to = weekdayLastWeek(first, today) + length;
  } else {
    const todayWeekday = new Date(today * 86_400_000).getUTCDay();
    to = todayWeekday === last ? today : lastWeekday(last, today);
  }
  return { from: to - length, to };
}

/** "hele uka", "heile veka", "all week", "hele forrige uke": Monday to Friday of that week. */
const WHOLE_WEEK = new RegExp(
  `(?<![\\p{L}])(?:(?:hele|heile|all|the\\s+whole|whole)\\s+(?:(?:denne|this)\\s+)?(?:uka|uken|veka|veke|week)|(?:hele|heile|all|the\\s+whole)\\s+(${LAST_WEEK}))(?![\\p{L}])`,
  'u',
);

function wholeWeek(folded: string, today: number): DateRange | undefined {
  const m = WHOLE_WEEK.exec(folded);
  if (!m) return undefined;
  const monday = weekdayLastWeek(1, today) + (m[1] ? 0 : 7);
  // A week not yet over ends today.
  const to = Math.min(monday + 4, today);
  return { start: m.index, end: m.index + m[0].length, from: isoOf(monday), to: isoOf(to) };
}

/** The leftmost date range in folded text, with its span. */
export function findDateRange(folded: string, today: number): DateRange | undefined {
  let best: DateRange | undefined = wholeWeek(folded, today);
  WEEKDAY_RANGE.lastIndex = 0;
  for (let m = WEEKDAY_RANGE.exec(folded); m; m = WEEKDAY_RANGE.exec(folded)) {
    const days = weekdayRange(m, today);
    const start = m.index;
    if (!best || start < best.start)
      best = { start, end: start + m[0].length, from: isoOf(days.from), to: isoOf(days.to) };
  }
  for (const { re, parts } of IN_TEXT) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const days = resolve(parts(m), today);
      if (!days) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (!best || start < best.start || (start === best.start && end > best.end))
        best = { start, end, from: isoOf(days.from), to: isoOf(days.to) };
    }
  }
  return best;
}
