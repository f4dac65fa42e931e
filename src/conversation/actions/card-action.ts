/**
 * Every card action as one discriminated union, parsed once where the bot receives it. The engine
 * only ever sees a `CardAction` (routed by name) or a `RejectedAction` (answered with a clear
 * reply), never a loose record.
 */
import { z } from 'zod';
import { claimActions } from './claim-actions.js';
import { generalActions } from './general-actions.js';
import { mileageActions } from './mileage-actions.js';
import { outlayActions } from './outlay-actions.js';
import { travelActions } from './travel-actions.js';

const cardActionSchema = z.discriminatedUnion('action', [
  ...outlayActions,
  ...claimActions,
  ...mileageActions,
  ...travelActions,
  ...generalActions,
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type ActionName = CardAction['action'];
export type ActionOf<N extends ActionName> = Extract<CardAction, { action: N }>;

/** `unknown`: a name no card of this version sends; `malformed`: not an action, or keys missing. */
export interface RejectedAction {
  reason: 'unknown' | 'malformed';
  name?: string;
}

export type ParsedAction =
  { ok: true; action: CardAction } | { ok: false; rejected: RejectedAction };

const KNOWN = new Set<string>(cardActionSchema.options.map((o) => o.shape.action.value));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads what a card sent back; whatever it is, the answer is something the engine can reply to. */
export function parseCardAction(raw: unknown): ParsedAction {
  if (!isRecord(raw) || typeof raw.action !== 'string')
    return { ok: false, rejected: { reason: 'malformed' } };
  const name = raw.action;
  if (!KNOWN.has(name)) return { ok: false, rejected: { reason: 'unknown', name } };
  const parsed = cardActionSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, action: parsed.data }
    : { ok: false, rejected: { reason: 'malformed', name } };
}
