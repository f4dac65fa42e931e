/**
 * The conversation engine: (state, event) → (new state, what to show, what to do). Pure: the
 * clock, ids and locale come in through `TurnContextData`, and outcomes of slow work (filing,
 * listing claims) come back as events, so a whole dialogue is a list of plain objects. This file
 * only routes: each event and each card action goes to the flow that owns it.
 */
import { detectLanguage, looksNorwegian } from '../i18n/language-detect.js';
import { langFromLocale } from '../i18n/translate.js';
import type { ActionName, CardAction, RejectedAction } from './actions/card-action.js';
import type { Handler, Routes } from './actions/route-types.js';
import { claimsListView } from './card-views.js';
import { followupRoutes, reopenClaim } from './claim-followup.js';
import { showClaimsAnswer } from './claims-answers.js';
import {
  fileFailed,
  fileQueued,
  filed,
  filingCancelled,
  refile,
  type AnyDraftFlow,
} from './draft-lifecycle.js';
import { mileageFlow, mileageRoutes } from './mileage-flow.js';
import { claimRoutes, outlayClaimFlow } from './outlay-claim-flow.js';
import { outlayFlow, outlayRoutes } from './outlay-flow.js';
import { batchRoutes, onReceiptsArrived } from './receipt-batches.js';
import { linesAsTurns } from './message-lines.js';
import { inboxRoutes, onReceiptEvent } from './receipt-events.js';
import { askAgain, onText } from './text-routes.js';
import { travelFlow, travelRoutes } from './travel-flow.js';
import { Turn } from './turn.js';
import type { ConversationEvent, TurnContextData, TurnResult, UserState } from './types.js';
import { helpAnswerView, helpRoutes, inProgressNote, welcome } from './welcome-and-help.js';

/** One route per card action; the type makes a missing or misspelled entry a compile error. */
const ROUTES: Routes<ActionName> = {
  ...outlayRoutes,
  ...claimRoutes,
  ...batchRoutes,
  ...mileageRoutes,
  ...travelRoutes,
  ...inboxRoutes,
  ...helpRoutes,
  ...followupRoutes,
};

/** Every draft that can be filed; a filing outcome goes to the one whose id it names. */
const DRAFT_FLOWS: readonly AnyDraftFlow[] = [mileageFlow, travelFlow, outlayClaimFlow, outlayFlow];

/** The drafts of a person that are being filed: what recovery at start-up looks for. */
export function filingDraftIds(state: UserState): string[] {
  return DRAFT_FLOWS.flatMap((flow) => {
    const draft = flow.get(state);
    return draft?.step === 'filing' ? [draft.id] : [];
  });
}

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
  const lines =
    event.type === 'text' && !event.understood && ctx.scope === 'personal'
      ? linesAsTurns(initial, event.text, ctx.today)
      : undefined;
  return lines ? handleLines(initial, lines, ctx) : handleOne(initial, event, ctx);
}

/** The lines of one message read as turns in order: their answers and effects together. */
function handleLines(initial: UserState, lines: string[], ctx: TurnContextData): TurnResult {
  let result: TurnResult | undefined;
  for (const line of lines) {
    const next = handleOne(result?.state ?? initial, { type: 'text', text: line }, ctx);
    result = result
      ? {
          ...next,
          messages: [...result.messages, ...next.messages],
          effects: [...result.effects, ...next.effects],
        }
      : next;
  }
  return result as TurnResult;
}

function handleOne(initial: UserState, event: ConversationEvent, ctx: TurnContextData): TurnResult {
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
      onText(turn, event.text, personal, event.understood);
      break;
    case 'action':
      if (!personal) turn.say('group.private');
      else if ('rejected' in event) onRejected(turn, event.rejected);
      else onAction(turn, event.action);
      break;
    case 'filed':
      DRAFT_FLOWS.some((flow) => filed(flow, turn, event.draftId, event.claim));
      break;
    case 'fileFailed':
      DRAFT_FLOWS.some((flow) =>
        fileFailed(flow, turn, event.draftId, event.reason, event.detail, event.refusal),
      );
      break;
    case 'fileQueued':
      DRAFT_FLOWS.some((flow) => fileQueued(flow, turn, event.draftId));
      break;
    case 'refile':
      DRAFT_FLOWS.some((flow) => refile(flow, turn, event.draftId));
      break;
    case 'filingCancelled':
      if (!DRAFT_FLOWS.some((flow) => filingCancelled(flow, turn, event.draftId, event.stopped)))
        turn.say('outlay.noDraft');
      break;
    case 'claimsListed':
      if (event.question) showClaimsAnswer(turn, event.question, event.claims, event.receiptLinks);
      else
        turn.messages.push(
          claimsListView(turn.lang, event.claims, inProgressNote(turn), event.receiptLinks),
        );
      break;
    case 'claimsListFailed':
      turn.say('claims.unavailable');
      break;
    case 'claimReopened':
      reopenClaim(turn, event.claim);
      break;
    case 'claimReopenFailed':
      turn.say(event.reason === 'notFound' ? 'reopen.notFound' : 'reopen.unavailable');
      break;
    case 'inboxDropped':
      turn.say(event.count === 1 ? 'inbox.dropped.one' : 'inbox.dropped', { count: event.count });
      break;
    case 'receiptsArrived':
      if (!personal) turn.say('group.private');
      else onReceiptsArrived(turn, event.count, event.text, event.batchId);
      break;
    case 'receiptRead':
    case 'receiptFailed':
    case 'inboxGathered':
    case 'receiptsListed':
      onReceiptEvent(turn, event);
      break;
    case 'helpAnswered':
      turn.lang = event.reply.lang;
      turn.messages.push(helpAnswerView(event.reply, personal));
      if (personal) askAgain(turn);
      break;
  }
  return turn.result();
}

function onAction(turn: Turn, action: CardAction) {
  // Each entry is typed for its own action; the table as a whole takes any of them.
  const handler = ROUTES[action.action] as Handler<ActionName>;
  handler(turn, action);
}

/** A button from a card this version does not know, or one that sent something unreadable. */
function onRejected(turn: Turn, rejected: RejectedAction) {
  turn.say(rejected.reason === 'unknown' ? 'action.unknown' : 'action.malformed');
}
