/**
 * One message typed as several turns: "Ferje 132 kr i dag.\nKundemøte i Ålesund.\nSend inn
 * kravet." — the facts on the first line, then the purpose, then the command. When the first
 * line alone starts a claim and the message read whole says nothing more about it (the later
 * lines were lost or spoiled the reading), each line is read in order, as if sent one by one.
 */
import { understand, type Understanding } from '../understanding/understand.js';
import { contextOf } from './text-routes.js';
import type { UserState } from './types.js';

/** More lines than a person types as turns would be a pasted text or a list. */
const MAX_LINES = 4;

const STARTS_CLAIM = new Set<Understanding['intent']>([
  'newOutlay',
  'newOutlays',
  'newMileage',
  'newTravel',
]);

/** The lines to read as turns, or undefined when the message is one turn. */
export function linesAsTurns(state: UserState, text: string, today: string): string[] | undefined {
  const lines = text
    .split(/\s*\n\s*/u)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2 || lines.length > MAX_LINES) return undefined;
  const context = contextOf(state, today);
  const first = understand(lines[0] as string, context);
  if (!STARTS_CLAIM.has(first.intent)) return undefined;
  if (first.intent === 'newOutlay' && first.outlay.amountMinor === undefined) return undefined;
  const whole = understand(text, context);
  // Read whole, the later lines add to the claim ("…\nmed Kari", "…\n45 km"): one turn.
  if (STARTS_CLAIM.has(whole.intent) && JSON.stringify(whole) !== JSON.stringify(first))
    return undefined;
  return lines;
}
