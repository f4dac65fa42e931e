/**
 * Meals provided on a trip (guide 5.4), as the travel form sends them. A meal reduces the per diem
 * of the døgn it falls in, and the døgn of one trip can be paid at different rates (an overnight
 * døgn, then a 6–12 hour remainder), so the calculator needs the date of each meal, not a count.
 *
 * - A trip over several calendar dates: one multi-select per meal whose choices are the trip's
 *   dates; Teams submits the ticked ones as "2026-11-03,2026-11-04".
 * - A one-day trip, the form before the dates are known, and clients that send numbers: a count.
 *   On a one-day trip a count is exact. On a longer one it is placed on dates by `placeCount`, and
 *   the summary shows those dates and says so, so the user can tick others.
 */
import { z } from 'zod';
import { isIsoDate } from '../claims/rates.js';
import type { MessageKey } from '../i18n/translate.js';
import type { TravelFields } from './types.js';

export const MEAL_FIELDS = ['breakfasts', 'lunches', 'dinners'] as const;
export type MealField = (typeof MEAL_FIELDS)[number];

/** Well past the calculator's 28 døgn (which it reports itself), so the form never loops forever. */
const MAX_TRIP_DATES = 60;

/** Calendar dates of the trip, first to last; none when either date is not a real date. */
export function tripDates(first: string, last: string): string[] {
  if (!isIsoDate(first) || !isIsoDate(last)) return [];
  const out: string[] = [];
  for (
    let d = new Date(`${first}T12:00:00Z`);
    out.length < MAX_TRIP_DATES;
    d = new Date(d.getTime() + 86_400_000)
  ) {
    const iso = d.toISOString().slice(0, 10);
    if (iso > last) break;
    out.push(iso);
  }
  return out;
}

/** One meal input read on its own, before the trip's dates are looked at. */
export type MealInput =
  | { kind: 'count'; count: number }
  /** `dates`: the tokens that are real dates, sorted, once each; `bad`: the first that is not. */
  | { kind: 'dates'; dates: string[]; bad?: string }
  | { kind: 'notCount'; value: string };

const COUNT = /^\d{1,3}$/;
/** A value holding a date, or several values, is a list of dates; anything else is a count. */
const LOOKS_LIKE_DATES = /\d{4}-\d{1,2}-\d{1,2}|,/;

export function readMealInput(value: string): MealInput {
  const v = value.trim();
  if (v === '') return { kind: 'count', count: 0 };
  if (COUNT.test(v)) return { kind: 'count', count: Number(v) };
  if (!LOOKS_LIKE_DATES.test(v)) return { kind: 'notCount', value: v };
  const tokens = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = tokens.find((s) => !isIsoDate(s));
  const dates = [...new Set(tokens.filter(isIsoDate))].sort();
  return bad === undefined ? { kind: 'dates', dates } : { kind: 'dates', dates, bad };
}

/**
 * Where `n` meals given as a count go on a trip over several dates. Breakfasts go on the mornings
 * after a night away first (a hotel breakfast follows a hotel night), lunches and dinners on the
 * first days. It is a guess: the summary names the dates and says they were placed.
 */
export function placeCount(field: MealField, n: number, trip: readonly string[]): string[] {
  const order = field === 'breakfasts' ? [...trip.slice(1), ...trip.slice(0, 1)] : trip;
  return order.slice(0, n).sort();
}

export interface PlacedMeals {
  dates: Record<MealField, string[]>;
  /** Some meal was given as a count that had to be placed on dates. */
  placed: boolean;
}

/** A field error as a catalogue key and its parameters; the flow words it in the user's language. */
export interface MealIssue {
  field: MealField;
  key: MessageKey;
  /** Dates in `dates`, `first` and `last` are ISO; the flow formats them for the user. */
  params: { value?: string; days?: number; dates?: string[]; first?: string; last?: string };
}

const mealInputSchema = z.string().transform(readMealInput);

/**
 * Validates the three meal inputs against the trip's dates: a date that is no date, a date outside
 * the trip, or more of a meal than the trip has days is an issue on that field. With no valid trip
 * dates (the departure or return is wrong, and says so itself) meals are not checked.
 */
