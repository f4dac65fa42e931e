/** Drives the conversation engine with plain data, threading the state as the bot does. */
import { parseCardAction } from '../../src/conversation/actions/card-action.js';
import { handleEvent } from '../../src/conversation/engine.js';
import type {
  ConversationEvent,
  TurnContextData,
  TurnResult,
  UserState,
  View,
} from '../../src/conversation/types.js';

export function ctx(over: Partial<TurnContextData> = {}): TurnContextData {
  let n = 0;
  return {
    today: '2026-11-24',
    scope: 'personal',
    locale: 'nb-NO',
    defaultLang: 'nb',
    newId: () => `id-${++n}`,
    ...over,
  };
}

export function run(events: ConversationEvent[], start: UserState = { welcomed: true }, c = ctx()) {
  let state = start;
  const results: TurnResult[] = [];
  for (const e of events) {
    const r = handleEvent(state, e, c);
    state = r.state;
    results.push(r);
  }
  return { state, results, last: results[results.length - 1] as TurnResult };
}

export const say = (text: string): ConversationEvent => ({ type: 'text', text });
/** A click on a card button, parsed as the bot parses it at the edge. */
export const act = (action: string, data: Record<string, unknown> = {}): ConversationEvent => {
  const parsed = parseCardAction({ action, ...data });
  return parsed.ok
    ? { type: 'action', action: parsed.action }
    : { type: 'action', rejected: parsed.rejected };
};
export const texts = (r: TurnResult) =>
  r.messages.flatMap((v) => (v.kind === 'text' ? [v.text] : []));
export const cards = (r: TurnResult) =>
  r.messages.filter((v): v is Extract<View, { kind: 'card' }> => v.kind === 'card');
/** Intl puts non-breaking spaces in money; tests compare with plain ones. */
export const plainSpaces = (s: unknown) => String(s).replace(/\s/g, ' ');

/** A complete parking outlay form, as the card sends it. */
export const parkingForm = {
  date: '2026-11-23',
  amount: '120',
  currency: 'NOK',
  kind: 'parking',
  merchant: 'EasyPark',
  purpose: 'Kundemøte hos Equinor',
  comment: '',
};
