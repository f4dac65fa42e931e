/**
 * What a typed message means: a command, a trip ("kjørte 120 km …"), the purpose a form is
 * waiting for, an outlay ("parkering 120 kr i går"), or else a question for the user guide.
 */
import { parseCommand, type Command } from './commands.js';
import { isQuestion, parseOutlayText } from './free-text.js';
import { reviewMileage, startMileage } from './mileage-flow.js';
import { parseMileageText } from './mileage-text.js';
import { asksForOneClaim } from './one-claim-text.js';
import { readClaimsQuestion } from './claims-questions.js';
import { fileOutlayClaim, reviewClaim } from './outlay-claim-flow.js';
import { cancelDraft, fileOutlay, setPurpose, startOutlay, undo } from './outlay-flow.js';
import { mergeableBatch, mergeBatch } from './receipt-batches.js';
import { startTravel } from './travel-flow.js';
import type { Turn } from './turn.js';
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
]);

export function onText(turn: Turn, raw: string, personal: boolean) {
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
  // "Har jeg fått pengene for taxien?": answered from the user's own claims once they are listed.
  const asked = readClaimsQuestion(raw);
  if (asked) {
    if (!personal) return turn.say('group.private');
    return void turn.effects.push({ type: 'listClaims', question: asked });
  }
  // A sentence that is not a question answers the form waiting for its purpose.
  const answers = personal && !question && raw.trim() !== '';
  const mileage = turn.state.mileage;
  if (
    answers &&
    mileage?.step === 'form' &&
    mileage.prefilled &&
    !mileage.fields.purpose &&
    !turn.state.outlay
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
  const noAmount = guess?.amountMinor === undefined;
  if (answers && noAmount && draft?.step === 'form' && !draft.fields.purpose)
    return setPurpose(turn, draft, raw.trim());
  const claim = turn.state.outlayClaim;
  if (answers && noAmount && claim?.step === 'form' && !claim.purpose)
    return reviewClaim(turn, { ...claim, purpose: raw.trim() }, false);
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

function onCommand(turn: Turn, command: Command) {
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
      return cancelDraft(turn, false);
    case 'undo':
      return undo(turn);
    case 'file': {
      const draft = turn.state.outlay;
      if (!draft && turn.state.outlayClaim)
        return fileOutlayClaim(turn, turn.state.outlayClaim, false);
      if (!draft) return turn.say('outlay.nothingToCancel');
      return fileOutlay(turn, draft, false);
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
