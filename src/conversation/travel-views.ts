/**
 * The travel claim's cards: the form (meals ticked per date on a trip over several days) and the
 * summary with the per diem day by day, the trip's mileage and outlays, and the tax split.
 */
import { formatMoney, t, type Lang, type MessageKey } from '../i18n/translate.js';
import type { PerDiemResult } from '../claims/per-diem.js';
import { formatDate, formatDay } from './card-views.js';
import { checkTravel, count, formatDays, TRAVEL_FIELDS, type FieldErrors } from './travel-check.js';
import { mealsForm, type MealField } from './travel-meals.js';
import {
  nok,
  nokOutlays,
  outlaySummaryLine,
  taxNote,
  tripSummaryView,
  unverifiedNote,
  type SummaryLine,
  type TripMode,
} from './trip-views.js';
import type { TravelDraft, View } from './types.js';

const NUMBER_FIELDS = [
  'hotelNights',
  'unreceiptedNights',
  'breakfasts',
  'lunches',
  'dinners',
] as const;

/** Up to a week, the dates are ticked in plain sight; a longer trip gets compact drop-downs. */
const MAX_EXPANDED_CHOICES = 7;

export function travelFormView(lang: Lang, draft: TravelDraft, errors: FieldErrors = {}): View {
  const l = (key: MessageKey) => t(lang, key);
  const meals = mealsForm(draft.fields);
  return {
    kind: 'card',
    template: 'travel-form',
    data: {
      title: l('travel.title'),
      intro: l('travel.intro'),
      draftId: draft.id,
      fields: { ...draft.fields, ...meals.values },
      // Input.Number takes a number: the renderer shows a string value as an empty box (and then
      // leaves it out of the submit). Anything that is not a count stays as typed, beside its error.
      numbers: Object.fromEntries(
        NUMBER_FIELDS.map((k) => {
          const value = k in meals.values ? meals.values[k as MealField] : draft.fields[k];
          return [k, count(value) ?? value];
        }),
      ),
      meals: {
        perDate: meals.perDate,
        style: meals.choices.length > MAX_EXPANDED_CHOICES ? 'compact' : 'expanded',
        choices: meals.choices.map((d) => ({ title: formatDay(lang, d), value: d })),
        hint: l(meals.perDate ? 'travel.field.mealsHintDates' : 'travel.field.mealsHintCounts'),
        placeholder: l('travel.placeholder.mealDays'),
      },
      labels: {
        departureDate: l('travel.field.departureDate'),
        departureTime: l('travel.field.departureTime'),
        returnDate: l('travel.field.returnDate'),
        returnTime: l('travel.field.returnTime'),
        destination: l('travel.field.destination'),
        purpose: l('outlay.field.purpose'),
        over15km: l('travel.field.over15km'),
        hotelNights: l('travel.field.hotelNights'),
        unreceiptedNights: l('travel.field.unreceiptedNights'),
        meals: l('travel.field.meals'),
        breakfasts: l('travel.field.breakfasts'),
        lunches: l('travel.field.lunches'),
        dinners: l('travel.field.dinners'),
        breakfastDays: l('travel.field.breakfastDays'),
        lunchDays: l('travel.field.lunchDays'),
        dinnerDays: l('travel.field.dinnerDays'),
        review: l('outlay.action.review'),
        cancel: l('outlay.action.cancel'),
      },
      placeholders: {
        destination: l('travel.placeholder.destination'),
        purpose: l('outlay.placeholder.purpose'),
      },
      required: {
        destination: l('travel.error.destinationRequired'),
        purpose: l('error.purpose.required'),
        time: l('travel.error.timeInvalid'),
      },
      errors: Object.fromEntries(TRAVEL_FIELDS.map((f) => [f, errors[f] ?? ''])),
    },
  };
}

function hm(local: string): string {
  return `${local.slice(8, 10)}.${local.slice(5, 7)} ${local.slice(11, 16)}`;
}

export function perDiemBreakdown(lang: Lang, result: PerDiemResult): SummaryLine[] {
  const money = (ore: number) => nok(lang, ore);
  const lines: SummaryLine[] = [];
  for (const day of result.days) {
    lines.push({
      label: t(lang, `travel.line.${day.rateKind}`, { from: hm(day.from), to: hm(day.to) }),
      amount: money(day.rateOre),
    });
    for (const d of day.deductions)
      lines.push({
        label: t(lang, `travel.line.deduction.${d.meal}`, {
          percent: d.percent,
          dates: formatDays(lang, d.dates),
        }),
        amount: `−${money(d.amountOre)}`,
      });
  }
  for (const n of result.nightSupplement)
    lines.push({
      label: t(lang, 'travel.line.nightSupplement', { nights: n.nights, rate: money(n.rateOre) }),
      amount: money(n.amountOre),
    });
  if (result.reasonKey) lines.push({ label: t(lang, result.reasonKey), amount: '' });
  return lines;
}

export function travelSummaryView(
  lang: Lang,
  draft: TravelDraft,
  mode: TripMode,
  number = '',
): View {
  const checked = checkTravel(lang, draft);
  const f = draft.fields;
  const lines = checked.ok ? perDiemBreakdown(lang, checked.result) : [];
  if (draft.mileage)
    lines.push({
      label: t(lang, 'mileage.description', { from: draft.mileage.from, to: draft.mileage.to }),
      amount: formatMoney(draft.mileage.amountMinor, 'NOK', lang),
    });
  for (const o of draft.outlays) lines.push(outlaySummaryLine(lang, o));
  const result = checked.ok ? checked.result : undefined;
  const totalOre =
    (result?.totalOre ?? 0) + (draft.mileage?.amountMinor ?? 0) + nokOutlays(draft.outlays);
  const taxFree = (result?.taxFreeOre ?? 0) + (draft.mileage?.taxFreeMinor ?? 0);
  const taxable = (result?.taxableOre ?? 0) + (draft.mileage?.taxableMinor ?? 0);
  // Per diem of nothing (a short trip) is no reason to say "all tax-free".
  const hasSplit = taxable > 0 || (result?.totalOre ?? 0) > 0;
  return tripSummaryView(lang, {
    prefix: 'travel',
    draftId: draft.id,
    mode,
    number,
    title: t(lang, mode === 'review' ? 'travel.summaryTitle' : 'travel.titleEdit'),
    facts: [
      { title: t(lang, 'travel.field.destination'), value: f.destination },
      {
        title: t(lang, 'travel.field.period'),
        value: `${formatDate(lang, f.departureDate)} ${f.departureTime} – ${formatDate(lang, f.returnDate)} ${f.returnTime}`,
      },
      { title: t(lang, 'outlay.field.purpose'), value: f.purpose },
    ],
    lines,
    total: nok(lang, totalOre),
    taxNote: taxNote(lang, hasSplit ? { taxFree, taxable } : undefined),
    unverifiedNote: unverifiedNote(lang, result),
    // Meals typed as numbers were placed on dates by a guess: say so while it can still be changed.
    note:
      checked.ok &&
      checked.mealsPlaced &&
      mode === 'review' &&
      checked.result.days.some((d) => d.deductions.length > 0)
        ? t(lang, 'travel.mealsPlaced', { edit: t(lang, 'outlay.action.edit') })
        : '',
    canAddMileage: !draft.mileage,
  });
}
