/**
 * Date lexing: every date printed on a line (24.11.2026, 2026-11-24, 24. nov. 2026, Nov 24, 2026),
 * whether a time of day is printed beside it, and the damaged forms OCR leaves of a date.
 */
import { stems } from '../../text/keywords.js';
import type { Line } from './lines.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  janvier: 1,
  feb: 2,
  februar: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  marz: 3,
  mrz: 3,
  apr: 4,
  april: 4,
  mai: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};
const MONTH_SRC = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

export interface DateHit {
  line: number;
  start: number;
  end: number;
  iso: string;
  /** Printed with a time of day next to it: a transaction stamp. */
  timed: boolean;
  /** Read through an OCR slip: the user is asked to check it. */
  damaged?: boolean;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

const DATE_PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => string | undefined }> = [
  {
    // 2026-11-24, 2026.07.31, 2026/11/24
    re: /(?<![\d.,/-])(20\d{2})\s?([-./])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?![\d]|[.,/]\d)/g,
    read: (m) => isoDate(Number(m[1]), Number(m[3]), Number(m[4])),
  },
  {
    // 24.11.2026, 24.11.26, 22/04/2018, 26-05-2018, 9/3/2018; month first only when the day cannot be one.
    re: /(?<![\d.,/-])(\d{1,2})\s?([-./])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d]|[.,/]\d)/g,
    read: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = fullYear(m[4] ?? '');
      return isoDate(year, b, a) ?? (a <= 12 && b > 12 ? isoDate(year, a, b) : undefined);
    },
  },
  {
    // 24. nov. 2026, 24 Nov 2026, 05 MAY 18, 15-JAN-2018
    re: new RegExp(
      `(?<![\\d])(\\d{1,2})\\.?[\\s-]*(${MONTH_SRC})[a-z]*\\.?[\\s,-]*(\\d{4}|\\d{2})(?![\\d])`,
      'g',
    ),
    read: (m) => isoDate(fullYear(m[3] ?? ''), MONTHS[m[2] ?? ''] ?? 0, Number(m[1])),
  },
  {
    // Nov 24, 2026
    re: new RegExp(`(?<![a-z])(${MONTH_SRC})[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?![\\d])`, 'g'),
    read: (m) => isoDate(Number(m[3]), MONTHS[m[1] ?? ''] ?? 0, Number(m[2])),
  },
];

const TIME_NEAR = /(?:^|\D)(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d)?(?!\d)|kl\.?\s*\d/;

/**
 * On a line labelled as a date ("Dato:", "Kjøpt", "Date"), OCR that lost a separator still
 * leaves a date: "19 03 2025", "11.10 26", "11.1026".
 */
const LOOSE_DATES = [
  {
    re: /(?<![\d.,/-])(\d{1,2})\s?[./ -]\s?(\d{1,2})\s?[./ -]?\s?(20\d{2}|\d{2})(?![\d]|[.,/]\d|[a-z])/g,
    read: (m: RegExpExecArray) => isoDate(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1])),
  },
  {
    // "131125", "13112025": every separator lost.
    re: /(?<![\d.,/-])(\d{2})(\d{2})(20\d{2}|\d{2})(?![\d]|[.,/]\d)/g,
    read: (m: RegExpExecArray) => isoDate(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1])),
  },
];

/**
 * A till's time stamp that prints the date without separators, the time right after it
 * ("25032018 13:11:54"): the time says the eight digits before it are a date.
 */
const STAMPED_DATE = {
  re: /(?<![\d.,/-])(\d{2})(\d{2})(20\d{2})\s{1,3}(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)/g,
  read: (m: RegExpExecArray) => isoDate(Number(m[3]), Number(m[2]), Number(m[1])),
};

/** Letters OCR reads for digits inside a figure: "202s" is 2025, "1O.03" is 10.03. */
const DIGIT_LOOKALIKES: Record<string, string> = { s: '5', o: '0', l: '1', i: '1', b: '8', z: '2' };

export function findDates(line: Line, today: string): DateHit[] {
  const hits = findCleanDates(line, today);
  if (hits.length > 0 || !DATE_LABEL.test(line.folded)) return hits;
  // A line labelled as a date with none on it: read its figures with the letters OCR put in them.
  const repaired = line.folded.replace(
    /(?<=\d)[solibz]|[solibz](?=\d)/g,
    (c) => DIGIT_LOOKALIKES[c] ?? c,
  );
  if (repaired === line.folded) return hits;
  return findCleanDates({ ...line, folded: repaired }, today).map((h) => ({ ...h, damaged: true }));
}

function findCleanDates(line: Line, today: string): DateHit[] {
  const hits: DateHit[] = [];
  const latest = addDays(today, 1);
  const patterns = DATE_LABEL.test(line.folded)
    ? [...DATE_PATTERNS, ...LOOSE_DATES]
    : [...DATE_PATTERNS, STAMPED_DATE];
  for (const { re, read } of patterns) {
    for (const m of line.folded.matchAll(re)) {
      const iso = read(m);
      if (!iso || iso < '2000-01-01' || iso > latest) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => h.start < end && h.end > start)) continue;
      const rest = line.folded.slice(0, start) + ' '.repeat(end - start) + line.folded.slice(end);
      hits.push({ line: line.index, start, end, iso, timed: TIME_NEAR.test(rest) });
    }
  }
  return hits;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const DATE_LABEL = stems(
  'dato',
  'date',
  'datum',
  'data',
  'tarikh',
  'kjopt',
  'kjopsdato',
  'betalingsdato',
  'purchase',
  'transaksjon',
  'salgsdato',
  'fakturadato',
  'invoice date',
  'bill date',
  'avgang',
  'departure',
  'abfahrt',
  'utstedt',
  'issued',
);
