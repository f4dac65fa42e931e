/**
 * Per diem (kostgodtgjørelse, "diett") and unreceipted night supplement (nattillegg) for a domestic
 * trip, by særavtale om reise innenlands §§ 9–10 as DFØ states them
 * (arbeidsgiver.dfo.no, «Statens satser innenlands»):
 *
 * - Only trips of more than 15 km that last at least 6 hours get per diem (§ 9, first paragraph).
 * - a) over 12 hours with an overnight stay: the overnight rate, per døgn;
 *   b) «fra og med 6 timer til og med 12 timer»: the 6–12 h rate;
 *   c) over 12 hours without an overnight stay: the over-12 h rate;
 *   d) the part of a trip past its whole døgn «dekkes etter b) eller c)» — so a remainder under
 *   6 hours gets nothing, 6–12 hours gets b), over 12 hours gets c).
 * - A døgn is 24 hours counted from the time the trip starts (§ 2 nr. 3), not a calendar day.
 * - DFØ's customer note 46/2019 adds that a started døgn over 12 hours that includes an overnight
 *   stay is paid at a): overnight means rest, by day or by night, so the traveller says whether
 *   it happened — here, by the number of nights entered.
 *
 * Hotel nights on receipt are outlays, not part of the per diem; they still count as overnight
 * stays here and decide Skatteetaten's tax-free limit. The rates are those in force on the
 * departure date: no source seen says to split a trip at a change of rates, so a trip over New
 * Year is paid at the rates of the year it started (a choice, documented in docs/norwegian-rules.md).
 */
import { z } from 'zod';
import { atLeastZero, percentOf, sumOre, timesCount } from './money.js';
import {
  InvalidClaimInput,
  isIsoDate,
  issuesFromZod,
  MEALS,
  ratesFor,
  unverifiedAmong,
  type Meal,
  type MealDeductionBasis,
  type YearRates,
} from './rates.js';
import {
  nightSupplementTaxFreeLimit,
  perDiemTaxFreeLimit,
  splitAgainstLimit,
  sumSplits,
  type PerDiemTaxBasis,
} from './tax-split.js';

export const PER_DIEM_ERROR_KEYS = [
  'perDiem.error.departureInvalid',
  'perDiem.error.returnInvalid',
  'perDiem.error.returnNotAfterDeparture',
  'perDiem.error.tripTooLong',
  'perDiem.error.nightsInvalid',
  'perDiem.error.tooManyNights',
  'perDiem.error.mealDateInvalid',
  'perDiem.error.mealDateOutsideTrip',
  'perDiem.error.mealDateDuplicate',
] as const;
export type PerDiemErrorKey = (typeof PER_DIEM_ERROR_KEYS)[number];

/** Why a trip, or the tail of one, earns no per diem; the UI explains each in the user's language. */
export const PER_DIEM_REASON_KEYS = [
  'perDiem.reason.notOver15km',
  'perDiem.reason.under6Hours',
  'perDiem.reason.remainderUnder6Hours',
] as const;
export type PerDiemReasonKey = (typeof PER_DIEM_REASON_KEYS)[number];

export type PerDiemRateKind = 'day6to12' | 'dayOver12' | 'overnight';

const MINUTE_MS = 60_000;
const DOGN_MINUTES = 24 * 60;
const SIX_HOURS = 6 * 60;
const TWELVE_HOURS = 12 * 60;
/**
 * Særavtalen § 1 nr. 2: a stay planned to last beyond 28 døgn at one place falls under the
 * agreement on changed place of work from day 29, which this calculator does not implement.
 */
const MAX_DOGN = 28;

/**
 * Where in a calendar day a provided meal is taken to fall, to find the døgn (counted from
 * departure, not midnight) whose rate it reduces. The særavtale gives no times; these are ordinary
 * meal times, and a meal outside the trip's hours counts against the nearest døgn.
 */
const MEAL_TIME: Record<Meal, string> = { breakfast: '08:00', lunch: '12:00', dinner: '18:00' };

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function isLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  return !!m && isIsoDate(value.slice(0, 10)) && Number(m[4]) < 24 && Number(m[5]) < 60;
}

/** Day of month of the last Sunday of a month (month 0-based). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * Norway's UTC offset at an instant: summer time from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October. A døgn is 24 real hours, so a trip over the change of
 * clocks is measured in elapsed time, not wall-clock time.
 */
function osloOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const start = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 9), 1);
  return utcMs >= start && utcMs < end ? 120 : 60;
}

/** Local Norwegian wall-clock time to an instant; the repeated autumn hour is read as summer time. */
function localToUtcMs(local: string): number {
  const m = LOCAL_DATE_TIME.exec(local)!;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const summer = naive - 120 * MINUTE_MS;
  return osloOffsetMinutes(summer) === 120 ? summer : naive - 60 * MINUTE_MS;
}

