/**
 * Several receipts on one outlay claim, a line per receipt (issue 5: "one claim with several
 * lines when the user says so"). Two ways in:
 *
 * - photos sent with "ett krav" / "eitt krav" / "one claim": the lines are gathered in the
 *   message's batch while the bot reads the photos one by one, and the last photo turns them
 *   into one claim; photos that are no receipt, duplicates or unreadable are said in the same
 *   reply and left out;
 * - photos sent without it get a card each, as before, plus a "Put them in one claim" button
 *   (or the same words typed afterwards) that gathers the still-unfiled drafts of that message.
 *
 * The claim shares one purpose and one File / Edit / Cancel; each line can be edited (the outlay
 * form, without the purpose) or removed. Removed lines and a cancelled claim leave their receipts
 * in "my receipts": nothing a user sent is dropped silently.
 */
import { CURRENCIES, type NewClaim, type OutlayLine } from '../claims/claim.js';
import { formatMoney, t, type Lang, type MessageKey } from '../i18n/translate.js';
import { LOW_CONFIDENCE, type ReceiptSummary } from '../claims/receipt-reading.js';
import { formatDate, kindLabel, outlayFormView, statusLine } from './card-views.js';
import { parseAmount, type OutlayGuess } from './free-text.js';
import { readReceiptText } from './one-claim-text.js';
import {
  checkPurpose,
  fieldsFromCardData,
  outlayFieldsFromGuess,
  validateOutlayLine,
  type FieldErrors,
} from './outlay-form.js';
import { receiptTrip } from './open-trip.js';
import { text, type Turn } from './turn.js';
import {
  OUTLAY_FIELDS,
  type CardActionData,
  type ClaimLineDraft,
  type OutlayClaimDraft,
  type OutlayDraft,
  type ReceiptBatch,
  type SkippedPhoto,
  type UserState,
  type View,
} from './types.js';

/** Only the newest messages with photos can still be gathered: enough for a few quick messages in a row. */
const MAX_BATCHES = 3;

// ---------------------------------------------------------------------------------------------
// From a receipt to a line

/** What a receipt says, as a guess for an outlay, and the fields read too unsure to trust. */
export function receiptGuess(receipt: ReceiptSummary): { guess: OutlayGuess; check: string[] } {
  const f = receipt.fields;
  const guess: OutlayGuess = {
    ...(f.kind !== 'not_receipt' ? { kind: f.kind } : {}),
    ...(f.totalMinor !== undefined ? { amountMinor: f.totalMinor } : {}),
    ...(f.currency ? { currency: f.currency } : {}),
    ...(f.date ? { date: f.date } : {}),
    ...(f.merchant ? { merchant: f.merchant } : {}),
  };
  const c = f.confidence;
  const check = [
    ...(f.date === undefined || c.date < LOW_CONFIDENCE ? ['date'] : []),
    ...(f.totalMinor === undefined || c.total < LOW_CONFIDENCE ? ['amount'] : []),
    ...(c.kind < LOW_CONFIDENCE ? ['kind'] : []),
    ...(f.merchant !== undefined && c.merchant < LOW_CONFIDENCE ? ['merchant'] : []),
  ];
  return { guess, check };
}

function lineFromReceipt(
  turn: Turn,
  receipt: ReceiptSummary,
  comment: string | undefined,
): ClaimLineDraft {
  const { guess, check } = receiptGuess(receipt);
  const { purpose: _purpose, ...fields } = outlayFieldsFromGuess(turn.ctx.today, guess);
  if (comment) fields.comment = comment.slice(0, 1000);
  return {
    id: turn.ctx.newId(),
    fields,
    receiptIds: [receipt.id],
    ...(receipt.name ? { receiptName: receipt.name } : {}),
    ...(check.length ? { check } : {}),
  };
}

function lineOfDraft(draft: OutlayDraft): { line: ClaimLineDraft; purpose: string } {
  const { purpose, ...fields } = draft.fields;
  return {
    line: {
      id: draft.id,
      fields,
      receiptIds: draft.receiptIds ?? [],
      ...(draft.check?.length ? { check: draft.check } : {}),
    },
    purpose,
  };
}

