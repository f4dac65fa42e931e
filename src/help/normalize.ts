/**
 * Text normalisation for guide search in bokmål, nynorsk and English: tokens, stop words, a light
 * suffix stemmer per language, diacritics folding and compound splitting.
 *
 * The stemmer is deliberately light: it only has to make the forms of one word meet (kvittering /
 * kvitteringar / kvitteringer), not produce dictionary roots. Index and query go through the same
 * functions, so a stem that is not a real word does no harm as long as it is consistent.
 */
import type { Lang } from '../i18n/translate.js';
import { foldSpelling } from '../text/fold.js';

/**
 * Lowercases and folds letters a user without a Norwegian keyboard replaces (kjoring, pa, kvittering):
 * the shared spelling fold (ø → o, æ → ae, accents and the ring of å dropped), remembered.
 */
export function fold(text: string): string {
  const cached = folded.get(text);
  if (cached !== undefined) return cached;
  const result = foldSpelling(text);
  // Words recur endlessly while texts do not: remember the short ones, within bounds.
  if (text.length <= 40) {
    if (folded.size >= 50_000) folded.clear();
    folded.set(text, result);
  }
  return result;
}

const folded = new Map<string, string>();

/**
 * Splits text into lowercase word tokens. A hyphenated word yields the joined form ("e-post" →
 * "epost", how most people type it) and, with `parts` (for indexing), also its longer parts; a
 * question keeps one token per word so that phrases can be matched in order. Addresses and host
 * names ("visma.net") yield their parts, so "visma" is found inside them.
 */
export function tokenize(text: string, opts: { parts?: boolean } = {}): string[] {
  const out: string[] = [];
  const raw = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/['’`´]/g, '');
  for (const match of raw.matchAll(/[\p{L}\p{N}]+(?:[-.@/][\p{L}\p{N}]+)*/gu)) {
    const token = match[0];
    // An abbreviation ("f.eks.", "t.d.", "e.g.", "bl.a.") stands for words that carry no topic.
    if (ABBREVIATION.test(token)) continue;
    if (/[.@/]/.test(token)) {
      for (const part of token.split(/[-.@/]+/)) if (part.length >= 2) out.push(part);
    } else if (token.includes('-')) {
      const parts = token.split('-');
      out.push(parts.join(''));
      if (opts.parts) for (const part of parts) if (part.length >= 3) out.push(part);
    } else if (token.length >= 2) {
      out.push(token);
    }
  }
  return out;
}

/** Dotted parts of at most three letters each: an abbreviation, not an address ("visma.net"). */
const ABBREVIATION = /^\p{L}{1,3}(?:\.\p{L}{1,3})+$/u;

/** Words that carry no topic in a question or a guide sentence; stored folded, compared folded. */
const STOPWORDS_EN = `a about above after again all also am an and any are as at be been before being below both but by
can cannot cant could did didnt do does doesnt doing dont down during each either else even ever every few for from further
had has have having he her here hers him his how however i id if im in into is isnt it its itself ive just me might mine
more most much must my myself need needs no nor not now of off on once one only or other another our ours out over own please
same shall she should so some such than that thats the their them then there these they this those through to too
under until up us very was wasnt we were what whats when where which while who whom whose why will with without would yes yet
you youre your yours hi hey ok okay thanks thank com net org www http https really anyway per
theres wheres hows whos theyre weve arent havent hasnt wont wouldnt couldnt shouldnt`;

const STOPWORDS_NO = `alle all alt andre at av bare berre blant bli blir blitt ble da då dei de deg dem den denne dere
deres der desse dette det di din dine disse ditt du dykk dykkar eg ein eit ei eller en er et etter for fordi fra frå før
ha hadde han har hennar hennes her hjå hos hva hvem hver hvilke hvilken hvilket hvis hvor hvordan hvorfor ho hun i ikke
ikkje inn ingen jeg kan kanskje korleis kor kva kvar kvifor kven man med meg meir men mer mi min mine mitt mot mykje
mye må ned noe noen noko nokon nokre no nå når og også om opp oss over på sin sine sitt skal skulle slik som så igjen
til ut uten utan vi vil ville var vart vere vert vore vår være vært ved ville hei takk henne ham honom seg
selv sjølv sjølve att enn nede annen annet annan anna enten heller litt veldig svært ganske altså jo vel visst`;

const STOPWORDS = new Set(`${STOPWORDS_EN} ${STOPWORDS_NO}`.split(/\s+/).filter(Boolean).map(fold));

export function isStopword(token: string): boolean {
  return STOPWORDS.has(fold(token));
}

/**
 * Norwegian suffixes, longest first, covering both written standards: definite and plural endings
 * (-en/-et/-a/-ene/-ane/-er/-ar), present tense (-er/-ar), and the -ering nouns and -ere verbs that
 * share a stem (parkering / parkere / parkert). Agent nouns in -er get their own compound endings
 * (-erer, -erar, -erane) so that "passasjer" and "passasjerar" end up alike.
 */
const NORWEGIAN_SUFFIXES = [
  'eringane',
  'eringene',
  'eringar',
  'eringer',
  'eringen',
  'eringa',
  'ering',
  'ingane',
  'ingene',
  'ingar',
  'inger',
  'ingen',
  'inga',
  'ing',
  'arane',
  'erane',
  'arene',
  'erene',
  'arar',
  'erar',
  'erer',
  'aren',
  'eren',
  'erte',
  'ert',
  'ande',
  'ende',
  'ane',
  'ene',
  'ere',
  'ast',
  'est',
  'ar',
  'er',
  'en',
  'et',
  'es',
  'a',
  'e',
].sort((a, b) => b.length - a.length);

/** Shorter stems than this are too ambiguous to be worth merging ("bane" must not become "b"). */
const MIN_STEM = 3;

export function stemNorwegian(word: string): string {
  for (const suffix of NORWEGIAN_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM)
      return word.slice(0, -suffix.length);
  }
  return word;
}

