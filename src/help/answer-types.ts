/**
 * What kind of answer a sentence can give. A question for a count or a length ("how many km per
 * year?", "how long are receipts kept?") is only answered by a sentence that states a number; a
 * section that merely names the question's things would answer something else.
 */
import type { Lang } from '../i18n/translate.js';

// Number words from two up: "one" and the articles "en/ein/ett" are mostly not counts ("one by one").
const NUMBER_WORDS: Record<Lang, RegExp> = {
  en: /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand)\b/i,
  nb: /(?:^|[^\p{L}])(?:to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|tjue|tretti|hundre|tusen)(?=$|[^\p{L}])/iu,
  nn: /(?:^|[^\p{L}])(?:to|tre|fire|fem|seks|sju|åtte|ni|ti|elleve|tolv|tjue|tretti|hundre|tusen)(?=$|[^\p{L}])/iu,
};
// A figure, not a year: "since before 2020" says which app, not how long receipts are kept.
// Step numbers ("1. Click …") are cut off first.
const FIGURE = /(?<![\d.,])\d{1,3}(?![.,]?\d)/;

export function statesCount(text: string, lang: Lang): boolean {
  const withoutSteps = text.replace(/^\s*\d+[.)]\s+/, '');
  return NUMBER_WORDS[lang].test(withoutSteps) || FIGURE.test(withoutSteps);
}

// Units of time and of length: "how long" asks for a number of them ("at least eight characters",
// "within 30 days"), not for a count of kinds ("three options").
const UNIT =
  /^(?:days?|dag(?:en|er|ar|ane|ene)?|døgn|hours?|timer?|timar|timen|minutes?|minutt(?:er|ar)?|weeks?|uker?|veker?|months?|måned(?:er)?|månad(?:er)?|years?|år|characters?|tegn|teikn|km|kilomet(?:er|re|ers|res)|meters?|metres?|meter)$/iu;

/** Whether the text states a duration or a length: a number followed by a unit. */
export function statesDuration(text: string, lang: Lang): boolean {
  const words = text.replace(/^\s*\d+[.)]\s+/, '').split(/[^\p{L}\p{N}]+/u);
  return words.some(
    (word, i) =>
      (statesCount(word, lang) || /^\d+$/.test(word)) &&
      words.slice(i + 1, i + 3).some((next) => UNIT.test(next)),
  );
}

/**
 * "shorter than 6 hours", "mer enn seks timar", "under seks timer", "at least 50 km": a question
 * about a threshold, which only a sentence stating a number can answer, like "how many".
 */
export function comparesWithNumber(question: string): boolean {
  const threshold = /(?:^|[^\p{L}])(?:than|enn|under|over|below|above|at least|minst)\s+(\S+)/giu;
  return [...question.matchAll(threshold)].some(([, next]) =>
    (['en', 'nb', 'nn'] as const).some((lang) => statesCount(next as string, lang)),
  );
}
