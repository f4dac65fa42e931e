/**
 * The VAT and its rate: a "herav MVA 12 % 231,43" line or a table of rate, base, VAT and gross,
 * with the figures checked against each other and against the total.
 */
import { stems } from '../../text/keywords.js';
import type { Amount } from './amounts.js';
import type { Line } from './lines.js';
import { SUBTOTAL } from './total-words.js';

interface VatPick {
  minor?: number;
  rate?: number;
  amountConfidence: number;
  rateConfidence: number;
  /** Every VAT figure agrees with its base, its gross or the total at its rate. */
  confirmed: boolean;
}

const VAT_WORD = stems(
  'mva',
  'moms',
  'mwst',
  'ust',
  'vat',
  'gst',
  'tax',
  'steuer',
  'merverdiavgift',
  'tva',
  'iva',
  'sst',
  '(?:herav|hvorav|inkl\\.?)mva',
);
const RATE = /(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%/g;
const PLAUSIBLE_RATES = new Set([0, 5, 6, 7, 8, 10, 12, 15, 19, 20, 21, 24, 25]);
const BASE_HEADER = stems(
  'grunnlag',
  'netto',
  'net',
  'basis',
  'excl',
  'ekskl',
  'exkl',
  'amount',
  'belop',
  'underlag',
);

function ratesIn(text: string): number[] {
  const rates: number[] = [];
  for (const m of text.matchAll(RATE)) {
    const r = Number((m[1] ?? '').replace(',', '.'));
    if (PLAUSIBLE_RATES.has(r)) rates.push(r);
  }
  return rates;
}

function near(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance;
}

/**
 * The VAT on the receipt: a "herav MVA 12 % 231,43" line, or a table of rate, base, VAT and
 * gross. Amounts are checked against each other: VAT is rate × base, base + VAT is the gross,
 * and the gross is the total.
 */
export function pickVat(
  lines: Line[],
  amounts: Amount[][],
  totalMinor: number | undefined,
): VatPick | undefined {
  const found: Array<{ rate?: number; minor: number; sure: boolean }> = [];
  const allRates = new Set<number>();
  // Rows under a table header ("Sats  Grunnlag  Mva  Inkl. mva") carry no VAT word themselves.
  let tableRows = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const f = line.folded;
    const isHeader =
      VAT_WORD.test(f) &&
      (BASE_HEADER.test(f) || /%|sats|rate|satz/.test(f)) &&
      (amounts[i] ?? []).length === 0;
    const header = tableRows > 0;
    tableRows = isHeader ? 4 : header && (amounts[i] ?? []).length > 0 ? tableRows - 1 : 0;
    const rates = ratesIn(f);
    const money = (amounts[i] ?? []).filter((a) => !a.measure && !a.negative);
    // Percentages written as "12,00 %" are amounts to the figure pattern; drop them.
    const values = money.filter((a) => !/^\s?%/.test(f.slice(a.end))).map((a) => a.minor);
    const rate = rates.length === 1 ? rates[0] : undefined;
    // A row of a VAT table whose heading OCR lost or that has none ("25 %  407,20  101,80  509,00"):
    // base, VAT and gross that agree with its rate say what it is.
    const provesItself =
      rate !== undefined &&
      rate > 0 &&
      values.length >= 3 &&
      values.some((base) =>
        values.some(
          (vat) =>
            vat < base &&
            near((base * rate) / 100, vat, Math.max(2, base * 0.002)) &&
            values.some((gross) => near(base + vat, gross, 1)),
        ),
      );
    if (!VAT_WORD.test(f) && !header && !provesItself) continue;
    for (const r of rates) allRates.add(r);
    if (values.length === 0) {
      const zero = /(?:mva|vat|moms|mwst)\s*:?\s*0[.,]00|0[.,]00\s*(?:kr|nok)?\s*(?:mva|vat)/.test(
        f,
      );
      if (zero) found.push({ rate: rates[0] ?? 0, minor: 0, sure: true });
      // "herav mva 12 %  23143": OCR lost the decimal comma, but the rate's share of the total
      // tells the figure it was.
      const share =
        totalMinor !== undefined && rate !== undefined && rate > 0
          ? (totalMinor * rate) / (100 + rate)
          : undefined;
      const bare =
        share === undefined
          ? undefined
          : [...f.matchAll(/(?<![\d.,])\d{3,7}(?![\d.,%])/g)]
              .map((m) => Number(m[0]))
              .find((n) => near(n, share, 1));
      if (!zero && bare !== undefined && rate !== undefined)
        found.push({ rate, minor: bare, sure: true });
      continue;
    }
    // rate × base = VAT among the figures of one row: the strongest evidence there is.
    let chosen: { minor: number; sure: boolean } | undefined;
    if (rate !== undefined && rate > 0) {
      for (const base of values) {
        for (const vat of values) {
          if (vat < base && near((base * rate) / 100, vat, Math.max(2, base * 0.002)))
            chosen = { minor: vat, sure: true };
          else if (vat < base && near((base * rate) / (100 + rate), vat, Math.max(2, base * 0.002)))
            chosen ??= { minor: vat, sure: true };
        }
      }
    }
    if (!chosen && rate !== undefined && rate > 0) {
      // Base and gross that agree with the row's rate, the VAT between them misread ("220" for
      // 220,71): the VAT is their difference.
      for (const base of values) {
        for (const gross of values) {
          if (
            !chosen &&
            gross > base &&
            near((base * (100 + rate)) / 100, gross, Math.max(2, gross * 0.001))
          )
            chosen = { minor: gross - base, sure: true };
        }
      }
    }
    if (!chosen && values.length >= 3) {
      // base, VAT, gross: two that add up to the third.
      for (const a of values)
        for (const b of values)
          for (const c of values)
            if (a > b && near(a + b, c, 1) && !chosen) chosen = { minor: b, sure: true };
    }
    if (!chosen && totalMinor !== undefined) {
      // Base and VAT that add up to the total.
      for (const a of values)
        for (const b of values)
          if (a < b && near(a + b, totalMinor, 1)) chosen ??= { minor: a, sure: true };
    }
    if (!chosen && totalMinor !== undefined && rate !== undefined && rate > 0) {
      const expected = (totalMinor * rate) / (100 + rate);
      const match = values.find((v) => near(v, expected, Math.max(3, expected * 0.01)));
      if (match !== undefined) chosen = { minor: match, sure: true };
    }
    if (
      !chosen &&
      values.length === 1 &&
      VAT_WORD.test(f) &&
      !SUBTOTAL.test(f) &&
      values[0] !== totalMinor
    ) {
      chosen = { minor: values[0] as number, sure: false };
    }
    if (!chosen && values.length === 2 && header) {
      // A two-column row under a "base  VAT" header: the smaller is the VAT.
      chosen = { minor: Math.min(...values), sure: false };
    }
    let rowRate = rate;
    if (chosen && rowRate === undefined && chosen.minor > 0) {
      // No legible "%": the rate is what VAT over base comes to, if that is a rate in use.
      for (const base of values) {
        if (base <= chosen.minor) continue;
        const r = (100 * chosen.minor) / base;
        const match = [...PLAUSIBLE_RATES].find((p) => p > 0 && Math.abs(r - p) < 0.1);
        if (match !== undefined) {
          rowRate = match;
          allRates.add(match);
          break;
        }
      }
    }
    // No VAT rate in use here exceeds 25 %, so the VAT in a price is at most a fifth of it.
    const ceiling = totalMinor === undefined ? Infinity : totalMinor * 0.2 + 2;
    if (chosen && chosen.minor <= ceiling)
      found.push({ ...chosen, ...(rowRate !== undefined ? { rate: rowRate } : {}) });
  }
  if (found.length === 0 && allRates.size === 0) return undefined;
  // One VAT figure per rate; a receipt with several rates sums them and has no single rate.
  const byRate = new Map<string, { minor: number; sure: boolean }>();
  for (const f of found) {
    const key = f.rate === undefined ? '?' : String(f.rate);
    const had = byRate.get(key);
    if (!had || (f.sure && !had.sure)) byRate.set(key, f);
  }
  const rates = [...allRates].filter((r) => r > 0 || found.some((f) => f.minor === 0));
  const entries = [...byRate.entries()];
  const known = entries.filter(([k]) => k !== '?');
  const picked = known.length > 0 ? known : entries.slice(0, 1);
  const pick: VatPick = { amountConfidence: 0, rateConfidence: 0, confirmed: false };
  if (picked.length > 0) {
    pick.minor = picked.reduce((sum, [, v]) => sum + v.minor, 0);
    pick.confirmed = picked.every(([, v]) => v.sure);
    pick.amountConfidence = pick.confirmed ? 0.9 : 0.55;
  }
  const distinct = [...new Set(rates)];
  if (distinct.length === 1) {
    pick.rate = distinct[0];
    // A rate the VAT figure was checked against is as sure as the figure; a printed "25 %"
    // alone can be a misread "23 %".
    pick.rateConfidence = pick.confirmed && known.length === 1 ? 0.9 : 0.7;
  } else if (distinct.length === 0 && pick.minor === 0) {
    pick.rate = 0;
    pick.rateConfidence = 0.7;
  }
  return pick;
}
