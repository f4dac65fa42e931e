/**
 * Drafts put aside — cancelled, or replaced by a newer one — and "angre" / "undo", which brings
 * back the one put aside last, whatever its kind. Every cancel message promises this.
 */
import { outlayFormView } from './card-views.js';
import { mileageFormView } from './mileage-views.js';
import { travelFormView } from './travel-views.js';
import type { Turn } from './turn.js';
import type { MileageDraft, OutlayDraft, TravelDraft, UserState } from './types.js';

export function setAsideOutlay(state: UserState, draft: OutlayDraft) {
  state.setAside = draft;
  state.lastSetAside = 'outlay';
}

export function setAsideMileage(state: UserState, draft: MileageDraft) {
  state.setAsideMileage = draft;
  state.lastSetAside = 'mileage';
}

export function setAsideTravel(state: UserState, draft: TravelDraft) {
  state.setAsideTravel = draft;
  state.lastSetAside = 'travel';
}

/** What is in progress in the restored draft's place is put aside in turn, unless it is being filed. */
const asideOf = <D extends { step: string }>(current: D | undefined) =>
  current && current.step !== 'filing' ? current : undefined;

export function undo(turn: Turn) {
  const { state } = turn;
  // State saved before the marker existed has only an outlay to give back.
  const kind = state.lastSetAside ?? (state.setAside ? 'outlay' : undefined);
  if (kind === 'mileage' && state.setAsideMileage) {
    const restored: MileageDraft = { ...state.setAsideMileage, step: 'form' };
    state.setAsideMileage = asideOf(state.mileage);
    state.mileage = restored;
    turn.say('outlay.restored');
    return void turn.messages.push(mileageFormView(turn.lang, restored));
  }
  if (kind === 'travel' && state.setAsideTravel) {
    const restored: TravelDraft = { ...state.setAsideTravel, step: 'form' };
    state.setAsideTravel = asideOf(state.travel);
    state.travel = restored;
    turn.say('outlay.restored');
    return void turn.messages.push(travelFormView(turn.lang, restored));
  }
  if (!state.setAside) return turn.say('outlay.nothingToUndo');
  const restored: OutlayDraft = { ...state.setAside, step: 'form' };
  state.setAside = asideOf(state.outlay);
  state.outlay = restored;
  turn.say('outlay.restored');
  turn.messages.push(outlayFormView(turn.lang, restored, {}, false));
}
