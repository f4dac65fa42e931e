/**
 * What a receipt's own arithmetic says about its total: the tax summary table, net plus tax at a
 * usual rate, a rounding adjustment after the total, and a total one digit away from a sum that
 * OCR misread.
 */
import { stems } from '../../text/keywords.js';
import type { Amount } from './amounts.js';
import type { Line } from './lines.js';
import { CASH, CHANGE, DISCOUNT, PAYMENT, ROUNDING, TAX, TOTAL_FINAL } from './total-words.js';

export interface TotalPick {
  amount: Amount;
  score: number;
  cue: 'final' | 'total' | 'payment' | 'fallback';
  /** Worked out rather than read: the user is asked to check it. */
  repaired?: boolean;
  /** The slip's own arithmetic agrees: net plus tax, or cash handed over minus change. */
  confirmed?: boolean;
}

/** A tax summary header ("GST Summary", "Sats  Grunnlag  Mva", "MwSt Netto Brutto"). */
const TAX_TABLE_HEADER = stems(
  'summary',
  'sammendrag',
  'oversikt',
  'code',
  'kode',
  'rate',
  'sats',
  'satz',
  'grunnlag',
  'netto',
  'brutto',
  'amt',
  'amount',
  'basis',
  'underlag',
  'steuer',
);

/** Lines of a tax summary table: its "Total" row is the tax, or the amount before tax. */
export function taxTableLines(lines: Line[]): Set<number> {
  const inside = new Set<number>();
  for (const line of lines) {
    const f = line.folded;
    if (!TAX.test(f) || !TAX_TABLE_HEADER.test(f)) continue;
    if (TOTAL_FINAL.test(f)) continue;
    for (let j = line.index + 1; j < lines.length && j <= line.index + 5; j++) {
      const next = lines[j] as Line;
      if (CASH.test(next.folded) || CHANGE.test(next.folded) || PAYMENT.test(next.folded)) break;
      inside.add(j);
    }
  }
  return inside;
}

/** Tax rates seen on receipts: a net and a tax that agree with one of them belong together. */
const SUM_RATES = [5, 6, 7, 8, 10, 12, 15, 19, 20, 21, 24, 25];

/**
 * Totals the slip's own arithmetic vouches for: a net figure plus a tax figure that is one of the
 * usual rates of it ("Excl. GST 37.50", "GST 6 % 2.25" → 39.75), or a total whose "herav mva" is
 * the rate's share of it. OCR misreads one figure at a time, so where the labels are misread or
 * a digit of the total is, the sum still stands.
 */
export function checkedSums(
  lines: Line[],
  amounts: Amount[][],
): { sums: Set<number>; inclusive: (total: number) => boolean } {
  const money = amounts.flat().filter((a) => !a.measure && !a.negative && a.minor > 0);
  const taxes = money.filter((a) => {
    const f = lines[a.line]?.folded ?? '';
    return TAX.test(f) && !CASH.test(f) && !CHANGE.test(f);
  });
  // A tax table row prints the net and the tax side by side, often under a header that names
  // the tax; its tax figure counts as a tax too.
  const rows = amounts.filter(
    (row) => row.filter((a) => !a.measure && !a.negative && a.minor > 0).length >= 2,
  );
  for (const row of rows) {
    const figures = row.filter((a) => !a.measure && !a.negative && a.minor > 0);
    for (const y of figures.slice(1)) if (!taxes.includes(y)) taxes.push(y);
  }
  const agrees = (net: number, tax: number) =>
    SUM_RATES.some((r) => Math.abs((net * r) / 100 - tax) <= 1);
  const sums = new Set<number>();
  for (const y of taxes) {
    for (const x of money) {
      if (x === y || x.minor <= y.minor) continue;
      const f = lines[x.line]?.folded ?? '';
      if (CASH.test(f) || CHANGE.test(f) || DISCOUNT.test(f) || ROUNDING.test(f)) continue;
      if (agrees(x.minor, y.minor)) sums.add(x.minor + y.minor);
    }
  }
  const taxFigures = taxes.map((y) => y.minor);
  const inclusive = (total: number) => taxFigures.some((y) => y < total && agrees(total - y, y));
  return { sums, inclusive };
}

/** Same length, one digit different: the way OCR misreads a figure ("38.75" for "39.75"). */
function oneDigitApart(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length || x.length < 3) return false;
  let differ = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differ++;
  return differ === 1;
}

/**
 * A total that nothing vouches for, one digit away from what net plus tax make, lost that digit
 * to OCR: the sum is the total. Only where exactly one such sum exists.
 */
export function repairedBySum(
  pick: TotalPick,
  sums: Set<number>,
  changeGiven: Set<number>,
  vouched: (minor: number) => boolean,
  printedAgain: boolean,
): TotalPick | undefined {
  // Printed again on a line of its own (the card terminal's slip, "Zu zahlen"), the figure is
  // what the till meant: the sum is then one of several tax rates' rows, not the total.
  if (printedAgain || vouched(pick.amount.minor) || changeGiven.has(pick.amount.minor))
    return undefined;
  const near = [...sums].filter((s) => oneDigitApart(s, pick.amount.minor));
  if (near.length !== 1) return undefined;
  return { ...pick, amount: { ...pick.amount, minor: near[0] as number }, repaired: true };
}

/**
 * Cash payments are rounded (to 5 sen, to whole kroner): when a rounding adjustment follows the
 * total and no rounded total is legible after it, the amount paid is the total plus the
 * adjustment, and cash minus change, when legible, must agree.
 */
export function roundedTotal(
  best: TotalPick,
  lines: Line[],
  amounts: Amount[][],
  tendered: Set<Amount>,
  change: Amount[],
): TotalPick | undefined {
  const rounding = lines.find(
    (l) =>
      l.index > best.amount.line &&
      l.index - best.amount.line <= 2 &&
      ROUNDING.test(l.folded) &&
      !TOTAL_FINAL.test(l.folded),
  );
  if (!rounding) return undefined;
  // A rounded figure just below, however its label came out ("Rounded Total", "Grand Total"
  // misread): the closest figure within ten cents of the total.
  const later = amounts
    .slice(rounding.index + 1, rounding.index + 3)
    .flat()
    .filter(
      (a) =>
        !a.measure &&
        !a.negative &&
        a.minor !== best.amount.minor &&
        Math.abs(a.minor - best.amount.minor) <= 10,
    );
  const below = later.filter(
    (a) => !CASH.test(lines[a.line]?.folded ?? '') && !CHANGE.test(lines[a.line]?.folded ?? ''),
  )[0];
  if (below) return { ...best, amount: below };
  const adjustment = (amounts[rounding.index] ?? []).filter((a) => !a.measure).at(-1);
  if (!adjustment || adjustment.minor === 0 || adjustment.minor > 99) return undefined;
  const signed = adjustment.negative ? -adjustment.minor : adjustment.minor;
  const rounded = best.amount.minor + signed;
  const paid = [...tendered].flatMap((c) =>
    change
      .filter((x) => x.line > c.line && x.line - c.line <= 2 && c.minor > x.minor)
      .map((x) => c.minor - x.minor),
  );
  if (paid.length > 0 && !paid.includes(rounded) && paid.includes(best.amount.minor - signed)) {
    return { ...best, amount: { ...best.amount, minor: best.amount.minor - signed } };
  }
  if (paid.length > 0 && !paid.includes(rounded)) return undefined;
  return { ...best, amount: { ...best.amount, minor: rounded } };
}
