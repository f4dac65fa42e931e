/**
 * The single outlay: one expense, one claim, from a form, a sentence ("parkering 120 kr i går") or
 * a receipt. Its steps are the shared draft lifecycle; what is its own is that an outlay can go
 * on the mileage or travel claim it was started from, that a cancelled or replaced draft can be
 * brought back with "undo", and that the photos of one message wait their turn one at a time.
 */
import type { OutlayLine } from '../claims/claim.js';
import { formatMoney, t } from '../i18n/translate.js';
import type { Routes } from './actions/route-types.js';
import { formatDraftTotal, kindLabel, outlayFormView, outlaySummaryView } from './card-views.js';
import {
  cancel,
  edit,
  file,
  filedAs,
  onCurrent,
  review,
  reviewInputs,
  type DraftFlow,
} from './draft-lifecycle.js';
import type { OutlayGuess } from './free-text.js';
import { mileageFlow } from './mileage-flow.js';
import { mileageSummaryView } from './mileage-views.js';
import { tripOf } from './open-trip.js';
import { cancelOutlayClaim } from './outlay-claim-flow.js';
import { claimViewAtStep } from './outlay-claim-views.js';
import {
  fieldsFromCardData,
  outlayFieldsFromGuess,
  validateOutlay,
  type FieldErrors,
} from './outlay-form.js';
import {
  claimOfMergedDraft,
  forgetBatchDraft,
  isBatchDraft,
  nextWaitingDraft,
  waitingDraft,
} from './receipt-batches.js';
import { travelFormView, travelSummaryView } from './travel-views.js';
import type { Turn } from './turn.js';
import type { OutlayDraft, ReceiptFacts } from './types.js';
import { setAsideOutlay } from './set-aside.js';

/** What comes with an outlay read off a receipt: the stored receipt, the user's text, what to check. */
export interface FromReceipt {
  receiptIds: string[];
  comment?: string;
  check: string[];
  /** The VAT and org. number the receipt says, shown on the card. */
  facts?: ReceiptFacts;
  /** More photos of the same message follow: the last one asks for the purpose. */
  quiet?: boolean;
}

export function startOutlay(
  turn: Turn,
  guess?: OutlayGuess,
  parent?: OutlayDraft['parent'],
  receipt?: FromReceipt,
) {
  const previous = turn.state.outlay;
  if (previous && previous.step !== 'filing') {
    setAsideOutlay(turn.state, previous);
    // A photo of the same message comes back in turn: no need to tell the user it was set aside.
    if (!isBatchDraft(turn.state, previous.id)) turn.say('outlay.replacedDraft');
  }
  const fields = outlayFieldsFromGuess(turn.ctx.today, guess);
  const parentFields = tripOf(turn.state, parent)?.fields;
  if (parentFields) fields.purpose = parentFields.purpose;
  if (parentFields && !guess?.date)
    fields.date = 'date' in parentFields ? parentFields.date : parentFields.departureDate;
  if (receipt?.comment) fields.comment = receipt.comment.slice(0, 1000);
  const draft: OutlayDraft = {
    id: turn.ctx.newId(),
    step: 'form',
    fields,
    prefilled: Boolean(guess),
    ...(parent ? { parent } : {}),
    ...(receipt ? { receiptIds: receipt.receiptIds, check: receipt.check } : {}),
    ...(guess?.dateUnread ? { check: [...(receipt?.check ?? []), 'date'] } : {}),
    ...(receipt?.facts && Object.keys(receipt.facts).length > 0
      ? { receiptFacts: receipt.facts }
      : {}),
  };
  turn.state.outlay = draft;
  // An outlay on a trip already has its purpose (the trip's), and one typed with "formål: …" its
  // own: straight to its summary.
  const purposed = parent !== undefined || (guess?.purpose !== undefined && !guess.dateUnread);
  if (purposed && guess?.amountMinor !== undefined && !receipt?.check.length)
    return reviewOutlay(turn, draft, false);
  if (!guess) return void turn.messages.push(outlayFormView(turn.lang, draft));
  // From free text the chat stays a chat: show what was understood and ask for the purpose,
  // with the full form one click away.
  turn.messages.push(outlaySummaryView(turn.lang, draft, 'draft'));
  if (guess.dateUnread) turn.say('outlay.dateUnread');
  if (guess.amountUnread) turn.say('outlay.amountUnread');
  if (!receipt?.quiet) askNext(turn, draft);
}

/** An outlay typed without its amount ("parkering") asks for the amount first, then the purpose. */
export function askNext(turn: Turn, draft: OutlayDraft) {
  turn.askPurpose('outlay', draft.fields.amount.trim() ? undefined : 'outlay.askAmount');
}

type Validated = Extract<ReturnType<typeof validateOutlay>, { ok: true }>;

