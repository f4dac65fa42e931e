/**
 * Card actions at the edge: the payload of either action path, Action.Execute (an invoke whose
 * value holds `action.verb` and `action.data`) or its Action.Submit fallback (a message whose
 * value is the data), parsed once into a typed action. Whatever arrives becomes an event the
 * engine answers, so a click on a broken or foreign card is never met with silence.
 */
import type { Activity } from 'botbuilder';
import { parseCardAction } from '../conversation/actions/card-action.js';
import type { ConversationEvent } from '../conversation/types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The data a card sent back, before parsing: `action` names what was clicked. */
export function cardActionPayload(activity: Partial<Activity>): unknown {
  const value: unknown = activity.value;
  if (activity.type !== 'invoke') return value;
  if (!isRecord(value) || !isRecord(value.action)) return undefined;
  const { verb, data } = value.action;
  const payload = isRecord(data) ? data : {};
  // The data's own `action` wins (it is what the Action.Submit fallback carries too); the verb
  // stands in when the card sent none.
  return payload.action === undefined && typeof verb === 'string'
    ? { ...payload, action: verb }
    : payload;
}

export function cardActionEvent(activity: Partial<Activity>): ConversationEvent {
  const parsed = parseCardAction(cardActionPayload(activity));
  return parsed.ok
    ? { type: 'action', action: parsed.action }
    : { type: 'action', rejected: parsed.rejected };
}
