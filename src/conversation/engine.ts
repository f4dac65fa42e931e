/**
 * The conversation engine: (state, event) → (new state, what to show, what to do). Pure: the
 * clock, ids and locale come in through `TurnContextData`, and outcomes of slow work (filing,
 * listing claims) come back as events, so a whole dialogue is a list of plain objects.
 */
import { detectLanguage, looksNorwegian } from './language-detect.js';
import { langFromLocale, t, type Lang, type MessageKey } from '../i18n/translate.js';
import { claimsListView, formatDraftTotal, kindLabel, outlayFormView, outlaySummaryView, welcomeView } from './card-views.js';
import { parseCommand, type Command } from './commands.js';
import { parseOutlayText, type OutlayGuess } from './free-text.js';
import { emptyOutlayFields, fieldsFromCardData, validateOutlay } from './outlay-form.js';
import type { ConversationEvent, OutlayDraft, TurnContextData, TurnResult, UserState, View } from './types.js';

const text = (value: string): View => ({ kind: 'text', text: value });

class Turn {
  state: UserState;
  replace?: View;
  messages: View[] = [];
  effects: TurnResult['effects'] = [];

  constructor(state: UserState, readonly ctx: TurnContextData, public lang: Lang) {
    this.state = { ...state };
  }
  say(key: MessageKey, params?: Record<string, string | number>) {
    this.messages.push(text(t(this.lang, key, params)));
  }
  result(): TurnResult {
    return { state: this.state, replace: this.replace, messages: this.messages, effects: this.effects, lang: this.lang };
  }
}

function resolveLang(state: UserState, event: ConversationEvent, ctx: TurnContextData): UserState {
  if (event.type !== 'text' || state.langChosen) return state;
  const detected = detectLanguage(event.text);
  if (detected) return detected !== state.lang ? { ...state, lang: detected } : state;
  // Norwegian that does not tell bokmål from nynorsk still means "not English": a Norwegian
  // user whose Teams is in English should get Norwegian answers.
  const current = state.lang ?? langFromLocale(ctx.locale) ?? ctx.defaultLang;
  if (current === 'en' && looksNorwegian(event.text)) return { ...state, lang: ctx.defaultLang === 'en' ? 'nb' : ctx.defaultLang };
  return state;
}

export function handleEvent(initial: UserState, event: ConversationEvent, ctx: TurnContextData): TurnResult {
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
      onFiled(turn, event.draftId, event.claim.number);
      break;
    case 'fileFailed':
      onFileFailed(turn, event.draftId, event.reason, event.detail);
      break;
    case 'claimsListed':
      turn.messages.push(claimsListView(turn.lang, event.claims, turn.state.outlay));
      break;
    case 'claimsListFailed':
      turn.say('claims.unavailable');
      break;
  }
  return turn.result();
}

function welcome(turn: Turn) {
  turn.state.welcomed = true;
  turn.messages.push(welcomeView(turn.lang, turn.ctx.userName));
}

/** Commands that touch claims, which are private and so only handled in the personal chat. */
const PRIVATE_COMMANDS = new Set<Command['name']>(['newOutlay', 'myClaims', 'cancel', 'undo', 'file']);

function onText(turn: Turn, raw: string, personal: boolean) {
  const command = parseCommand(raw);
  if (command) {
    if (!personal && PRIVATE_COMMANDS.has(command.name)) return turn.say('group.private');
    return onCommand(turn, command);
  }
  const guess = parseOutlayText(raw, turn.ctx.today);
  const draft = turn.state.outlay;
  // While a form waits for its purpose, a sentence without an amount is the purpose, even if it
  // mentions a kind of expense ("parkering ved kundemøtet").
  if (personal && draft?.step === 'form' && !draft.fields.purpose && guess?.amountMinor === undefined && raw.trim()) {
    return setPurpose(turn, draft, raw.trim());
  }
  if (guess && (guess.amountMinor !== undefined || guess.kind)) {
    if (!personal) return turn.say('group.private');
    return startOutlay(turn, guess);
  }
  if (!turn.state.welcomed && personal) return welcome(turn);
  turn.say('fallback.text');
}

