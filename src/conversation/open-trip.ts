/**
 * The mileage or travel claim an outlay goes on (guide 5.1: tolls, parking and ferries are filed
 * with the trip), asked the same way wherever a receipt or a waiting outlay meets a trip.
 */
import type { MileageDraft, OutlayDraft, TravelDraft, UserState } from './types.js';

/** The trip a receipt read now belongs on: a mileage claim at its summary, or the travel claim in progress. */
export function receiptTrip(state: UserState): OutlayDraft['parent'] | undefined {
  if (state.mileage?.step === 'review') return { kind: 'mileage', id: state.mileage.id };
  if (state.travel) return { kind: 'travel', id: state.travel.id };
  return undefined;
}

/** The trip an outlay was started for, while that trip is still in progress. */
export function tripOf(
  state: UserState,
  parent: OutlayDraft['parent'],
): MileageDraft | TravelDraft | undefined {
  const trip =
    parent?.kind === 'mileage'
      ? state.mileage
      : parent?.kind === 'travel'
        ? state.travel
        : undefined;
  return trip && trip.id === parent?.id ? trip : undefined;
}