// ---------------------------------------------------------------------------------------------
// Batches: the photos of one message

export function findBatch(state: UserState, id: string | undefined): ReceiptBatch | undefined {
  return id ? state.receiptBatches?.find((b) => b.id === id) : undefined;
}

function putBatch(turn: Turn, batch: ReceiptBatch) {
  const batches = turn.state.receiptBatches ?? [];
  if (batches.some((b) => b.id === batch.id)) {
    turn.state.receiptBatches = batches.map((b) => (b.id === batch.id ? batch : b));
    return;
  }
  const kept = [...batches, batch];
  while (kept.length > MAX_BATCHES) {
    // A message whose photos are still being read must not lose what was read so far: the oldest finished one goes first.
    const finished = kept.findIndex((b) => b.done >= b.count);
    kept.splice(finished >= 0 ? finished : 0, 1);
  }
  turn.state.receiptBatches = kept;
}

function dropBatch(turn: Turn, id: string) {
  const left = (turn.state.receiptBatches ?? []).filter((b) => b.id !== id);
  turn.state.receiptBatches = left.length > 0 ? left : undefined;
}

/** The acknowledgement: "Reading your receipts…", and what to do with them once read. */
export function onReceiptsArrived(
  turn: Turn,
  count: number,
  rawText: string | undefined,
  batchId: string | undefined,
) {
  const { oneClaim, comment } = readReceiptText(rawText ?? '');
  const claim = turn.state.outlayClaim;
  // "samme krav" with a single photo adds it to the claim in progress; a single photo alone is just an outlay.
  // With a trip claim open, "the one claim" is the trip's: the photos go on it one by one.
  const gather =
    oneClaim &&
    !receiptTrip(turn.state) &&
    (count > 1 || (claim !== undefined && claim.step !== 'filing'));
  if (batchId)
    putBatch(turn, {
      id: batchId,
      count,
      oneClaim: gather,
      ...(comment ? { comment } : {}),
      done: 0,
      lines: [],
      skipped: [],
    });
  if (count === 1) return turn.say('receipt.reading', { count });
  turn.say(gather ? 'receipt.readingOneClaim' : 'receipt.readingMany', { count });
}

/** One photo of a "one claim" message read: its line is kept until the last photo is in. */
export function gatherReceipt(
  turn: Turn,
  batch: ReceiptBatch,
  index: number,
  receipt: ReceiptSummary,
  duplicateOf: ReceiptSummary | undefined,
) {
  const photo = { photo: index + 1, ...(receipt.name ? { name: receipt.name } : {}) };
  if (duplicateOf) {
    const date = duplicateOf.createdAt?.slice(0, 10);
    return advance(turn, {
      ...batch,
      skipped: [...batch.skipped, { ...photo, reason: 'duplicate', ...(date ? { date } : {}) }],
    });
  }
  if (receipt.fields.kind === 'not_receipt')
    return advance(turn, {
      ...batch,
      skipped: [...batch.skipped, { ...photo, reason: 'notReceipt' }],
    });
  advance(turn, {
    ...batch,
    lines: [...batch.lines, lineFromReceipt(turn, receipt, batch.comment)],
  });
}

/**
 * "Samle alle i eitt krav" from the inbox: every receipt waiting there becomes a line of one claim
 * (or joins the claim in progress), as if the photos had been sent together with "ett krav".
 */
export function claimFromReceipts(turn: Turn, receipts: readonly ReceiptSummary[]) {
  const usable = receipts.filter((r) => r.fields.kind !== 'not_receipt');
  if (usable.length === 0) return turn.say('outlayClaim.noneUsable');
  const lines = usable.map((r) => lineFromReceipt(turn, r, undefined));
  finishOneClaim(turn, {
    id: 'inbox',
    count: usable.length,
    oneClaim: true,
    done: usable.length,
    lines,
    skipped: [],
  });
}

