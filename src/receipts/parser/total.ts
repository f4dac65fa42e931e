/**
 * The total: what was paid. Nothing here trusts one cue alone: OCR of a phone photo misreads
 * labels and figures, so the label, the card payment, cash minus change, the tax arithmetic and
 * the print size all vote.
 */
import type { Amount } from './amounts.js';
import type { Line } from './lines.js';
import {
  checkedSums,
  repairedBySum,
  roundedTotal,
  taxTableLines,
  type TotalPick,
} from './total-checks.js';
import {
  BALANCE,
  CASH,
  CHANGE,
  COUNTS,
  DISCOUNT,
  INCLUSIVE,
  PAYMENT,
  PREAUTH,
  ROUNDING,
  SUBTOTAL,
  TAX,
  TIPS,
  TOTAL,
  TOTAL_FINAL,
  UNIT_PRICE,
} from './total-words.js';

export type { TotalPick } from './total-checks.js';

/** Lines whose figure is something else than the total: cash, change, tax, discount … */
const OTHER_FIGURE = [
  SUBTOTAL,
  TAX,
  CASH,
  CHANGE,
  DISCOUNT,
  ROUNDING,
  TIPS,
  PREAUTH,
  BALANCE,
  COUNTS,
  UNIT_PRICE,
];

export function lineTotalScore(line: Line): { score: number; cue: TotalPick['cue'] | undefined } {
  const f = line.folded;
  let score = 0;
  let cue: TotalPick['cue'] | undefined;
  if (TOTAL_FINAL.test(f)) {
    score = 10;
    cue = 'final';
  } else if (TOTAL.test(f)) {
    score = 7;
    cue = 'total';
  } else if (PAYMENT.test(f)) {
    score = 4;
    cue = 'payment';
  }
  if (SUBTOTAL.test(f) && !TOTAL_FINAL.test(f)) score -= 7;
  if (TAX.test(f) && !(INCLUSIVE.test(f) && (cue === 'total' || cue === 'final'))) score -= 6;
  if (CASH.test(f) && cue !== 'final') score -= 8;
  if (CHANGE.test(f)) score -= 12;
  if (DISCOUNT.test(f)) score -= 8;
  if (ROUNDING.test(f) && cue !== 'final') score -= 8;
  if (TIPS.test(f)) score -= 6;
  if (PREAUTH.test(f)) score -= 12;
  if (BALANCE.test(f) && cue !== 'final') score -= 6;
  if (COUNTS.test(f)) score -= 5;
  if (UNIT_PRICE.test(f)) score -= 5;
  return { score, cue };
}

/** The money figures of a receipt and how often each is printed. */
interface Slip {
  lines: Line[];
  amounts: Amount[][];
  money: Amount[];
  counts: Map<number, number>;
}

/**
 * Cash handed over minus change given back is what was paid, read from two figures other than
 * the total: where it agrees with a figure on the slip, that figure is the total even when its
 * label is misread.
 */
interface CashEvidence {
  change: Amount[];
  /** The amounts handed over: labelled as cash, or right above the change. */
  tendered: Set<Amount>;
  /** Paid amounts (cash minus change) that a figure elsewhere on the slip repeats. */
  fromCash: Set<number>;
  /** Of those, the ones worked out with change given: arithmetic, not exact cash. */
  changeGiven: Set<number>;
  handedOver: Set<Amount>;
  /** Figures the cash arithmetic points at. */
  candidates: Amount[];
  /** Cash handed over is at least the total: the largest such figure, or 0. */
  ceiling: number;
}

const folded = (lines: Line[], a: Amount): string => lines[a.line]?.folded ?? '';
const isMoney = (a: Amount): boolean => !a.measure && !a.negative && a.minor > 0;

function tenderedAndChange(slip: Slip): { change: Amount[]; tendered: Set<Amount> } {
  const { lines, amounts, money } = slip;
  const change = amounts.flat().filter((a) => CHANGE.test(folded(lines, a)) && !a.measure);
  const tendered = new Set<Amount>();
  for (const a of money) {
    if (CASH.test(folded(lines, a)) && !CHANGE.test(folded(lines, a))) tendered.add(a);
  }
  for (const x of change) {
    // Unlabelled (or misread) cash: the figure right above the change.
    const above = money.filter((a) => a.line < x.line && !CHANGE.test(folded(lines, a))).pop();
    if (above && x.line - above.line === 1 && ![...tendered].some((t) => t.line === above.line))
      tendered.add(above);
  }
  return { change, tendered };
}

/** The dearest item: cash handed over cannot be less than it, nor can the total. */
function dearestItem(slip: Slip, taxTable: Set<number>): number {
  return slip.money
    .filter((a) => {
      const line = slip.lines[a.line] as Line;
      return (
        !lineTotalScore(line).cue &&
        !OTHER_FIGURE.some((re) => re.test(line.folded)) &&
        !taxTable.has(a.line)
      );
    })
    .reduce((m, a) => Math.max(m, a.minor), 0);
}