function onCommand(turn: Turn, command: Command) {
  switch (command.name) {
    case 'newOutlay':
      return startOutlay(turn);
    case 'myClaims':
      turn.effects.push({ type: 'listClaims' });
      return;
    case 'help':
      return turn.say('help.text');
    case 'cancel':
      return cancelDraft(turn, false);
    case 'undo':
      return undo(turn);
    case 'file': {
      const draft = turn.state.outlay;
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

function startOutlay(turn: Turn, guess?: OutlayGuess) {
  const previous = turn.state.outlay;
  if (previous) {
    turn.state.setAside = previous;
    turn.say('outlay.replacedDraft');
  }
  const fields = emptyOutlayFields(turn.ctx.today);
  if (guess?.date) fields.date = guess.date;
  if (guess?.amountMinor !== undefined) fields.amount = formatAmountInput(guess.amountMinor);
  if (guess?.currency) fields.currency = guess.currency;
  if (guess?.kind) fields.kind = guess.kind;
  if (guess?.merchant) fields.merchant = guess.merchant;
  const draft: OutlayDraft = { id: turn.ctx.newId(), step: 'form', fields, prefilled: Boolean(guess) };
  turn.state.outlay = draft;
  if (!guess) return void turn.messages.push(outlayFormView(turn.lang, draft));
  // From free text the chat stays a chat: show what was understood and ask for the purpose,
  // with the full form one click away.
  turn.messages.push(outlaySummaryView(turn.lang, draft, 'draft'));
  turn.say('outlay.askPurpose');
}

/** "120,50" rather than "120.5": the form shows amounts the way Norwegians write them. */
function formatAmountInput(amountMinor: number): string {
  const kroner = Math.trunc(amountMinor / 100);
  const ore = amountMinor % 100;
  return ore === 0 ? String(kroner) : `${kroner},${String(ore).padStart(2, '0')}`;
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
  const reviewed: OutlayDraft = { ...draft, step: 'review', fields: { ...draft.fields, purpose: checked.purpose } };
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
  const filing: OutlayDraft = { ...draft, step: 'filing' };
  turn.state.outlay = filing;
  const card = outlaySummaryView(turn.lang, filing, 'filing');
  if (fromCard) turn.replace = card;
  const kind = kindLabel(turn.lang, checked.line.kind);
  turn.effects.push({
    type: 'fileClaim',
    draftId: draft.id,
    claim: {
      description: t(turn.lang, 'outlay.description', { kind }) + (checked.line.merchant ? ` – ${checked.line.merchant}` : ''),
      purpose: checked.purpose,
      lines: [checked.line],
    },
  });
}

function cancelDraft(turn: Turn, fromCard: boolean) {
  const draft = turn.state.outlay;
  if (!draft) return turn.say('outlay.nothingToCancel');
  if (draft.step === 'filing') return turn.say('outlay.filingInProgress');
  turn.state.setAside = { ...draft, step: 'form' };
  turn.state.outlay = undefined;
  if (fromCard) turn.replace = outlaySummaryView(turn.lang, draft, 'cancelled');
  turn.say('outlay.cancelled');
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

function onAction(turn: Turn, data: { action: string; draftId?: string } & Record<string, unknown>) {
  switch (data.action) {
    case 'outlay.start':
      return startOutlay(turn);
    case 'claims.list':
      turn.effects.push({ type: 'listClaims' });
      return;
    case 'help.show':
      return turn.say('help.text');
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

/** A click on a card whose draft is gone: filed already, replaced, or cancelled. */
function staleAction(turn: Turn, draftId: string | undefined) {
  const filed = turn.state.lastFiled;
  if (filed && filed.draftId === draftId) {
    turn.replace = outlaySummaryView(turn.lang, filed.draft, 'filed', filed.number);
    return turn.say('outlay.alreadyFiled', { number: filed.number });
  }
  const draft = turn.state.outlay;
  if (draft) {
    turn.say('outlay.staleCard');
    turn.messages.push(draft.step === 'form' ? outlayFormView(turn.lang, draft, {}, false) : outlaySummaryView(turn.lang, draft, draft.step));
    return;
  }
  turn.say('outlay.noDraft');
}

function onFiled(turn: Turn, draftId: string, number: string) {
  const draft = turn.state.outlay;
  if (!draft || draft.id !== draftId) return;
  const total = formatDraftTotal(turn.lang, draft);
  turn.state.lastFiled = { draftId, number, draft: { ...draft, step: 'review' } };
  turn.state.outlay = undefined;
  turn.replace = outlaySummaryView(turn.lang, draft, 'filed', number);
  turn.say('outlay.filed', { number, total });
}

function onFileFailed(turn: Turn, draftId: string, reason: 'unavailable' | 'rejected', detail?: string) {
  const draft = turn.state.outlay;
  if (!draft || draft.id !== draftId) return;
  const back: OutlayDraft = { ...draft, step: 'review' };
  turn.state.outlay = back;
  turn.replace = outlaySummaryView(turn.lang, back, 'review');
  if (reason === 'unavailable') turn.say('outlay.apiUnavailable');
  else turn.say('outlay.apiRejected', { reason: detail ?? '?' });
}