/** The single outlay through the shared draft lifecycle. */
export const outlayFlow: DraftFlow<OutlayDraft, Validated, FieldErrors> = {
  get: (state) => state.outlay,
  set: (state, draft) => {
    state.outlay = draft;
  },
  filingInProgress: 'outlay.filingInProgress',
  cancelled: 'outlay.cancelled',
  check: (turn, draft) => {
    const checked = validateOutlay(draft.fields, turn.ctx.today);
    return checked.ok ? { ok: true, value: checked } : checked;
  },
  // A draft the user has not seen as a form yet (typed or read) opens as "check this", not "new".
  formView: (turn, draft, errors) =>
    outlayFormView(turn.lang, draft, errors ?? {}, !draft.prefilled),
  summaryView: (turn, draft, mode, number) => outlaySummaryView(turn.lang, draft, mode, number),
  stale: staleAction,
  reviewed: (draft, checked) => ({
    ...draft,
    fields: { ...draft.fields, purpose: checked.purpose },
  }),
  filing: (turn, draft, checked, fromCard) => {
    if (draft.parent) return void addToParent(turn, draft, checked.line, fromCard);
    const kind = kindLabel(turn.lang, checked.line.kind);
    return {
      ...(draft.receiptIds?.length ? { receiptIds: draft.receiptIds } : {}),
      claim: {
        description:
          t(turn.lang, 'outlay.description', { kind }) +
          (checked.line.merchant ? ` – ${checked.line.merchant}` : ''),
        purpose: checked.purpose,
        lines: [checked.line],
      },
    };
  },
  remember: (draft) => ({ draft: { ...draft, step: 'review' } }),
  afterFiled: (turn, draft, number) => {
    forgetBatchDraft(turn, draft.id);
    turn.say('outlay.filed', { number, total: formatDraftTotal(turn.lang, draft) });
    resumeWaitingDraft(turn);
  },
  setAside: (turn, draft) => {
    forgetBatchDraft(turn, draft.id);
    setAsideOutlay(turn.state, draft);
  },
  afterCancel: resumeWaitingDraft,
};

export function reviewOutlay(turn: Turn, draft: OutlayDraft, fromCard: boolean) {
  review(outlayFlow, turn, draft, fromCard);
}

export function fileOutlay(turn: Turn, draft: OutlayDraft, fromCard: boolean) {
  file(outlayFlow, turn, draft, fromCard);
}

/** A sentence typed while the form waits for its purpose is the purpose. */
export function setPurpose(turn: Turn, draft: OutlayDraft, purpose: string) {
  const updated: OutlayDraft = { ...draft, fields: { ...draft.fields, purpose } };
  turn.state.outlay = updated;
  if (updated.fields.amount.trim()) return reviewOutlay(turn, updated, false);
  turn.messages.push(outlaySummaryView(turn.lang, updated, 'draft'));
  askNext(turn, updated);
}

/** The outlay goes on the trip claim it was started from; then the next photo of its message, if any. */
function addToParent(turn: Turn, draft: OutlayDraft, line: OutlayLine, fromCard: boolean) {
  addToTrip(turn, draft, line, fromCard);
  forgetBatchDraft(turn, draft.id);
  resumeWaitingDraft(turn);
}

function addToTrip(turn: Turn, draft: OutlayDraft, line: OutlayLine, fromCard: boolean) {
  const { mileage, travel } = turn.state;
  turn.state.outlay = undefined;
  const added = () => {
    turn.show(outlaySummaryView(turn.lang, draft, 'added'), fromCard);
    turn.say('trip.outlayAdded', {
      kind: kindLabel(turn.lang, line.kind).toLowerCase(),
      amount: formatMoney(line.amountMinor, line.currency, turn.lang),
    });
  };
  if (draft.parent?.kind === 'travel') {
    if (!travel || travel.id !== draft.parent.id) return turn.say('travel.noDraft');
    // A trip whose form is still being filled keeps its form: its summary comes with "Gå videre".
    const stillForm = travel.step === 'form';
    turn.state.travel = {
      ...travel,
      step: stillForm ? 'form' : 'review',
      outlays: [...travel.outlays, line],
      receiptIds: [...(travel.receiptIds ?? []), ...(draft.receiptIds ?? [])],
    };
    added();
    if (stillForm) {
      turn.messages.push(travelFormView(turn.lang, turn.state.travel));
      return turn.say('travel.finishForm');
    }
    return void turn.messages.push(travelSummaryView(turn.lang, turn.state.travel, 'review'));
  }
  if (!mileage || draft.parent?.id !== mileage.id) return turn.say('mileage.noDraft');
  turn.state.mileage = {
    ...mileage,
    step: 'review',
    outlays: [...mileage.outlays, line],
    receiptIds: [...(mileage.receiptIds ?? []), ...(draft.receiptIds ?? [])],
  };
  added();
  turn.messages.push(mileageSummaryView(turn.lang, turn.state.mileage, 'review'));
}

