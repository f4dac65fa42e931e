/**
 * The travel claim (guide 5.4): departure and return, destination, purpose, more than 15 km,
 * nights at a hotel (on receipt) or without (nattillegg), meals provided; the per diem is computed
 * from the state rates of the departure date and shown day by day, and the trip's outlays and
 * mileage are gathered on the same claim.
 */
import type { MileageClaimLine, NewClaim, PerDiemClaimLine } from '../claims/claim.js';
import { calculatePerDiem, type PerDiemResult } from '../claims/per-diem.js';
import { InvalidClaimInput, isIsoDate, RatesUnavailableError } from '../claims/rates.js';
import { z } from 'zod';
import { formatMoney, t, type Lang, type MessageKey } from '../i18n/translate.js';
import { formatDate, formatDay } from './card-views.js';
import {
  checkMeals,
  MEAL_FIELDS,
  mealsForm,
  tripDates,
  type MealField,
  type MealIssue,
} from './travel-meals.js';
import {
  nok,
  nokOutlays,
  sayIn,
  outlaySummaryLine,
  taxNote,
  tripSummaryView,
  unverifiedNote,
  type SummaryLine,
  type TripMode,
} from './trip-views.js';
import type { Turn } from './turn.js';
import type { TravelDraft, TravelFields, View } from './types.js';
import type { travelActions } from './actions/travel-actions.js';
import type { Routes } from './actions/route-types.js';
import {
  cancel,
  checkedAs,
  edit,
  file,
  onCurrent,
  review,
  type DraftFlow,
} from './draft-lifecycle.js';
import { startMileage } from './mileage-flow.js';

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
type TravelField = (typeof TRAVEL_FIELDS)[number];
type FieldErrors = Partial<Record<TravelField, string>>;

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

export function startTravel(turn: Turn) {
  const draft: TravelDraft = {
    id: turn.ctx.newId(),
    step: 'form',
    fields: emptyTravelFields(turn.ctx.today),
    outlays: [],
  };
  turn.state.travel = draft;
  turn.messages.push(travelFormView(turn.lang, draft));
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

function fieldsFromCard(data: Record<string, unknown>, previous: TravelFields): TravelFields {
  const next = { ...previous };
  for (const key of TRAVEL_FIELDS) {
    const v = cardValueSchema.safeParse(data[key]);
    if (v.success) next[key] = v.data;
    // The Adaptive Cards renderer leaves an input with nothing ticked out of the submitted data
    // altogether, so a missing meal input means none: otherwise unticking every date would keep them.
    else if (data[key] === undefined && (MEAL_FIELDS as readonly string[]).includes(key))
      next[key] = '';
  }
  return next;
}

function count(value: string): number | undefined {
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
function formatDays(lang: Lang, dates: readonly string[]): string {
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

/** Travel through the shared draft lifecycle: only its check, cards and claim are its own. */
export const travelFlow: DraftFlow<TravelDraft, TravelChecked, FieldErrors> = {
  get: (state) => state.travel,
  set: (state, draft) => {
    state.travel = draft;
  },
  filingInProgress: 'outlay.filingInProgress',
  cancelled: 'outlay.cancelled',
  check: (turn, draft) => checkedAs(checkTravel(turn.lang, draft)),
  formView: (turn, draft, errors) => travelFormView(turn.lang, draft, errors),
  summaryView: (turn, draft, mode, number) => travelSummaryView(turn.lang, draft, mode, number),
  stale: (turn) => turn.say('travel.noDraft'),
  afterReview: (turn, draft) => {
    if (draft.outlays.length === 0 && !draft.mileage) turn.say('travel.askExtras');
  },
  filing: (turn, draft, checked) => {
    const claim = travelClaim(turn.lang, draft, checked.line);
    if (!claim) return void turn.say('travel.nothingToClaim');
    return {
      claim,
      ...(draft.receiptIds?.length ? { receiptIds: draft.receiptIds } : {}),
      ...(draft.documentIds?.length ? { documentIds: draft.documentIds } : {}),
    };
  },
};

export function reviewTravel(turn: Turn, draft: TravelDraft, fromCard: boolean) {
  review(travelFlow, turn, draft, fromCard);
}

type TravelActionName = Exclude<
  z.infer<(typeof travelActions)[number]>['action'],
  'travel.addOutlay'
>;

/** The travel card's buttons (adding an outlay to the trip belongs to the outlay flow). */
export const travelRoutes: Routes<TravelActionName> = {
  'travel.start': (turn) => startTravel(turn),
  'travel.submit': onCurrent(travelFlow, (turn, draft, action) =>
    review(travelFlow, turn, { ...draft, fields: fieldsFromCard(action, draft.fields) }, true),
  ),
  'travel.edit': onCurrent(travelFlow, (turn, draft) => edit(travelFlow, turn, draft)),
  'travel.file': onCurrent(travelFlow, (turn, draft) => file(travelFlow, turn, draft, true)),
  'travel.cancel': onCurrent(travelFlow, (turn, draft) => cancel(travelFlow, turn, draft, true)),
  'travel.addMileage': onCurrent(travelFlow, (turn, draft) =>
    startMileage(turn, undefined, { kind: 'travel', id: draft.id }),
  ),
};

/** A mileage line computed in the mileage flow goes onto the travel claim it was started from. */
export function addMileageToTravel(turn: Turn, line: MileageClaimLine) {
  const travel = turn.state.travel;
  if (!travel) return turn.say('travel.noDraft');
  turn.state.travel = { ...travel, step: 'review', mileage: line };
  turn.messages.push(travelSummaryView(turn.lang, turn.state.travel, 'review'));
}
