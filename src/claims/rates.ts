/**
 * The state rates (særavtale om reise innenlands) and Skatteetaten's tax-free limits, looked up by
 * the date of a trip. The figures live in `rates/state-rates.json` with the source of each one, so
 * a new year is a data change reviewed against its sources, not a code change.
 *
 * The file is read once at import and validated: a typo in next year's figures should stop the
 * bot at start-up, not pay someone 53 kr/km.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const sourced = {
  source: z.string().min(1),
  verified: z.boolean(),
  note: z.string().optional(),
};

const oreFigureSchema = z.object({ ore: z.number().int().nonnegative(), ...sourced }).strict();
/** Rates the state pays and the tax-free limits share: per km and the day-trip per diem. */
const tripRatesSchema = {
  carPerKm: oreFigureSchema,
  passengerPerKm: oreFigureSchema,
  forestRoadPerKm: oreFigureSchema,
  trailerPerKm: oreFigureSchema,
  perDiemDay6to12: oreFigureSchema,
  perDiemDayOver12: oreFigureSchema,
};
const percentFigureSchema = z
  .object({ percent: z.number().int().min(0).max(100), ...sourced })
  .strict();

export const MEAL_DEDUCTION_BASES = ['paidRate', 'overnightRate'] as const;
/**
 * What a meal percentage is taken of: the rate the day is paid at, or always the overnight rate
 * (the 2018 reading). The sources disagree; the data file says which one applies, and why.
 */
export type MealDeductionBasis = (typeof MEAL_DEDUCTION_BASES)[number];

const mealPercentsSchema = {
  breakfast: percentFigureSchema,
  lunch: percentFigureSchema,
  dinner: percentFigureSchema,
};

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const periodSchema = z
  .object({
    year: z.number().int(),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
    state: z
      .object({
        ...tripRatesSchema,
        perDiemOvernight: oreFigureSchema,
        nightSupplement: oreFigureSchema,
        mealDeduction: z
          .object({
            ...mealPercentsSchema,
            basis: z.object({ value: z.enum(MEAL_DEDUCTION_BASES), ...sourced }).strict(),
          })
          .strict(),
      })
      .strict(),
    taxFree: z
      .object({
        ...tripRatesSchema,
        perDiemOvernightHotel: oreFigureSchema,
        perDiemOvernightNoCooking: oreFigureSchema,
        perDiemOvernightPrivateOrCooking: oreFigureSchema,
        nightSupplement: oreFigureSchema,
        mealDeduction: z.object(mealPercentsSchema).strict(),
      })
      .strict(),
  })
  .strict()
  .refine((p) => p.validFrom <= p.validTo, 'validFrom must not be after validTo')
  .refine(
    (p) => p.validFrom.startsWith(`${p.year}-`) && p.validTo.startsWith(`${p.year}-`),
    'a period must lie within its year',
  );

const ratesFileSchema = z
  .object({ $comment: z.string().optional(), periods: z.array(periodSchema).min(1) })
  .strict()
  .refine((file) => {
    const sorted = [...file.periods].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    return sorted.every((p, i) => i === 0 || sorted[i - 1]!.validTo < p.validFrom);
  }, 'periods must not overlap');

export type OreFigure = z.infer<typeof oreFigureSchema>;
export type PercentFigure = z.infer<typeof percentFigureSchema>;
/** The rates in force for one period (normally a whole year). */
export type YearRates = z.infer<typeof periodSchema>;
export type StateFigureName = Exclude<keyof YearRates['state'], 'mealDeduction'>;
export type TaxFreeFigureName = Exclude<keyof YearRates['taxFree'], 'mealDeduction'>;
export type Meal = 'breakfast' | 'lunch' | 'dinner';
export const MEALS: readonly Meal[] = ['breakfast', 'lunch', 'dinner'];

export class RatesUnavailableError extends Error {
  override name = 'RatesUnavailableError';
  constructor(
    readonly date: string,
    readonly knownYears: readonly number[],
  ) {
    super(`No travel rates are known for ${date}; rates are known for ${knownYears.join(', ')}.`);
  }
}

/** One thing wrong with what the user entered: where, and a message key the UI localises. */
export interface ClaimInputIssue {
  field: string;
  key: string;
}

/**
 * Input the rules cannot be applied to. It carries keys, never text: the conversation layer owns
 * the wording in nb, nn and en. `field` and `key` are the first issue, for the common one-field case.
 */
export class InvalidClaimInput extends Error {
  override name = 'InvalidClaimInput';
  readonly field: string;
  readonly key: string;
  constructor(readonly issues: readonly ClaimInputIssue[]) {
    const first = issues[0] ?? { field: '', key: 'claim.error.invalidValue' };
    super(
      `Invalid claim input: ${issues.map((i) => `${i.field || '(input)'}: ${i.key}`).join('; ')}`,
    );
    this.field = first.field;
    this.key = first.key;
  }
}

/**
 * Turns zod issues into field/key pairs. Our schemas put message keys in their messages; anything
 * else (a wrong type from a malformed card submit) falls back to a generic key.
 */
export function issuesFromZod(
  error: z.ZodError,
  keyPrefixes: readonly string[],
): ClaimInputIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    key: keyPrefixes.some((prefix) => issue.message.startsWith(prefix))
      ? issue.message
      : 'claim.error.invalidValue',
  }));
}

function loadRates(): YearRates[] {
  const raw: unknown = JSON.parse(
    readFileSync(new URL('./rates/state-rates.json', import.meta.url), 'utf8'),
  );
  return [...ratesFileSchema.parse(raw).periods].sort((a, b) =>
    a.validFrom.localeCompare(b.validFrom),
  );
}

const PERIODS = loadRates();

/** Years with at least one period, for messages and for the UI's date picker bounds. */
export function knownYears(): number[] {
  return [...new Set(PERIODS.map((p) => p.year))];
}

/** The periods of one year (normally one; a mid-year change makes two), oldest first. */
export function periodsOfYear(year: number): YearRates[] {
  return PERIODS.filter((p) => p.year === year);
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The rates in force on `date` (YYYY-MM-DD). A date outside every period is an error rather than
 * the nearest year's rates: paying 2025 rates for a 2027 trip would be a silent wrong amount.
 */
export function ratesFor(date: string): YearRates {
  if (!isIsoDate(date))
    throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const period = PERIODS.find((p) => p.validFrom <= date && date <= p.validTo);
  if (!period) throw new RatesUnavailableError(date, knownYears());
  return period;
}

/** Dotted names of the figures that no stored source confirmed, among those a calculation used. */
export function unverifiedAmong(rates: YearRates, used: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const path of used) {
    let node: unknown = rates;
    for (const part of path.split('.'))
      node = (node as Record<string, unknown> | undefined)?.[part];
    if (!node || typeof node !== 'object' || !('verified' in node))
      throw new Error(`unknown rate figure ${path}`);
    if (node.verified !== true) out.add(path);
  }
  return [...out].sort();
}
