/**
 * Several receipts on one outlay claim, a line per receipt (issue 5: "one claim with several
 * lines when the user says so"). How the lines get here is `receipt-batches.ts`; this is the
 * claim itself: one purpose and one File / Edit / Cancel through the shared draft lifecycle, and
 * each line edited (the outlay form, without the purpose) or removed on its own. Removed lines
 * and a cancelled claim leave their receipts in "my receipts": nothing a user sent is dropped.
 */
import type { NewClaim, OutlayLine } from '../claims/claim.js';
import { t, type Lang } from '../i18n/translate.js';
import type { z } from 'zod';
import type { claimActions } from './actions/claim-actions.js';
import type { ActionOf } from './actions/card-action.js';
import type { Routes } from './actions/route-types.js';
import { kindLabel } from './card-views.js';
import {
  cancel,
  edit,
  file,
  filedAs,
  isCurrent,
  review,
  type DraftFlow,
} from './draft-lifecycle.js';
import { hasRefused, purposeInput } from './card-input.js';
import {
  checkPurpose,
  fieldsFromCardData,
  outlayFieldsFromGuess,
  validateOutlayLine,
} from './outlay-form.js';
import {
  claimLineFormView,
  claimViewAtStep,
  outlayClaimView,
  type ClaimErrors,
} from './outlay-claim-views.js';
import { text, type Turn } from './turn.js';
import type { OutlayGuess } from '../understanding/outlay-text.js';
import type { ClaimLineDraft, OutlayClaimDraft } from './types.js';

export {
  claimLineFormView,
  claimTotal,
  claimViewAtStep,
  mergeOfferView,
  outlayClaimView,
} from './outlay-claim-views.js';
import { setAsideOutlay } from './set-aside.js';

function claimErrors(draft: OutlayClaimDraft, today: string): ClaimErrors | undefined {
  const errors: ClaimErrors = {};
  const purpose = checkPurpose(draft.purpose);
  if (purpose) errors.purpose = purpose;
  for (const line of draft.lines) {
    const checked = validateOutlayLine(line.fields, today);
    if (!checked.ok) errors.lines = { ...errors.lines, [line.id]: checked.errors };
  }
  return errors.purpose || errors.lines ? errors : undefined;
}

function newClaimOf(lang: Lang, purpose: string, lines: OutlayLine[]): NewClaim {
  const kinds = [...new Set(lines.map((l) => kindLabel(lang, l.kind)))]
    .map((k, i) => (i === 0 ? k : k.toLowerCase()))
    .join(', ');
  return {
    description: t(lang, 'outlay.description', { kind: kinds }).slice(0, 200),
    purpose: purpose.trim(),
    lines,
  };
}

/**
 * A new claim of these lines at its form, asking for the purpose. Typed text goes to the newest
 * draft: an outlay in progress steps aside, as for any new draft. `note` (what was left out of
 * it) follows the card.
 */
export function openClaim(turn: Turn, lines: ClaimLineDraft[], note?: string) {
  const claim: OutlayClaimDraft = { id: turn.ctx.newId(), step: 'form', purpose: '', lines };
  turn.state.outlayClaim = claim;
  // The card first: for photos, the bot puts it in place of "Reading your receipts…".
  turn.messages.push(outlayClaimView(turn.lang, claim, 'form'));
  if (note) turn.messages.push(text(note));
  const previous = turn.state.outlay;
  if (previous && !previous.parent && previous.step !== 'filing') {
    setAsideOutlay(turn.state, previous);
    turn.state.outlay = undefined;
    turn.say('outlayClaim.replacedDraft');
  }
  turn.askPurpose('outlayClaim');
}

/** Several expenses typed in one message become one claim with a line each. */
export function startClaimFromText(turn: Turn, guesses: OutlayGuess[]) {
  openClaim(
    turn,
    guesses.map((guess) => {
      const { purpose: _purpose, ...fields } = outlayFieldsFromGuess(turn.ctx.today, guess);
      return { id: turn.ctx.newId(), fields, receiptIds: [] };
    }),
  );
}

