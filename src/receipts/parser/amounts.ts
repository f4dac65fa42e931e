/**
 * Amount lexing: every figure on a line that can be money ("1 234,50", "kr 250", "120,-"), with
 * what is printed beside it: a currency, a minus, a unit that makes it a quantity or a rate.
 */
import { CURRENCIES } from '../../claims/claim.js';
import type { Line } from './lines.js';

export interface Amount {
  line: number;
  start: number;
  end: number;
  minor: number;
  negative: boolean;
  /** Written with a currency next to it ("kr 120", "EUR 19,90", "120,-"). */
  marked: boolean;
  /** A quantity or a rate ("48,62 L", "25,00 %"), not money. */
  measure: boolean;
  /** An amount that shares its line with a multiplication: a unit price or a line total. */
  rightmost: boolean;
}

const MONEY = new RegExp(
  [
    '(?<![\\d.,:/])',
    // A minus glued to the figure; "Total — 12.00" is a leader, not a refund.
    '(-)?',
    '(',
    '\\d{1,3}(?:[ .]\\d{3})+,\\d{2}', //     1 234,50 · 1.234,50
    '|\\d{1,3}(?:[ ,]\\d{3})+\\.\\d{2}', //  1,234.50 · 1 234.50
    '|\\d+[.,]\\d{2}', //                    1234,50 · 12.30
    '|\\d{1,3}(?:[ .]\\d{3})*[.,]-{1,2}', // 120,- · 1 200,-
    ')',
    // Not part of a longer figure or of a date: "21.04.20", and the German "21.04." too.
    '(?![\\d]|[.,]\\d|\\.)',
    '(-(?![\\d]))?',
  ].join(''),
  'g',
);

const CODE_SRC = CURRENCIES.map((c) => c.toLowerCase()).join('|');
const MARK_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:kr|${CODE_SRC}|rm|€|\\$|£)\\.?\\s*$`, 'u');
const MARK_AFTER = new RegExp(`^\\s*(?:kr|${CODE_SRC}|€|£|euro)(?![\\p{L}])`, 'u');
/**
 * Whole amounts count only with a currency next to them: "kr 250", "NOK 79", "250 kr". Grouped
 * by spaces only: "EUR 19.416" is a misread "19,46", not nineteen thousand euros.
 */
const WHOLE_MARKED = new RegExp(
  `(?:(?<![\\p{L}])(?:kr|${CODE_SRC}|€)\\.?\\s*(\\d{1,3}(?: \\d{3})+|\\d{1,6})(?![\\d]|[.,]\\d))|(?:(?<![\\d.,])(\\d{1,3}(?: \\d{3})+|\\d{1,6})\\s*(?:kr|${CODE_SRC}|€)(?![\\p{L}]))`,
  'gu',
);
const MEASURE_AFTER = /^\s?(?:%|l\b|ltr|liter|litre|kg\b|kwh|km\b|x\b|stk|pcs|g\b|uhr\b)/;
const MAX_MINOR = 1_000_000_00;

function minorOf(figure: string): number | undefined {
  const trimmed = figure.replace(/[.,]-+$/, '');
  const decimals = /[.,](\d{2})$/.exec(trimmed);
  const whole = (decimals ? trimmed.slice(0, -3) : trimmed).replace(/[ .,]/g, '');
  if (!/^\d+$/.test(whole) || whole.length > 9) return undefined;
  const minor = Number(whole) * 100 + (decimals ? Number(decimals[1]) : 0);
  return minor <= MAX_MINOR ? minor : undefined;
}

/** Opening hours and times of day: "8.00 - 20.00 Uhr", "09.00–17.00". */
const TIME_RANGE =
  /(?<![\d.,])(?:[01]?\d|2[0-4])[.:][0-5]\d\s?(?:-|–|til|bis|to)\s?(?:[01]?\d|2[0-4])[.:][0-5]\d(?![\d]|[.,]\d)/g;

/** What tells a range of times from "20.00 - 5.00" off a price: a clock or a weekday beside it. */
const HOURS_CONTEXT =
  /(?:^|[^a-z])(?:uhr|kl|klokka|apent|apningstid\w*|offnungszeit\w*|open|opening|hours|mo|di|mi|do|fr|sa|so|man|tir|ons|tor|fre|lor|son|mon|tue|wed|thu|fri|sat|sun|hverdager|werktags)(?![a-z])/;

export function findAmounts(line: Line): Amount[] {
  const found: Amount[] = [];
  const text = line.folded;
  const hours = HOURS_CONTEXT.test(text)
    ? [...text.matchAll(TIME_RANGE)].map((m) => [m.index, m.index + m[0].length] as const)
    : [];
  for (const m of text.matchAll(MONEY)) {
    const figure = m[2] ?? '';
    const minor = minorOf(figure);
    if (minor === undefined) continue;
    const start = m.index + (m[1]?.length ?? 0);
    const end = start + figure.length;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    found.push({
      line: line.index,
      start,
      end,
      minor,
      negative: Boolean(m[1] || m[3]),
      marked: MARK_BEFORE.test(before) || MARK_AFTER.test(after) || /[.,]-+$/.test(figure),
      measure:
        MEASURE_AFTER.test(after) ||
        /(?:@|a-pris|a pris)\s*$/.test(before) ||
        hours.some(([s, e]) => start >= s && end <= e),
      rightmost: false,
    });
  }
  for (const m of text.matchAll(WHOLE_MARKED)) {
    const figure = m[1] ?? m[2] ?? '';
    const start = m.index + m[0].indexOf(figure);
    const end = start + figure.length;
    if (found.some((a) => a.start < end && a.end > start)) continue;
    // "kl 1348" and "NOK 2026" are not prices; years and times are what whole figures mostly are.
    if (/^(?:19|20)\d{2}$/.test(figure)) continue;
    const minor = minorOf(figure);
    if (minor === undefined) continue;
    found.push({
      line: line.index,
      start,
      end,
      minor,
      negative: false,
      marked: true,
      measure: false,
      rightmost: false,
    });
  }
  found.sort((a, b) => a.start - b.start);
  const money = found.filter((a) => !a.measure);
  const last = money[money.length - 1];
  if (last) last.rightmost = true;
  return found;
}
