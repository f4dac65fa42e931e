/**
 * What the travel form says and whether it holds (guide 5.4): the inputs read off the card, the
 * times, nights and meals checked, and the per diem computed from the state rates of the
 * departure date; then the claim that is filed.
 */
import type { NewClaim, PerDiemClaimLine } from '../claims/claim.js';
import { calculatePerDiem, type PerDiemResult } from '../claims/per-diem.js';
import { InvalidClaimInput, isIsoDate, RatesUnavailableError } from '../claims/rates.js';
import { z } from 'zod';
import { t, type Lang, type MessageKey } from '../i18n/translate.js';
import {
  placeInput,
  purposeInput,
  readCardInputs,
  refusedTexts,
  shortInput,
  text,
  type InputRule,
} from './card-input.js';
import { formatDay } from './card-views.js';
import { checkMeals, MEAL_FIELDS, tripDates, type MealIssue } from './travel-meals.js';
import { sayIn } from './trip-views.js';
import type { TravelDraft, TravelFields } from './types.js';

export const TRAVEL_FIELDS = [
  'departureDate',
  'departureTime',
  'returnDate',
  'returnTime',
  'destination',
  'purpose',
  'over15km',
  'hotelNights',
  'unreceiptedNights',
  'breakfasts',
  'lunches',
  'dinners',
] as const;
export type TravelField = (typeof TRAVEL_FIELDS)[number];
export type FieldErrors = Partial<Record<TravelField, string>>;

export function emptyTravelFields(today: string): TravelFields {
  return {
    departureDate: today,
    departureTime: '08:00',
    returnDate: today,
    returnTime: '17:00',
    destination: '',
    purpose: '',
    over15km: 'true',
    hotelNights: '0',
    unreceiptedNights: '0',
    breakfasts: '0',
    lunches: '0',
    dinners: '0',
  };
}

/**
 * One input as a card or another client sends it: Teams sends strings (a multi-select as
 * "a,b"), other clients may send numbers, booleans or an array for a multi-select.
 */
const cardValueSchema = z
  .union([
    z.string(),
    z.number().finite().transform(String),
    z.boolean().transform(String),
    z
      .array(z.union([z.string(), z.number()]))
      .max(100)
      .transform((a) => a.join(',')),
  ])
  .transform((v) => v.trim());

/** A multi-select of meal dates: up to a hundred "YYYY-MM-DD," entries. */
const mealDates = text(1200);

/** What each travel input may hold; anything else is refused at the edge (card-input.ts). */
const TRAVEL_RULES: Record<TravelField, InputRule> = {
  departureDate: shortInput,
  departureTime: shortInput,
  returnDate: shortInput,
  returnTime: shortInput,
  destination: placeInput,
  purpose: purposeInput,
  over15km: shortInput,
  hotelNights: shortInput,
  unreceiptedNights: shortInput,
  breakfasts: mealDates,
  lunches: mealDates,
  dinners: mealDates,
};

function readTravelInput(value: unknown, key: TravelField): string | undefined {
  const v = cardValueSchema.safeParse(value);
  if (v.success) return v.data;
  // The Adaptive Cards renderer leaves an input with nothing ticked out of the submitted data
  // altogether, so a missing meal input means none: otherwise unticking every date would keep them.
  if (value === undefined && (MEAL_FIELDS as readonly string[]).includes(key)) return '';
  return undefined;
}

/** The form's inputs from a card; `refused` holds the message of each input not kept. */
export function fieldsFromCard(lang: Lang, data: Record<string, unknown>, previous: TravelFields) {
  const read = readCardInputs(data, previous, TRAVEL_RULES, readTravelInput);
  return { fields: read.fields, refused: refusedTexts(lang, read.refused, TRAVEL_RULES) };
}

export function count(value: string): number | undefined {
  const v = value.trim() || '0';
  return /^\d{1,3}$/.test(v) ? Number(v) : undefined;
}

/** `mealsPlaced`: meals given as counts were put on dates of a trip over several days. */
export interface TravelChecked {
  ok: true;
  result: PerDiemResult;
  line?: PerDiemClaimLine;
  mealsPlaced: boolean;
}
type Checked = TravelChecked | { ok: false; errors: FieldErrors };

/** A list of days in the user's language: "man. 2. nov., tir. 3. nov.". */
export function formatDays(lang: Lang, dates: readonly string[]): string {
  return dates.map((d) => formatDay(lang, d)).join(', ');
}

