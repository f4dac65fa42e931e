/**
 * Text folding and normalising, one module for the whole bot: what people type, what OCR reads
 * off a receipt and what the guide says all meet here. Three named variants, because they serve
 * three purposes, and they share one letter map:
 *
 * - `foldInPlace`: lower case without diacritics, one code unit out per code unit in, so a
 *   position found in the folded text is the same position in the original (free text, the
 *   receipt parser). æ becomes "a" here, since it must stay one letter.
 * - `foldSpelling`: lower case as a user on an English keyboard spells it ("Bøkeskogen" →
 *   "bokeskogen", "Lærdal" → "laerdal"): for search and for comparing names; positions do not
 *   carry over.
 * - `lowerKeepingLetters`: lower case with whitespace collapsed, æ/ø/å and accents kept: for
 *   text matched against patterns written with the Norwegian letters (commands).
 */

/** No-break, thin and other typographic spaces that Norwegian number formatting produces. */
export const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;
/** En/em dashes and the minus sign ("120,–" is as common as "120,-"). */
export const ODD_DASHES = /[\u2012-\u2015\u2212]/g;

/**
 * Arrows between places ("Oslo → Gjøvik", "Oslo -> Bergen") say what a dash says. An arrow to a
 * figure ("430 -> 340") stays: it is a correction from the old figure to the new.
 */
const ARROWS = /(?:[\u2190-\u2194\u21D0-\u21D4\u2794\u279C\u27A1\u27F6]|-+>|=>)(?!\s*\d)/g;

/** NFC, plain spaces and plain hyphens: what every reader of typed or printed text starts from. */
export function normaliseTypography(text: string): string {
  return text
    .normalize('NFC')
    .replace(ODD_SPACES, ' ')
    .replace(ODD_DASHES, '-')
    .replace(ARROWS, '-');
}

/**
 * The one letter map: each lower-case letter with a diacritic, or a Norwegian letter, and the
 * plain letter it folds to when it has to stay one letter.
 */
export const LETTER_MAP: Readonly<Record<string, string>> = {
  å: 'a',
  ä: 'a',
  à: 'a',
  á: 'a',
  â: 'a',
  æ: 'a',
  ø: 'o',
  ö: 'o',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  ü: 'u',
  ú: 'u',
  ù: 'u',
  ç: 'c',
  í: 'i',
  ï: 'i',
  ß: 's',
  ñ: 'n',
};

/**
 * Where spelling may take more than one letter: æ is "ae" and ß "ss" to someone without the key.
 * Every other letter folds as in `LETTER_MAP` (by Unicode decomposition, which agrees with it).
 */
const SPELLED: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', ß: 'ss' };

/**
 * Lower case without diacritics ("går" → "gar", "måndag" → "mandag"), one code unit out per code
 * unit in: positions found in the folded text are positions in the original.
 */
export function foldInPlace(text: string): string {
  let out = '';
  for (const unit of text.split('')) {
    const lower = unit.toLowerCase();
    const single = lower.length === 1 ? lower : unit;
    out += LETTER_MAP[single] ?? single;
  }
  return out;
}

/**
 * Lower case as typed on a keyboard without Norwegian letters: ø → o and æ → ae by convention,
 * ß → ss, accents and the ring of å dropped by Unicode (compatibility) decomposition.
 */
export function foldSpelling(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøß]/g, (c) => SPELLED[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** Lower case, runs of whitespace made one space; the Norwegian letters and accents kept. */
export function lowerKeepingLetters(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** Replaces a span with spaces, so later searches skip it but positions stay put. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}