function cashEvidence(slip: Slip, dearest: number): CashEvidence {
  const { lines, money } = slip;
  const { change, tendered } = tenderedAndChange(slip);
  const fromCash = new Set<number>();
  const changeGiven = new Set<number>();
  const handedOver = new Set<Amount>();
  const candidates: Amount[] = [];
  for (const c of tendered) {
    for (const x of change) {
      if (x.line <= c.line || x.line - c.line > 2 || c.minor < x.minor) continue;
      const paid = c.minor - x.minor;
      const elsewhere = money.filter(
        (a) => a.minor === paid && a.line !== c.line && a.line !== x.line,
      );
      if (elsewhere.length > 0) {
        fromCash.add(paid);
        if (x.minor > 0) changeGiven.add(paid);
        handedOver.add(c);
        candidates.push(...elsewhere);
      } else if (x.minor === 0 && c.minor >= dearest) {
        // Exact cash, no change: the cash line is the total.
        candidates.push(c);
      }
    }
  }
  // Cash handed over is at least the total: a "total" above it is a misreading. Unless the
  // cash figure is the misreading: it cannot be less than the dearest item either.
  const ceiling = [...tendered]
    .filter((t) => CASH.test(folded(lines, t)) && change.length > 0 && t.minor >= dearest)
    .reduce((m, t) => Math.max(m, t.minor), 0);
  return { change, tendered, fromCash, changeGiven, handedOver, candidates, ceiling };
}

/** The figures a total label on line `i` refers to, and how many lines below the label they are. */
function labelledFigures(slip: Slip, i: number): { targets: Amount[]; distance: number } {
  const { lines, amounts } = slip;
  const own = (amounts[i] ?? []).filter(isMoney);
  if (own.length > 0) return { targets: own, distance: 0 };
  // The label and its figure on separate OCR lines ("Sum" / "kr 147,00" further right).
  for (let j = i + 1; j <= i + 2 && j < lines.length; j++) {
    const next = lines[j] as Line;
    const nextAmounts = (amounts[j] ?? []).filter(isMoney);
    if (nextAmounts.length === 0) continue;
    if (lineTotalScore(next).cue || OTHER_FIGURE.some((re) => re.test(next.folded))) break;
    return { targets: nextAmounts, distance: j - i };
  }
  return { targets: own, distance: 0 };
}

interface Context {
  slip: Slip;
  cash: CashEvidence;
  dearest: number;
  taxTable: Set<number>;
  /** Lines with a rounding adjustment: a total printed after one is the rounded one. */
  roundingLines: number[];
}

/** How much a figure under a total label of `score` looks like the total. */
function scoreFigure(ctx: Context, a: Amount, score: number, siblings: number): number {
  const { slip, cash, dearest, taxTable, roundingLines } = ctx;
  let s = score;
  if (!a.rightmost) s -= 2;
  if (siblings >= 3) s -= 1.5;
  const repeats = (slip.counts.get(a.minor) ?? 1) - 1;
  s += Math.min(3, repeats * 1.5);
  if (cash.fromCash.has(a.minor)) s += 4;
  if (cash.handedOver.has(a) && !cash.fromCash.has(a.minor)) s -= 8;
  // "Total paid 50.00" right above the change is the cash handed over.
  else if (
    cash.tendered.has(a) &&
    cash.change.some((x) => x.line > a.line && x.line - a.line <= 2 && x.minor > 0) &&
    !cash.fromCash.has(a.minor)
  )
    s -= 8;
  if (roundingLines.some((r) => a.line > r && a.line - r <= 3)) s += 3.5;
  if (taxTable.has(a.line)) s -= 6;
  if (cash.ceiling > 0 && a.minor > cash.ceiling) s -= 6;
  // Nothing is paid for with much less than its dearest item: a figure that small lost a digit
  // (a misread total line can itself pass for an item, hence the margin).
  if (a.minor < 0.75 * dearest) s -= 8;
  if (a.marked) s += 0.5;
  if ((slip.lines[a.line]?.size ?? 1) >= 1.25) s += 1;
  return s;
}

/** Every figure that could be the total, scored: those the cash points at, then labelled ones. */
function candidatesFor(ctx: Context): TotalPick[] {
  const { slip, cash } = ctx;
  const candidates: TotalPick[] = cash.candidates.map((a) => ({
    amount: a,
    score: cash.fromCash.has(a.minor) ? 6 + 4 : 5,
    cue: 'total',
  }));
  slip.lines.forEach((line, i) => {
    const { score, cue } = lineTotalScore(line);
    if (!cue) return;
    const { targets, distance } = labelledFigures(slip, i);
    for (const a of targets) {
      const s = scoreFigure(ctx, a, score - distance * 1.5, targets.length);
      candidates.push({ amount: a, score: s, cue });
    }
  });
  // Across equal scores the later line wins: a total after rounding or after a discount comes last.
  return candidates.sort((a, b) => b.score - a.score || b.amount.line - a.amount.line);
}

