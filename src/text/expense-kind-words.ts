/**
 * The words that name a kind of expense (parking, ferry, toll, taxi, meal, hotel, fuel, transport)
 * in bokmål, nynorsk, English and, on receipts, German: one vocabulary for what people type and
 * what receipts print. The two halves differ in how they are read, not in what they mean:
 *
 * - `detectKind` reads typed text word by word, where the last part of a compound is its head
 *   ("hotellparkering" is parking) and short stems are anchored to whole words;
 * - `RECEIPT_KIND_CUES` are searched for in the folded lines of a receipt and weighed: a clear
 *   cue (weight 2) beats a hint (weight 1), so "rom" on a slip hints at a hotel but "hotell" says so.
 */
import type { ExpenseKind } from '../claims/claim.js';
import { foldInPlace, normaliseTypography } from './fold.js';
import { stems, words } from './keywords.js';

// ---------------------------------------------------------------------------------------------
// Typed text

interface KindRule {
  re: RegExp;
  kind: ExpenseKind;
  unless?: RegExp;
}

/**
 * Tested against each folded word (hyphenated words stay whole: "p-avgift", "t-bane"). Stems that
 * would hide inside unrelated words are anchored: "mat" (automat, format), "bom" (bomull),
 * "båt"/"bat" (batteri), "fly" (flytte), "tog" (togne).
 */
const KIND_RULES: readonly KindRule[] = [
  { re: /park(?:er|ing)|^park(?:ed)?$/, kind: 'parking', unless: /^spark/ },
  { re: /^p-|^p$|easypark|apcoa|onepark/, kind: 'parking' },
  { re: /fer[gj][ea]|ferr(?:y|ies)|^hurtigrut|^kystrut/, kind: 'ferry' },
  {
    re: /^(?:bat|baten|batar|bater|batane|batene|boats?)$|(?:hurtig|snogg|ferje|ferge)bat|^batbill|^boat/,
    kind: 'ferry',
  },
  {
    re: /^bom(?:men|mar|mer|ar|er)?$|^bom(?:ring|stasjon|veg|vei|avgift|passering)|bompeng|autopass|^tolls?$|^toll-?road|^(?:bro|bru)peng|rushtidsavgift/,
    kind: 'toll',
  },
  { re: /taxi|taksi|drosj|^(?:cab|cabs|uber)$/, kind: 'taxi' },
  {
    re: /lunsj|lunch|(?<!for|etter)middag|frokost|frukost|breakfast|dinner|brunch|kaff[ei]|coffee|restaurant|kveldsmat|nattmat|baguet|smorbrod|sandwich|pizza|burger|sushi|kebab|kantine|canteen|catering|bevertning|servering|^fika/,
    kind: 'meal',
  },
  { re: /^(?:mat|maten|meal|meals|food|kafe|kafeen|cafe)$/, kind: 'meal' },
  { re: /hotel|overnatting|losji|airbnb|accommodation|lodging|^motell?|^hostel/, kind: 'hotel' },
  {
    re: /bensin|diesel|drivstoff|^fuel|petrol|gasoline|^(?:el|bil|elbil|hurtig)?lading|^(?:ev-?)?charging$|^recharg|^lad(?:et|a|de)$|supercharger|ladestasjon/,
    kind: 'fuel',
  },
  {
    re: /buss|^bus(?:es)?$|^tog(?:et|a|ene)?$|^togbill|^(?:natt?|fly|lokal|regional|ekspress)tog|sovekupe|^sleeper|(?<!s)trikk|^t-?bane|tunnelbane|^metro|subway|^trams?$|^trains?$|^train-?ticket|^flights?|^fly(?:et|ene|a)?$|^fly(?:reis|bill|tur)|^planes?$|airfare|kollektiv|^bussbill|^(?:ruter|vy|atb|kolumbus|brakar|flytoget|flybussen|wideroe|sas)(?:-|$)/,
    kind: 'transport',
  },
];

/**
 * The kind a word names. In a compound the last part is the head ("hotellparkering" is parking,
 * "hotellfrokost" is a meal), so the match that ends furthest right wins.
 */
export function kindOfWord(word: string): ExpenseKind | undefined {
  let best: { kind: ExpenseKind; end: number } | undefined;
  for (const rule of KIND_RULES) {
    if (rule.unless?.test(word)) continue;
    const m = rule.re.exec(word);
    if (!m) continue;
    const end = m.index + m[0].length;
    if (!best || end > best.end) best = { kind: rule.kind, end };
  }
  return best?.kind;
}

