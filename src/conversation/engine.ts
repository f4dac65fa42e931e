/**
 * The conversation engine: (state, event) → (new state, what to show, what to do). Pure: the
 * clock, ids and locale come in through `TurnContextData`, and outcomes of slow work (filing,
 * listing claims) come back as events, so a whole dialogue is a list of plain objects.
 */
import { detectLanguage, looksNorwegian } from '../i18n/language-detect.js';
import { formatMoney, langFromLocale, t, type Lang } from '../i18n/translate.js';
import {
  claimsListView,
  formatDate,
  formatDraftTotal,
  kindLabel,
  outlayFormView,
  outlayInProgress,
  outlaySummaryView,
  receiptsListView,
  welcomeView,
} from './card-views.js';
import { parseCommand, type Command } from './commands.js';
import { isQuestion, parseOutlayText, type OutlayGuess } from './free-text.js';
import { asksForOneClaim } from './one-claim-text.js';
import {
  afterSinglePhoto,
  cancelOutlayClaim,
  claimTotal,
  claimFromReceipts,
  claimOfMergedDraft,
  claimViewAtStep,
  fileOutlayClaim,
  findBatch,
  forgetBatchDraft,
  isBatchDraft,
  waitingDraft,
  nextWaitingDraft,
  gatherFailure,
  gatherReceipt,
  mergeableBatch,
  mergeBatch,
  onClaimAction,
  onClaimFiled,
  onClaimFileFailed,
  onReceiptsArrived,
  receiptGuess,
  reviewClaim,
} from './outlay-claim-flow.js';
import {
  mileageSummaryView,
  onMileageAction,
  reviewMileage,
  startMileage,
} from './mileage-flow.js';
import { parseMileageText } from './mileage-text.js';
import { onTravelAction, startTravel, travelSummaryView } from './travel-flow.js';
import type { Claim, OutlayLine } from '../claims/claim.js';
import { fieldsFromCardData, outlayFieldsFromGuess, validateOutlay } from './outlay-form.js';
import { receiptTrip, tripOf } from './open-trip.js';
import { text, Turn } from './turn.js';
import type {
  ConversationEvent,
  HelpReply,
  OutlayDraft,
  ReceiptSummary,
  TurnContextData,
  TurnResult,
  UserState,
  View,
} from './types.js';

function resolveLang(state: UserState, event: ConversationEvent, ctx: TurnContextData): UserState {
  if (event.type !== 'text' || state.langChosen) return state;
  const detected = detectLanguage(event.text);
  if (detected) return detected !== state.lang ? { ...state, lang: detected } : state;
  // Norwegian that does not tell bokmål from nynorsk still means "not English": a Norwegian
  // user whose Teams is in English should get Norwegian answers.
  const current = state.lang ?? langFromLocale(ctx.locale) ?? ctx.defaultLang;
  if (current === 'en' && looksNorwegian(event.text))
    return { ...state, lang: ctx.defaultLang === 'en' ? 'nb' : ctx.defaultLang };
  return state;
}