/** A photo of a "one claim" message that could not be fetched or read. */
export function gatherFailure(
  turn: Turn,
  batch: ReceiptBatch,
  index: number,
  messages: Record<Lang, string>,
) {
  advance(turn, {
    ...batch,
    skipped: [...batch.skipped, { photo: index + 1, reason: 'failed', messages }],
  });
}

function advance(turn: Turn, batch: ReceiptBatch) {
  const updated = { ...batch, done: batch.done + 1 };
  if (updated.done < updated.count) return putBatch(turn, updated);
  dropBatch(turn, updated.id);
  finishOneClaim(turn, updated);
}

function finishOneClaim(turn: Turn, batch: ReceiptBatch) {
  const report = skippedReport(turn.lang, batch.skipped);
  if (batch.lines.length === 0) {
    if (report) turn.messages.push(text(report));
    return turn.say('outlayClaim.noneUsable');
  }
  const lines = batch.lines.map(({ draftId: _draftId, ...line }) => line);
  const current = turn.state.outlayClaim;
  if (current && current.step !== 'filing') {
    const updated: OutlayClaimDraft = { ...current, lines: [...current.lines, ...lines] };
    if (updated.purpose) reviewClaim(turn, updated, false, false);
    else {
      turn.state.outlayClaim = { ...updated, step: 'form' };
      turn.messages.push(outlayClaimView(turn.lang, turn.state.outlayClaim, 'form'));
    }
    if (report) turn.messages.push(text(report));
    return turn.say('outlayClaim.linesAdded');
  }
  const claim: OutlayClaimDraft = { id: turn.ctx.newId(), step: 'form', purpose: '', lines };
  turn.state.outlayClaim = claim;
  // The card first: the bot puts it in place of "Reading your receipts…".
  turn.messages.push(outlayClaimView(turn.lang, claim, 'form'));
  if (report) turn.messages.push(text(report));
  const previous = turn.state.outlay;
  if (previous && !previous.parent && previous.step !== 'filing') {
    // Typed text goes to the newest draft: the outlay in progress steps aside, as for any new draft.
    turn.state.setAside = previous;
    turn.state.outlay = undefined;
    turn.say('outlayClaim.replacedDraft');
  }
  turn.say('outlayClaim.askPurpose');
}

