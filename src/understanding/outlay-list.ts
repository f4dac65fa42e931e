/**
 * Several expenses in one message: "parkering 120 og bom 45 i går", "taxi 250 kr and lunch 180
 * kr yesterday", "ferje 87 kr, parkering 60 kr". The message is split where a list joins its
 * items (a comma, "og"/"and"/"pluss", "+") and each part is read as an outlay of its own; it is a
 * list only when every part names both a kind and an amount. A day said once counts for every
 * part that names none ("… i går" at the end of the sentence).
 */
import type { OutlayGuess } from './outlay-text.js';
import { parseOutlayText } from './outlay-text.js';

/**
 * Where a list joins its items; folded text, so "og" covers "og"/"Og". A comma inside an amount
 * ("49,90", "289,-") joins nothing.
 */
const JOINS = /\s*(?:(?<!\d),|,(?![\d-])|[;+]|\s(?:og|and|pluss|plus|samt|&)\s)\s*/giu;
/** More would be a receipt pasted as text, not a sentence: leave it to the single reading. */
const MAX_ITEMS = 6;

export function readSeveralOutlays(text: string, today: string): OutlayGuess[] | undefined {
  if (text.trim().endsWith('?')) return undefined;
  const parts = text
    .split(JOINS)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2 || parts.length > MAX_ITEMS) return undefined;
  const guesses = parts.map((part) => parseOutlayText(part, today));
  const complete = guesses.filter(
    (g): g is OutlayGuess => g?.kind !== undefined && g.amountMinor !== undefined,
  );
  if (complete.length !== parts.length) return undefined;
  // The day said once, in the part that has it, dates every part that named none.
  const shared = complete.find((g) => g.date !== undefined)?.date;
  return complete.map((g) => (shared && !g.date ? { ...g, date: shared } : g));
}