export function handleEvent(
  initial: UserState,
  event: ConversationEvent,
  ctx: TurnContextData,
): TurnResult {
  const state = resolveLang(initial, event, ctx);
  const lang = state.lang ?? langFromLocale(ctx.locale) ?? ctx.defaultLang;
  const turn = new Turn(state, ctx, lang);
  const personal = ctx.scope === 'personal';

  switch (event.type) {
    case 'installed':
      if (!personal) turn.say('group.welcome');
      else welcome(turn);
      break;
    case 'text':
      onText(turn, event.text, personal);
      break;
    case 'action':
      if (!personal) turn.say('group.private');
      else onAction(turn, event.data);
      break;
    case 'filed':
      onFiled(turn, event.draftId, event.claim.number, event.claim);
      break;
    case 'fileFailed':
      onFileFailed(turn, event.draftId, event.reason, event.detail);
      break;
    case 'claimsListed':
      turn.messages.push(
        claimsListView(turn.lang, event.claims, inProgressNote(turn), event.receiptLinks),
      );
      break;
    case 'claimsListFailed':
      turn.say('claims.unavailable');
      break;
    case 'receiptsArrived':
      if (!personal) turn.say('group.private');
      else onReceiptsArrived(turn, event.count, event.text, event.batchId);
      break;
    case 'receiptRead': {
      const batch = findBatch(turn.state, event.batch?.id);
      if (batch?.oneClaim)
        gatherReceipt(
          turn,
          batch,
          event.batch?.index ?? batch.done,
          event.receipt,
          event.duplicateOf,
        );
      else {
        const before = turn.state.outlay;
        // Of several photos, only the last one's card asks for the purpose: the others take their turn later.
        const more = batch !== undefined && batch.done + 1 < batch.count;
        onReceiptRead(
          turn,
          event.receipt,
          batch ? batch.comment : event.comment,
          event.duplicateOf,
          more,
        );
        // Only a photo that made a new draft has one to gather later (not a duplicate or a non-receipt).
        if (batch)
          afterSinglePhoto(
            turn,
            batch,
            turn.state.outlay !== before ? event.receipt.id : undefined,
          );
      }
      break;
    }
    case 'receiptFailed': {
      const batch = findBatch(turn.state, event.batch?.id);
      if (batch?.oneClaim)
        gatherFailure(turn, batch, event.batch?.index ?? batch.done, event.messages);
      else {
        turn.messages.push(text(event.messages[turn.lang]));
        if (batch) afterSinglePhoto(turn, batch);
      }
      break;
    }
    case 'inboxGathered':
      claimFromReceipts(turn, event.receipts);
      break;
    case 'receiptsListed':
      turn.messages.push(receiptsListView(turn.lang, event.receipts));
      break;
    case 'helpAnswered':
      turn.lang = event.reply.lang;
      turn.messages.push(helpAnswerView(event.reply, personal));
      break;
  }
  return turn.result();
}

function welcome(turn: Turn) {
  turn.state.welcomed = true;
  turn.messages.push(welcomeView(turn.lang, turn.ctx.userName));
}

/** Commands that touch claims, which are private and so only handled in the personal chat. */
const PRIVATE_COMMANDS = new Set<Command['name']>([
  'newOutlay',
  'newMileage',
  'newTravel',
  'myReceipts',
  'myClaims',
  'cancel',
  'undo',
  'file',
]);

function onText(turn: Turn, raw: string, personal: boolean) {
  const command = parseCommand(raw);
  if (command) {
    if (!personal && PRIVATE_COMMANDS.has(command.name)) return turn.say('group.private');
    return onCommand(turn, command);
  }
  const question = isQuestion(raw);
  const trip = parseMileageText(raw, turn.ctx.today);
  if (trip) {
    if (!personal) return turn.say('group.private');
    return startMileage(turn, trip);
  }
  const mileage = turn.state.mileage;
  if (
    personal &&
    mileage?.step === 'form' &&
    mileage.prefilled &&
    !mileage.fields.purpose &&
    !question &&
    !turn.state.outlay &&
    raw.trim()
  ) {
    return reviewMileage(
      turn,
      { ...mileage, fields: { ...mileage.fields, purpose: raw.trim() } },
      false,
    );
  }
  // "Samle i eitt krav" after photos that each got a card of their own (not the purpose of the last one).
  const batch = personal && asksForOneClaim(raw) ? mergeableBatch(turn.state) : undefined;
  if (batch) return mergeBatch(turn, batch.id, false);
  const guess = parseOutlayText(raw, turn.ctx.today);
  const draft = turn.state.outlay;
  // While a form waits for its purpose, a sentence without an amount is the purpose, even if it
  // mentions a kind of expense ("parkering ved kundemøtet"); a question is still a question.
  if (
    personal &&
    draft?.step === 'form' &&
    !draft.fields.purpose &&
    guess?.amountMinor === undefined &&
    !question &&
    raw.trim()
  ) {
    return setPurpose(turn, draft, raw.trim());
  }
  const claim = turn.state.outlayClaim;
  if (
    personal &&
    claim?.step === 'form' &&
    !claim.purpose &&
    guess?.amountMinor === undefined &&
    !question &&
    raw.trim()
  ) {
    return reviewClaim(turn, { ...claim, purpose: raw.trim() }, false);
  }
  if (guess && (guess.amountMinor !== undefined || guess.kind)) {
    if (!personal) return turn.say('group.private');
    // A toll or ferry typed while a mileage or travel claim waits at its summary belongs on that claim.
    const travel = turn.state.travel;
    const parent =
      mileage?.step === 'review'
        ? { kind: 'mileage' as const, id: mileage.id }
        : travel?.step === 'review'
          ? { kind: 'travel' as const, id: travel.id }
          : undefined;
    return startOutlay(turn, guess, parent);
  }
  if (!turn.state.welcomed && personal && !question) welcome(turn);
  // Everything else is a question for the user guide; the guide search says when it has no answer.
  turn.effects.push({ type: 'answerHelp', question: raw, lang: turn.lang });
}

