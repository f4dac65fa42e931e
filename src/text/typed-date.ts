/**
 * Dates as people type them in a chat, in bokmål, nynorsk and English: "24.11", "24/11-26",
 * "2026-11-24", "24. november", "i går", "på mandag". Days are counted in UTC day numbers, so no
 * clock or time zone enters; the caller hands in today.
 */
import { foldInPlace, normaliseTypography } from './fold.js';
import { numberFromWords } from './number-words.js';
import { ORDINAL_DAYS, ORDINAL_DAY_SRC } from './ordinal-words.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC), or undefined for a date that does not exist (31.02). */
export function dayOf(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31)
    return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function parseIsoDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * A day and month without a year: the most recent such date, allowing up to tomorrow (the user's
 * "today" may already be tomorrow where they travel). So "24.12" written on 3 January is last
 * Christmas Eve, and "01.01" written on New Year's Eve is tomorrow.
 */
export function recentDay(month: number, day: number, today: number): number | undefined {
  const year = new Date(today * DAY_MS).getUTCFullYear();
  for (const y of [year + 1, year, year - 1]) {
    const candidate = dayOf(y, month, day);
    if (candidate !== undefined && candidate <= today + 1) return candidate;
  }
  return undefined;
}

/** "24.11.26": this century; a claim for 1926 is not a case worth supporting. */
function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

export const MONTHS: Record<string, number> = {
  januar: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12,
};

/** getUTCDay numbering; folded spellings, so "måndag", "lørdag" and "søndag" are covered. */
export const WEEKDAYS: Record<string, number> = {
  sondag: 0,
  sundag: 0,
  sunday: 0,
  mandag: 1,
  monday: 1,
  tirsdag: 2,
  tysdag: 2,
  tuesday: 2,
  onsdag: 3,
  wednesday: 3,
  torsdag: 4,
  thursday: 4,
  fredag: 5,
  friday: 5,
  lordag: 6,
  laurdag: 6,
  saturday: 6,
};

/**
 * Short weekday names ("ons", "fre", "Thu"). Several are words too ("man", "fri", "sat", "sun",
 * "tor"), so those are read only after "på"/"on"/"sist"/"last"/"forrige" or at the end of a
 * message after a comma or an amount ("ferge 210 kr, ons", "taxi 540nok fri"; an amount already
 * read is blanked to spaces).
 */
export const WEEKDAY_ABBREVIATIONS: Record<string, number> = {
  son: 0,
  sun: 0,
  man: 1,
  mon: 1,
  tir: 2,
  tirs: 2,
  tys: 2,
  tue: 2,
  tues: 2,
  ons: 3,
  wed: 3,
  tor: 4,
  tors: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  fre: 5,
  fri: 5,
  lor: 6,
  laur: 6,
  sat: 6,
};

/** Longest first, so "mars" is not read as "mar" + "s". */
const alternation = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');
export const MONTH_SRC = alternation(MONTHS);
export const WEEKDAY_SRC = alternation(WEEKDAYS);
const WEEKDAY_ABBR_SRC = alternation(WEEKDAY_ABBREVIATIONS);
/** The short names that are no other word, read anywhere ("lunch w/ client thu 380kr"). */
/** Any weekday name, full or short: before a day of the month ("Mon 30 Nov", "fre. 4.") it is one. */
export const ANY_WEEKDAY_SRC = alternation({ ...WEEKDAYS, ...WEEKDAY_ABBREVIATIONS });
const UNAMBIGUOUS_ABBR_SRC = 'thurs|thur|tues|tirs|tors|laur|thu|tue|wed|ons|fre|mon';
/** English ordinals, and the Norwegian hand's "1ste", "3dje", "7ende", "30te". */
const ORDINAL = '(?:ste|dre|dje|ende|st|nd|rd|th|de|te)?';
/** Only this and last century: a bare "2000" next to a month is more likely a year than "1290". */
const YEAR4 = '((?:19|20)\\d{2})';

/** The most recent such weekday before today: an expense on "fredag" is never a future one. */
export function lastWeekday(weekday: number, today: number): number {
  const todayWeekday = new Date(today * DAY_MS).getUTCDay();
  return today - ((todayWeekday - weekday + 7) % 7 || 7);
}

