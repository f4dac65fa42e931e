/**
 * Integer øre arithmetic for the rule calculators. Rates are whole øre and distances carry at most
 * two decimals (the card takes "12,5" km; odometers show tenths), so every product is exact in
 * integers until the single rounding step per line — sums of lines therefore never drift.
 *
 * Rounding rule (ours: neither the særavtale nor Skatteetaten prescribes one): a line is rounded
 * once, to whole øre, half up. All amounts here are non-negative, so half up and half away from
 * zero agree. Totals are sums of already-rounded lines and are never rounded again.
 */

/** Largest km × 100 we accept; keeps rate × distance far inside Number.MAX_SAFE_INTEGER. */
const MAX_HUNDREDTHS = 100_000_000;

export function isOre(value: number): boolean {
  return Number.isSafeInteger(value);
}

function assertNonNegativeOre(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer number of øre, got ${value}`);
}

/**
 * A distance in hundredths of a km, or undefined when it has more than two decimals. Floating
 * input like 12.35 is really 12.3499…, so the check allows for representation error only.
 */
export function toHundredths(km: number): number | undefined {
  if (!Number.isFinite(km) || km < 0) return undefined;
  const scaled = Math.round(km * 100);
  if (Math.abs(km * 100 - scaled) > 1e-6 || scaled > MAX_HUNDREDTHS) return undefined;
  return scaled;
}

/** Half-up division of a non-negative integer by a positive integer. */
function divideHalfUp(numerator: number, divisor: number): number {
  return Math.floor((numerator * 2 + divisor) / (divisor * 2));
}

/** rate × km, rounded once to whole øre (half up). Throws on a distance with more than two decimals. */
export function rateTimesKm(rateOre: number, km: number): number {
  assertNonNegativeOre(rateOre, 'rate');
  const hundredths = toHundredths(km);
  if (hundredths === undefined)
    throw new RangeError(`km must be a non-negative number with at most two decimals, got ${km}`);
  return divideHalfUp(rateOre * hundredths, 100);
}

/** A whole-number percentage of an amount, rounded to whole øre (half up). */
export function percentOf(amountOre: number, percent: number): number {
  assertNonNegativeOre(amountOre, 'amount');
  if (!Number.isInteger(percent) || percent < 0 || percent > 100)
    throw new RangeError(`percent must be a whole number 0–100, got ${percent}`);
  return divideHalfUp(amountOre * percent, 100);
}

/** rate × count (nights, days): exact, no rounding needed. */
export function timesCount(rateOre: number, count: number): number {
  assertNonNegativeOre(rateOre, 'rate');
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  return rateOre * count;
}

export function sumOre(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** The rules say a deduction can take an allowance to nothing but never below it. */
export function atLeastZero(value: number): number {
  return value < 0 ? 0 : value;
}
