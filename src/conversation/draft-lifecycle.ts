/**
 * The one life every draft lives, whatever it claims: form → review → filing → filed, or back to
 * review when filing failed, or cancelled on the way. The single outlay, the several-receipt
 * claim, mileage and travel each describe only what is theirs (where the draft is kept, how it is
 * checked, what its cards look like, what is filed); the steps and the replies between them are
 * written once, here, so the four cannot drift apart.
 */
import type { Claim, NewClaim } from '../claims/claim.js';
import { formatMoney, t, type MessageKey } from '../i18n/translate.js';
import type { Turn } from './turn.js';
import type { Refusal, Resubmission, UserState, View } from './types.js';

export interface Draft {
  id: string;
  step: 'form' | 'review' | 'filing';
  /** Reopened from a rejected claim: filing files that claim again. */
  resubmits?: Resubmission;
  /** Filing waits in the outbox for the claims API to answer. */
  queued?: boolean;
}

export type Checked<V, E> = { ok: true; value: V } | { ok: false; errors: E };

/** How a summary card is shown at each point of the lifecycle. */
export type LifecycleMode = 'review' | 'filing' | 'queued' | 'filed' | 'cancelled';

/** What goes to the claims API with the claim. */
export interface Filing {
  claim: NewClaim;
  receiptIds?: string[];
  documentIds?: string[];
}

export interface DraftFlow<D extends Draft, V, E> {
  get(state: UserState): D | undefined;
  set(state: UserState, draft: D | undefined): void;
  /** Said when a click arrives while the claims API has the draft. */
  filingInProgress: MessageKey;
  cancelled: MessageKey;
  check(turn: Turn, draft: D): Checked<V, E>;
  formView(turn: Turn, draft: D, errors?: E): View;
  summaryView(turn: Turn, draft: D, mode: LifecycleMode, number?: string): View;
  /** A click on a card of a draft that is gone or replaced. */
  stale(turn: Turn, draftId: string | undefined): void;
  /** The draft as the check left it, e.g. with its purpose trimmed. */
  reviewed?(draft: D, value: V): D;
  afterReview?(turn: Turn, draft: D): void;
  /** What to file; undefined when the flow has dealt with the draft itself (e.g. added it to a trip). */
  filing(turn: Turn, draft: D, value: V, fromCard: boolean): Filing | undefined;
  /** What `lastFiled` keeps besides the number, so a click on the filed card can show it again. */
  remember?(draft: D): Partial<NonNullable<UserState['lastFiled']>>;
  /** Defaults to "filed as {number} ({total})". */
  afterFiled?(turn: Turn, draft: D, number: string, claim: Claim): void;
  /** Keeps the cancelled draft for "undo", where the flow offers it. */
  setAside?(turn: Turn, draft: D): void;
  afterCancel?(turn: Turn): void;
}

/** A flow's own check result (`ok: true` with its figures, or its errors) as the lifecycle takes it. */
export function checkedAs<T extends { ok: true }, E>(
  checked: T | { ok: false; errors: E },
): Checked<T, E> {
  return checked.ok ? { ok: true, value: checked } : checked;
}

/** Any of the four flows, where only the draft's id and step matter (a filing outcome). */
export type AnyDraftFlow = DraftFlow<Draft, unknown, unknown>;

/**
 * A step of the lifecycle: the flow, the turn, its draft and whether a card was clicked (its
 * answer then replaces the card). `sayFix`: a form shown again says "please fix" unless told not.
 */
type Step = <D extends Draft, V, E>(
  flow: DraftFlow<D, V, E>,
  turn: Turn,
  draft: D,
  fromCard: boolean,
  sayFix?: boolean,
) => void;

/** True, and said so, while the claims API has the draft: nothing may change it then. */
function busy(flow: AnyDraftFlow, turn: Turn, draft: Draft): boolean {
  if (draft.step !== 'filing') return false;
  turn.say(draft.queued ? 'claim.stillQueued' : flow.filingInProgress);
  return true;
}