/** The claim through the shared draft lifecycle: its check is every line's and the purpose. */
export const outlayClaimFlow: DraftFlow<OutlayClaimDraft, OutlayLine[], ClaimErrors> = {
  get: (state) => state.outlayClaim,
  set: (state, draft) => {
    state.outlayClaim = draft;
  },
  filingInProgress: 'outlayClaim.filingInProgress',
  cancelled: 'outlayClaim.cancelled',
  check: (turn, draft) => {
    const errors = claimErrors(draft, turn.ctx.today);
    if (errors) return { ok: false, errors };
    const lines = draft.lines.flatMap((l) => {
      const checked = validateOutlayLine(l.fields, turn.ctx.today);
      return checked.ok ? [checked.line] : [];
    });
    return { ok: true, value: lines };
  },
  formView: (turn, draft, errors) =>
    outlayClaimView(turn.lang, draft, 'form', errors ? { errors } : {}),
  summaryView: (turn, draft, mode, number) =>
    outlayClaimView(turn.lang, draft, mode, number ? { number } : {}),
  stale: staleClaim,
  reviewed: (draft) => ({ ...draft, purpose: draft.purpose.trim() }),
  filing: (turn, draft, lines, fromCard) => {
    if (lines.length === 0) return void reviewClaim(turn, draft, fromCard);
    const receiptIds = [...new Set(draft.lines.flatMap((l) => l.receiptIds))];
    return {
      claim: newClaimOf(turn.lang, draft.purpose, lines),
      ...(receiptIds.length ? { receiptIds } : {}),
    };
  },
  remember: (draft) => ({ claim: { ...draft, step: 'review' } }),
};

/** Shows the claim ready to file, or back at its form with what to fix. */
export function reviewClaim(turn: Turn, draft: OutlayClaimDraft, fromCard: boolean, sayFix = true) {
  review(outlayClaimFlow, turn, draft, fromCard, sayFix);
}

export function fileOutlayClaim(turn: Turn, draft: OutlayClaimDraft, fromCard: boolean) {
  file(outlayClaimFlow, turn, draft, fromCard);
}

export function cancelOutlayClaim(turn: Turn, fromCard: boolean) {
  const draft = turn.state.outlayClaim;
  if (!draft) return turn.say('outlay.nothingToCancel');
  cancel(outlayClaimFlow, turn, draft, fromCard);
}

/** A click on a claim card whose claim is filed, cancelled or replaced. */
function staleClaim(turn: Turn, draftId: string | undefined) {
  const filed = filedAs(turn.state, draftId);
  if (filed) {
    if (filed.claim)
      turn.replace = outlayClaimView(turn.lang, filed.claim, 'filed', { number: filed.number });
    return turn.say('outlayClaim.alreadyFiled', { number: filed.number });
  }
  const current = turn.state.outlayClaim;
  if (current) {
    turn.say('outlay.staleCard');
    return void turn.messages.push(claimViewAtStep(turn.lang, current));
  }
  turn.say('outlayClaim.noDraft');
}

type ClaimActionName = Exclude<z.infer<(typeof claimActions)[number]>['action'], 'receipts.merge'>;
type ClaimAction = ActionOf<ClaimActionName>;

/**
 * Every claim button acts on the claim in progress, never while the claims API has it; the form's
 * purpose travels with every button on it, so a purpose typed before a line is edited is kept.
 */
function onClaim<A extends ClaimAction>(
  handler: (turn: Turn, draft: OutlayClaimDraft, action: A, withPurpose: OutlayClaimDraft) => void,
): (turn: Turn, action: A) => void {
  return (turn, action) => {
    const draft = turn.state.outlayClaim;
    if (!isCurrent(draft, action.draftId)) return staleClaim(turn, action.draftId);
    // Only Cancel may act on a claim waiting in the outbox (cancel() takes it out of the queue).
    if (draft.step === 'filing' && !(draft.queued && action.action === 'claim.cancel'))
      return turn.say(draft.queued ? 'claim.stillQueued' : 'outlayClaim.filingInProgress');
    const purpose = action.purpose?.trim();
    // Too long to keep: the claim stays as it was, and the purpose field says why.
    if (purpose !== undefined && !purposeInput.safeParse(purpose).success) {
      const errors = { purpose: 'error.purpose.tooLong' as const };
      return void (turn.replace = outlayClaimView(turn.lang, draft, 'form', { errors }));
    }
    const withPurpose = purpose !== undefined ? { ...draft, purpose } : draft;
    handler(turn, draft, action, withPurpose);
  };
}

