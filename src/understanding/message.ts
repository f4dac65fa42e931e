/**
 * A typed message, normalised once for every rule of the understanding layer: typography made
 * plain (no-break spaces, en/em dashes), and a folded copy (lower case, diacritics dropped, æ/ø/å
 * as a/o/a) of exactly the same length, so a span found in the folded text is the same span in
 * the original. Rules match the folded text, so "kjorte" and "kjørte", "koyrde" and "køyrde",
 * "igar" and "i går" are one; names are read off the original, where capitals still mark them.
 */
import { foldInPlace, normaliseTypography } from '../text/fold.js';
import { distanceWordsToFigures } from '../text/number-words.js';

export interface Message {
  /** Typography normalised, trimmed, runs of whitespace made one space. */
  original: string;
  /** `original` folded, position for position. */
  folded: string;
  /** Number of words, for "a short phrase" decisions. */
  words: number;
}

export function readMessage(raw: string): Message {
  // "sekstifire kilometer" is 64 km to every rule that reads distances.
  const original = distanceWordsToFigures(normaliseTypography(raw).trim().replace(/\s+/g, ' '));
  return {
    original,
    folded: foldInPlace(original),
    words: original ? original.split(' ').length : 0,
  };
}