/** Validates the draft; shows its summary when it is complete, its form with the errors otherwise. */
export const review: Step = (flow, turn, draft, fromCard, sayFix = true) => {
  const checked = flow.check(turn, draft);
  if (!checked.ok) {
    const form = { ...draft, step: 'form' as const };
    flow.set(turn.state, form);
    if (!fromCard && sayFix) turn.say('outlay.fixErrors');
    return turn.show(flow.formView(turn, form, checked.errors), fromCard);
  }
  const reviewed = { ...(flow.reviewed?.(draft, checked.value) ?? draft), step: 'review' as const };
  flow.set(turn.state, reviewed);
  turn.show(flow.summaryView(turn, reviewed, 'review'), fromCard);
  flow.afterReview?.(turn, draft);
};

/**
 * A card's inputs, some of which were refused at the edge (card-input.ts) and not kept: the form
 * again with those errors beside the check's own. With nothing refused, the usual review.
 */
export function reviewInputs<D extends Draft, V, E extends object>(
  flow: DraftFlow<D, V, E>,
  turn: Turn,
  draft: D,
  refused: E,
) {
  if (Object.keys(refused).length === 0) return review(flow, turn, draft, true);
  const checked = flow.check(turn, draft);
  const form = { ...draft, step: 'form' as const };
  flow.set(turn.state, form);
  turn.show(flow.formView(turn, form, { ...(checked.ok ? {} : checked.errors), ...refused }), true);
}

/** Files a reviewed draft; a draft still at its form is reviewed first, so File never skips the check. */
export const file: Step = (flow, turn, draft, fromCard) => {
  if (busy(flow, turn, draft)) return;
  if (draft.step === 'form') return review(flow, turn, draft, fromCard);
  const checked = flow.check(turn, draft);
  if (!checked.ok) return review(flow, turn, draft, fromCard);
  const filing = flow.filing(turn, draft, checked.value, fromCard);
  if (!filing) return;
  const sent = { ...draft, step: 'filing' as const };
  flow.set(turn.state, sent);
  if (fromCard) turn.replace = flow.summaryView(turn, sent, 'filing');
  turn.effects.push({
    type: 'fileClaim',
    draftId: draft.id,
    ...filing,
    ...(draft.resubmits ? { resubmits: draft.resubmits } : {}),
  });
};

/** Back to the form; not while the claims API has it. */
export function edit<D extends Draft, V, E>(flow: DraftFlow<D, V, E>, turn: Turn, draft: D) {
  if (busy(flow, turn, draft)) return;
  const editing = { ...draft, step: 'form' as const };
  flow.set(turn.state, editing);
  turn.replace = flow.formView(turn, editing);
}

export const cancel: Step = (flow, turn, draft, fromCard) => {
  // Waiting in the outbox: stopped there first, if no worker is delivering it right now.
  if (draft.step === 'filing' && draft.queued)
    return void turn.effects.push({ type: 'cancelFiling', draftId: draft.id });
  if (busy(flow, turn, draft)) return;
  flow.setAside?.(turn, { ...draft, step: 'form' });
  flow.set(turn.state, undefined);
  if (fromCard) turn.replace = flow.summaryView(turn, draft, 'cancelled');
  turn.say(flow.cancelled);
  flow.afterCancel?.(turn);
};

/** Whether the card's draft is the one in progress: an old card must not change a newer draft. */
export function isCurrent(draft: Draft | undefined, draftId: string | undefined): draft is Draft {
  return draft !== undefined && (!draftId || draftId === draft.id);
}

/**
 * Runs `handler` on the draft a card was clicked on; a card of another or a vanished draft gets
 * the flow's stale answer instead.
 */
export function onCurrent<D extends Draft, V, E, A extends { draftId?: string }>(
  flow: DraftFlow<D, V, E>,
  handler: (turn: Turn, draft: D, action: A) => void,
): (turn: Turn, action: A) => void {
  return (turn, action) => {
    const draft = flow.get(turn.state);
    if (isCurrent(draft, action.draftId)) handler(turn, draft, action);
    else flow.stale(turn, action.draftId);
  };
}

/** The filed claim a click on an old card refers to, so the answer can say where it went. */
export function filedAs(state: UserState, draftId: string | undefined) {
  const filed = state.lastFiled;
  return filed && filed.draftId === draftId ? filed : undefined;
}

