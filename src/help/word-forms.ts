/**
 * Word forms for matching a question against the guide and the synonym lists: stems, typed
 * alternatives, phrase matching with a stop word between, and the marks that index a phrase.
 */
import type { Alternative } from './retrieval-types.js';
import {
  allowedTypos,
  editDistance,
  fold,
  isStopword,
  stemEnglish,
  stemNorwegian,
} from './normalize.js';

/** Matches between a search form and an indexed form: exact, as a prefix of a longer word, or within typos. */
export function matchQuality(alt: Alternative, term: string): number {
  if (term === alt.form) return 1;
  if (alt.form.length >= minPrefix(alt) && term.startsWith(alt.form)) return 0.7;
  if (alt.typed) {
    const typos = allowedTypos(alt.form);
    if (typos > 0 && editDistance(alt.form, term, typos) <= typos) return 0.6;
  }
  return 0;
}

/**
 * Shortest form searched as a prefix. A synonym's short stem finds unrelated words ("fram" from
 * "frame" in "framfor"), so synonyms need one letter more than what the user typed.
 */
export const minPrefix = (alt: Alternative) => (alt.typed ? 4 : 5);

/** Tokens never contain "_", so a phrase mark cannot collide with a word; the closing "_" stops "_p1_" prefixing "_p12_". */
export const phraseMark = (group: number) => `_p${group}_`;
export const isPhraseMark = (term: string) => /^_p\d+_$/.test(term);

export function dedupe(alternatives: Alternative[]): Alternative[] {
  const seen = new Map<string, Alternative>();
  for (const alt of alternatives) {
    const key = `${alt.family}:${alt.form}`;
    const existing = seen.get(key);
    if (!existing || (alt.typed && !existing.typed)) seen.set(key, alt);
  }
  return [...seen.values()];
}

export function typedAlternatives(words: string[]): Alternative[] {
  return dedupe(
    words.flatMap((word) => [
      { form: fold(stemNorwegian(word.toLowerCase())), family: 'no' as const, typed: true },
      { form: fold(stemEnglish(word.toLowerCase())), family: 'en' as const, typed: true },
    ]),
  );
}

/** The word and its stems, unfolded; a stem shorter than four letters is too ambiguous ("apply" → "app"). */
export function unfoldedForms(word: string): string[] {
  const lower = word.toLowerCase();
  return [
    ...new Set([lower, ...[stemNorwegian(lower), stemEnglish(lower)].filter((f) => f.length >= 4)]),
  ];
}

/** Both stems and the plain folded word: enough to recognise a word from a list whatever its inflection. */
export function rawForms(word: string): string[] {
  const lower = word.toLowerCase();
  return [...new Set([fold(lower), fold(stemNorwegian(lower)), fold(stemEnglish(lower))])];
}

/** Lowercased words written with a capital inside a sentence ("in Stavanger"), not the first word of one. */
export function properNouns(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(^|[.!?]\s+|\s+)(\p{Lu}[\p{Ll}\p{Lu}]*)/gu)) {
    const [, before = '', word = ''] = match;
    const sentenceStart = match.index === 0 || /[.!?]/.test(before);
    if (!sentenceStart && !/^\p{Lu}+$/u.test(word)) names.add(word.toLowerCase());
  }
  return names;
}

/** Words before a name that make it a place or a person: where, to where, at whose. */
const PLACE_WORDS = new Set([
  'i',
  'in',
  'på',
  'on',
  'at',
  'til',
  'to',
  'fra',
  'frå',
  'from',
  'hos',
  'ved',
  'near',
]);

/** How a capitalised word names a product: written like a brand, used like one, or as a common word inside a name. */
export type ProductName = 'brand' | 'name' | 'inName';

/**
 * Capitalised words that name a product or a service rather than a place or a person, lowercased:
 * written like a brand ("WhatsApp", "BankID", "EuroBonus"), or used like one: as the first part of
 * a compound ("Vipps-kvitteringen") or as two capitalised words whose first the guide and the
 * lists do not know ("Google Maps", "Microsoft Edge"). Such a pair after a place word is a place
 * ("to New York") unless its second word is a common one ("frå Google Drive"), which is then part
 * of the name ("inName"), not the guide's word (drive: mileage). A pair holding a known name
 * ("Kari Nordmann") is a person.
 */
