/**
 * The mileage claim (guide 5.3): date, from, to, km, purpose, passengers one at a time (name or
 * initials and their km), forest-road and trailer supplements; the amount is computed from the
 * state rates of the trip's date and shown with its breakdown before filing. Tolls, parking and
 * ferries on the trip are added as outlays on the same claim (guide 5.1).
 */
import { calculateMileage, type MileageResult } from '../claims/mileage.js';
import { InvalidClaimInput, RatesUnavailableError } from '../claims/rates.js';
import type { MileageClaimLine, NewClaim } from '../claims/claim.js';
import { t, type Lang, type MessageKey } from '../i18n/translate.js';
import { formatDate } from './card-views.js';
import type { MileageGuess } from './mileage-text.js';
import { checkPurpose } from './outlay-form.js';
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
import { addMileageToTravel } from './travel-flow.js';
import type { Turn } from './turn.js';
import type { MileageDraft, MileageFields, View } from './types.js';
import type { z } from 'zod';
import type { mileageActions } from './actions/mileage-actions.js';
import type { Routes } from './actions/route-types.js';
import {
  cancel,
  checkedAs,
  edit,
  file,
  filedAs,
  onCurrent,
  review,
  type DraftFlow,
} from './draft-lifecycle.js';

export const MILEAGE_FIELDS = [
  'date',
  'from',
  'to',
  'km',
  'purpose',
  'trailerKm',
  'forestRoadKm',
] as const;

/** "12,5" and "12.5" are both 12.5 km; empty is undefined. */
export function parseKm(value: string): number | undefined {
  const v = value.trim().replace(/\s/g, '').replace(/km$/i, '').replace(',', '.');
  if (!v) return undefined;
  if (!/^\d+(?:\.\d+)?$/.test(v)) return Number.NaN;
  return Number(v);
}

function formatKm(km: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
    maximumFractionDigits: 2,
  }).format(km);
}

export function startMileage(turn: Turn, guess?: MileageGuess, parent?: MileageDraft['parent']) {
  const fields: MileageFields = {
    date: guess?.date ?? turn.ctx.today,
    from: guess?.from ?? '',
    to: guess?.to ?? '',
    km: guess ? String(guess.km).replace('.', ',') : '',
    purpose: '',
    trailerKm: '',
    forestRoadKm: '',
  };
  const draft: MileageDraft = {
    id: turn.ctx.newId(),
    step: 'form',
    fields,
    passengers: (guess?.passengers ?? []).map((name) => ({ name, km: guess?.km ?? 0 })),
    outlays: [],
    prefilled: Boolean(guess),
    ...(parent ? { parent } : {}),
  };
  if (parent) draft.fields.purpose = turn.state.travel?.fields.purpose ?? '';
  turn.state.mileage = draft;
  if (!guess) return void turn.messages.push(mileageFormView(turn.lang, draft));
  // As with outlays from free text: show what was understood, with the amount, and ask for the purpose.
  turn.messages.push(mileageSummaryView(turn.lang, draft, 'draft'));
  turn.say('mileage.askPurpose');
}

export type FieldErrors = Partial<
  Record<(typeof MILEAGE_FIELDS)[number] | 'passengerName' | 'passengerKm' | 'passengers', string>
>;

function fieldsFromCard(data: Record<string, unknown>, previous: MileageFields): MileageFields {
  const next = { ...previous };
  for (const key of MILEAGE_FIELDS) {
    const v = data[key];
    if (typeof v === 'string') next[key] = v.trim();
    else if (typeof v === 'number' && Number.isFinite(v)) next[key] = String(v);
  }
  return next;
}

export interface MileageChecked {
  ok: true;
  result: MileageResult;
  line: MileageClaimLine;
}
type Checked = MileageChecked | { ok: false; errors: FieldErrors };

const SUPPLEMENTS = ['trailerKm', 'forestRoadKm'] as const;

