/**
 * The travel claim (guide 5.4): departure and return, destination, purpose, more than 15 km,
 * nights at a hotel (on receipt) or without (nattillegg), meals provided; the per diem is computed
 * from the state rates of the departure date and shown day by day, and the trip's outlays and
 * mileage are gathered on the same claim. Its check is travel-check.ts, its cards travel-views.ts;
 * here are its steps through the shared draft lifecycle and its buttons.
 */
import type { MileageClaimLine } from '../claims/claim.js';
import type { z } from 'zod';
import type { travelActions } from './actions/travel-actions.js';
import type { Routes } from './actions/route-types.js';
import {
  cancel,
  checkedAs,
  edit,
  file,
  onCurrent,
  review,
  reviewInputs,
  type DraftFlow,
} from './draft-lifecycle.js';
import { startMileage } from './mileage-flow.js';
import {
  checkTravel,
  emptyTravelFields,
  fieldsFromCard,
  travelClaim,
  type FieldErrors,
  type TravelChecked,
} from './travel-check.js';
import { travelFormView, travelSummaryView } from './travel-views.js';
import type { Turn } from './turn.js';
import type { TravelDraft } from './types.js';
import type { TravelGuess } from '../understanding/travel-text.js';
import { setAsideTravel } from './set-aside.js';

// The cards are imported from here by the card tests and scripts/sample-cards.ts.
export { travelFormView, travelSummaryView } from './travel-views.js';

/** A new travel claim; a request typed in a sentence pre-fills what it said. */
export function startTravel(turn: Turn, guess: TravelGuess = {}) {
  const fields = emptyTravelFields(turn.ctx.today);
  if (guess.destination) fields.destination = guess.destination;
  if (guess.purpose) fields.purpose = guess.purpose;
  if (guess.departureDate) fields.departureDate = guess.departureDate;
  if (guess.returnDate) fields.returnDate = guess.returnDate;
  const draft: TravelDraft = {
    id: turn.ctx.newId(),
    step: 'form',
    fields,
    outlays: [],
  };
  const previous = turn.state.travel;
  if (previous && previous.step !== 'filing') {
    setAsideTravel(turn.state, previous);
    turn.say('travel.replacedDraft');
  }
  turn.state.travel = draft;
  turn.messages.push(travelFormView(turn.lang, draft));
}

/** Travel through the shared draft lifecycle: only its check, cards and claim are its own. */
export const travelFlow: DraftFlow<TravelDraft, TravelChecked, FieldErrors> = {
  get: (state) => state.travel,
  set: (state, draft) => {
    state.travel = draft;
  },
  filingInProgress: 'outlay.filingInProgress',
  cancelled: 'outlay.cancelled',
  setAside: (turn, draft) => setAsideTravel(turn.state, draft),
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
  'travel.submit': onCurrent(travelFlow, (turn, draft, action) => {
    const { fields, refused } = fieldsFromCard(turn.lang, action, draft.fields);
    reviewInputs(travelFlow, turn, { ...draft, fields }, refused);
  }),
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