function helpAnswerView(reply: HelpReply, personal: boolean): View {
  const label = reply.action ? helpActionLabel(reply.lang, reply.action) : undefined;
  // Claims are private: in a group chat the answer comes without a button that would start one.
  if (!label || !personal) return text(reply.text);
  // The citation is the answer's last line; on the card it goes under the text, small, like a footnote.
  const lines = reply.text.trimEnd().split('\n');
  const source = reply.found && lines.length > 1 ? (lines.pop() as string) : '';
  return {
    kind: 'card',
    template: 'help-answer',
    data: { text: lines.join('\n').trim(), source, action: reply.action, label },
  };
}

function helpActionLabel(lang: Lang, action: string): string | undefined {
  switch (action) {
    case 'outlay.start':
      return t(lang, 'welcome.newOutlay');
    case 'mileage.start':
      return t(lang, 'welcome.newMileage');
    case 'travel.start':
      return t(lang, 'welcome.newTravel');
    case 'claims.list':
      return t(lang, 'welcome.myClaims');
    default:
      return undefined;
  }
}

function onCommand(turn: Turn, command: Command) {
  switch (command.name) {
    case 'newOutlay':
      return startOutlay(turn);
    case 'newMileage':
      return startMileage(turn);
    case 'newTravel':
      return startTravel(turn);
    case 'myClaims':
      turn.effects.push({ type: 'listClaims' });
      return;
    case 'myReceipts':
      turn.effects.push({ type: 'listReceipts' });
      return;
    case 'help':
      return turn.say('help.text');
    case 'cancel':
      return cancelDraft(turn, false);
    case 'undo':
      return undo(turn);
    case 'file': {
      const draft = turn.state.outlay;
      if (!draft && turn.state.outlayClaim)
        return fileOutlayClaim(turn, turn.state.outlayClaim, false);
      if (!draft) return turn.say('outlay.nothingToCancel');
      return fileDraft(turn, draft, false);
    }
    case 'language':
      if (!command.lang) return turn.say('lang.choose');
      turn.lang = command.lang;
      turn.state.lang = command.lang;
      turn.state.langChosen = true;
      return turn.say('lang.switched');
    case 'greeting':
      if (!turn.state.welcomed) return welcome(turn);
      return turn.say('greeting.reply');
    case 'thanks':
      return turn.say('thanks.reply');
  }
}

/** Every claim the user has started and not filed, one line each, for “mine krav”. */
function inProgressNote(turn: Turn): string {
  const { outlay, outlayClaim, mileage, travel } = turn.state;
  const notes = [
    outlay ? outlayInProgress(turn.lang, outlay) : '',
    outlayClaim
      ? t(turn.lang, 'claims.claimInProgress', {
          count: outlayClaim.lines.length,
          amount: claimTotal(turn.lang, outlayClaim.lines),
        })
      : '',
    mileage ? t(turn.lang, 'claims.mileageInProgress', { to: mileage.fields.to || '?' }) : '',
    travel
      ? t(turn.lang, 'claims.travelInProgress', { destination: travel.fields.destination || '?' })
      : '',
  ];
  return notes.filter(Boolean).join('\n\n');
}

/** What comes with an outlay read off a receipt: the stored receipt, the user's text, what to check. */
interface FromReceipt {
  receiptIds: string[];
  comment?: string;
  check: string[];
  /** More photos of the same message follow: the last one asks for the purpose. */
  quiet?: boolean;
}

function startOutlay(
  turn: Turn,
  guess?: OutlayGuess,
  parent?: OutlayDraft['parent'],
  receipt?: FromReceipt,
) {
  const previous = turn.state.outlay;
  if (previous && previous.step !== 'filing') {
    turn.state.setAside = previous;
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
  };
  turn.state.outlay = draft;
  // An outlay on a trip already has its purpose (the trip's): straight to its summary.
  if (parent && guess?.amountMinor !== undefined && !receipt?.check.length)
    return review(turn, draft, false);
  if (!guess) return void turn.messages.push(outlayFormView(turn.lang, draft));
  // From free text the chat stays a chat: show what was understood and ask for the purpose,
  // with the full form one click away.
  turn.messages.push(outlaySummaryView(turn.lang, draft, 'draft'));
  if (!receipt?.quiet) turn.say('outlay.askPurpose');
}