function lineOf(draft: OutlayClaimDraft, lineId: string | undefined): ClaimLineDraft | undefined {
  return draft.lines.find((l) => l.id === lineId);
}

function saveLine(turn: Turn, draft: OutlayClaimDraft, action: ActionOf<'claim.saveLine'>) {
  const line = lineOf(draft, action.lineId);
  if (!line) return void (turn.replace = claimViewAtStep(turn.lang, draft));
  const read = fieldsFromCardData(action, { ...line.fields, purpose: '' });
  const { purpose: _ignored, ...fields } = read.fields;
  const { purpose: _notALineField, ...refused } = read.refused;
  const edited: ClaimLineDraft = { ...line, fields };
  const checked = validateOutlayLine(fields, turn.ctx.today);
  if (!checked.ok || hasRefused(refused)) {
    const errors = { ...(checked.ok ? {} : checked.errors), ...refused };
    turn.replace = claimLineFormView(turn.lang, draft, edited, errors);
    return;
  }
  // The user has looked at the line now: no more "please check".
  const { check: _seen, ...saved } = edited;
  const updated: OutlayClaimDraft = {
    ...draft,
    lines: draft.lines.map((l) => (l.id === line.id ? saved : l)),
  };
  if (updated.step === 'review') return reviewClaim(turn, updated, true);
  turn.state.outlayClaim = updated;
  turn.replace = outlayClaimView(turn.lang, updated, 'form');
}

function removeLine(
  turn: Turn,
  draft: OutlayClaimDraft,
  withPurpose: OutlayClaimDraft,
  id?: string,
) {
  const line = lineOf(draft, id);
  if (!line) return void (turn.replace = claimViewAtStep(turn.lang, withPurpose));
  const lines = draft.lines.filter((l) => l.id !== line.id);
  if (lines.length === 0) {
    turn.state.outlayClaim = undefined;
    turn.replace = outlayClaimView(turn.lang, draft, 'cancelled');
    return turn.say('outlayClaim.lastLineRemoved');
  }
  const updated: OutlayClaimDraft = { ...withPurpose, lines };
  turn.state.outlayClaim = updated;
  turn.replace = claimViewAtStep(turn.lang, updated);
  turn.say('outlayClaim.lineRemoved');
}

/** The claim card's buttons ("Put them in one claim" belongs to the receipt batches). */
export const claimRoutes: Routes<ClaimActionName> = {
  'claim.submit': onClaim((turn, _draft, _action, withPurpose) =>
    reviewClaim(turn, withPurpose, true),
  ),
  'claim.file': onClaim((turn, draft) => fileOutlayClaim(turn, draft, true)),
  'claim.edit': onClaim((turn, draft) => edit(outlayClaimFlow, turn, draft)),
  'claim.cancel': onClaim((turn) => cancelOutlayClaim(turn, true)),
  'claim.show': onClaim((turn, draft) => {
    turn.replace = claimViewAtStep(turn.lang, draft);
  }),
  'claim.editLine': onClaim((turn, _draft, action, withPurpose) => {
    const line = lineOf(withPurpose, action.lineId);
    turn.state.outlayClaim = withPurpose;
    turn.replace = line
      ? claimLineFormView(turn.lang, withPurpose, line)
      : claimViewAtStep(turn.lang, withPurpose);
  }),
  'claim.saveLine': onClaim((turn, draft, action) => saveLine(turn, draft, action)),
  'claim.removeLine': onClaim((turn, draft, action, withPurpose) =>
    removeLine(turn, draft, withPurpose, action.lineId),
  ),
};