/** "Left out of the claim: - Photo 2 (cat.jpg): does not look like a receipt." */
function skippedReport(lang: Lang, skipped: readonly SkippedPhoto[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const lines = [...skipped]
    .sort((a, b) => a.photo - b.photo)
    .map((s) => {
      const which = t(lang, 'outlayClaim.photo', { n: s.photo }) + (s.name ? ` (${s.name})` : '');
      const why =
        s.reason === 'notReceipt'
          ? t(lang, 'outlayClaim.skipped.notReceipt')
          : s.reason === 'duplicate'
            ? t(lang, 'outlayClaim.skipped.duplicate', {
                date: s.date ? formatDate(lang, s.date) : '?',
              })
            : s.messages[lang];
      return `- ${which}: ${why}`;
    });
  return [t(lang, 'outlayClaim.skipped'), ...lines].join('\n');
}

/**
 * One photo of a message without "ett krav" has been handled the usual way (a card of its own):
 * remember the draft it made, and after the last photo offer to gather the drafts into one claim.
 */
export function afterSinglePhoto(turn: Turn, batch: ReceiptBatch, receiptId?: string) {
  const draft = turn.state.outlay;
  const made =
    receiptId !== undefined &&
    draft &&
    draft.receiptIds?.includes(receiptId) &&
    !batch.lines.some((l) => l.draftId === draft.id);
  // An outlay for the trip in progress keeps its trip: it goes on that claim when its turn comes.
  const lines = made
    ? [
        ...batch.lines,
        {
          ...lineOfDraft(draft).line,
          draftId: draft.id,
          ...(draft.parent ? { parent: draft.parent } : {}),
        },
      ]
    : batch.lines;
  const updated: ReceiptBatch = { ...batch, lines, done: batch.done + 1 };
  putBatch(turn, updated);
  const open = openDrafts(turn.state, updated).length;
  if (updated.done >= updated.count && updated.count > 1 && open >= 2)
    turn.messages.push(mergeOfferView(turn.lang, updated.id, open));
}

/** The drafts of a message still open, with what the user has changed on them since. */
function openDrafts(
  state: UserState,
  batch: ReceiptBatch,
): Array<{ line: ClaimLineDraft; purpose: string }> {
  return batch.lines.flatMap(({ draftId, parent, ...line }) => {
    // Outlays for a trip go on the trip's claim, not on a claim of their own.
    if (!draftId || parent) return [];
    const live = [state.outlay, state.setAside].find((d) => d?.id === draftId);
    if (live?.step === 'filing') return [];
    return [live ? lineOfDraft(live) : { line, purpose: '' }];
  });
}

/** Whether a draft is one of a message's photos, so it comes back in turn and need not be announced as set aside. */
export function isBatchDraft(state: UserState, draftId: string): boolean {
  return Boolean(
    state.receiptBatches?.some(
      (b) => !b.oneClaim && !b.mergedInto && b.lines.some((l) => l.draftId === draftId),
    ),
  );
}

/**
 * The next photo of a message still waiting for its turn, once the draft before it was filed or
 * cancelled: with what the user already changed on it when it was the one set aside. One card
 * each means one outlay at a time, and none of them may be forgotten on the way.
 */
export function nextWaitingDraft(
  state: UserState,
): { draft: OutlayDraft; left: number } | undefined {
  for (const batch of state.receiptBatches ?? []) {
    if (batch.oneClaim || batch.mergedInto || batch.done < batch.count) continue;
    const waiting = batch.lines.filter((l) => l.draftId && l.draftId !== state.outlay?.id);
    const first = waiting[0];
    if (!first?.draftId) continue;
    return { draft: draftOfLine(state, first, first.draftId), left: waiting.length - 1 };
  }
  return undefined;
}

/** A photo's outlay still waiting for its turn, by its draft's id: its card was clicked. */
export function waitingDraft(
  state: UserState,
  draftId: string | undefined,
): OutlayDraft | undefined {
  if (!draftId || draftId === state.outlay?.id) return undefined;
  for (const batch of state.receiptBatches ?? []) {
    if (batch.oneClaim || batch.mergedInto) continue;
    const line = batch.lines.find((l) => l.draftId === draftId);
    if (line) return draftOfLine(state, line, draftId);
  }
  return undefined;
}

/** The outlay a waiting photo stands for: as the user left it when it was set aside, else as read. */
function draftOfLine(
  state: UserState,
  line: ReceiptBatch['lines'][number],
  draftId: string,
): OutlayDraft {
  if (state.setAside?.id === draftId) return { ...state.setAside, step: 'form' };
  const { check, receiptIds, fields, parent } = line;
  return {
    id: draftId,
    step: 'form',
    fields: { ...fields, purpose: '' },
    prefilled: true,
    receiptIds,
    ...(check?.length ? { check } : {}),
    ...(parent ? { parent } : {}),
  };
}

/** A draft of a message was filed or cancelled: it is no longer one to gather. */
export function forgetBatchDraft(turn: Turn, draftId: string) {
  const batches = turn.state.receiptBatches;
  if (!batches?.some((b) => b.lines.some((l) => l.draftId === draftId))) return;
  turn.state.receiptBatches = batches.map((b) => ({
    ...b,
    lines: b.lines.filter((l) => l.draftId !== draftId),
  }));
}

/** The newest message whose drafts can still be gathered, for "samle i eitt krav" typed afterwards. */
export function mergeableBatch(state: UserState): ReceiptBatch | undefined {
  return [...(state.receiptBatches ?? [])]
    .reverse()
    .find(
      (b) => !b.oneClaim && !b.mergedInto && b.done >= b.count && openDrafts(state, b).length >= 2,
    );
}

/** The claim a draft was gathered into, if that claim is still in progress. */
export function claimOfMergedDraft(
  state: UserState,
  draftId: string | undefined,
): OutlayClaimDraft | undefined {
  const claim = state.outlayClaim;
  if (!draftId || !claim) return undefined;
  const batch = state.receiptBatches?.find(
    (b) => b.mergedInto === claim.id && b.lines.some((l) => l.draftId === draftId),
  );
  return batch ? claim : undefined;
}

/** "Put them in one claim": the still-unfiled drafts of a message become the lines of one claim. */
export function mergeBatch(turn: Turn, batchId: string, fromCard: boolean) {
  const batch = findBatch(turn.state, batchId);
  if (!batch || batch.oneClaim) return turn.say('outlayClaim.mergeGone');
  const current = turn.state.outlayClaim;
  if (batch.mergedInto) {
    if (current?.id !== batch.mergedInto) return turn.say('outlayClaim.mergeGone');
    turn.show(claimViewAtStep(turn.lang, current), fromCard);
    return turn.say('outlayClaim.alreadyMerged');
  }
  const open = openDrafts(turn.state, batch);
  if (open.length < 2) return turn.say('outlayClaim.nothingToMerge');
  if (current) {
    turn.say('outlayClaim.busy');
    return void turn.messages.push(claimViewAtStep(turn.lang, current));
  }
  const ids = new Set(batch.lines.map((l) => l.draftId));
  if (turn.state.outlay && ids.has(turn.state.outlay.id)) turn.state.outlay = undefined;
  if (turn.state.setAside && ids.has(turn.state.setAside.id)) turn.state.setAside = undefined;
  const claim: OutlayClaimDraft = {
    id: turn.ctx.newId(),
    step: 'form',
    purpose: open.map((o) => o.purpose.trim()).find(Boolean) ?? '',
    lines: open.map((o) => o.line),
  };
  putBatch(turn, { ...batch, mergedInto: claim.id });
  if (!fromCard) turn.say('outlayClaim.merged', { count: claim.lines.length });
  if (claim.purpose) reviewClaim(turn, claim, fromCard, false);
  else {
    turn.state.outlayClaim = claim;
    turn.show(outlayClaimView(turn.lang, claim, 'form'), fromCard);
  }
  if (fromCard) turn.say('outlayClaim.merged', { count: claim.lines.length });
  if (!claim.purpose) turn.say('outlayClaim.askPurpose');
}

// ---------------------------------------------------------------------------------------------
// The claim: check, edit lines, file

export type ClaimMode = 'form' | 'review' | 'filing' | 'filed' | 'cancelled';

export interface ClaimErrors {
  purpose?: MessageKey;
  /** Per line id. */
  lines?: Record<string, FieldErrors>;
}

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

/** Shows the claim ready to file, or back at its form with what to fix. */
export function reviewClaim(turn: Turn, draft: OutlayClaimDraft, fromCard: boolean, sayFix = true) {
  const errors = claimErrors(draft, turn.ctx.today);
  if (errors) {
    turn.state.outlayClaim = { ...draft, step: 'form' };
    if (!fromCard && sayFix) turn.say('outlay.fixErrors');
    return turn.show(
      outlayClaimView(turn.lang, turn.state.outlayClaim, 'form', { errors }),
      fromCard,
    );
  }
  turn.state.outlayClaim = { ...draft, purpose: draft.purpose.trim(), step: 'review' };
  turn.show(outlayClaimView(turn.lang, turn.state.outlayClaim, 'review'), fromCard);
}

export function fileOutlayClaim(turn: Turn, draft: OutlayClaimDraft, fromCard: boolean) {
  if (draft.step === 'filing') return turn.say('outlayClaim.filingInProgress');
  if (draft.step === 'form') return reviewClaim(turn, draft, fromCard);
  const lines: OutlayLine[] = [];
  for (const line of draft.lines) {
    const checked = validateOutlayLine(line.fields, turn.ctx.today);
    if (!checked.ok) return reviewClaim(turn, draft, fromCard);
    lines.push(checked.line);
  }
  if (checkPurpose(draft.purpose) || lines.length === 0) return reviewClaim(turn, draft, fromCard);
  const filing: OutlayClaimDraft = { ...draft, step: 'filing' };
  turn.state.outlayClaim = filing;
  if (fromCard) turn.replace = outlayClaimView(turn.lang, filing, 'filing');
  const receiptIds = [...new Set(draft.lines.flatMap((l) => l.receiptIds))];
  turn.effects.push({
    type: 'fileClaim',
    draftId: draft.id,
    claim: newClaimOf(turn.lang, draft.purpose, lines),
    ...(receiptIds.length ? { receiptIds } : {}),
  });
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

export function cancelOutlayClaim(turn: Turn, fromCard: boolean) {
  const draft = turn.state.outlayClaim;
  if (!draft) return turn.say('outlay.nothingToCancel');
  if (draft.step === 'filing') return turn.say('outlayClaim.filingInProgress');
  turn.state.outlayClaim = undefined;
  if (fromCard) turn.replace = outlayClaimView(turn.lang, draft, 'cancelled');
  turn.say('outlayClaim.cancelled');
}

/** Handles the claim's card actions and "Put them in one claim"; false when the action is not one of them. */
export function onClaimAction(turn: Turn, data: CardActionData): boolean {
  if (data.action === 'receipts.merge') {
    mergeBatch(turn, typeof data.batchId === 'string' ? data.batchId : '', true);
    return true;
  }
  if (!data.action.startsWith('claim.')) return false;
  const draft = turn.state.outlayClaim;
  if (!draft || (data.draftId && data.draftId !== draft.id)) {
    staleClaim(turn, data.draftId);
    return true;
  }
  if (draft.step === 'filing') {
    turn.say('outlayClaim.filingInProgress');
    return true;
  }
  // The form's purpose travels with every button on it: a purpose typed before a line is edited is kept.
  const withPurpose =
    typeof data.purpose === 'string' ? { ...draft, purpose: data.purpose.trim() } : draft;
  const line = draft.lines.find((l) => l.id === data.lineId);
  switch (data.action) {
    case 'claim.submit':
      reviewClaim(turn, withPurpose, true);
      break;
    case 'claim.file':
      fileOutlayClaim(turn, draft, true);
      break;
    case 'claim.edit':
      turn.state.outlayClaim = { ...draft, step: 'form' };
      turn.replace = outlayClaimView(turn.lang, turn.state.outlayClaim, 'form');
      break;
    case 'claim.cancel':
      cancelOutlayClaim(turn, true);
      break;
    case 'claim.show':
      turn.replace = claimViewAtStep(turn.lang, draft);
      break;
    case 'claim.editLine':
      turn.state.outlayClaim = withPurpose;
      turn.replace = line
        ? claimLineFormView(turn.lang, withPurpose, line)
        : claimViewAtStep(turn.lang, withPurpose);
      break;
    case 'claim.saveLine': {
      if (!line) {
        turn.replace = claimViewAtStep(turn.lang, draft);
        break;
      }
      const { purpose: _ignored, ...fields } = fieldsFromCardData(data, {
        ...line.fields,
        purpose: '',
      });
      const edited: ClaimLineDraft = { ...line, fields };
      const checked = validateOutlayLine(fields, turn.ctx.today);
      if (!checked.ok) {
        turn.replace = claimLineFormView(turn.lang, draft, edited, checked.errors);
        break;
      }
      // The user has looked at the line now: no more "please check".
      const { check: _seen, ...saved } = edited;
      const updated: OutlayClaimDraft = {
        ...draft,
        lines: draft.lines.map((l) => (l.id === line.id ? saved : l)),
      };
      if (updated.step === 'review') reviewClaim(turn, updated, true);
      else {
        turn.state.outlayClaim = updated;
        turn.replace = outlayClaimView(turn.lang, updated, 'form');
      }
      break;
    }
    case 'claim.removeLine': {
      if (!line) {
        turn.replace = claimViewAtStep(turn.lang, withPurpose);
        break;
      }
      const lines = draft.lines.filter((l) => l.id !== line.id);
      if (lines.length === 0) {
        turn.state.outlayClaim = undefined;
        turn.replace = outlayClaimView(turn.lang, draft, 'cancelled');
        turn.say('outlayClaim.lastLineRemoved');
        break;
      }
      const updated: OutlayClaimDraft = { ...withPurpose, lines };
      turn.state.outlayClaim = updated;
      turn.replace = claimViewAtStep(turn.lang, updated);
      turn.say('outlayClaim.lineRemoved');
      break;
    }
    default:
      turn.say('fallback.text');
  }
  return true;
}

/** A click on a claim card whose claim is filed, cancelled or replaced. */
function staleClaim(turn: Turn, draftId: string | undefined) {
  const filed = turn.state.lastFiled;
  if (filed && filed.draftId === draftId) {
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

/** The claims API accepted the claim; false when `draftId` is not the claim in progress. */
export function onClaimFiled(
  turn: Turn,
  draftId: string,
  number: string,
  totals: Array<{ amountMinor: number; currency: string }>,
): boolean {
  const draft = turn.state.outlayClaim;
  if (!draft || draft.id !== draftId) return false;
  turn.state.outlayClaim = undefined;
  turn.state.lastFiled = { draftId, number, claim: { ...draft, step: 'review' } };
  turn.replace = outlayClaimView(turn.lang, draft, 'filed', { number });
  turn.say('claim.filed', {
    number,
    total: totals.map((m) => formatMoney(m.amountMinor, m.currency, turn.lang)).join(' + '),
  });
  return true;
}

export function onClaimFileFailed(
  turn: Turn,
  draftId: string,
  reason: 'unavailable' | 'rejected',
  detail?: string,
): boolean {
  const draft = turn.state.outlayClaim;
  if (!draft || draft.id !== draftId) return false;
  turn.state.outlayClaim = { ...draft, step: 'review' };
  turn.replace = outlayClaimView(turn.lang, turn.state.outlayClaim, 'review');
  if (reason === 'unavailable') turn.say('outlay.apiUnavailable');
  else turn.say('outlay.apiRejected', { reason: detail ?? '?' });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Views

/** The claim's card as it stands: its form, its summary, or "Filing…". */
export function claimViewAtStep(lang: Lang, draft: OutlayClaimDraft): View {
  return outlayClaimView(lang, draft, draft.step);
}

function money(lang: Lang, amountMinor: number, currency: string): string {
  return (CURRENCIES as readonly string[]).includes(currency)
    ? formatMoney(amountMinor, currency, lang)
    : `${amountMinor / 100} ${currency}`;
}

/** One total per currency, in the order the currencies first appear: conversion is finance's job. */
export function claimTotal(lang: Lang, lines: readonly ClaimLineDraft[]): string {
  const totals = new Map<string, number>();
  for (const l of lines) {
    const amount = parseAmount(l.fields.amount);
    if (amount)
      totals.set(l.fields.currency, (totals.get(l.fields.currency) ?? 0) + amount.amountMinor);
  }
  return totals.size > 0
    ? [...totals].map(([currency, minor]) => money(lang, minor, currency)).join(' + ')
    : '–';
}

function fieldLabel(lang: Lang, field: string): string {
  return (OUTLAY_FIELDS as readonly string[]).includes(field)
    ? t(lang, `outlay.field.${field as (typeof OUTLAY_FIELDS)[number]}`)
    : field;
}

export function outlayClaimView(
  lang: Lang,
  draft: OutlayClaimDraft,
  mode: ClaimMode,
  opts: { errors?: ClaimErrors; number?: string } = {},
): View {
  const editable = mode === 'form' || mode === 'review';
  const lineErrors = opts.errors?.lines ?? {};
  const lines = draft.lines.map((l) => {
    const f = l.fields;
    const amount = parseAmount(f.amount);
    const errors = Object.entries(lineErrors[l.id] ?? {}).map(
      ([field, key]) => `${fieldLabel(lang, field)}: ${t(lang, key as MessageKey)}`,
    );
    const check = editable ? (l.check ?? []) : [];
    return {
      lineId: l.id,
      draftId: draft.id,
      title: [kindLabel(lang, f.kind), f.merchant].filter(Boolean).join(' – '),
      detail: [
        formatDate(lang, f.date),
        f.comment,
        l.receiptIds.length
          ? l.receiptName
            ? t(lang, 'outlayClaim.receiptFile', { name: l.receiptName })
            : t(lang, 'outlayClaim.receiptAttached')
          : '',
      ]
        .filter(Boolean)
        .join(' · '),
      amount: amount ? money(lang, amount.amountMinor, f.currency) : '–',
      checkNote:
        check.length > 0
          ? t(lang, 'receipt.check', {
              fields: check.map((c) => fieldLabel(lang, c).toLowerCase()).join(', '),
            })
          : '',
      error: errors.join(' '),
      editable,
      labels: {
        edit: t(lang, 'outlay.action.edit'),
        remove: t(lang, 'outlayClaim.action.removeLine'),
      },
    };
  });
  const status = statusLine(lang, mode, opts.number);
  return {
    kind: 'card',
    template: 'outlay-claim',
    data: {
      title: t(lang, mode === 'review' ? 'outlayClaim.summaryTitle' : 'outlayClaim.title'),
      hint:
        mode === 'form'
          ? t(lang, 'outlayClaim.formHint')
          : mode === 'review'
            ? t(lang, 'outlay.summaryHint')
            : '',
      draftId: draft.id,
      facts:
        mode !== 'form' && draft.purpose
          ? [{ title: t(lang, 'outlay.field.purpose'), value: draft.purpose }]
          : [],
      hasFacts: mode !== 'form' && Boolean(draft.purpose),
      lines,
      totalLabel: t(lang, 'outlay.total'),
      total: claimTotal(lang, draft.lines),
      showPurposeInput: mode === 'form',
      purpose: draft.purpose,
      purposeError: opts.errors?.purpose ? t(lang, opts.errors.purpose) : '',
      status,
      statusColor: mode === 'cancelled' ? 'Warning' : mode === 'filed' ? 'Good' : 'Default',
      showSubmit: mode === 'form',
      showFile: mode === 'review',
      showEdit: mode === 'review',
      showCancel: editable,
      labels: {
        purpose: t(lang, 'outlay.field.purpose'),
        submit: t(lang, 'outlay.action.review'),
        file: t(lang, 'outlay.action.file'),
        edit: t(lang, 'outlay.action.edit'),
        cancel: t(lang, 'outlay.action.cancel'),
      },
      placeholders: { purpose: t(lang, 'outlay.placeholder.purpose') },
    },
  };
}

/** The outlay form for one line of the claim: no purpose (the claim has it), Save and Back. */
export function claimLineFormView(
  lang: Lang,
  draft: OutlayClaimDraft,
  line: ClaimLineDraft,
  errors: FieldErrors = {},
): View {
  const asDraft: OutlayDraft = {
    id: draft.id,
    step: 'form',
    fields: { ...line.fields, purpose: draft.purpose },
  };
  const view = outlayFormView(lang, asDraft, errors, false);
  if (view.kind !== 'card') return view;
  const n = draft.lines.findIndex((l) => l.id === line.id) + 1;
  const check = line.check ?? [];
  return {
    ...view,
    data: {
      ...view.data,
      title: t(lang, 'outlayClaim.lineTitle', { n, kind: kindLabel(lang, line.fields.kind) }),
      intro: check.length
        ? t(lang, 'receipt.check', {
            fields: check.map((c) => fieldLabel(lang, c).toLowerCase()).join(', '),
          })
        : '',
      lineId: line.id,
      showPurpose: false,
      actions: { submit: 'claim.saveLine', cancel: 'claim.show' },
      labels: {
        ...(view.data.labels as Record<string, string>),
        review: t(lang, 'outlayClaim.action.saveLine'),
        cancel: t(lang, 'outlayClaim.action.back'),
      },
    },
  };
}

/** "I made one outlay for each of the 3 receipts. Would you rather have them on one claim?" */
export function mergeOfferView(lang: Lang, batchId: string, count: number): View {
  return {
    kind: 'card',
    template: 'receipts-merge',
    data: {
      text: t(lang, 'outlayClaim.mergeOffer', { count }),
      label: t(lang, 'outlayClaim.action.merge'),
      batchId,
    },
  };
}