function mealError(lang: Lang, issue: MealIssue): string {
  const { value, days, dates, first, last } = issue.params;
  return t(lang, issue.key, {
    ...(value !== undefined ? { value: value.length > 40 ? `${value.slice(0, 39)}…` : value } : {}),
    ...(days !== undefined ? { days } : {}),
    ...(dates ? { dates: formatDays(lang, dates) } : {}),
    ...(first ? { first: formatDay(lang, first) } : {}),
    ...(last ? { last: formatDay(lang, last) } : {}),
  });
}

export function checkTravel(lang: Lang, draft: TravelDraft): Checked {
  const f = draft.fields;
  const errors: FieldErrors = {};
  const say = sayIn(lang);
  if (!f.destination) errors.destination = say('travel.error.destinationRequired');
  const purpose = f.purpose.trim();
  if (!purpose) errors.purpose = say('error.purpose.required');
  else if (purpose.length < 3) errors.purpose = say('error.purpose.tooShort');
  if (!/^\d{2}:\d{2}$/.test(f.departureTime))
    errors.departureTime = say('travel.error.timeInvalid');
  if (!/^\d{2}:\d{2}$/.test(f.returnTime)) errors.returnTime = say('travel.error.timeInvalid');
  // Said here, not left to the calculator, which only runs once the rest of the form is right.
  if (isIsoDate(f.departureDate) && isIsoDate(f.returnDate) && f.returnDate < f.departureDate)
    errors.returnDate = say('perDiem.error.returnNotAfterDeparture');
  const counts: Partial<Record<'hotelNights' | 'unreceiptedNights', number>> = {};
  for (const key of ['hotelNights', 'unreceiptedNights'] as const) {
    const n = count(f[key]);
    if (n === undefined) errors[key] = say('travel.error.countInvalid');
    else counts[key] = n;
  }
  // Meals by calendar date of the trip, at most one of each a day; a count is placed on dates.
  const meals = checkMeals(f);
  if (!meals.ok) for (const issue of meals.issues) errors[issue.field] ??= mealError(lang, issue);
  if (Object.keys(errors).length > 0 || !meals.ok) return { ok: false, errors };
  const provided = meals.meals.dates;
  const mealsProvided = tripDates(f.departureDate, f.returnDate)
    .map((date) => ({
      date,
      breakfast: provided.breakfasts.includes(date),
      lunch: provided.lunches.includes(date),
      dinner: provided.dinners.includes(date),
    }))
    .filter((m) => m.breakfast || m.lunch || m.dinner);
  const departure = `${f.departureDate}T${f.departureTime}`;
  const ret = `${f.returnDate}T${f.returnTime}`;
  try {
    const result = calculatePerDiem({
      departure,
      return: ret,
      over15km: f.over15km === 'true',
      hotelNights: counts.hotelNights ?? 0,
      unreceiptedNights: counts.unreceiptedNights ?? 0,
      mealsProvided,
    });
    const line: PerDiemClaimLine | undefined =
      result.totalOre > 0
        ? {
            type: 'perDiem',
            date: f.departureDate,
            departure,
            return: ret,
            destination: f.destination,
            hotelNights: counts.hotelNights ?? 0,
            unreceiptedNights: counts.unreceiptedNights ?? 0,
            amountMinor: result.totalOre,
            currency: 'NOK',
            taxFreeMinor: result.taxFreeOre,
            taxableMinor: result.taxableOre,
          }
        : undefined;
    return { ok: true, result, ...(line ? { line } : {}), mealsPlaced: meals.meals.placed };
  } catch (err) {
    if (err instanceof RatesUnavailableError)
      return {
        ok: false,
        errors: {
          departureDate: say('claim.error.ratesUnavailable', { years: err.knownYears.join(', ') }),
        },
      };
    if (err instanceof InvalidClaimInput) {
      for (const issue of err.issues) {
        const field: TravelField =
          issue.field === 'departure'
            ? 'departureDate'
            : issue.field === 'return'
              ? 'returnDate'
              : issue.field.startsWith('mealsProvided')
                ? 'breakfasts'
                : (issue.field as TravelField);
        errors[field] = say(
          (issue.key.startsWith('perDiem.error.')
            ? issue.key
            : 'claim.error.invalidValue') as MessageKey,
        );
      }
      return { ok: false, errors };
    }
    throw err;
  }
}

export function travelClaim(
  lang: Lang,
  draft: TravelDraft,
  line: PerDiemClaimLine | undefined,
): NewClaim | undefined {
  const lines: NewClaim['lines'] = [
    ...(line ? [line] : []),
    ...(draft.mileage ? [draft.mileage] : []),
    ...draft.outlays,
  ];
  if (lines.length === 0) return undefined;
  return {
    description: t(lang, 'travel.description', { destination: draft.fields.destination }),
    purpose: draft.fields.purpose.trim(),
    lines,
  };
}