/** `preview`: compute the amount before the user has given the purpose and the places. */
export function checkMileage(lang: Lang, draft: MileageDraft, preview = false): Checked {
  const f = draft.fields;
  const errors: FieldErrors = {};
  const say = sayIn(lang);
  if (!f.from && !preview) errors.from = say('mileage.error.fromRequired');
  if (!f.to && !preview) errors.to = say('mileage.error.toRequired');
  const km = parseKm(f.km);
  if (km === undefined) errors.km = say('mileage.error.kmRequired');
  else if (Number.isNaN(km)) errors.km = say('mileage.error.kmInvalid');
  const supplements: Partial<Record<(typeof SUPPLEMENTS)[number], number>> = {};
  for (const s of SUPPLEMENTS) {
    const v = parseKm(f[s]);
    if (v !== undefined && Number.isNaN(v)) errors[s] = say('mileage.error.kmInvalid');
    else if (v) supplements[s] = v;
  }
  const purposeError = checkPurpose(f.purpose);
  if (purposeError && !(preview && purposeError === 'error.purpose.required'))
    errors.purpose = say(purposeError);
  if (Object.keys(errors).length > 0 || km === undefined || Number.isNaN(km))
    return { ok: false, errors };
  try {
    const result = calculateMileage({
      date: f.date,
      km,
      passengers: draft.passengers,
      ...supplements,
    });
    const line: MileageClaimLine = {
      type: 'mileage',
      date: f.date,
      from: f.from || '?',
      to: f.to || '?',
      km,
      passengers: draft.passengers,
      ...(supplements.forestRoadKm ? { forestRoadKm: supplements.forestRoadKm } : {}),
      ...(supplements.trailerKm ? { trailerKm: supplements.trailerKm } : {}),
      amountMinor: result.totalOre,
      currency: 'NOK',
      taxFreeMinor: result.taxFreeOre,
      taxableMinor: result.taxableOre,
    };
    return { ok: true, result, line };
  } catch (err) {
    if (err instanceof RatesUnavailableError)
      return {
        ok: false,
        errors: { date: say('claim.error.ratesUnavailable', { years: err.knownYears.join(', ') }) },
      };
    if (err instanceof InvalidClaimInput) {
      for (const issue of err.issues) {
        const field = issue.field.startsWith('passengers')
          ? 'passengers'
          : (issue.field as keyof FieldErrors);
        errors[field] = say(
          (issue.key in MILEAGE_ERROR_TEXT ? issue.key : 'claim.error.invalidValue') as MessageKey,
        );
      }
      return { ok: false, errors };
    }
    throw err;
  }
}
const MILEAGE_ERROR_TEXT: Record<string, true> = Object.fromEntries(
  [
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
  ].map((k) => [k, true]),
);

export function mileageFormView(
  lang: Lang,
  draft: MileageDraft,
  errors: FieldErrors = {},
  passengerInput = { name: '', km: '' },
): View {
  const label = (key: MessageKey) => t(lang, key);
  return {
    kind: 'card',
    template: 'mileage-form',
    data: {
      title: label(draft.prefilled ? 'mileage.title' : 'mileage.title'),
      intro: draft.prefilled ? label('outlay.prefilled') : label('mileage.intro'),
      draftId: draft.id,
      fields: { ...draft.fields },
      passengerInput,
      passengers: draft.passengers.map((p, index) => ({
        index,
        text: `${p.name}: ${formatKm(p.km, lang)} km`,
      })),
      noPassengers: draft.passengers.length === 0 ? label('mileage.noPassengers') : '',
      labels: {
        date: label('outlay.field.date'),
        from: label('mileage.field.from'),
        to: label('mileage.field.to'),
        km: label('mileage.field.km'),
        purpose: label('outlay.field.purpose'),
        trailerKm: label('mileage.field.trailerKm'),
        forestRoadKm: label('mileage.field.forestRoadKm'),
        passengers: label('mileage.field.passengers'),
        passengerName: label('mileage.field.passengerName'),
        passengerKm: label('mileage.field.passengerKm'),
        addPassenger: label('mileage.action.addPassenger'),
        removePassenger: label('mileage.action.removePassenger'),
        review: label('outlay.action.review'),
        cancel: label('outlay.action.cancel'),
      },
      placeholders: {
        from: label('mileage.placeholder.from'),
        to: label('mileage.placeholder.to'),
        km: label('mileage.placeholder.km'),
        purpose: label('outlay.placeholder.purpose'),
        passengerName: label('mileage.placeholder.passengerName'),
        optionalKm: label('mileage.placeholder.optionalKm'),
      },
      required: {
        from: label('mileage.error.fromRequired'),
        to: label('mileage.error.toRequired'),
        km: label('mileage.error.kmRequired'),
        purpose: label('error.purpose.required'),
      },
      errors: Object.fromEntries(
        [...MILEAGE_FIELDS, 'passengerName', 'passengerKm', 'passengers'].map((f) => [
          f,
          errors[f as keyof FieldErrors] ?? '',
        ]),
      ),
    },
  };
}