/** "forrige uke", "førre veke", "last week": the Monday-based week before this one. */
export const LAST_WEEK = '(?:forrige|forre|sist|siste|last)\\s+(?:uke|uka|veke|veka|week)';

/** That weekday (0 = Sunday) in the week before today's, weeks starting on Monday as in Norway. */
export function weekdayLastWeek(weekday: number, today: number): number {
  const sinceMonday = (new Date(today * DAY_MS).getUTCDay() + 6) % 7;
  return today - sinceMonday - 7 + ((weekday + 6) % 7);
}

interface DatePattern {
  /** Folded text, groups as `resolve` expects them. */
  src: string;
  resolve: (m: RegExpExecArray, today: number) => number | undefined;
}

const num = (m: RegExpExecArray, i: number) => Number(m[i]);
const daysBack =
  (n: number): DatePattern['resolve'] =>
  (_m, today) =>
    today - n;

/** "den 3.", "the 3rd": a day of this month, or of the last one when that day is still to come. */
function recentDayOfMonth(day: number, today: number): number | undefined {
  const date = new Date(today * DAY_MS);
  for (let back = 0; back <= 2; back++) {
    const at = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - back, 1));
    const candidate = dayOf(at.getUTCFullYear(), at.getUTCMonth() + 1, day);
    if (candidate !== undefined && candidate <= today + 1) return candidate;
  }
  return undefined;
}