function utcMsToLocal(utcMs: number): string {
  return new Date(utcMs + osloOffsetMinutes(utcMs) * MINUTE_MS).toISOString().slice(0, 16);
}

const countSchema = z
  .number()
  .int('perDiem.error.nightsInvalid')
  .min(0, 'perDiem.error.nightsInvalid')
  .max(MAX_DOGN, 'perDiem.error.nightsInvalid');

export const perDiemInputSchema = z
  .object({
    departure: z.string().refine(isLocalDateTime, 'perDiem.error.departureInvalid'),
    return: z.string().refine(isLocalDateTime, 'perDiem.error.returnInvalid'),
    over15km: z.boolean(),
    hotelNights: countSchema,
    unreceiptedNights: countSchema,
    mealsProvided: z
      .array(
        z.object({
          date: z.string().refine(isIsoDate, 'perDiem.error.mealDateInvalid'),
          breakfast: z.boolean(),
          lunch: z.boolean(),
          dinner: z.boolean(),
        }),
      )
      .max(MAX_DOGN + 1)
      .default([]),
  })
  .superRefine((input, ctx) => {
    // A failed refine does not stop zod from running this one; the times must parse first.
    if (!isLocalDateTime(input.departure) || !isLocalDateTime(input.return)) return;
    const minutes = (localToUtcMs(input.return) - localToUtcMs(input.departure)) / MINUTE_MS;
    if (minutes <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['return'],
        message: 'perDiem.error.returnNotAfterDeparture',
      });
      return;
    }
    if (minutes > MAX_DOGN * DOGN_MINUTES)
      ctx.addIssue({ code: 'custom', path: ['return'], message: 'perDiem.error.tripTooLong' });
    // One overnight stay per døgn at most: each started døgn can hold one.
    if (input.hotelNights + input.unreceiptedNights > Math.ceil(minutes / DOGN_MINUTES)) {
      ctx.addIssue({
        code: 'custom',
        path: ['unreceiptedNights'],
        message: 'perDiem.error.tooManyNights',
      });
    }
    const first = input.departure.slice(0, 10);
    const last = input.return.slice(0, 10);
    const seen = new Set<string>();
    input.mealsProvided.forEach((meal, i) => {
      if (meal.date < first || meal.date > last)
        ctx.addIssue({
          code: 'custom',
          path: ['mealsProvided', i, 'date'],
          message: 'perDiem.error.mealDateOutsideTrip',
        });
      if (seen.has(meal.date))
        ctx.addIssue({
          code: 'custom',
          path: ['mealsProvided', i, 'date'],
          message: 'perDiem.error.mealDateDuplicate',
        });
      seen.add(meal.date);
    });
  });
export type PerDiemInput = z.input<typeof perDiemInputSchema>;

export interface MealDeduction {
  meal: Meal;
  percent: number;
  amountOre: number;
  /**
   * The calendar dates the meal was provided on that fell in this døgn, so a summary can say which
   * day a deduction came from. Normally one; two only when a meal outside the trip's hours was
   * counted against the nearest døgn, which still takes one deduction per meal.
   */
  dates: string[];
}

export interface PerDiemDay {
  /** Local time "YYYY-MM-DDTHH:mm"; a døgn runs from departure + n × 24 h. */
  from: string;
  to: string;
  minutes: number;
  hours: number;
  rateKind: PerDiemRateKind;
  rateOre: number;
  /** The amount the meal percentages were taken of (see `mealDeductionBasis` on the result). */
  deductionBasisOre: number;
  deductions: MealDeduction[];
  /** True when the deductions came to more than the rate and the day was set to zero. */
  deductionsClamped: boolean;
  amountOre: number;
  taxFreeBasis: PerDiemTaxBasis;
  taxFreeLimitOre: number;
  taxFreeOre: number;
  taxableOre: number;
}

export interface UnpaidSegment {
  from: string;
  to: string;
  minutes: number;
  hours: number;
  reasonKey: PerDiemReasonKey;
}

export interface NightSupplementLine {
  nights: number;
  rateOre: number;
  amountOre: number;
  taxFreeRateOre: number;
  taxFreeOre: number;
  taxableOre: number;
}