/** Printed more than once other than as cash: the figure the till meant. */
function printedAgainIn(slip: Slip): (minor: number) => boolean {
  return (minor) =>
    slip.money.filter((a) => a.minor === minor && !CASH.test(folded(slip.lines, a))).length > 1;
}

/**
 * Net plus tax make a labelled figure: where the best-labelled one stands alone, the slip's
 * arithmetic outweighs a misread label ("Sub Total" for the total on Malaysian slips, an
 * "Amount paid" that is really the cash handed over).
 */
function preferVouched(
  candidates: TotalPick[],
  vouched: (minor: number) => boolean,
  printedAgain: (minor: number) => boolean,
  taxTable: Set<number>,
): TotalPick | undefined {
  const best = candidates[0];
  const summed = candidates.find(
    (c) => vouched(c.amount.minor) && !taxTable.has(c.amount.line) && c.score >= 0,
  );
  if (
    best &&
    summed &&
    (best === summed || (!vouched(best.amount.minor) && !printedAgain(best.amount.minor)))
  ) {
    return { ...summed, score: Math.max(summed.score, 3) };
  }
  return best;
}

/** No readable total line: what was handed over minus what came back, or the largest figure. */
function fallbackTotal(
  slip: Slip,
  cash: CashEvidence,
  best: TotalPick | undefined,
): TotalPick | undefined {
  const { lines, money, counts } = slip;
  for (const c of [...cash.tendered]
    .filter((t) => CASH.test(folded(lines, t)))
    .concat([...cash.tendered])) {
    for (const x of cash.change) {
      if (x.line > c.line && x.line - c.line <= 2 && c.minor > x.minor && x.minor > 0) {
        return {
          amount: { ...x, minor: c.minor - x.minor, marked: false, rightmost: true },
          score: 2,
          cue: 'fallback',
        };
      }
    }
  }
  // No labelled total: the largest figure that is no cash, change or pre-authorisation, which
  // is right for the plainest slips (one item, one price).
  const plain = money.filter((a) => {
    const f = folded(lines, a);
    return (
      !CASH.test(f) && !CHANGE.test(f) && !PREAUTH.test(f) && !DISCOUNT.test(f) && !TAX.test(f)
    );
  });
  const largest = [...plain].sort(
    (a, b) => b.minor - a.minor || (counts.get(b.minor) ?? 0) - (counts.get(a.minor) ?? 0),
  )[0];
  if (largest)
    return {
      amount: largest,
      score: (counts.get(largest.minor) ?? 1) > 1 ? 2 : 1,
      cue: 'fallback',
    };
  return best ? { ...best, cue: 'fallback' } : undefined;
}

/**
 * The total: the figure whose line says "total" the clearest, backed by the card payment that
 * repeats it, by cash minus change and by the slip's own arithmetic; then corrected for a
 * rounding adjustment and for one digit OCR misread.
 */
export function pickTotal(lines: Line[], amounts: Amount[][]): TotalPick | undefined {
  const money = amounts.flat().filter(isMoney);
  if (money.length === 0) return undefined;
  const counts = new Map<number, number>();
  for (const a of money) counts.set(a.minor, (counts.get(a.minor) ?? 0) + 1);
  const slip: Slip = { lines, amounts, money, counts };

  const taxTable = taxTableLines(lines);
  const dearest = dearestItem(slip, taxTable);
  const cash = cashEvidence(slip, dearest);
  const roundingLines = lines
    .filter((l) => ROUNDING.test(l.folded) && !TOTAL_FINAL.test(l.folded))
    .map((l) => l.index);
  const checked = checkedSums(lines, amounts);
  const vouched = (minor: number) => checked.sums.has(minor) || checked.inclusive(minor);
  const printedAgain = printedAgainIn(slip);

  const candidates = candidatesFor({ slip, cash, dearest, taxTable, roundingLines });
  const best = preferVouched(candidates, vouched, printedAgain, taxTable);
  const confirm = (pick: TotalPick | undefined): TotalPick | undefined =>
    pick && (vouched(pick.amount.minor) || cash.fromCash.has(pick.amount.minor))
      ? { ...pick, confirmed: true }
      : pick;
  if (best && best.score >= 3) {
    const picked = roundedTotal(best, lines, amounts, cash.tendered, cash.change) ?? best;
    return confirm(
      repairedBySum(
        picked,
        checked.sums,
        cash.changeGiven,
        vouched,
        printedAgain(picked.amount.minor),
      ) ?? picked,
    );
  }
  return confirm(fallbackTotal(slip, cash, best));
}
