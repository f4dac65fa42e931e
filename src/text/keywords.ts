/**
 * Keyword patterns for folded text (see `foldInPlace`): `\b` does not know å/ø, but folding
 * removed them, so a word boundary is "no a–z letter" on either side.
 */

/** Any of the words, whole. */
export const words = (...alternatives: string[]): RegExp =>
  new RegExp(`(?:^|[^a-z])(?:${alternatives.join('|')})(?![a-z])`);

/** Any of the stems, at the start of a word. */
export const stems = (...alternatives: string[]): RegExp =>
  new RegExp(`(?:^|[^a-z])(?:${alternatives.join('|')})`);
