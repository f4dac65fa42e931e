/**
 * A few dialect spellings of little words, written as the standard words every rule reads: "ka har
 * æ sendt inn?" is "kva har eg sendt inn?", "du e gull" is "du er gull". Only whole words that are
 * no other word in bokmål, nynorsk or English, so nothing else changes.
 */
const DIALECT: Readonly<Record<string, string>> = {
  ka: 'kva',
  kæ: 'kva',
  kå: 'kva',
  kem: 'kven',
  kæm: 'kven',
  æ: 'eg',
  æg: 'eg',
  je: 'jeg',
  mæ: 'meg',
  dæ: 'deg',
  sæ: 'seg',
  itj: 'ikkje',
  ittj: 'ikkje',
  ikkj: 'ikkje',
  hainn: 'han',
  åssen: 'korleis',
  e: 'er',
};

const WORD = /(?<![\p{L}\p{N}'-])\p{L}+(?![\p{L}\p{N}'-])/gu;

export function standardWords(text: string): string {
  return text.replace(WORD, (word) => {
    // A lone letter only in lower case: "Vitamin E" keeps its E.
    const standard = DIALECT[word.length === 1 ? word : word.toLowerCase()];
    if (!standard) return word;
    return /^\p{Lu}/u.test(word) ? standard.charAt(0).toUpperCase() + standard.slice(1) : standard;
  });
}
