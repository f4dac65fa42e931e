/**
 * What a typed message means is decided by the understanding layer (src/understanding/), from the
 * message and its context (the draft in progress, the form waiting for its purpose); here each
 * intent goes to its flow.
 */
import {
  understand,
  type Understanding,
  type UnderstandingContext,
} from '../understanding/understand.js';
import type { CorrectedDraft } from '../understanding/correction.js';
import type { Command } from './commands.js';
import { setReminders } from './claim-followup.js';
import { cancel, file } from './draft-lifecycle.js';
import { addTripOutlaysToMileage, applyCorrection, tripOutlayLine } from './corrections.js';
import { askNextForMileage, mileageFlow, mileageMissing, startMileage } from './mileage-flow.js';
import { asksForOneClaim } from './one-claim-text.js';
import { fileOutlayClaim, reviewClaim, startClaimFromText } from './outlay-claim-flow.js';
import { askNext, cancelDraft, fileOutlay, setPurpose, startOutlay } from './outlay-flow.js';
import { outlaySummaryView } from './card-views.js';
import { outlayClaimView } from './outlay-claim-views.js';
import { answerRates } from './rates-answer.js';
import { undo } from './set-aside.js';
import { mergeableBatch, mergeBatch } from './receipt-batches.js';
import { startTravel, travelFlow } from './travel-flow.js';
import type { Turn } from './turn.js';
import type { PurposeAsker, UserState } from './types.js';
import { welcome } from './welcome-and-help.js';

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
  'remindersOff',
  'remindersOn',
  'whatNext',
]);

/** What the bot is waiting for: the context a message is understood in. */
export function contextOf(state: UserState, today: string): UnderstandingContext {
  const { outlay, mileage, travel } = state;
  const context: UnderstandingContext = { today };
  const waiting = purposeAwaitedBy(state);
  // Several drafts may wait for a purpose (a receipt's outlay, then a trip typed): the one the
  // bot asked about last is the one the user answers.
  const awaited =
    state.askedPurpose && waiting.includes(state.askedPurpose) ? state.askedPurpose : waiting[0];
  if (awaited) context.awaitingPurpose = awaited;
  if (awaited === 'mileage') context.draft = 'mileage';
  else if (outlay && outlay.step !== 'filing') context.draft = 'outlay';
  else if (mileage && mileage.step !== 'filing') context.draft = 'mileage';
  else if (travel && travel.step !== 'filing') context.draft = 'travel';
  if (context.draft === 'outlay' && !outlay?.fields.amount.trim()) context.missing = 'amount';
  if (context.draft === 'mileage' && mileage) context.missing = mileageMissing(mileage);
  // After "Hva er riktig beløp?" a lone figure is the amount (or the km), not a purpose.
  if (state.askedValue === 'amount' && context.draft === 'outlay') context.missing = 'amount';
  if (state.askedValue === 'km' && context.draft === 'mileage') context.missing = 'km';
  return context;
}

function purposeAwaitedBy(state: UserState): PurposeAsker[] {
  const { outlay, mileage, outlayClaim } = state;
  const waiting: PurposeAsker[] = [];
  if (outlay?.step === 'form' && !outlay.fields.purpose) waiting.push('outlay');
  if (outlayClaim?.step === 'form' && !outlayClaim.purpose) waiting.push('outlayClaim');
  // An outlay in progress beside a mileage claim is normally the trip's toll or ferry, which
  // takes the trip's purpose: the trip waits only when it asked last.
  if (
    mileage?.step === 'form' &&
    mileage.prefilled &&
    (!mileage.fields.purpose || mileageMissing(mileage)) &&
    (!outlay || state.askedPurpose === 'mileage')
  )
    waiting.push('mileage');
  return waiting;
}

/** `understood`: a reading decided by the services (a language model's), else read here offline. */
export function onText(turn: Turn, raw: string, personal: boolean, understood?: Understanding) {
  // "Samle i eitt krav" after photos that each got a card of their own (not the purpose of the last one).
  const batch = personal && asksForOneClaim(raw) ? mergeableBatch(turn.state) : undefined;
  if (batch) return mergeBatch(turn, batch.id, false);
  // Read once: the state does not change before the message is routed.
  const context = contextOf(turn.state, turn.ctx.today);
  // A value asked for is answered now or not at all.
  delete turn.state.askedValue;
  const meant = understood ?? understand(raw, context);
  if (meant.intent === 'command') {
    if (!personal && PRIVATE_COMMANDS.has(meant.command.name)) return turn.say('group.private');
    return onCommand(turn, meant.command, context);
  }
  if (meant.intent === 'help') {
    // Not in the middle of a claim: the welcome card there would read as the draft being lost.
    if (!turn.state.welcomed && personal && !meant.question && !context.draft) welcome(turn);
    // Not a question for the guide, whose nearest section would only mislead ("skriv en e-post …").
    if (meant.outOfScope) {
      turn.say('outOfScope.text');
      return personal ? askAgain(turn) : undefined;
    }
    // The guide search says when it has no answer (small talk and out-of-scope text too).
    return void turn.effects.push({ type: 'answerHelp', question: raw, lang: turn.lang });
  }
  // The state's rates are no one's private data: answered in a group chat too.
  if (meant.intent === 'ratesQuestion') return answerRates(turn, meant.rates, personal);
  // Everything else touches the user's own claims, which are private.
  if (!personal) return turn.say('group.private');
  switch (meant.intent) {
    case 'claimsQuestion':
      // "Har jeg fått pengene for taxien?" is answered from the claims once they are listed; a
      // question without an answer shape ("vis meg kravene mine") gets the list.
      return void turn.effects.push({ type: 'listClaims', question: meant.question });
    case 'correct':
      return applyCorrection(turn, meant.fix, context.draft);
    case 'newMileage': {
      const line = meant.trip?.outlay && tripOutlayLine(turn, meant.trip.outlay);
      return startMileage(turn, meant.trip, undefined, line ? [line] : []);
    }
    case 'newTravel':
      return startTravel(turn, meant.travel);
    case 'answerPurpose':
      return answerPurpose(turn, meant.purpose, context.awaitingPurpose);
    case 'newOutlays':
      // "bom 70 kr og parkering 45" while a trip waits for its purpose: the trip's own lines.
      if (context.awaitingPurpose === 'mileage' && addTripOutlaysToMileage(turn, meant.outlays))
        return;
      return startClaimFromText(turn, meant.outlays);
    case 'newOutlay': {
      const { mileage, travel } = turn.state;
      // A toll or ferry typed while a mileage claim waits for its purpose goes on that claim.
      if (context.awaitingPurpose === 'mileage')
        if (addTripOutlaysToMileage(turn, [meant.outlay])) return;
      // A toll or ferry typed while a mileage claim waits at its summary belongs on that claim; a
      // hotel, ticket or taxi typed while a travel claim is open (its form or its summary), on the trip.
      const parent =
        mileage?.step === 'review'
          ? { kind: 'mileage' as const, id: mileage.id }
          : travel && travel.step !== 'filing'
            ? { kind: 'travel' as const, id: travel.id }
            : undefined;
      return startOutlay(turn, meant.outlay, parent);
    }
  }
}

