/**
 * The mileage claim (guide 5.3): date, from, to, km, purpose, passengers one at a time (name or
 * initials and their km), forest-road and trailer supplements; the amount is computed from the
 * state rates of the trip's date and shown with its breakdown before filing. Tolls, parking and
 * ferries on the trip are added as outlays on the same claim (guide 5.1). Its check is
 * mileage-check.ts, its cards mileage-views.ts; here are its steps and its buttons.
 */
import { t, type MessageKey } from '../i18n/translate.js';
import type { Missing } from '../understanding/missing-answer.js';
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
  reviewInputs,
  type DraftFlow,
} from './draft-lifecycle.js';
import {
  checkMileage,
  fieldsFromCard,
  mileageClaim,
  parseKm,
  type FieldErrors,
  type MileageChecked,
} from './mileage-check.js';
import type { OutlayLine } from '../claims/claim.js';
import type { MileageGuess } from '../understanding/trip-text.js';
import { mileageFormView, mileageSummaryView } from './mileage-views.js';
import { addMileageToTravel } from './travel-flow.js';
import type { Turn } from './turn.js';
import type { MileageDraft, MileageFields } from './types.js';
import { setAsideMileage } from './set-aside.js';

// The cards are imported from here by scripts/sample-cards.ts.
export { mileageFormView, mileageSummaryView } from './mileage-views.js';

/** Km as the form shows them: a decimal comma, empty when not said. */
export const typedKm = (km: number | undefined) =>
  km !== undefined ? String(km).replace('.', ',') : '';

export function startMileage(
  turn: Turn,
  guess?: MileageGuess,
  parent?: MileageDraft['parent'],
  outlays: OutlayLine[] = [],
) {
  const fields: MileageFields = {
    date: guess?.date ?? turn.ctx.today,
    from: guess?.from ?? '',
    to: guess?.to ?? '',
    km: typedKm(guess?.km),
    purpose: '',
    trailerKm: typedKm(guess?.trailerKm),
    forestRoadKm: typedKm(guess?.forestRoadKm),
  };
  const draft: MileageDraft = {
    id: turn.ctx.newId(),
    step: 'form',
    fields,
    passengers: (guess?.passengers ?? []).map((p) => ({
      name: p.name,
      km: p.km ?? guess?.km ?? 0,
    })),
    outlays,
    prefilled: Boolean(guess),
    ...(guess?.roundTrip && guess.km === undefined ? { roundTrip: true } : {}),
    ...(parent ? { parent } : {}),
  };
  if (parent) draft.fields.purpose = turn.state.travel?.fields.purpose ?? '';
  const previous = turn.state.mileage;
  if (previous && previous.step !== 'filing') {
    setAsideMileage(turn.state, previous);
    turn.say('mileage.replacedDraft');
  }
  turn.state.mileage = draft;
  if (!guess) return void turn.messages.push(mileageFormView(turn.lang, draft));
  // As with outlays from free text: show what was understood and ask in the chat for what is
  // missing, one thing at a time, the purpose last.
  askNextForMileage(turn, draft);
}

/** What a trip still lacks before its purpose: the km, then where it started and ended. */
export function mileageMissing(draft: MileageDraft): Missing | undefined {
  const { km, from, to } = draft.fields;
  if (!km.trim()) return 'km';
  if (!from.trim() && !to.trim()) return 'route';
  if (!from.trim()) return 'from';
  if (!to.trim()) return 'to';
  return undefined;
}

const ASK_FOR: Record<Missing, MessageKey> = {
  amount: 'outlay.askAmount',
  km: 'mileage.askKm',
  route: 'mileage.askRoute',
  from: 'mileage.askFrom',
  to: 'mileage.askTo',
};

/**
 * Shows the trip as understood so far (the form while there is no distance to compute with)
 * and asks for the next thing it lacks; a trip with all it needs goes to its summary.
 */
export function askNextForMileage(turn: Turn, draft: MileageDraft) {
  turn.state.mileage = draft;
  const missing = mileageMissing(draft);
  if (!missing && draft.fields.purpose) return reviewMileage(turn, draft, false);
  turn.messages.push(
    missing === 'km'
      ? mileageFormView(turn.lang, draft)
      : mileageSummaryView(turn.lang, draft, 'draft'),
  );
  askForMileage(turn, draft);
}

/** Asks for what the trip lacks next, else for its purpose. */
export function askForMileage(turn: Turn, draft: MileageDraft) {
  const missing = mileageMissing(draft);
  turn.askPurpose('mileage', missing ? ASK_FOR[missing] : undefined);
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
  setAside: (turn, draft) => setAsideMileage(turn.state, draft),
};

export function reviewMileage(turn: Turn, draft: MileageDraft, fromCard: boolean) {
  review(mileageFlow, turn, draft, fromCard);
}

function addPassenger(turn: Turn, draft: MileageDraft, data: Record<string, unknown>) {
  const lang = turn.lang;
  const { fields, refused } = fieldsFromCard(lang, data, draft.fields);
  const updated: MileageDraft = { ...draft, fields };
  const name = cardText(data.passengerName);
  const kmText = cardText(data.passengerKm);
  const km = kmText ? parseKm(kmText) : parseKm(updated.fields.km);
  const errors: FieldErrors = { ...refused };
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
    const echo = { name: name.slice(0, 60), km: kmText.slice(0, 40) };
    turn.replace = mileageFormView(lang, updated, errors, echo);
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
    const { fields, refused } = fieldsFromCard(turn.lang, action, draft.fields);
    const updated: MileageDraft = {
      ...draft,
      fields,
      passengers: draft.passengers.filter((_, i) => i !== index),
    };
    turn.state.mileage = updated;
    turn.replace = mileageFormView(turn.lang, updated, refused);
  }),
  'mileage.submit': onCurrent(mileageFlow, (turn, draft, action) => {
    const { fields, refused } = fieldsFromCard(turn.lang, action, draft.fields);
    reviewInputs(mileageFlow, turn, { ...draft, fields }, refused);
  }),
  'mileage.edit': onCurrent(mileageFlow, (turn, draft) => edit(mileageFlow, turn, draft)),
  'mileage.file': onCurrent(mileageFlow, (turn, draft) => file(mileageFlow, turn, draft, true)),
  'mileage.cancel': onCurrent(mileageFlow, (turn, draft) => cancel(mileageFlow, turn, draft, true)),
};