export interface PerDiemResult {
  departure: string;
  return: string;
  /** Year of the rates used: the departure date's. */
  year: number;
  minutes: number;
  hours: number;
  days: PerDiemDay[];
  /** A trailing part of the trip under 6 hours, which earns nothing by § 9 d). */
  unpaid: UnpaidSegment[];
  nightSupplement: NightSupplementLine[];
  mealDeductionBasis: MealDeductionBasis;
  /** Sum of `days` (kost only). */
  perDiemOre: number;
  /** Sum of `nightSupplement`. */
  nightSupplementOre: number;
  totalOre: number;
  taxFreeOre: number;
  taxableOre: number;
  /** Set when the trip earns no per diem at all; nattillegg may still be paid. */
  reasonKey?: PerDiemReasonKey;
  unverified: boolean;
  unverifiedFigures: string[];
  rates: YearRates;
}

export interface PerDiemOptions {
  /**
   * Overrides the data file's choice of what meal percentages are taken of, for an employer whose
   * policy follows the other reading (see docs/norwegian-rules.md).
   */
  mealDeductionBasis?: MealDeductionBasis;
}

type Lodging = 'hotel' | 'unreceipted';

interface Segment {
  index: number;
  startMs: number;
  minutes: number;
  lodging?: Lodging;
}

function rateKindOf(minutes: number, overnight: boolean): PerDiemRateKind | undefined {
  if (minutes < SIX_HOURS) return undefined;
  if (minutes <= TWELVE_HOURS) return 'day6to12';
  return overnight ? 'overnight' : 'dayOver12';
}

const STATE_RATE_NAME = {
  day6to12: 'perDiemDay6to12',
  dayOver12: 'perDiemDayOver12',
  overnight: 'perDiemOvernight',
} as const satisfies Record<PerDiemRateKind, keyof YearRates['state']>;

function lodgingBasis(lodging: Lodging): PerDiemTaxBasis {
  // A night without a receipt shows no hotel stay, and Skatteetaten's hotel limit needs one to be
  // made probable; the lowest overnight limit is the one that cannot be wrong in the employee's
  // favour. Payroll can re-class a night if the employee documents the lodging.
  return lodging === 'hotel' ? 'overnightHotel' : 'overnightPrivateOrCooking';
}

/**
 * Throws InvalidClaimInput (field path + message key) for input the rules cannot be applied to,
 * and RatesUnavailableError when the departure date is outside the years in the rates file.
 */
