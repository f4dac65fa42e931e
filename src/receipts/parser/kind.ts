/**
 * The kind of expense: the brands and the kind words the receipt prints, weighed double at its
 * head, and the kind the merchant's name says.
 */
import type { ExpenseKind } from '../../claims/claim.js';
import { RECEIPT_KIND_CUES, detectKind } from '../../text/expense-kind-words.js';
import { BRANDS } from './brands.js';
import type { Line } from './lines.js';

export function pickKind(
  lines: Line[],
  merchant: string | undefined,
): { kind: ExpenseKind; confidence: number } {
  const scores = new Map<ExpenseKind, number>();
  const add = (kind: ExpenseKind, weight: number) =>
    scores.set(kind, (scores.get(kind) ?? 0) + weight);
  for (const line of lines) {
    const headerWeight = line.index < 4 ? 2 : 1;
    for (const brand of BRANDS)
      if (brand.kind && brand.re.test(line.folded)) add(brand.kind, 3 * headerWeight);
    for (const cue of RECEIPT_KIND_CUES) {
      if (cue.re.test(line.folded)) add(cue.kind, cue.weight * headerWeight);
    }
  }
  if (merchant) {
    const fromName = detectKind(merchant);
    if (fromName && fromName !== 'other') add(fromName, 3);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 2) return { kind: 'other', confidence: 0.4 };
  const margin = top[1] - (second?.[1] ?? 0);
  return {
    kind: top[0],
    confidence: Math.max(0.4, Math.min(0.95, 0.5 + margin * 0.06 + top[1] * 0.02)),
  };
}