function onReceiptRead(
  turn: Turn,
  receipt: ReceiptSummary,
  comment: string | undefined,
  duplicateOf: ReceiptSummary | undefined,
  morePhotos = false,
) {
  if (duplicateOf) {
    return turn.say('receipt.duplicate', {
      date: duplicateOf.createdAt ? formatDate(turn.lang, duplicateOf.createdAt.slice(0, 10)) : '?',
    });
  }
  const f = receipt.fields;
  const travel = turn.state.travel;
  if (f.kind === 'not_receipt') {
    // An invitation or registration is documentation for the travel claim in progress (guide 5.1).
    if (travel) {
      turn.state.travel = { ...travel, documentIds: [...(travel.documentIds ?? []), receipt.id] };
      return turn.say('receipt.attachedAsDocumentation');
    }
    return turn.say('receipt.notReceipt');
  }
  const { guess, check } = receiptGuess(receipt);
  startOutlay(turn, guess, receiptTrip(turn.state), {
    receiptIds: [receipt.id],
    comment,
    check,
    quiet: morePhotos,
  });
}

function setPurpose(turn: Turn, draft: OutlayDraft, purpose: string) {
  const updated: OutlayDraft = { ...draft, fields: { ...draft.fields, purpose } };
  turn.state.outlay = updated;
  review(turn, updated, false);
}

/** Validates the form; shows the summary when it is complete, the form with its errors otherwise. */
function review(turn: Turn, draft: OutlayDraft, fromCard: boolean) {
  const checked = validateOutlay(draft.fields, turn.ctx.today);
  if (!checked.ok) {
    turn.state.outlay = { ...draft, step: 'form' };
    const form = outlayFormView(turn.lang, turn.state.outlay, checked.errors, !draft.prefilled);
    if (fromCard) turn.replace = form;
    else {
      turn.say('outlay.fixErrors');
      turn.messages.push(form);
    }
    return;
  }
  const reviewed: OutlayDraft = {
    ...draft,
    step: 'review',
    fields: { ...draft.fields, purpose: checked.purpose },
  };
  turn.state.outlay = reviewed;
  const summary = outlaySummaryView(turn.lang, reviewed, 'review');
  if (fromCard) turn.replace = summary;
  else turn.messages.push(summary);
}

function fileDraft(turn: Turn, draft: OutlayDraft, fromCard: boolean) {
  if (draft.step === 'filing') return turn.say('outlay.filingInProgress');
  if (draft.step === 'form') return review(turn, draft, fromCard);
  const checked = validateOutlay(draft.fields, turn.ctx.today);
  if (!checked.ok) return review(turn, draft, fromCard);
  if (draft.parent) return addToParent(turn, draft, checked.line, fromCard);
  const filing: OutlayDraft = { ...draft, step: 'filing' };
  turn.state.outlay = filing;
  const card = outlaySummaryView(turn.lang, filing, 'filing');
  if (fromCard) turn.replace = card;
  const kind = kindLabel(turn.lang, checked.line.kind);
  turn.effects.push({
    type: 'fileClaim',
    draftId: draft.id,
    ...(draft.receiptIds?.length ? { receiptIds: draft.receiptIds } : {}),
    claim: {
      description:
        t(turn.lang, 'outlay.description', { kind }) +
        (checked.line.merchant ? ` – ${checked.line.merchant}` : ''),
      purpose: checked.purpose,
      lines: [checked.line],
    },
  });
}

/** The outlay goes on the trip claim it was started from; then the next photo of its message, if any. */
function addToParent(turn: Turn, draft: OutlayDraft, line: OutlayLine, fromCard: boolean) {
  addToTrip(turn, draft, line, fromCard);
  forgetBatchDraft(turn, draft.id);
  resumeWaitingDraft(turn);
}