export function mileageBreakdown(lang: Lang, result: MileageResult): SummaryLine[] {
  const money = (ore: number) => nok(lang, ore);
  return result.lines.map((l) => ({
    label: t(lang, `mileage.line.${l.kind}`, {
      name: l.label ?? '',
      km: formatKm(l.km, lang),
      rate: money(l.rateOre),
    }),
    amount: money(l.amountOre),
  }));
}

export type MileageMode = TripMode;

export function mileageSummaryView(
  lang: Lang,
  draft: MileageDraft,
  mode: MileageMode,
  number = '',
): View {
  const checked = checkMileage(lang, draft, true);
  const f = draft.fields;
  const lines: SummaryLine[] = checked.ok ? mileageBreakdown(lang, checked.result) : [];
  for (const o of draft.outlays) lines.push(outlaySummaryLine(lang, o));
  const result = checked.ok ? checked.result : undefined;
  const totalOre = (result?.totalOre ?? 0) + nokOutlays(draft.outlays);
  return tripSummaryView(lang, {
    prefix: 'mileage',
    draftId: draft.id,
    mode,
    number,
    title: t(lang, mode === 'review' ? 'mileage.summaryTitle' : 'mileage.titleEdit'),
    facts: [
      { title: t(lang, 'outlay.field.date'), value: formatDate(lang, f.date) },
      { title: t(lang, 'mileage.field.route'), value: `${f.from || '?'} – ${f.to || '?'}` },
      ...(f.purpose ? [{ title: t(lang, 'outlay.field.purpose'), value: f.purpose }] : []),
    ],
    lines,
    total: nok(lang, totalOre),
    taxNote: taxNote(lang, result && { taxFree: result.taxFreeOre, taxable: result.taxableOre }),
    unverifiedNote: unverifiedNote(lang, result),
    canAddMileage: false,
    addsToParent: Boolean(draft.parent),
  });
}

export function mileageClaim(lang: Lang, draft: MileageDraft, line: MileageClaimLine): NewClaim {
  return {
    description: t(lang, 'mileage.description', { from: line.from, to: line.to }),
    purpose: draft.fields.purpose.trim(),
    lines: [line, ...draft.outlays],
  };
}

/** Mileage through the shared draft lifecycle: only its check, cards and claim are its own. */
export const mileageFlow: DraftFlow<MileageDraft, MileageChecked, FieldErrors> = {
  get: (state) => state.mileage,
  set: (state, draft) => {
    state.mileage = draft;
  },
  filingInProgress: 'outlay.filingInProgress',
  cancelled: 'outlay.cancelled',
  check: (turn, draft) => checkedAs(checkMileage(turn.lang, draft)),
  formView: (turn, draft, errors) => mileageFormView(turn.lang, draft, errors),
  summaryView: (turn, draft, mode, number) => mileageSummaryView(turn.lang, draft, mode, number),
  stale: (turn, draftId) => {
    // The card of a mileage claim filed already says where it went, rather than "no draft".
    const filed = filedAs(turn.state, draftId);
    if (filed) return turn.say('outlay.alreadyFiled', { number: filed.number });
    turn.say('mileage.noDraft');
  },
  afterReview: (turn, draft) => {
    if (draft.outlays.length === 0) turn.say('mileage.askTolls');
  },
  filing: (turn, draft, checked, fromCard) => {
    if (draft.parent) {
      // Mileage on a travel claim is filed with the travel claim.
      turn.state.mileage = undefined;
      if (fromCard) turn.replace = mileageSummaryView(turn.lang, draft, 'added');
      addMileageToTravel(turn, checked.line);
      return undefined;
    }
    return {
      claim: mileageClaim(turn.lang, draft, checked.line),
      ...(draft.receiptIds?.length ? { receiptIds: draft.receiptIds } : {}),
    };
  },
  setAside: (turn, draft) => {
    turn.state.setAsideMileage = draft;
  },
};