/** "Avbryt" typed: the draft in progress, whichever it is. */
export function cancelDraft(turn: Turn, fromCard: boolean) {
  const draft = turn.state.outlay;
  if (!draft && turn.state.outlayClaim) return cancelOutlayClaim(turn, fromCard);
  // Mileage answers a typed cancel as it answers its Cancel button.
  if (!draft && turn.state.mileage) return cancel(mileageFlow, turn, turn.state.mileage, true);
  if (!draft) return turn.say('outlay.nothingToCancel');
  cancel(outlayFlow, turn, draft, fromCard);
}

/** After an outlay is filed or cancelled, the next photo of the same message takes its turn. */
function resumeWaitingDraft(turn: Turn) {
  if (turn.state.outlay || turn.state.outlayClaim) return;
  const next = nextWaitingDraft(turn.state);
  if (!next) return;
  turn.say(next.left > 0 ? 'receipt.nextOfMany' : 'receipt.nextLast', { left: next.left });
  const draft = bringForward(turn, next.draft);
  // For the trip in progress its purpose is the trip's: straight to the summary that adds it.
  if (draft.parent) return reviewOutlay(turn, draft, false);
  turn.messages.push(outlaySummaryView(turn.lang, draft, 'draft'));
  turn.askPurpose('outlay');
}

function bringForward(turn: Turn, waiting: OutlayDraft): OutlayDraft {
  const current = turn.state.outlay;
  if (current) {
    setAsideOutlay(turn.state, current);
    if (!isBatchDraft(turn.state, current.id)) turn.say('outlay.replacedDraft');
  } else if (turn.state.setAside?.id === waiting.id) turn.state.setAside = undefined;
  // On the trip in progress it takes the trip's purpose; if that trip is gone, it is an outlay of its own.
  const { parent, ...draft } = waiting;
  const trip = tripOf(turn.state, parent);
  const brought: OutlayDraft = trip
    ? {
        ...draft,
        parent,
        fields: { ...draft.fields, purpose: draft.fields.purpose || trip.fields.purpose },
      }
    : draft;
  turn.state.outlay = brought;
  return brought;
}

/** A click on a card whose draft is gone: filed already, replaced, or cancelled. */
function staleAction(turn: Turn, draftId: string | undefined) {
  const filed = filedAs(turn.state, draftId);
  if (filed) {
    if (filed.draft)
      turn.replace = outlaySummaryView(turn.lang, filed.draft, 'filed', filed.number);
    return turn.say('outlay.alreadyFiled', { number: filed.number });
  }
  // A card of one photo whose outlay was gathered into a claim with the other photos of its message.
  const claim = claimOfMergedDraft(turn.state, draftId);
  if (claim) {
    turn.say('outlayClaim.draftMerged');
    return void turn.messages.push(claimViewAtStep(turn.lang, claim));
  }
  const draft = turn.state.outlay;
  if (draft) {
    turn.say('outlay.staleCard');
    turn.messages.push(
      draft.step === 'form'
        ? outlayFormView(turn.lang, draft, {}, false)
        : outlaySummaryView(turn.lang, draft, draft.step),
    );
    return;
  }
  turn.say('outlay.noDraft');
}

/**
 * The outlay card a click came from; a card of a photo still waiting its turn becomes the current
 * outlay, and the current one waits instead (it is a photo of a message too, or it is set aside).
 */
function onOutlay<A extends { draftId?: string }>(
  handler: (turn: Turn, draft: OutlayDraft, action: A) => void,
): (turn: Turn, action: A) => void {
  const onDraft = onCurrent(outlayFlow, handler);
  return (turn, action) => {
    const waiting = waitingDraft(turn.state, action.draftId);
    if (waiting && turn.state.outlay?.step !== 'filing') bringForward(turn, waiting);
    onDraft(turn, action);
  };
}

/** The outlay card's buttons, and "Add an outlay" on a mileage or travel summary. */
export const outlayRoutes: Routes<
  | 'outlay.start'
  | 'outlay.submit'
  | 'outlay.edit'
  | 'outlay.file'
  | 'outlay.cancel'
  | 'mileage.addOutlay'
  | 'travel.addOutlay'
> = {
  'outlay.start': (turn) => startOutlay(turn),
  'outlay.submit': onOutlay((turn, draft, action) => {
    const { fields, refused } = fieldsFromCardData(action, draft.fields);
    reviewInputs(outlayFlow, turn, { ...draft, fields }, refused);
  }),
  'outlay.edit': onOutlay((turn, draft) => edit(outlayFlow, turn, draft)),
  'outlay.file': onOutlay((turn, draft) => fileOutlay(turn, draft, true)),
  'outlay.cancel': onOutlay((turn) => cancelDraft(turn, true)),
  'mileage.addOutlay': (turn, action) => {
    const mileage = turn.state.mileage;
    if (!mileage || mileage.id !== action.draftId) return turn.say('mileage.noDraft');
    startOutlay(turn, undefined, { kind: 'mileage', id: mileage.id });
  },
  'travel.addOutlay': (turn, action) => {
    const travel = turn.state.travel;
    if (!travel || travel.id !== action.draftId) return turn.say('travel.noDraft');
    startOutlay(turn, undefined, { kind: 'travel', id: travel.id });
  },
};
