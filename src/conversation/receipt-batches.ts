/**
 * The photos of one message, while the bot reads them one by one. Two ways to one claim:
 *
 * - photos sent with "ett krav" / "eitt krav" / "one claim": the lines are gathered in the
 *   message's batch, and the last photo turns them into one claim; photos that are no receipt,
 *   duplicates or unreadable are said in the same reply and left out;
 * - photos sent without it get a card each, as before, plus a "Put them in one claim" button
 *   (or the same words typed afterwards) that gathers the still-unfiled drafts of that message.
 */
import { t, type Lang } from '../i18n/translate.js';
import type { ReceiptSummary } from '../claims/receipt-reading.js';
import type { Routes } from './actions/route-types.js';
import { formatDate } from './card-views.js';
import { readReceiptText } from './one-claim-text.js';
import { openClaim, reviewClaim } from './outlay-claim-flow.js';
import { claimViewAtStep, mergeOfferView, outlayClaimView } from './outlay-claim-views.js';
import { receiptTrip } from './open-trip.js';
import { lineFromReceipt, lineOfDraft } from './receipt-lines.js';
import { text, type Turn } from './turn.js';
import type {
  ClaimLineDraft,
  OutlayClaimDraft,
  OutlayDraft,
  ReceiptBatch,
  SkippedPhoto,
  UserState,
} from './types.js';

/** Only the newest messages with photos can still be gathered: enough for a few quick messages in a row. */
const MAX_BATCHES = 3;

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
  openClaim(turn, lines, report);
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
  if (!claim.purpose) turn.askPurpose('outlayClaim');
}

/** "Put them in one claim" on the offer made after the last photo of a message. */
export const batchRoutes: Routes<'receipts.merge'> = {
  'receipts.merge': (turn, action) => mergeBatch(turn, action.batchId ?? '', true),
};