const NAMED_DAYS: ReadonlyArray<[RegExp, [number, number]]> = [
  [/^(?:nyttarsaft|nyttarskveld|new\s+year'?s\s+eve)/, [12, 31]],
  [/^(?:julaft|julekveld|christmas\s+eve)/, [12, 24]],
  [/^(?:(?:forste|fyrste|1\.)\s+juledag|christmas(?:\s+day)?$)/, [12, 25]],
  [/^(?:andre|2\.)\s+juledag|^boxing\s+day/, [12, 26]],
  [/^(?:nyttarsdag|new\s+year'?s(?:\s+day)?$)/, [1, 1]],
];
const NAMED_DAY_SRC =
  "nyttarsaft(?:en|a)?|nyttarskvelden?|new\\s+year'?s\\s+eve|julaft(?:en|a)?|julekvelden?|christmas\\s+eve|(?:forste|fyrste|andre|[12]\\.)\\s+juledag|christmas\\s+day|boxing\\s+day|nyttarsdag|new\\s+year'?s\\s+day";

function namedDay(text: string): [number, number] {
  return NAMED_DAYS.find(([re]) => re.test(text))?.[1] ?? [0, 0];
}

/** Not followed by a month name, which would make the day part of a longer date. */
const NO_MONTH_AFTER = `(?!\\s*(?:of\\s+)?(?:${MONTH_SRC})(?![a-z]))`;

/** Dates that name their day: these win over a weekday said beside them ("fredag 27.11"). */
const EXPLICIT_PATTERNS: readonly DatePattern[] = [
  { src: '(\\d{4})-(\\d{1,2})-(\\d{1,2})', resolve: (m) => dayOf(num(m, 1), num(m, 2), num(m, 3)) },
  {
    // The same separator twice, so "24.11-26" is not a date.
    src: '(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})',
    resolve: (m) => dayOf(fullYear(m[4] ?? ''), num(m, 3), num(m, 1)),
  },
  {
    // "24/11-26": the Norwegian hand's day/month-year.
    src: '(\\d{1,2})/(\\d{1,2})-(\\d{4}|\\d{2})(?![\\d/.])',
    resolve: (m) => dayOf(fullYear(m[3] ?? ''), num(m, 2), num(m, 1)),
  },
  {
    src: `(\\d{1,2})${ORDINAL}\\.?\\s*(?:of\\s+)?(${MONTH_SRC})\\.?(?:,?\\s*${YEAR4})?`,
    resolve: (m, today) => {
      const month = MONTHS[m[2] ?? ''] ?? 0;
      return m[3] ? dayOf(num(m, 3), month, num(m, 1)) : recentDay(month, num(m, 1), today);
    },
  },
  {
    src: `(${MONTH_SRC})\\.?\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+${YEAR4})?`,
    resolve: (m, today) => {
      const month = MONTHS[m[1] ?? ''] ?? 0;
      return m[3] ? dayOf(num(m, 3), month, num(m, 2)) : recentDay(month, num(m, 2), today);
    },
  },
  {
    // "tredje desember", "the twenty-first of May", "desember den tredje".
    src: `(?:den\\s+|the\\s+)?(${ORDINAL_DAY_SRC})\\s+(?:of\\s+)?(${MONTH_SRC})\\.?|(${MONTH_SRC})\\.?\\s+(?:den\\s+|the\\s+)?(${ORDINAL_DAY_SRC})`,
    resolve: (m, today) =>
      recentDay(
        MONTHS[m[2] ?? m[3] ?? ''] ?? 0,
        ORDINAL_DAYS[(m[1] ?? m[4] ?? '').replace(/\\s+/g, ' ')] ?? 0,
        today,
      ),
  },
  {
    // "siste dagen i november", "den fyrste dagen i mars", "the last day of May", "ultimo juni".
    src: `(?:(?:den|the)\\s+)?(siste|last|forste|fyrste|first)\\s+(?:dag|dagen|day)\\s+(?:i|av|of|in)\\s+(${MONTH_SRC})|(ultimo|primo)\\s+(${MONTH_SRC})`,
    resolve: (m, today) => {
      const month = MONTHS[m[2] ?? m[4] ?? ''] ?? 0;
      if (/^(?:forste|fyrste|first|primo)$/.test(m[1] ?? m[3] ?? ''))
        return recentDay(month, 1, today);
      // The month's own length: the first of 31, 30, 29 and 28 that is a day of it.
      for (const day of [31, 30, 29, 28]) {
        const found = recentDay(month, day, today);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  },
  {
    // Named days of the year: "nyttårsaften", "julaften", "første juledag", "Christmas Eve".
    src: NAMED_DAY_SRC,
    resolve: (m, today) => {
      const [month, day] = namedDay(m[0]);
      return recentDay(month, day, today);
    },
  },
  {
    src: '(\\d{1,2})[./](\\d{1,2})\\.?',
    resolve: (m, today) => recentDay(num(m, 2), num(m, 1), today),
  },
  {
    // "den 3." (a figure glued after the dot is "3.12", another date) and "the 3rd".
    src: `(?:den\\s+(\\d{1,2})\\.(?!\\d)|the\\s+(\\d{1,2})(?:st|nd|rd|th))${NO_MONTH_AFTER}`,
    resolve: (m, today) => recentDayOfMonth(Number(m[1] ?? m[2]), today),
  },
];

/** A weekday before a date ("fredag 27. november", "Tue 1 Dec"): the date says which one. */
const WEEKDAY_BEFORE = `(?:(?:pa|on)\\s+)?(?:${WEEKDAY_SRC}|${WEEKDAY_ABBR_SRC})\\.?,?\\s+(?:den\\s+|the\\s+)?`;

const DATE_PATTERNS: readonly DatePattern[] = [
  ...EXPLICIT_PATTERNS,
  ...EXPLICIT_PATTERNS.map((p) => ({ src: WEEKDAY_BEFORE + p.src, resolve: p.resolve })),
  { src: 'i\\s*dag|today', resolve: daysBack(0) },
  // "i gaar" and "i forgaars": "aa" for "å" where the keyboard has none; "forrigårs" misspelt.
  { src: 'i\\s*gaa?r|yesterday|yday|ystd|yest|last\\s+night', resolve: daysBack(1) },
  // "for 2 dager siden", "to dagar sidan", "3 days ago".
  {
    src: '(?:for\\s+)?(\\d{1,2}|[a-z]{2,5})\\s+(?:dag|dager|dagar|days?)\\s+(?:siden|sidan|ago)',
    resolve: (m, today) => {
      const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : numberFromWords([m[1] ?? '']);
      return n === undefined || n > 31 ? undefined : today - n;
    },
  },
  {
    src: 'i\\s*forr?i?gaa?rs|(?:the\\s+)?day\\s+before\\s+yesterday',
    resolve: daysBack(2),
  },
  // nynorsk "i fyrregårs", bokmål "i forforgårs".
  { src: 'i\\s*(?:fyrregars|forforgars)', resolve: daysBack(3) },
  // "i fredags" is how Norwegians say "last Friday".
  {
    src: `i\\s+(${WEEKDAY_SRC})s`,
    resolve: (m, today) => lastWeekday(WEEKDAYS[m[1] ?? ''] ?? 0, today),
  },
  // "tirsdag i forrige uke", "forrige uke tirsdag", "Tuesday last week".
  {
    src: `(?:${LAST_WEEK}[\\s,]+(?:(?:pa|on)\\s+)?(${WEEKDAY_SRC})|(?:(?:pa|on)\\s+)?(${WEEKDAY_SRC})[\\s,]+(?:(?:i|in)\\s+)?${LAST_WEEK})`,
    resolve: (m, today) => weekdayLastWeek(WEEKDAYS[m[1] ?? m[2] ?? ''] ?? 0, today),
  },
  {
    src: `(?:(?:pa|sist|siste|forrige|forre|last|on)\\s+)?(${WEEKDAY_SRC})`,
    resolve: (m, today) => lastWeekday(WEEKDAYS[m[1] ?? ''] ?? 0, today),
  },
  {
    src: `(?:(?:pa|sist|siste|forrige|forre|last|on)\\s+(${WEEKDAY_ABBR_SRC})\\.?|(?<=(?:,|\\d|kr|nok|sek|eur|usd|-)\\.?\\s*|\\s{3})(${WEEKDAY_ABBR_SRC})\\.?\\s*$|(${UNAMBIGUOUS_ABBR_SRC})\\.?)`,
    resolve: (m, today) =>
      lastWeekday(WEEKDAY_ABBREVIATIONS[m[1] ?? m[2] ?? m[3] ?? ''] ?? 0, today),
  },
];

const WHOLE_DATE = DATE_PATTERNS.map((p) => ({
  re: new RegExp(`^(?:${p.src})$`, 'u'),
  resolve: p.resolve,
}));
/**
 * Inside a sentence: not glued to letters, not a piece of a longer number or date, not a time ("kl.
 * 07.10"), not a measure ("2.5 hours", "1,5 timer", "3.5 km" are counts, never a day and month).
 */
const DATE_IN_TEXT = DATE_PATTERNS.map((p) => ({
  re: new RegExp(
    `(?<![\\p{L}\\p{N}]|\\p{N}[.,/-]|\\b(?:kl|klokka|klokken|at)\\.?\\s*)(?:${p.src})(?![\\p{L}\\p{N}]|[.,/-]\\p{N}|\\s*(?:timer|timar|tima|timen|time|hours?|hrs?|h|t|min|minutt\\p{L}*|minutes?|km|kilomet\\p{L}*)(?!\\p{L}))`,
    'gu',
  ),
  resolve: p.resolve,
}));

export function parseDate(input: string, today: string): string | undefined {
  const todayDay = parseIsoDay(today);
  if (todayDay === undefined) return undefined;
  const text = foldInPlace(normaliseTypography(input))
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[,!]+$/, '');
  for (const { re, resolve } of WHOLE_DATE) {
    const m = re.exec(text);
    if (!m) continue;
    const day = resolve(m, todayDay);
    if (day !== undefined) return isoOf(day);
  }
  return undefined;
}

export interface Span {
  start: number;
  end: number;
}

/** The leftmost date in the text (the longest reading where several start at the same place). */
export function findDate(text: string, today: number): (Span & { day: number }) | undefined {
  let best: (Span & { day: number }) | undefined;
  for (const { re, resolve } of DATE_IN_TEXT) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const day = resolve(m, today);
      if (day === undefined) continue;
      const found = { start: m.index, end: m.index + m[0].length, day };
      if (!best || found.start < best.start || (found.start === best.start && found.end > best.end))
        best = found;
    }
  }
  return best;
}