function addToTrip(turn: Turn, draft: OutlayDraft, line: OutlayLine, fromCard: boolean) {
  const mileage = turn.state.mileage;
  turn.state.outlay = undefined;
  const travel = turn.state.travel;
  if (draft.parent?.kind === 'travel') {
    if (!travel || travel.id !== draft.parent.id) return turn.say('travel.noDraft');
    turn.state.travel = {
      ...travel,
      step: 'review',
      outlays: [...travel.outlays, line],
      receiptIds: [...(travel.receiptIds ?? []), ...(draft.receiptIds ?? [])],
    };
    turn.show(outlaySummaryView(turn.lang, draft, 'added'), fromCard);
    turn.say('trip.outlayAdded', {
      kind: kindLabel(turn.lang, line.kind).toLowerCase(),
      amount: formatMoney(line.amountMinor, line.currency, turn.lang),
    });
    return void turn.messages.push(travelSummaryView(turn.lang, turn.state.travel, 'review'));
  }
  if (!mileage || draft.parent?.id !== mileage.id) return turn.say('mileage.noDraft');
  const updated = {
    ...mileage,
    step: 'review' as const,
    outlays: [...mileage.outlays, line],
    receiptIds: [...(mileage.receiptIds ?? []), ...(draft.receiptIds ?? [])],
  };
  turn.state.mileage = updated;
  turn.show(outlaySummaryView(turn.lang, draft, 'added'), fromCard);
  turn.say('trip.outlayAdded', {
    kind: kindLabel(turn.lang, line.kind).toLowerCase(),
    amount: formatMoney(line.amountMinor, line.currency, turn.lang),
  });
  turn.messages.push(mileageSummaryView(turn.lang, updated, 'review'));
}

function cancelDraft(turn: Turn, fromCard: boolean) {
  const draft = turn.state.outlay;
  if (!draft && turn.state.outlayClaim) return cancelOutlayClaim(turn, fromCard);
  if (!draft && turn.state.mileage) return void onMileageAction(turn, { action: 'mileage.cancel' });
  if (!draft) return turn.say('outlay.nothingToCancel');
  if (draft.step === 'filing') return turn.say('outlay.filingInProgress');
  forgetBatchDraft(turn, draft.id);
  turn.state.setAside = { ...draft, step: 'form' };
  turn.state.outlay = undefined;
  if (fromCard) turn.replace = outlaySummaryView(turn.lang, draft, 'cancelled');
  turn.say('outlay.cancelled');
  resumeWaitingDraft(turn);
}

/** After an outlay is filed or cancelled, the next photo of the same message takes its turn. */
function resumeWaitingDraft(turn: Turn) {
  if (turn.state.outlay || turn.state.outlayClaim) return;
  const next = nextWaitingDraft(turn.state);
  if (!next) return;
  turn.say(next.left > 0 ? 'receipt.nextOfMany' : 'receipt.nextLast', { left: next.left });
  const draft = bringForward(turn, next.draft);
  // For the trip in progress its purpose is the trip's: straight to the summary that adds it.
  if (draft.parent) return review(turn, draft, false);
  turn.messages.push(outlaySummaryView(turn.lang, draft, 'draft'));
  turn.say('outlay.askPurpose');
}

function undo(turn: Turn) {
  const aside = turn.state.setAside;
  if (!aside) return turn.say('outlay.nothingToUndo');
  const current = turn.state.outlay;
  turn.state.outlay = { ...aside, step: 'form' };
  turn.state.setAside = current && current.step !== 'filing' ? current : undefined;
  turn.say('outlay.restored');
  turn.messages.push(outlayFormView(turn.lang, turn.state.outlay, {}, false));
}