export function reviewMileage(turn: Turn, draft: MileageDraft, fromCard: boolean) {
  review(mileageFlow, turn, draft, fromCard);
}

function addPassenger(turn: Turn, draft: MileageDraft, data: Record<string, unknown>) {
  const lang = turn.lang;
  const updated: MileageDraft = { ...draft, fields: fieldsFromCard(data, draft.fields) };
  const name = cardText(data.passengerName);
  const kmText = cardText(data.passengerKm);
  const km = kmText ? parseKm(kmText) : parseKm(updated.fields.km);
  const errors: FieldErrors = {};
  if (!name) errors.passengerName = t(lang, 'mileage.error.passengerNameEmpty');
  else if (name.length > 60) errors.passengerName = t(lang, 'mileage.error.passengerNameTooLong');
  if (km === undefined || Number.isNaN(km) || km <= 0)
    errors.passengerKm = t(lang, 'mileage.error.passengerKmNotPositive');
  else if ((parseKm(updated.fields.km) ?? Infinity) < km)
    errors.passengerKm = t(lang, 'mileage.error.passengerKmTooLong');
  if (updated.passengers.length >= 8)
    errors.passengers = t(lang, 'mileage.error.tooManyPassengers');
  if (Object.keys(errors).length > 0 || km === undefined) {
    turn.state.mileage = updated;
    turn.replace = mileageFormView(lang, updated, errors, { name, km: kmText });
    return;
  }
  const withPassenger: MileageDraft = {
    ...updated,
    step: 'form',
    passengers: [...updated.passengers, { name, km }],
  };
  turn.state.mileage = withPassenger;
  turn.replace = mileageFormView(lang, withPassenger);
}

/** An input as text: Teams sends strings, other clients may send numbers. */
function cardText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

type MileageActionName = Exclude<
  z.infer<(typeof mileageActions)[number]>['action'],
  'mileage.addOutlay'
>;

/** The mileage card's buttons (adding an outlay to the trip belongs to the outlay flow). */
export const mileageRoutes: Routes<MileageActionName> = {
  'mileage.start': (turn) => startMileage(turn),
  'mileage.addPassenger': onCurrent(mileageFlow, addPassenger),
  'mileage.removePassenger': onCurrent(mileageFlow, (turn, draft, action) => {
    const index = Number(action.index);
    const updated: MileageDraft = {
      ...draft,
      fields: fieldsFromCard(action, draft.fields),
      passengers: draft.passengers.filter((_, i) => i !== index),
    };
    turn.state.mileage = updated;
    turn.replace = mileageFormView(turn.lang, updated);
  }),
  'mileage.submit': onCurrent(mileageFlow, (turn, draft, action) =>
    review(mileageFlow, turn, { ...draft, fields: fieldsFromCard(action, draft.fields) }, true),
  ),
  'mileage.edit': onCurrent(mileageFlow, (turn, draft) => edit(mileageFlow, turn, draft)),
  'mileage.file': onCurrent(mileageFlow, (turn, draft) => file(mileageFlow, turn, draft, true)),
  'mileage.cancel': onCurrent(mileageFlow, (turn, draft) => cancel(mileageFlow, turn, draft, true)),
};