const WORD = /\p{L}+(?:-\p{L}+)*/gu;

/** What was included ("1 290 NOK incl. breakfast") is part of the expense, not its kind. */
const INCLUDED =
  /\b(?:inkl|incl|including|inklusive|inkludert|included|medregnet)\b\.?\s+[\p{L}-]+/gu;

/**
 * A kind denied or replaced ("fikk ikke tak i taxi, så tok bussen", "train instead of a taxi") is
 * not the expense, when another kind is named.
 */
const DENIED =
  /\b(?:ikke|ikkje|ingen|ingi|not|no|never|instead\s+of|i\s+stedet\s+for|istedenfor|istadenfor|i\s+staden\s+for|rather\s+than|heller\s+enn)\s+(?:(?:a|an|any|en|ein|ei|eit|noen|nokon|tak\s+i|tak\s+pa)\s+)?[\p{L}-]+/gu;

function firstKind(folded: string): ExpenseKind | undefined {
  for (const m of folded.matchAll(WORD)) {
    const kind = kindOfWord(m[0]);
    if (kind) return kind;
  }
  return undefined;
}

/** "charged the company EV", "lada firmabilen": charging a car, whatever the verb could also mean. */
const CHARGED_A_CAR =
  /\b(?:charged|recharged|ladet|lada|ladde)\s+(?:up\s+)?(?:(?:the|my|our|a|an)\s+)?(?:(?:company|work|firm|pool|hire|rental)\s+)?(?:car|ev|e-?car|electric\s+car|tesla|vehicle|\p{L}*bil(?:en|a)?)\b/u;

/** A kind said with its emoji ("🅿️ 60 kr", "🚕 hjem 240"). */
const EMOJI_KINDS: ReadonlyArray<[RegExp, ExpenseKind]> = [
  [/\u{1F17F}/u, 'parking'],
  [/[\u{1F695}\u{1F696}]/u, 'taxi'],
  [/[\u26F4\u{1F6F3}\u{1F6A2}]/u, 'ferry'],
  [/\u{1F3E8}/u, 'hotel'],
  [/[\u26FD\u{1F50C}]/u, 'fuel'],
  [/[\u{1F37D}\u{1F354}\u{1F355}\u{1F957}\u{1F35D}\u2615]/u, 'meal'],
  [/[\u{1F686}\u{1F68C}\u{1F68D}\u2708\u{1F687}\u{1F68B}]/u, 'transport'],
];

export function kindOfFolded(folded: string): ExpenseKind | undefined {
  if (CHARGED_A_CAR.test(folded)) return 'fuel';
  const named = folded.replace(INCLUDED, ' ');
  const emoji = EMOJI_KINDS.find(([re]) => re.test(named))?.[1];
  if (emoji && !firstKind(named)) return emoji;
  return firstKind(named.replace(DENIED, ' ')) ?? firstKind(named);
}

/** The first kind of expense the text names, in any of the three languages. */
export function detectKind(text: string): ExpenseKind | undefined {
  return kindOfFolded(foldInPlace(normaliseTypography(text)));
}

// ---------------------------------------------------------------------------------------------
// Printed on receipts