function onAction(
  turn: Turn,
  data: { action: string; draftId?: string } & Record<string, unknown>,
) {
  if (data.action === 'travel.addOutlay' || data.action === 'travel.addMileage') {
    const travel = turn.state.travel;
    if (!travel || travel.id !== data.draftId) return turn.say('travel.noDraft');
    if (data.action === 'travel.addOutlay')
      return startOutlay(turn, undefined, { kind: 'travel', id: travel.id });
    return startMileage(turn, undefined, { kind: 'travel', id: travel.id });
  }
  if (onTravelAction(turn, data)) return;
  if (onClaimAction(turn, data)) return;
  if (data.action === 'mileage.addOutlay') {
    const mileage = turn.state.mileage;
    if (!mileage || mileage.id !== data.draftId) return turn.say('mileage.noDraft');
    return startOutlay(turn, undefined, { kind: 'mileage', id: mileage.id });
  }
  const filed = turn.state.lastFiled;
  if (
    filed &&
    /^(mileage|travel)\./.test(data.action) &&
    filed.draftId === data.draftId &&
    turn.state.mileage?.id !== data.draftId &&
    turn.state.travel?.id !== data.draftId
  ) {
    return turn.say('outlay.alreadyFiled', { number: filed.number });
  }
  if (onMileageAction(turn, data)) return;
  switch (data.action) {
    case 'receipt.toClaim':
      if (typeof data.receiptId === 'string')
        turn.effects.push({ type: 'loadReceipt', receiptId: data.receiptId });
      return;
    case 'receipts.allToClaim':
      return void turn.effects.push({ type: 'gatherInbox' });
    case 'outlay.start':
      return startOutlay(turn);
    case 'claims.list':
      turn.effects.push({ type: 'listClaims' });
      return;
    case 'help.show':
      return turn.say('help.text');
  }
  const waiting = waitingDraft(turn.state, data.draftId);
  if (waiting && turn.state.outlay?.step !== 'filing') {
    // A click on the card of a photo still waiting its turn: that one becomes the current outlay,
    // and the current one waits instead (it is a photo of a message too, or it is set aside).
    bringForward(turn, waiting);
  }
  const draft = turn.state.outlay;
  if (!draft || (data.draftId && data.draftId !== draft.id)) return staleAction(turn, data.draftId);
  switch (data.action) {
    case 'outlay.submit':
      return review(turn, { ...draft, fields: fieldsFromCardData(data, draft.fields) }, true);
    case 'outlay.edit': {
      const editing: OutlayDraft = { ...draft, step: draft.step === 'filing' ? 'filing' : 'form' };
      if (editing.step === 'filing') return turn.say('outlay.filingInProgress');
      turn.state.outlay = editing;
      turn.replace = outlayFormView(turn.lang, editing, {}, !editing.prefilled);
      return;
    }
    case 'outlay.file':
      return fileDraft(turn, draft, true);
    case 'outlay.cancel':
      return cancelDraft(turn, true);
    default:
      return turn.say('fallback.text');
  }
}

function bringForward(turn: Turn, waiting: OutlayDraft): OutlayDraft {
  const current = turn.state.outlay;
  if (current) {
    turn.state.setAside = current;
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
  const filed = turn.state.lastFiled;
  if (filed && filed.draftId === draftId) {
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

function onFiled(turn: Turn, draftId: string, number: string, claim: Claim) {
  const mileage = turn.state.mileage;
  const travel = turn.state.travel;
  if (mileage?.id === draftId || travel?.id === draftId) {
    turn.state.lastFiled = { draftId, number };
    if (mileage?.id === draftId) {
      turn.state.mileage = undefined;
      turn.replace = mileageSummaryView(turn.lang, mileage, 'filed', number);
    } else if (travel) {
      turn.state.travel = undefined;
      turn.replace = travelSummaryView(turn.lang, travel, 'filed', number);
    }
    const total = claim.totals
      .map((m) => formatMoney(m.amountMinor, m.currency, turn.lang))
      .join(' + ');
    return turn.say('claim.filed', { number, total });
  }
  if (onClaimFiled(turn, draftId, number, claim.totals)) return;
  const draft = turn.state.outlay;
  if (!draft || draft.id !== draftId) return;
  forgetBatchDraft(turn, draftId);
  const total = formatDraftTotal(turn.lang, draft);
  turn.state.lastFiled = { draftId, number, draft: { ...draft, step: 'review' } };
  turn.state.outlay = undefined;
  turn.replace = outlaySummaryView(turn.lang, draft, 'filed', number);
  turn.say('outlay.filed', { number, total });
  resumeWaitingDraft(turn);
}

function onFileFailed(
  turn: Turn,
  draftId: string,
  reason: 'unavailable' | 'rejected',
  detail?: string,
) {
  const mileage = turn.state.mileage;
  const travel = turn.state.travel;
  if (mileage?.id === draftId || travel?.id === draftId) {
    if (mileage?.id === draftId) {
      turn.state.mileage = { ...mileage, step: 'review' };
      turn.replace = mileageSummaryView(turn.lang, turn.state.mileage, 'review');
    } else if (travel) {
      turn.state.travel = { ...travel, step: 'review' };
      turn.replace = travelSummaryView(turn.lang, turn.state.travel, 'review');
    }
    if (reason === 'unavailable') return turn.say('outlay.apiUnavailable');
    return turn.say('outlay.apiRejected', { reason: detail ?? '?' });
  }
  if (onClaimFileFailed(turn, draftId, reason, detail)) return;
  const draft = turn.state.outlay;
  if (!draft || draft.id !== draftId) return;
  const back: OutlayDraft = { ...draft, step: 'review' };
  turn.state.outlay = back;
  turn.replace = outlaySummaryView(turn.lang, back, 'review');
  if (reason === 'unavailable') turn.say('outlay.apiUnavailable');
  else turn.say('outlay.apiRejected', { reason: detail ?? '?' });
}
