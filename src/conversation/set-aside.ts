/**
 * Drafts put aside — cancelled, or replaced by a newer one — and "angre" / "undo", which brings
 * back the one put aside last, whatever its kind. Every cancel message promises this.
 */
import { outlayFormView } from './card-views.js';
import { mileageFormView } from './mileage-views.js';
import { travelFormView } from './travel-views.js';
import type { Turn } from './turn.js';
import type { MileageDraft, OutlayDraft, TravelDraft, UserState, View } from './types.js';

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

/** Brings `aside` back as a form, puts `current` aside in its place, and shows the form. */
function swap<D extends { step: string }>(
  turn: Turn,
  aside: D,
  current: D | undefined,
  put: (restored: D, aside: D | undefined) => void,
  form: (draft: D) => View,
) {
  const restored = { ...aside, step: 'form' };
  put(restored, asideOf(current));
  turn.say('outlay.restored');
  turn.messages.push(form(restored));
}

export function undo(turn: Turn) {
  const { state, lang } = turn;
  // State saved before the marker existed has only an outlay to give back.
  const kind = state.lastSetAside ?? (state.setAside ? 'outlay' : undefined);
  if (kind === 'mileage' && state.setAsideMileage)
    return swap(
      turn,
      state.setAsideMileage,
      state.mileage,
      (restored, aside) => {
        state.mileage = restored;
        state.setAsideMileage = aside;
      },
      (d) => mileageFormView(lang, d),
    );
  if (kind === 'travel' && state.setAsideTravel)
    return swap(
      turn,
      state.setAsideTravel,
      state.travel,
      (restored, aside) => {
        state.travel = restored;
        state.setAsideTravel = aside;
      },
      (d) => travelFormView(lang, d),
    );
  if (!state.setAside) return turn.say('outlay.nothingToUndo');
  swap(
    turn,
    state.setAside,
    state.outlay,
    (restored, aside) => {
      state.outlay = restored;
      state.setAside = aside;
    },
    (d) => outlayFormView(lang, d, {}, false),
  );
}
