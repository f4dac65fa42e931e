/**
 * Comparisons: "travel vs mileage", "what's the difference between an outlay and a travel
 * claim?", "hva er forskjellen på reise og kjøring?", "kva er skilnaden på utlegg og reise?".
 * Such a question is about two things, each maybe in its own section; searched as one, the
 * section naming both words best (often neither one's own) would win. So a comparison is split
 * into its two sides, each searched alone, and the answer gives each side's section.
 */
import { fold } from './normalize.js';

/**
 * Words that make a question a comparison, folded; "vs", "versus" and "instead (of)" / "i stedet
 * for" also join the two sides.
 */
const MARKERS = new Set(
  [
    'difference',
    'differences',
    'different',
    'differ',
    'differs',
    'compare',
    'compared',
    'comparison',
    'versus',
    'vs',
    'forskjell',
    'forskjellen',
    'forskjellig',
    'forskjellige',
    'skilnad',
    'skilnaden',
    'ulik',
    'ulike',
    'sammenlignet',
    'samanlikna',
    'instead',
    'rather',
    'stedet',
    'staden',
  ].map(fold),
);

/** Words joining the two sides, folded. */
const JOINS = new Set(
  [
    'vs',
    'versus',
    'and',
    'or',
    'og',
    'eller',
    'contra',
    'mot',
    'instead',
    'rather',
    'stedet',
    'staden',
  ].map(fold),
);

/** Words that only frame the comparison and belong to neither side. */
const FRAME = new Set(
  ['between', 'mellom', 'from', 'than', 'enn', 'the', 'what', 'whats', 'is', 'hva', 'kva', 'er']
    .concat(['på', 'pa', 'of', 'on', 'i', 'in', 'for', 'than', 'av'])
    .map(fold),
);

const WORD = /[\p{L}\p{N}]+(?:[-.@/][\p{L}\p{N}]+)*/gu;

/**
 * The two sides of a comparison, as texts to search, or undefined when the question is no
 * comparison or a side is empty. The first joining word after the start splits the question.
 */
export function comparisonSides(question: string): [string, string] | undefined {
  const words = [...question.matchAll(WORD)].map((m) => m[0]);
  const folded = words.map((w) => fold(w));
  // "reise og ikke utlegg", "travel and not an outlay": a join and a negation weigh one side
  // against the other as "instead of" does.
  const negated = folded.findIndex(
    (w, i) => i > 0 && JOINS.has(w) && NEGATIONS.has(folded[i + 1] ?? ''),
  );
  if (negated < 0 && !folded.some((w) => MARKERS.has(w))) return undefined;
  const at = negated >= 0 ? negated : folded.findIndex((w, i) => i > 0 && JOINS.has(w));
  if (at < 0) return undefined;
  const side = (part: string[]) => part.filter((w) => !framing(w)).join(' ');
  const right = words.slice(at + (negated >= 0 ? 2 : 1));
  const [l, r] = [side(words.slice(0, at)), side(right)];
  return l && r ? [l, r] : undefined;
}

/** Negations that, right after a join, make the two sides a choice ("og ikke", "and not"). */
const NEGATIONS = new Set(['ikke', 'ikkje', 'not'].map(fold));

/**
 * A word that only frames the comparison. "I" written as a capital is the English subject, not
 * the Norwegian "i" (in): it stays, so that "when should I pick travel" keeps "pick" in the
 * verb's place (an everyday verb there is weak; without the subject it would read as a topic).
 */
const framing = (word: string) =>
  MARKERS.has(fold(word)) || (FRAME.has(fold(word)) && word !== 'I');