export function mealsSchema(trip: readonly string[]) {
  return z
    .object({ breakfasts: mealInputSchema, lunches: mealInputSchema, dinners: mealInputSchema })
    .transform((inputs, ctx): PlacedMeals => {
      const issue = (field: MealField, key: MessageKey, params: MealIssue['params']) =>
        ctx.addIssue({ code: 'custom', path: [field], message: key, params, input: inputs[field] });
      const out: PlacedMeals = {
        dates: { breakfasts: [], lunches: [], dinners: [] },
        placed: false,
      };
      for (const field of MEAL_FIELDS) {
        const input = inputs[field];
        if (input.kind === 'notCount') {
          issue(field, 'travel.error.countInvalid', { value: input.value });
        } else if (input.kind === 'dates' && input.bad !== undefined) {
          issue(field, 'travel.error.mealDateInvalid', { value: input.bad });
        } else if (trip.length === 0) {
          continue;
        } else if (input.kind === 'count') {
          if (input.count > trip.length)
            issue(
              field,
              trip.length === 1 ? 'travel.error.tooManyMealsOneDay' : 'travel.error.tooManyMeals',
              { days: trip.length },
            );
          else {
            out.dates[field] = placeCount(field, input.count, trip);
            if (input.count > 0 && input.count < trip.length) out.placed = true;
          }
        } else {
          const outside = input.dates.filter((d) => !trip.includes(d));
          if (outside.length > 0)
            issue(field, 'travel.error.mealDateOutsideTrip', {
              dates: outside,
              first: trip[0],
              last: trip[trip.length - 1],
            });
          else out.dates[field] = input.dates;
        }
      }
      return out;
    });
}

export type MealsCheck = { ok: true; meals: PlacedMeals } | { ok: false; issues: MealIssue[] };

export function checkMeals(
  fields: Pick<TravelFields, MealField | 'departureDate' | 'returnDate'>,
): MealsCheck {
  const trip = tripDates(fields.departureDate, fields.returnDate);
  const parsed = mealsSchema(trip).safeParse({
    breakfasts: fields.breakfasts,
    lunches: fields.lunches,
    dinners: fields.dinners,
  });
  if (parsed.success) return { ok: true, meals: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      field: i.path[0] as MealField,
      key: i.message as MessageKey,
      params: (i as { params?: MealIssue['params'] }).params ?? {},
    })),
  };
}

export interface MealsForm {
  /** Per-date multi-selects rather than counts. */
  perDate: boolean;
  /** The dates to offer: the trip's, plus any ticked date outside it, so an error loses nothing. */
  choices: string[];
  /** What each input shows: ticked dates comma-separated, or a count. */
  values: Record<MealField, string>;
}

/**
 * How the meals section of the form looks for the fields as they stand. Counts on a trip over
 * several dates are shown as the dates they were placed on, ready to be corrected; ticked dates on
 * a one-day trip become a count again, unless some lie outside the trip and must stay visible.
 */
export function mealsForm(fields: TravelFields): MealsForm {
  const trip = tripDates(fields.departureDate, fields.returnDate);
  const inputs = Object.fromEntries(
    MEAL_FIELDS.map((f) => [f, readMealInput(fields[f])]),
  ) as Record<MealField, MealInput>;
  const strays = MEAL_FIELDS.flatMap((f) => {
    const input = inputs[f];
    return input.kind === 'dates' ? input.dates.filter((d) => !trip.includes(d)) : [];
  });
  const perDate = trip.length > 1 || strays.length > 0;
  const values = Object.fromEntries(
    MEAL_FIELDS.map((f) => {
      const input = inputs[f];
      if (!perDate)
        return [
          f,
          input.kind === 'count'
            ? String(input.count)
            : input.kind === 'dates'
              ? String(input.dates.length)
              : input.value,
        ];
      if (input.kind === 'count')
        return [f, placeCount(f, Math.min(input.count, trip.length), trip).join(',')];
      return [f, input.kind === 'dates' ? input.dates.join(',') : ''];
    }),
  ) as Record<MealField, string>;
  return { perDate, choices: [...new Set([...trip, ...strays])].sort(), values };
}