/** Words for a user account or a login: what a named service gives ("Microsoft account"). */
const ACCOUNT =
  /^(?:account|accounts|login|id|konto|kontoen|kontoar|kontoer|innlogging|innlogginga)$/iu;

export function productNames(
  text: string,
  known: (word: string) => boolean,
  common: (word: string) => boolean,
): Map<string, ProductName> {
  const products = new Map<string, ProductName>();
  const words = [...text.matchAll(/[\p{L}\p{N}]+(-?)/gu)].map((m) => ({
    word: m[0].replace(/-$/, ''),
    hyphen: m[1] === '-',
  }));
  const capital = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w);
  const add = (word: string, how: ProductName) => {
    const key = word.toLowerCase();
    if (products.get(key) !== 'brand') products.set(key, how);
  };
  words.forEach(({ word, hyphen }, i) => {
    if (i === 0 || !capital(word)) return;
    const previous = words[i - 1]?.word ?? '';
    const next = words[i + 1]?.word;
    if (/\p{Ll}\p{Lu}/u.test(word)) add(word, 'brand');
    // "my Microsoft account", "Google-kontoen": an account of a service the guide never names.
    if (ACCOUNT.test(next ?? '') && !known(word) && !common(word)) add(word, 'brand');
    if (hyphen && next !== undefined && /^\p{Ll}/u.test(next)) add(word, 'name');
    if (next === undefined || !capital(next) || capital(previous)) return;
    if (known(word) || known(next) || common(word)) return;
    if (PLACE_WORDS.has(previous.toLowerCase()) && !common(next)) return;
    add(word, 'name');
    add(next, common(next) ? 'inName' : 'name');
  });
  return products;
}

export interface PhraseToken {
  forms: string[];
  stop: boolean;
}

export const phraseToken = (token: string): PhraseToken => ({
  forms: rawForms(token),
  stop: isStopword(token),
});

/**
 * How many tokens the phrase `words` (forms per word) covers from `start`, or 0. One or two stop
 * words may stand between two of its words, as a question puts the subject (and object) there:
 * "laster jeg opp", "kommer jeg i gang", "legger jeg den ved".
 */
export function phraseAt(tokens: PhraseToken[], start: number, words: string[][]): number {
  if (words.length < 2) return 0;
  let at = start;
  for (let j = 0; j < words.length; j++) {
    const forms = words[j] as string[];
    if (sharesForm(tokens[at], forms)) {
      at++;
    } else if (j > 0 && tokens[at]?.stop && sharesForm(tokens[at + 1], forms)) {
      at += 2;
    } else if (
      j > 0 &&
      tokens[at]?.stop &&
      tokens[at + 1]?.stop &&
      sharesForm(tokens[at + 2], forms)
    ) {
      // Subject and object both inside a particle verb: "legger jeg den ved".
      at += 3;
    } else {
      return 0;
    }
  }
  return at - start;
}

function sharesForm(token: PhraseToken | undefined, forms: string[]): boolean {
  if (!token) return false;
  for (const form of forms) if (token.forms.includes(form)) return true;
  return false;
}

/**
 * A circumstance searched as written, without typo tolerance: a town one letter from a guide word
 * is still a town, and comparing it with the whole vocabulary is the costly part of a new word.
 */
export function exactAlternatives(word: string): Alternative[] {
  return typedAlternatives([word]).map((alt) => ({ ...alt, typed: false }));
}

/** How many tokens the first (longest) of `phrases` matching at `start` covers, or 0. */
export function longestPhraseAt(
  tokens: PhraseToken[],
  start: number,
  phrases: string[][][],
): number {
  for (const phrase of phrases) {
    const length = phraseAt(tokens, start, phrase);
    if (length > 0) return length;
  }
  return 0;
}
