/** The shape of a route table: each action name maps to the handler for exactly that action. */
import type { Turn } from '../turn.js';
import type { ActionName, ActionOf } from './card-action.js';

export type Handler<N extends ActionName> = (turn: Turn, action: ActionOf<N>) => void;

export type Routes<N extends ActionName> = { [K in N]: Handler<K> };