/**
 * After a question answered while a draft waited for its purpose (or its amount, its km…), the
 * draft is shown again with the bot's question, so the answer to the question is not the end.
 */
export function askAgain(turn: Turn) {
  const { outlay, mileage, outlayClaim } = turn.state;
  const awaited = contextOf(turn.state, turn.ctx.today).awaitingPurpose;
  if (awaited === 'outlay' && outlay) {
    turn.messages.push(outlaySummaryView(turn.lang, outlay, 'draft'));
    askNext(turn, outlay);
  } else if (awaited === 'mileage' && mileage) askNextForMileage(turn, mileage);
  else if (awaited === 'outlayClaim' && outlayClaim) {
    turn.messages.push(outlayClaimView(turn.lang, outlayClaim, 'form'));
    turn.askPurpose('outlayClaim');
  }
}

function answerPurpose(
  turn: Turn,
  purpose: string,
  awaited: UnderstandingContext['awaitingPurpose'],
) {
  const { outlay, outlayClaim, mileage } = turn.state;
  const toTrip = awaited === 'mileage';
  if (!toTrip && outlay?.step === 'form') return setPurpose(turn, outlay, purpose);
  if (!toTrip && outlayClaim?.step === 'form')
    return reviewClaim(turn, { ...outlayClaim, purpose }, false);
  if (mileage) askNextForMileage(turn, { ...mileage, fields: { ...mileage.fields, purpose } });
}

// A typed "avbryt" acts on the draft it names ("avbryt køyringa"), else on the one the bot asked
// about last, else on the innermost: an outlay (also one on a trip), then a claim of several
// outlays, a mileage claim (also one on a trip), then the travel claim. "send inn" likewise.
function cancelTyped(turn: Turn, context: UnderstandingContext, named?: CorrectedDraft) {
  const { outlay, outlayClaim, mileage, travel } = turn.state;
  const target = named ?? context.draft;
  if (target === 'mileage' && mileage) return cancel(mileageFlow, turn, mileage, true);
  if (target === 'travel' && travel) return cancel(travelFlow, turn, travel, true);
  if (!outlay && !outlayClaim && !mileage && travel) return cancel(travelFlow, turn, travel, true);
  cancelDraft(turn, false);
}

function fileTyped(turn: Turn, context: UnderstandingContext) {
  const { outlay, outlayClaim, mileage, travel } = turn.state;
  if (context.draft === 'mileage' && mileage) return file(mileageFlow, turn, mileage, false);
  if (outlay) return fileOutlay(turn, outlay, false);
  if (outlayClaim) return fileOutlayClaim(turn, outlayClaim, false);
  if (mileage) return file(mileageFlow, turn, mileage, false);
  if (travel) return file(travelFlow, turn, travel, false);
  turn.say('outlay.nothingToFile');
}

function onCommand(turn: Turn, command: Command, context: UnderstandingContext) {
  switch (command.name) {
    case 'newOutlay':
      return startOutlay(turn);
    case 'newMileage':
      return startMileage(turn);
    case 'newTravel':
      return startTravel(turn);
    case 'myClaims':
      return void turn.effects.push({ type: 'listClaims' });
    case 'myReceipts':
      return void turn.effects.push({ type: 'listReceipts' });
    case 'help':
      return turn.say('help.text');
    case 'cancel':
      return cancelTyped(turn, context, command.draft);
    case 'undo':
      return undo(turn);
    case 'file':
      return fileTyped(turn, context);
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
    case 'goodbye':
      return turn.say('goodbye.reply');
    case 'whatNext':
      if (context.awaitingPurpose) return askAgain(turn);
      return void turn.effects.push({ type: 'listClaims' });
    case 'remindersOff':
    case 'remindersOn':
      return setReminders(turn, command.name === 'remindersOn');
  }
}