/** The flow's draft, when a filing outcome names it. */
function named(flow: AnyDraftFlow, state: UserState, draftId: string): Draft | undefined {
  const draft = flow.get(state);
  return draft?.id === draftId ? draft : undefined;
}

/** The claims API accepted a claim; false when `draftId` is not this flow's draft. */
export function filed(flow: AnyDraftFlow, turn: Turn, draftId: string, claim: Claim): boolean {
  const draft = named(flow, turn.state, draftId);
  if (!draft) return false;
  const number = claim.number;
  turn.state.lastFiled = { draftId, number, ...flow.remember?.(draft) };
  flow.set(turn.state, undefined);
  turn.replace = flow.summaryView(turn, draft, 'filed', number);
  if (flow.afterFiled) flow.afterFiled(turn, draft, number, claim);
  else {
    const total = claim.totals
      .map((m) => formatMoney(m.amountMinor, m.currency, turn.lang))
      .join(' + ');
    turn.say('claim.filed', { number, total });
  }
  return true;
}

/** The draft as a fileable draft again: at its summary, no longer waiting in the outbox. */
function backToReview<D extends Draft>(draft: D): D {
  const { queued: _queued, ...rest } = draft;
  return { ...rest, step: 'review' } as D;
}

/**
 * Filing failed for good (or, without the outbox, for now): the draft goes back to its summary,
 * so the user can fix it and file again.
 */
export function fileFailed(
  flow: AnyDraftFlow,
  turn: Turn,
  draftId: string,
  reason: 'unavailable' | 'rejected',
  detail?: string,
  refusal?: Refusal,
): boolean {
  const draft = named(flow, turn.state, draftId);
  if (!draft) return false;
  const back = backToReview(draft);
  flow.set(turn.state, back);
  turn.replace = flow.summaryView(turn, back, 'review');
  if (reason === 'unavailable') turn.say('outlay.apiUnavailable');
  else turn.say('outlay.apiRejected', { reason: refusalText(turn, refusal) ?? detail ?? '?' });
  return true;
}

function refusalText(turn: Turn, refusal: Refusal | undefined): string | undefined {
  if (!refusal) return undefined;
  if (refusal.code === 'other') return t(turn.lang, 'refusal.other', { status: refusal.status });
  return t(turn.lang, `refusal.${refusal.code}`);
}

/** The claims API did not answer: the claim waits in the outbox, and the user is told so. */
export function fileQueued(flow: AnyDraftFlow, turn: Turn, draftId: string): boolean {
  const draft = named(flow, turn.state, draftId);
  if (!draft) return false;
  if (draft.step !== 'filing') {
    turn.say('claim.queued');
    return true;
  }
  const queued = { ...draft, queued: true };
  flow.set(turn.state, queued);
  // The card that said "being filed" says where the claim is now: waiting for the claims system.
  turn.replace = flow.summaryView(turn, queued, 'queued');
  turn.say('claim.queued');
  return true;
}

/**
 * The outcome of cancelling a queued claim: stopped, it is an editable draft again at its summary
 * (nothing is lost; "avbryt" once more throws it away); being delivered, it cannot be stopped.
 */
export function filingCancelled(
  flow: AnyDraftFlow,
  turn: Turn,
  draftId: string,
  stopped: boolean,
): boolean {
  const draft = named(flow, turn.state, draftId);
  if (!draft) return false;
  if (!stopped) {
    turn.say('claim.cancelTooLate');
    return true;
  }
  // No longer being filed (changed meanwhile): an ordinary cancel.
  if (draft.step !== 'filing') {
    cancel(flow, turn, draft, false);
    return true;
  }
  const back = backToReview(draft);
  flow.set(turn.state, back);
  turn.replace = flow.summaryView(turn, back, 'review');
  turn.say('claim.filingStopped');
  return true;
}

/**
 * Recovery: a draft found being filed with nothing in the outbox (a crash before the outbox
 * existed) is filed again, checked as on a click; the same Idempotency-Key (its id) makes the
 * claims API return the claim filed the first time rather than file it twice.
 */
export function refile(flow: AnyDraftFlow, turn: Turn, draftId: string): boolean {
  const draft = named(flow, turn.state, draftId);
  if (!draft) return false;
  if (draft.step === 'filing') file(flow, turn, backToReview(draft), false);
  return true;
}
