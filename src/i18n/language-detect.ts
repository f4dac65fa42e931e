/**
 * Guesses which of our three languages a message is written in, from words that only one of them
 * uses. The answer moves the whole conversation to another language, so a wrong guess costs far
 * more than no guess: anything short of clear evidence gives `undefined` and the caller keeps the
 * language the user already has.
 */
import type { Lang } from './translate.js';

// One definition of the language type for the whole app; re-exported so callers of the detector
// need not know where it lives.
export type { Lang };

/** Per-language weight of a word: 2 for a common word found in one language only, 1 for a hint. */
type Weights = Partial<Record<Lang, number>>;

/**
 * Bokmål-only spellings. Kept out: words both written standards allow ("heim" is valid bokmål,
 * "de" is also the nynorsk plural "you"), which therefore carry less or no weight.
 */
const NB: Record<string, number> = {
  jeg: 2,
  ikke: 2,
  hva: 2,
  hvordan: 2,
  hvorfor: 2,
  hvem: 2,
  hvor: 2,
  hvilken: 2,
  hvilket: 2,
  hvilke: 2,
  hver: 2,
  hvis: 2,
  noen: 2,
  noe: 2,
  mye: 2,
  mer: 2,
  ennå: 2,
  gjør: 2,
  gjøre: 2,
  være: 2,
  vært: 2,
  fra: 2,
  hun: 2,
  dere: 2,
  deres: 2,
  disse: 2,
  kommer: 2,
  fikk: 2,
  trenger: 2,
  annen: 2,
  egen: 2,
  uke: 2,
  siden: 2,
  sammen: 2,
  kjøring: 2,
  kjøre: 2,
  kjørte: 2,
  regning: 2,
  reiseregning: 2,
  reiseregninger: 2,
  hjem: 2,
  bare: 1,
  nå: 1,
  en: 1,
  et: 1,
  de: 1,
  kun: 1,
  legger: 1,
  sier: 1,
  morgen: 1,
  bompenger: 1,
  passasjerer: 1,
};

/**
 * Nynorsk-only spellings. "no" (now) is left out on purpose: it is also English, and alone it
 * says nothing. "me" (we) likewise.
 */
const NN: Record<string, number> = {
  eg: 2,
  ikkje: 2,
  kva: 2,
  korleis: 2,
  korfor: 2,
  kvifor: 2,
  kven: 2,
  kvar: 2,
  kvart: 2,
  kor: 1,
  mykje: 2,
  meir: 2,
  berre: 2,
  enno: 2,
  frå: 2,
  vere: 2,
  vore: 2,
  nokon: 2,
  noko: 2,
  nokre: 2,
  desse: 2,
  kjem: 2,
  fekk: 2,
  treng: 2,
  annan: 2,
  eigen: 2,
  eige: 2,
  veke: 2,
  sidan: 2,
  saman: 2,
  gjer: 2,
  gjere: 2,
  sjå: 2,
  seier: 2,
  dykk: 2,
  dykkar: 2,
  òg: 2,
  reknskap: 2,
  køyring: 2,
  køyre: 2,
  køyrde: 2,
  rekning: 2,
  reiserekning: 2,
  reiserekningar: 2,
  fyrregårs: 2,
  heim: 1,
  ein: 1,
  eit: 1,
  dei: 1,
  ho: 1,
  morgon: 1,
  bompengar: 2,
  bompengane: 2,
  passasjerar: 2,
};

/**
 * Words both Norwegian standards share and English lacks: they weigh against English without
 * telling bokmål from nynorsk ("mine krav" is the same in both).
 */
const NO_SHARED = new Set([
  'og',
  'på',
  'til',
  'med',
  'av',
  'å',
  'er',
  'har',
  'var',
  'kan',
  'skal',
  'vil',
  'må',
  'som',
  'det',
  'den',
  'om',
  'eller',
  'ved',
  'etter',
  'før',
  'hos',
  'mine',
  'min',
  'mitt',
  'meg',
  'deg',
  'oss',
  'vi',
  'du',
  'ny',
  'nytt',
  'nye',
  'krav',
  'utlegg',
  'kvittering',
  'parkering',
  'ferje',
  'ferge',
  'lunsj',
  'middag',
  'hotell',
  'drosje',
  'hjelp',
  'takk',
  'hei',
  'legg',
  'dette',
  'også',
  'går',
  'dag',
  'kveld',
  'betalt',
  'betalte',
  'kunde',
  'kundemøte',
  'reise',
  'billett',
  'avbryt',
  'angre',
  'språk',
]);

/**
 * English words that are not also everyday Norwegian words ("for", "to", "man", "fra" are left
 * out). Expense vocabulary counts 1: it is the kind of word a Norwegian might borrow.
 */
