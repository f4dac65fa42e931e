/**
 * What follows a filed claim in the chat: "Endre og send inn på nytt" on a rejection reopens the
 * claim as a draft with everything kept (filing it again refiles the same claim), and the weekly
 * reminder's buttons finish or drop what waits. Also "stopp påminnelser" / "start påminnelser".
 */
import type { Claim, OutlayLine } from '../claims/claim.js';
import type { Routes } from './actions/route-types.js';
import { outlayFormView } from './card-views.js';
import { cancel, edit, type AnyDraftFlow } from './draft-lifecycle.js';
import { mileageFlow, mileageFormView } from './mileage-flow.js';
import { outlayClaimFlow } from './outlay-claim-flow.js';
import { outlayClaimView } from './outlay-claim-views.js';
import { outlayFlow } from './outlay-flow.js';
import { formatAmountInput } from './outlay-form.js';
import { travelFlow } from './travel-flow.js';
import type { Turn } from './turn.js';
import type {
  MileageDraft,
  OutlayClaimDraft,
  OutlayDraft,
  OutlayLineFields,
  Resubmission,
} from './types.js';
import { setAsideMileage, setAsideOutlay } from './set-aside.js';

function lineFields(line: OutlayLine): OutlayLineFields {
  return {
    date: line.date,
    amount: formatAmountInput(line.amountMinor),
    currency: line.currency,
    kind: line.kind,
    merchant: line.merchant ?? '',
    comment: line.comment ?? '',
  };
}

/** Busy drafts block a reopen into their slot: the claims API has them right now. */
function slotBusy(draft: { step: string } | undefined): boolean {
  return draft?.step === 'filing';
}

/** The rejected claim as a draft of the kind it was filed from, at its form, ready to fix. */
export function reopenClaim(turn: Turn, claim: Claim) {
  const number = claim.number;
  if (claim.status !== 'rejected') return turn.say('reopen.notRejected', { number });
  // Opened from the tab, the user may not have seen finance's message: the reason comes first.
  if (claim.rejectionReason) turn.say('reopen.reason', { number, reason: claim.rejectionReason });
  const resubmits: Resubmission = {
    claimId: claim.id,
    number,
    version: claim.version ?? 1,
    attachments: claim.attachments,
  };
  const outlays = claim.lines.filter((l): l is OutlayLine => l.type === 'outlay');
  const mileage = claim.lines.find((l) => l.type === 'mileage');
  // Per diem is computed from the trip's times and meals, which the claim does not carry whole.
  if (claim.lines.some((l) => l.type === 'perDiem'))
    return turn.say('reopen.travelNotInChat', { number });
  const id = turn.ctx.newId();
  const { state, lang } = turn;
  if (mileage) {
    if (slotBusy(state.mileage)) return turn.say('outlay.filingInProgress');
    if (state.mileage) setAsideMileage(state, state.mileage);
    const draft: MileageDraft = {
      id,
      step: 'form',
      fields: {
        date: mileage.date,
        from: mileage.from,
        to: mileage.to,
        km: String(mileage.km).replace('.', ','),
        purpose: claim.purpose,
        trailerKm: mileage.trailerKm ? String(mileage.trailerKm) : '',
        forestRoadKm: mileage.forestRoadKm ? String(mileage.forestRoadKm) : '',
      },
      passengers: mileage.passengers,
      outlays,
      resubmits,
    };
    state.mileage = draft;
    turn.say('reopen.intro', { number });
    return void turn.messages.push(mileageFormView(lang, draft));
  }
  const [only] = outlays;
  if (outlays.length === 1 && only) {
    if (slotBusy(state.outlay)) return turn.say('outlay.filingInProgress');
    if (state.outlay) setAsideOutlay(state, state.outlay);
    const draft: OutlayDraft = {
      id,
      step: 'form',
      fields: { ...lineFields(only), purpose: claim.purpose },
      resubmits,
    };
    state.outlay = draft;
    turn.say('reopen.intro', { number });
    return void turn.messages.push(outlayFormView(lang, draft, {}, false));
  }
  if (state.outlayClaim) return turn.say('reopen.claimInProgress');
  const draft: OutlayClaimDraft = {
    id,
    step: 'form',
    purpose: claim.purpose,
    lines: outlays.map((line, i) => ({
      id: `l${i + 1}`,
      fields: lineFields(line),
      receiptIds: [],
    })),
    resubmits,
  };
  state.outlayClaim = draft;
  turn.say('reopen.intro', { number });
  turn.messages.push(outlayClaimView(lang, draft, 'form'));
}

const FLOWS = [outlayFlow, outlayClaimFlow, mileageFlow, travelFlow] as unknown as AnyDraftFlow[];

/** Drafts of the user's own (not on a trip, not with the claims API right now). */
function waitingDrafts(turn: Turn) {
  return FLOWS.flatMap((flow) => {
    const draft = flow.get(turn.state) as ({ step: string; parent?: unknown } & object) | undefined;
    return draft && draft.step !== 'filing' && !draft.parent ? [{ flow, draft }] : [];
  });
}

export const followupRoutes: Routes<'claim.reopen' | 'reminder.finish' | 'reminder.drop'> = {
  'claim.reopen': (turn, action) =>
    void turn.effects.push({ type: 'reopenClaim', claimId: action.claimId }),
  'reminder.finish': (turn) => {
    const [first] = waitingDrafts(turn);
    if (first) return edit(first.flow, turn, first.draft as Parameters<typeof edit>[2]);
    turn.effects.push({ type: 'gatherInbox' });
  },
  'reminder.drop': (turn) => {
    for (const { flow, draft } of waitingDrafts(turn))
      cancel(flow, turn, draft as Parameters<typeof edit>[2], false);
    turn.effects.push({ type: 'dropInbox' });
  },
};

export function setReminders(turn: Turn, on: boolean) {
  if (on) delete turn.state.remindersOff;
  else turn.state.remindersOff = true;
  turn.say(on ? 'reminders.on' : 'reminders.off');
}
