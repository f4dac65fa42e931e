/**
 * Mileage allowance (kilometergodtgjørelse) for a trip in the employee's own car, at the state rates
 * of the trip's date (særavtale om reise innenlands § 6): the car rate for the whole trip, plus a
 * supplement per passenger for the km that passenger rode (the guide, 5.3, has each passenger added
 * with their own km), plus the forest/construction road and trailer supplements for their km.
 */
import { z } from 'zod';
import { rateTimesKm, sumOre, toHundredths } from './money.js';
import {
  InvalidClaimInput,
  isIsoDate,
  issuesFromZod,
  ratesFor,
  unverifiedAmong,
  type YearRates,
} from './rates.js';
import {
  mileageTaxFreeLimit,
  splitAgainstLimit,
  sumSplits,
  type MileageKind,
} from './tax-split.js';

/** Message keys this module can report; the conversation layer has a text for each. */
export const MILEAGE_ERROR_KEYS = [
  'mileage.error.dateInvalid',
  'mileage.error.kmNotPositive',
  'mileage.error.kmTooLong',
  'mileage.error.kmTooPrecise',
  'mileage.error.tooManyPassengers',
  'mileage.error.passengerNameEmpty',
  'mileage.error.passengerNameTooLong',
  'mileage.error.passengerKmNotPositive',
  'mileage.error.passengerKmTooLong',
  'mileage.error.passengerKmTooPrecise',
  'mileage.error.forestRoadKmNegative',
  'mileage.error.forestRoadKmTooLong',
  'mileage.error.forestRoadKmTooPrecise',
  'mileage.error.trailerKmNegative',
  'mileage.error.trailerKmTooLong',
  'mileage.error.trailerKmTooPrecise',
] as const;
export type MileageErrorKey = (typeof MILEAGE_ERROR_KEYS)[number];

/** Longer than any one domestic trip; a typo like 12000 for 120,00 should be caught, not paid. */
export const MAX_TRIP_KM = 5000;
export const MAX_PASSENGERS = 8;
export const MAX_PASSENGER_NAME = 60;

const hasTwoDecimalsAtMost = (km: number) => toHundredths(km) !== undefined;

export const mileageInputSchema = z
  .object({
    date: z.string().refine(isIsoDate, 'mileage.error.dateInvalid'),
    km: z
      .number()
      .positive('mileage.error.kmNotPositive')
      .max(MAX_TRIP_KM, 'mileage.error.kmTooLong')
      .refine(hasTwoDecimalsAtMost, 'mileage.error.kmTooPrecise'),
    passengers: z
      .array(
        z.object({
          name: z
            .string()
            .trim()
            .min(1, 'mileage.error.passengerNameEmpty')
            .max(MAX_PASSENGER_NAME, 'mileage.error.passengerNameTooLong'),
          km: z
            .number()
            .positive('mileage.error.passengerKmNotPositive')
            .refine(hasTwoDecimalsAtMost, 'mileage.error.passengerKmTooPrecise'),
        }),
      )
      .max(MAX_PASSENGERS, 'mileage.error.tooManyPassengers'),
    // Zero means "none": the card sends 0 for an empty supplement field.
    forestRoadKm: z
      .number()
      .nonnegative('mileage.error.forestRoadKmNegative')
      .refine(hasTwoDecimalsAtMost, 'mileage.error.forestRoadKmTooPrecise')
      .optional(),
    trailerKm: z
      .number()
      .nonnegative('mileage.error.trailerKmNegative')
      .refine(hasTwoDecimalsAtMost, 'mileage.error.trailerKmTooPrecise')
      .optional(),
  })
  .superRefine((input, ctx) => {
    // Nobody rides, and no supplement applies, for longer than the trip itself.
    input.passengers.forEach((p, i) => {
      if (p.km > input.km)
        ctx.addIssue({
          code: 'custom',
          path: ['passengers', i, 'km'],
          message: 'mileage.error.passengerKmTooLong',
        });
    });
    if ((input.forestRoadKm ?? 0) > input.km) {
      ctx.addIssue({
        code: 'custom',
        path: ['forestRoadKm'],
        message: 'mileage.error.forestRoadKmTooLong',
      });
    }
    if ((input.trailerKm ?? 0) > input.km) {
      ctx.addIssue({
        code: 'custom',
        path: ['trailerKm'],
        message: 'mileage.error.trailerKmTooLong',
      });
    }
  });
export type MileageInput = z.input<typeof mileageInputSchema>;

export interface MileageLine {
  kind: MileageKind;
  /** The passenger's name or initials, as entered (trimmed). */
  label?: string;
  km: number;
  rateOre: number;
  amountOre: number;
  /** Skatteetaten's per-km limit for this kind of line, for the breakdown. */
  taxFreeRateOre: number;
  taxFreeOre: number;
  taxableOre: number;
}

export interface MileageResult {
  date: string;
  year: number;
  lines: MileageLine[];
  totalOre: number;
  taxFreeOre: number;
  taxableOre: number;
  /** True when any figure used is not confirmed by a stored source (see `unverifiedFigures`). */
  unverified: boolean;
  /** Dotted names into `rates`, e.g. "taxFree.carPerKm". */
  unverifiedFigures: string[];
  rates: YearRates;
}

/**
 * Throws InvalidClaimInput (field path + message key) for input the rules cannot be applied to,
 * and RatesUnavailableError for a date outside the years in the rates file.
 */
export function calculateMileage(input: MileageInput): MileageResult {
  const parsed = mileageInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidClaimInput(issuesFromZod(parsed.error, ['mileage.']));
  const trip = parsed.data;
  const rates = ratesFor(trip.date);
  const used = new Set<string>();

  const line = (
    kind: MileageKind,
    km: number,
    rateName: keyof YearRates['state'] & `${string}PerKm`,
    label?: string,
  ): MileageLine => {
    const rateOre = rates.state[rateName].ore;
    const amountOre = rateTimesKm(rateOre, km);
    const limit = mileageTaxFreeLimit(kind, km, rates);
    used.add(`state.${rateName}`);
    limit.figures.forEach((f) => used.add(f));
    return {
      kind,
      ...(label === undefined ? {} : { label }),
      km,
      rateOre,
      amountOre,
      taxFreeRateOre: limit.rateOre,
      ...splitAgainstLimit(amountOre, limit.limitOre),
    };
  };

  const lines: MileageLine[] = [line('car', trip.km, 'carPerKm')];
  for (const passenger of trip.passengers)
    lines.push(line('passenger', passenger.km, 'passengerPerKm', passenger.name));
  if (trip.forestRoadKm) lines.push(line('forestRoad', trip.forestRoadKm, 'forestRoadPerKm'));
  if (trip.trailerKm) lines.push(line('trailer', trip.trailerKm, 'trailerPerKm'));

  const unverifiedFigures = unverifiedAmong(rates, used);
  return {
    date: trip.date,
    year: rates.year,
    lines,
    totalOre: sumOre(lines.map((l) => l.amountOre)),
    ...sumSplits(lines),
    unverified: unverifiedFigures.length > 0,
    unverifiedFigures,
    rates,
  };
}