const EN: Record<string, number> = {
  the: 2,
  how: 2,
  what: 2,
  why: 2,
  where: 2,
  when: 2,
  which: 2,
  who: 2,
  my: 2,
  your: 2,
  you: 2,
  please: 2,
  yesterday: 2,
  today: 2,
  tomorrow: 2,
  this: 2,
  that: 2,
  and: 2,
  does: 2,
  with: 2,
  add: 2,
  need: 2,
  want: 2,
  would: 2,
  should: 2,
  could: 2,
  there: 2,
  thank: 1,
  thanks: 1,
  a: 1,
  an: 1,
  of: 1,
  on: 1,
  in: 1,
  it: 1,
  is: 1,
  are: 1,
  was: 1,
  were: 1,
  do: 1,
  did: 1,
  can: 1,
  have: 1,
  has: 1,
  had: 1,
  from: 1,
  new: 1,
  expense: 1,
  expenses: 1,
  claim: 1,
  claims: 1,
  receipt: 1,
  receipts: 1,
  ticket: 1,
  tickets: 1,
  parking: 1,
  ferry: 1,
  lunch: 1,
  dinner: 1,
  breakfast: 1,
  hotel: 1,
  fuel: 1,
  meal: 1,
  flight: 1,
  train: 1,
  bus: 1,
  boat: 1,
  passenger: 1,
  passengers: 1,
  mileage: 1,
  trip: 1,
  customer: 1,
  visit: 1,
  meeting: 1,
  help: 1,
  show: 1,
  submit: 1,
  cancel: 1,
  undo: 1,
  hello: 1,
  yes: 1,
  last: 1,
  week: 1,
  paid: 1,
  bought: 1,
  got: 1,
  log: 1,
  list: 1,
  outlay: 1,
  language: 1,
  english: 1,
};

/** Greetings only Norwegians use: on their own they say "answer in Norwegian", not which standard. */
const NO_GREETINGS = new Set(['hei', 'heisann', 'hallaisen', 'takk', 'morn', 'morna']);

/** "i går", "i dag" …: the Norwegian "i" there must not be read as the English "I". */
const AFTER_NORWEGIAN_I = new Set([
  'går',
  'dag',
  'morgen',
  'morgon',
  'forgårs',
  'fyrregårs',
  'kveld',
  'natt',
  'fjor',
  'år',
  'helga',
  'helgen',
]);

/** Norwegian plural endings differ between the standards (kvitteringer / kvitteringar). */
function suffixWeights(word: string): Weights {
  if (word.length < 7) return {};
  if (word.endsWith('ingar')) return { nn: 1 };
  if (word.endsWith('inger')) return { nb: 1 };
  return {};
}

/** How far the winner must lead, so that one stray word never flips the language. */
const MARGIN = 2;

function scoreText(text: string): Record<Lang, number> {
  const words = text.normalize('NFC').match(/\p{L}+/gu) ?? [];
  const score = { nb: 0, nn: 0, en: 0 };
  for (let i = 0; i < words.length; i++) {
    const original = words[i] as string;
    const word = original.toLowerCase();
    if (word === 'i') {
      const next = words[i + 1]?.toLowerCase();
      if (next && AFTER_NORWEGIAN_I.has(next)) {
        score.nb += 1;
        score.nn += 1;
        i++;
      } else if (original === 'I') {
        // Sentence-initial "I" is also the capitalised Norwegian preposition.
        score.en += i === 0 ? 1 : 2;
      }
      continue;
    }
    const shared = NO_GREETINGS.has(word) ? 2 : NO_SHARED.has(word) ? 1 : 0;
    const suffix = suffixWeights(word);
    score.nb += (NB[word] ?? 0) + shared + (suffix.nb ?? 0);
    score.nn += (NN[word] ?? 0) + shared + (suffix.nn ?? 0);
    score.en += EN[word] ?? 0;
  }
  return score;
}

/**
 * Clearly Norwegian, whether or not it tells bokmål from nynorsk ("parkering 120 kr i går"):
 * enough to stop answering in English, not enough to pick a standard.
 */
export function looksNorwegian(text: string): boolean {
  const score = scoreText(text);
  const norwegian = Math.max(score.nb, score.nn);
  return norwegian >= MARGIN && norwegian - score.en >= MARGIN;
}

export function detectLanguage(text: string): Lang | undefined {
  const score = scoreText(text);
  const norwegian = Math.max(score.nb, score.nn);
  if (score.en >= MARGIN && score.en - norwegian >= MARGIN) return 'en';
  if (norwegian < MARGIN || norwegian - score.en < MARGIN) return undefined;
  if (score.nb - score.nn >= MARGIN) return 'nb';
  if (score.nn - score.nb >= MARGIN) return 'nn';
  // Clearly Norwegian, but nothing tells the two standards apart.
  return undefined;
}