const VOWELS = /[aeiouy]/;

/** Doubled final consonants left by -ing/-ed ("logging" → "logg" → "log"); ll and ss are real ("toll", "pass"). */
function undouble(stem: string): string {
  return /([bdfgmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

/**
 * A small Porter-like English stemmer: plurals, -ing/-ed, -ation (→ the verb: activation ~ activate),
 * -ment, -er, -ly and a final silent e, so that "drive", "driving" and "driver" meet.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  const strip = (suffix: string, replacement = ''): boolean => {
    if (!w.endsWith(suffix)) return false;
    const base = w.slice(0, -suffix.length);
    if (base.length < MIN_STEM || !VOWELS.test(base)) return false;
    w = base + replacement;
    return true;
  };
  if (strip('ational', 'ate') || strip('ation', 'ate')) {
    // fall through to the silent-e rule below
  } else if (strip('ing') || strip('ed')) {
    w = undouble(w);
  } else if (
    (w.length > 7 && strip('ment')) ||
    (w.length > 5 && strip('ly')) ||
    (w.length > 5 && strip('er'))
  ) {
    // nothing more to do
  }
  if (w.length > MIN_STEM && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function stem(word: string, lang: Lang): string {
  return lang === 'en' ? stemEnglish(word) : stemNorwegian(word);
}

/** One indexed form of a token in a text of known language: stemmed, then folded; null for stop words. */
export function normalizeToken(token: string, lang: Lang): string | null {
  if (isStopword(token) || /^\p{N}$/u.test(token)) return null;
  return fold(stem(token.toLowerCase(), lang));
}

/**
 * All forms a question's token may take in the index. The question's language is often unknown
 * or mixed ("hvordan fører jeg parking?"), so it gets both stemmers and the index decides.
 */
export function queryForms(token: string): string[] {
  if (isStopword(token)) return [];
  const lower = token.toLowerCase();
  return [...new Set([fold(stemNorwegian(lower)), fold(stemEnglish(lower))])];
}

/** Minimum length of a compound's head: shorter words ("ord", "bok") match too much by accident. */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;

export interface CompoundSplit {
  headWord: string;
  /** Forms of the last part, which carries the meaning of a Norwegian compound (jobbreise is a reise). */
  head: string[];
  /** Forms of the first part when it is itself a known word, else empty. */
  modifier: string[];
}

/**
 * Splits a Norwegian compound ("aktiveringseposten", "fergebillett") where its last part is a known
 * word, trying the longest head first and allowing the linking s or e. `isKnown` answers for a
 * normalised form (stemmed and folded).
 */
export function splitCompound(
  token: string,
  isKnown: (form: string) => boolean,
): CompoundSplit | undefined {
  const word = token.toLowerCase();
  for (let i = MIN_MODIFIER; i <= word.length - MIN_HEAD; i++) {
    const headWord = word.slice(i);
    const head = queryForms(headWord).filter((f) => f.length >= MIN_HEAD && isKnown(f));
    if (head.length === 0) continue;
    const left = word.slice(0, i);
    // A particle in front ("tilgang", "utgang", "oppslag") makes a word of its own, not a kind
    // of its head: access is no "gang", an exit no "gang".
    if (isStopword(left)) return undefined;
    const modifiers = new Set<string>();
    for (const candidate of [left, left.replace(/[se]$/, '')]) {
      if (candidate.length < MIN_MODIFIER || isStopword(candidate)) continue;
      for (const form of queryForms(candidate)) if (isKnown(form)) modifiers.add(form);
    }
    return { headWord, head, modifier: [...modifiers] };
  }
  return undefined;
}

/**
 * Edit distance with adjacent transpositions counted as one edit ("deim" → "diem"), stopping early
 * once it exceeds `max`: typo tolerance only ever needs "within one or two".
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  // Three rolling rows in one buffer (the one before the previous is needed for transpositions).
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        rows[previous + j]! + 1,
        rows[current + j - 1]! + 1,
        rows[previous + j - 1]! + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, rows[before + j - 2]! + 1);
      }
      rows[current + j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return rows[previous + b.length]!;
}

/** Scratch space for editDistance, reused: it runs thousands of times per question. */
let rows = new Int32Array(64);

/**
 * How many typos a word of this length may carry. Short words get none: "bom" and "bil", or
 * "slett" and "sett", are real words one letter apart.
 */
export function allowedTypos(form: string): number {
  if (form.length >= 9) return 2;
  if (form.length >= 6) return 1;
  return 0;
}