/** Words that name a kind of expense on a receipt, folded; weight 2 is a clear cue, 1 a hint. */
export const RECEIPT_KIND_CUES: ReadonlyArray<{ re: RegExp; kind: ExpenseKind; weight: number }> = [
  {
    re: stems(
      'parkering',
      'parkeringsavgift',
      'p-hus',
      'p-avgift',
      'p-billett',
      'parkhaus',
      'parkschein',
      'parking',
      'parkeringsbillett',
    ),
    kind: 'parking',
    weight: 2,
  },
  { re: words('sone \\d+', 'innkjoring', 'utkjoring', 'parkert'), kind: 'parking', weight: 1 },
  {
    re: stems(
      'ferje',
      'ferge',
      'ferry',
      'fahre',
      'hurtigbat',
      'ferjebillett',
      'overfart',
      'ferjekai',
      'fergekai',
    ),
    kind: 'ferry',
    weight: 2,
  },
  {
    re: stems(
      'bompeng',
      'bomstasjon',
      'bompassering',
      'autopass',
      'passeringer',
      'rushtidsavgift',
      'bompengeavgift',
      'maut',
      'toll road',
    ),
    kind: 'toll',
    weight: 2,
  },
  { re: stems('takstgruppe', 'brikke'), kind: 'toll', weight: 1 },
  {
    re: stems('taxi', 'taksi', 'drosje', 'loyvehaver', 'turkvittering', 'taxameter'),
    kind: 'taxi',
    weight: 2,
  },
  { re: words('loyve', 'fastpris', 'sjafor', 'fahrpreis', 'fahrer'), kind: 'taxi', weight: 1 },
  {
    re: stems(
      'diesel',
      'bensin',
      'blyfri',
      'drivstoff',
      'adblue',
      'kraftstoff',
      'super e10',
      'super e5',
      'hvo ?100',
      'lading',
      'ladestasjon',
      'unleaded',
      'petrol',
    ),
    kind: 'fuel',
    weight: 2,
  },
  { re: words('pumpe', 'pump', 'zapfsaule', 'liter', 'kwh'), kind: 'fuel', weight: 1 },
  {
    re: stems(
      'hotell?',
      'overnatting',
      'losji',
      'accommodation',
      'antall netter',
      'netter',
      'nights',
    ),
    kind: 'hotel',
    weight: 2,
  },
  {
    re: words(
      'rom',
      'room',
      'ankomst',
      'avreise',
      'arrival',
      'departure',
      'gjest',
      'guest',
      'booking',
      'bookingnr',
    ),
    kind: 'hotel',
    weight: 1,
  },
  {
    re: stems(
      'restaurant',
      'restoran',
      'kafe',
      'cafe',
      'kaffebar',
      'kaffe',
      'coffee',
      'bistro',
      'brasserie',
      'kantine',
      'bakeri',
      'bakery',
      'pizza',
      'sushi',
      'burger',
      'lunsj',
      'lunch',
      'middag',
      'dinner',
      'kopitiam',
    ),
    kind: 'meal',
    weight: 2,
  },
  {
    re: words(
      'bord',
      'table',
      'gjester',
      'guests',
      'servering',
      'mat',
      'food',
      'drikke',
      'drinks',
      'latte',
      'cappuccino',
      'espresso',
      'baguette',
      'tips',
      'driks',
      'iste',
      'brus',
      'frokost',
      'breakfast',
    ),
    kind: 'meal',
    weight: 1,
  },
  {
    re: stems(
      'togbillett',
      'flybillett',
      'bussbillett',
      'enkeltbillett',
      'periodebillett',
      'reisebevis',
      'flybuss',
      't-bane',
      'boarding pass',
      'ombordstigning',
    ),
    kind: 'transport',
    weight: 2,
  },
  {
    re: words(
      'tog',
      'buss',
      'bus',
      'train',
      'trikk',
      'strekning',
      'avgang',
      'reise',
      'sete',
      'vogn',
      'billett',
      'ticket',
      'fly',
      'flight',
      'voksen',
      'honnor',
    ),
    kind: 'transport',
    weight: 1,
  },
];

// ---------------------------------------------------------------------------------------------
// Typed with a slip of the finger

/** Whole kind words people type, folded: a word one edit away from one of these names its kind. */
const TYPED_KIND_WORDS = [
  'parkering',
  'parking',
  'taxi',
  'taksi',
  'drosje',
  'ferje',
  'ferge',
  'ferry',
  'bompenger',
  'bompengar',
  'toll',
  'hotell',
  'hotel',
  'middag',
  'lunsj',
  'lunch',
  'dinner',
  'frokost',
  'breakfast',
  'bensin',
  'diesel',
  'drivstoff',
  'fuel',
  'petrol',
  'flybuss',
  'flight',
  'train',
  'flybillett',
  'togbillett',
  'ferjebillett',
  'overnatting',
  'restaurant',
];
/** Common words one edit away from a kind word ("tall" is not "toll"). */
const NOT_A_SLIP = new Set([
  'tall',
  'tell',
  'till',
  'hotel',
  'tax',
  'lunge',
  'lunch',
  'fuel',
  'full',
  'fell',
  'dinne',
  'drain',
  'rain',
  'brain',
  'grain',
  'trail',
]);

/** At most one insertion, deletion, substitution or swap of neighbours between a and b. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** As `kindOfFolded`, and when no word names a kind, a word one edit from a kind word does. */
export function kindOfFoldedTolerant(folded: string): ExpenseKind | undefined {
  const exact = kindOfFolded(folded);
  if (exact) return exact;
  for (const m of folded.matchAll(WORD)) {
    const word = m[0];
    if (word.length < 4 || NOT_A_SLIP.has(word)) continue;
    const near = TYPED_KIND_WORDS.find(
      (k) =>
        word[0] === k[0] && (k.length >= 5 || word.length === k.length) && oneEditApart(word, k),
    );
    if (near) return kindOfWord(near);
  }
  return undefined;
}