export function calculatePerDiem(input: PerDiemInput, options: PerDiemOptions = {}): PerDiemResult {
  const parsed = perDiemInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidClaimInput(issuesFromZod(parsed.error, ['perDiem.']));
  const trip = parsed.data;
  const rates = ratesFor(trip.departure.slice(0, 10));
  const used = new Set<string>();
  const basis = options.mealDeductionBasis ?? rates.state.mealDeduction.basis.value;

  const departureMs = localToUtcMs(trip.departure);
  const minutes = (localToUtcMs(trip.return) - departureMs) / MINUTE_MS;

  // Whole døgn first, then the remainder; nights go to the earliest døgn, hotel nights before
  // unreceipted ones (which only matters for the tax-free limit, see lodgingBasis).
  const wholeDogn = Math.floor(minutes / DOGN_MINUTES);
  const segments: Segment[] = [];
  for (let i = 0; i < wholeDogn; i++)
    segments.push({
      index: i,
      startMs: departureMs + i * DOGN_MINUTES * MINUTE_MS,
      minutes: DOGN_MINUTES,
    });
  const remainder = minutes - wholeDogn * DOGN_MINUTES;
  if (remainder > 0)
    segments.push({
      index: wholeDogn,
      startMs: departureMs + wholeDogn * DOGN_MINUTES * MINUTE_MS,
      minutes: remainder,
    });
  const lodgings: Lodging[] = [
    ...Array<Lodging>(trip.hotelNights).fill('hotel'),
    ...Array<Lodging>(trip.unreceiptedNights).fill('unreceipted'),
  ];
  lodgings.forEach((lodging, i) => {
    const segment = segments[i];
    if (segment) segment.lodging = lodging;
  });
  const hasNights = lodgings.length > 0;

  const mealsBySegment = new Map<number, Map<Meal, string[]>>();
  for (const day of [...trip.mealsProvided].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const meal of MEALS) {
      if (!day[meal]) continue;
      const at = (localToUtcMs(`${day.date}T${MEAL_TIME[meal]}`) - departureMs) / MINUTE_MS;
      const index = Math.min(Math.max(Math.floor(at / DOGN_MINUTES), 0), segments.length - 1);
      const byMeal = mealsBySegment.get(index) ?? new Map<Meal, string[]>();
      byMeal.set(meal, [...(byMeal.get(meal) ?? []), day.date]);
      mealsBySegment.set(index, byMeal);
    }
  }

  const noPerDiemReason: PerDiemReasonKey | undefined = !trip.over15km
    ? 'perDiem.reason.notOver15km'
    : minutes < SIX_HOURS
      ? 'perDiem.reason.under6Hours'
      : undefined;

  const days: PerDiemDay[] = [];
  const unpaid: UnpaidSegment[] = [];
  let lastLodgingBasis: PerDiemTaxBasis | undefined;
  for (const segment of noPerDiemReason ? [] : segments) {
    const from = utcMsToLocal(segment.startMs);
    const to = utcMsToLocal(segment.startMs + segment.minutes * MINUTE_MS);
    const hours = segment.minutes / 60;
    const kind = rateKindOf(segment.minutes, segment.lodging !== undefined);
    if (segment.lodging) lastLodgingBasis = lodgingBasis(segment.lodging);
    if (!kind) {
      unpaid.push({
        from,
        to,
        minutes: segment.minutes,
        hours,
        reasonKey: 'perDiem.reason.remainderUnder6Hours',
      });
      continue;
    }
    const rateName = STATE_RATE_NAME[kind];
    const rateOre = rates.state[rateName].ore;
    used.add(`state.${rateName}`);

    const mealDates = mealsBySegment.get(segment.index) ?? new Map<Meal, string[]>();
    const meals = new Set(mealDates.keys());
    const deductionBasisOre =
      basis === 'overnightRate' ? rates.state.perDiemOvernight.ore : rateOre;
    if (meals.size > 0) {
      used.add('state.mealDeduction.basis');
      if (basis === 'overnightRate') used.add('state.perDiemOvernight');
    }
    const deductions: MealDeduction[] = MEALS.filter((meal) => meals.has(meal)).map((meal) => {
      used.add(`state.mealDeduction.${meal}`);
      const percent = rates.state.mealDeduction[meal].percent;
      return {
        meal,
        percent,
        amountOre: percentOf(deductionBasisOre, percent),
        dates: mealDates.get(meal) ?? [],
      };
    });
    const deducted = rateOre - sumOre(deductions.map((d) => d.amountOre));
    const amountOre = atLeastZero(deducted);

    // Skatteetaten (from 2019, dib.no and kontohjelp.no): after a full døgn, 6 hours or more into
    // a new døgn without an overnight stay counts as a whole døgn at the overnight limit of the
    // last lodging; a trip with no overnight stay at all is measured against the day limits.
    const taxFreeBasis: PerDiemTaxBasis = segment.lodging
      ? lodgingBasis(segment.lodging)
      : hasNights && lastLodgingBasis
        ? lastLodgingBasis
        : segment.minutes <= TWELVE_HOURS
          ? 'day6to12'
          : 'dayOver12';
    const limit = perDiemTaxFreeLimit(taxFreeBasis, meals, rates);
    limit.figures.forEach((f) => used.add(f));

    days.push({
      from,
      to,
      minutes: segment.minutes,
      hours,
      rateKind: kind,
      rateOre,
      deductionBasisOre,
      deductions,
      deductionsClamped: deducted < 0,
      amountOre,
      taxFreeBasis,
      taxFreeLimitOre: limit.limitOre,
      ...splitAgainstLimit(amountOre, limit.limitOre),
    });
  }

  // Nattillegg is § 10 (lodging), not § 9 (kost): the 15 km and 6 hour conditions are § 9's, so
  // an unreceipted night is paid even when no per diem is.
  const nightSupplement: NightSupplementLine[] = [];
  if (trip.unreceiptedNights > 0) {
    const rateOre = rates.state.nightSupplement.ore;
    const amountOre = timesCount(rateOre, trip.unreceiptedNights);
    const limit = nightSupplementTaxFreeLimit(trip.unreceiptedNights, rates);
    used.add('state.nightSupplement');
    limit.figures.forEach((f) => used.add(f));
    nightSupplement.push({
      nights: trip.unreceiptedNights,
      rateOre,
      amountOre,
      taxFreeRateOre: limit.rateOre,
      ...splitAgainstLimit(amountOre, limit.limitOre),
    });
  }

  const perDiemOre = sumOre(days.map((d) => d.amountOre));
  const nightSupplementOre = sumOre(nightSupplement.map((n) => n.amountOre));
  const unverifiedFigures = unverifiedAmong(rates, used);
  return {
    departure: trip.departure,
    return: trip.return,
    year: rates.year,
    minutes,
    hours: minutes / 60,
    days,
    unpaid,
    nightSupplement,
    mealDeductionBasis: basis,
    perDiemOre,
    nightSupplementOre,
    totalOre: perDiemOre + nightSupplementOre,
    ...sumSplits([...days, ...nightSupplement]),
    ...(noPerDiemReason ? { reasonKey: noPerDiemReason } : {}),
    unverified: unverifiedFigures.length > 0,
    unverifiedFigures,
    rates,
  };
}
