/**
 * The word lists that say what a word of a question is when the guide does not have it: a
 * circumstance (circumstances.json: when, where, with whom) or a topic of expense work the guide
 * does not cover (foreign-topics.json).
 */
import { z } from 'zod';
import bundledCircumstances from './circumstances.json' with { type: 'json' };
import bundledForeign from './foreign-topics.json' with { type: 'json' };
import { fold, tokenize } from './normalize.js';
import { rawForms } from './word-forms.js';

const circumstancesSchema = z.object({
  time: z.array(z.string()),
  place: z.array(z.string()),
  person: z.array(z.string()),
});

const foreignSchema = z.object({ words: z.array(z.string().min(1)) });
const FOREIGN_ENTRIES = foreignSchema.parse(bundledForeign).words.map((entry) => tokenize(entry));
/** Forms of the one-word foreign topics (see foreign-topics.json). */
const FOREIGN_WORDS = new Set(
  FOREIGN_ENTRIES.filter((t) => t.length === 1).flatMap((t) => rawForms(t[0] as string)),
);
/** The one-word foreign topics as written, folded. */
export const FOREIGN_EXACT = new Set(
  FOREIGN_ENTRIES.filter((t) => t.length === 1).map((t) => fold(t[0] as string)),
);
/** The foreign topics of several words, longest first. */
export const FOREIGN_PHRASES = FOREIGN_ENTRIES.filter((t) => t.length > 1)
  .map((t) => t.map((w) => rawForms(w)))
  .sort((a, b) => b.length - a.length);
/** Foreign words long enough to be recognised as the end of a compound ("lønningsdagen"). */
const FOREIGN_ENDS = FOREIGN_ENTRIES.filter((t) => t.length === 1)
  .map((t) => fold(t[0] as string))
  .filter((w) => w.length >= 3);

/** A foreign topic word, inflected or as the end of a compound ("parkeringsboten"); `isKnown` tells a known word. */
export function isForeign(word: string, isKnown: (part: string) => boolean): boolean {
  if (rawForms(word).some((f) => FOREIGN_WORDS.has(f))) return true;
  const folded = fold(word);
  return (
    FOREIGN_ENDS.some((end) => {
      if (folded.length <= end.length + 2 || !folded.endsWith(end)) return false;
      // A short end makes a compound only after a known word ("parkering|s|bot"): "separate" is
      // no "rate", "innsats" no "sats".
      const first = folded.slice(0, -end.length);
      return end.length >= 5 || isKnown(first) || isKnown(first.replace(/[se]$/, ''));
    }) ||
    FOREIGN_ENDS.some((start) => {
      // A compound about a foreign topic: "lønningskontoret" (the payroll office), "pensjonsavtalen",
      // "sykkelverkstedet". A long first part only ("kontoinnstillinger" are the user's settings),
      // before a head of a word's length, unless the guide knows the whole word.
      if (start.length < 6 || !folded.startsWith(start) || isKnown(folded)) return false;
      return folded.length - start.length >= 4;
    })
  );
}

/** Folded words of circumstance (when, where, with whom), see circumstances.json. */
export const CIRCUMSTANCES = new Set(
  Object.values(circumstancesSchema.parse(bundledCircumstances))
    .flat()
    .map((word) => fold(word)),
);

/** Folded places of circumstances.json: a town says where a trip went. */
export const PLACES = new Set(
  circumstancesSchema.parse(bundledCircumstances).place.map((word) => fold(word)),
);
