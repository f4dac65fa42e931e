/**
 * The purchase date: the one labelled as a date and printed with a time, printed most often, near
 * the top, and not an expiry, arrival or membership date.
 */
import { stems } from '../../text/keywords.js';
import { DATE_LABEL, type DateHit } from './date-lexing.js';
import type { Line } from './lines.js';

const NOT_PURCHASE_DATE = stems(
  'utlop',
  'utloper',
  'expir',
  'exp\\.?(?![a-z])',
  'gyldig',
  'valid',
  'haltbar',
  'bytte',
  'retur',
  'innen',
  'forfall',
  'due date',
  'born',
  'fodt',
  'ankomst',
  'arrival',
  'check-?in',
  'innsjekk',
  'fra dato',
  'from',
  'seit',
  'member since',
  'medlem',
);

export function pickDate(
  lines: Line[],
  dates: DateHit[],
): { iso: string; score: number; line: number; damaged?: boolean } | undefined {
  if (dates.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d.iso, (counts.get(d.iso) ?? 0) + 1);
  let best: { iso: string; score: number; line: number; damaged?: boolean } | undefined;
  for (const d of dates) {
    const f = lines[d.line]?.folded ?? '';
    let score = 2;
    if (DATE_LABEL.test(f)) score += 2;
    if (d.timed) score += 1;
    if (NOT_PURCHASE_DATE.test(f)) score -= 4;
    score += Math.min(2, ((counts.get(d.iso) ?? 1) - 1) * 0.75);
    if (d.line < lines.length * 0.6) score += 0.5;
    if (!best || score > best.score || (score === best.score && d.line < best.line))
      best = { iso: d.iso, score, line: d.line, ...(d.damaged ? { damaged: true } : {}) };
  }
  return best;
}
