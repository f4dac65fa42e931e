/**
 * Reads what people type about an expense: amounts, dates and kinds of expense in bokmål,
 * nynorsk and English. Everything here guesses conservatively, because a guess pre-fills a form
 * the user then has to notice and correct: when the text does not say something clearly, the
 * answer leaves it out and the form asks.
 */
import { CURRENCIES, type Currency, type ExpenseKind } from '../claims/claim.js';

// ---------------------------------------------------------------------------------------------
// Text preparation

/** No-break, thin and other typographic spaces that Norwegian number formatting produces. */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;
/** En/em dashes and the minus sign ("120,–" is as common as "120,-"). */
const ODD_DASHES = /[\u2012-\u2015\u2212]/g;

function normalise(text: string): string {
  return text.normalize('NFC').replace(ODD_SPACES, ' ').replace(ODD_DASHES, '-');
}

const FOLDED: Record<string, string> = {
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
  ü: 'u',
  ç: 'c',
};

/**
 * Lower case without diacritics ("går" → "gar", "måndag" → "mandag"), so people on an English
 * keyboard are understood. One code unit in, one out: positions found in the folded text are
 * positions in the original, which the merchant guess relies on.
 */
function fold(text: string): string {
  let out = '';
  for (const unit of text.split('')) {
    const lower = unit.toLowerCase();
    const single = lower.length === 1 ? lower : unit;
    out += FOLDED[single] ?? single;
  }
  return out;
}

/** Replaces a span with spaces, so later searches skip it but positions stay put. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

// ---------------------------------------------------------------------------------------------
// Amounts

/** A parsed amount; `currency` only when the text named one. */
export interface ParsedAmount {
  amountMinor: number;
  currency?: Currency;
}

/** Anything larger is a typo or a pasted account number; the form applies its own, lower cap. */
const MAX_AMOUNT_MINOR = 10_000_000_00;

const ISO_CODES = CURRENCIES.map((c) => c.toLowerCase()).join('|');
/** Markers written before the figure ("kr 120", "NOK 99", "€12"). Folded spelling. */
const PREFIX_SRC = `kr\\.?|${ISO_CODES}|€|\\$|£`;
/** Markers written after the figure ("120 kr", "120 kroner", "12 euro"). Folded spelling. */
const SUFFIX_SRC = `kroner|krone|kr\\.?|${ISO_CODES}|euros?|dollars?|pounds?|pund|zloty|zł|€|\\$|£`;

function currencyOf(marker: string): Currency {
  const m = marker.replace(/\.$/, '');
  const iso = CURRENCIES.find((c) => c.toLowerCase() === m);
  if (iso) return iso;
  if (m === '€' || m.startsWith('euro')) return 'EUR';
  if (m === '$' || m.startsWith('dollar')) return 'USD';
  if (m === '£' || m.startsWith('pound') || m === 'pund') return 'GBP';
  if (m === 'zloty' || m === 'zł') return 'PLN';
  // "kr" and "kroner": Swedes and Danes write them too, but this is a Norwegian employer's bot.
  return 'NOK';
}

/**
 * The number shapes accepted, each with the thousands grouping it allows. A single separator
 * followed by exactly three digits ("1,234", "1.234") matches none of them on purpose: it is
 * 1 234 kr to a Norwegian and 1.234 to many others, so the form asks rather than guess by a
 * factor of a thousand.
 */
const NUMBER_SHAPES: readonly RegExp[] = [
  /^(\d+)(?:[.,](\d{1,2}))?$/, //            120 · 120,50 · 1234.5
  /^(\d{1,3}(?: \d{3})+)(?:[.,](\d{1,2}))?$/, // 1 234,50
  /^(\d{1,3}(?:\.\d{3})+),(\d{1,2})$/, //       1.234,50
  /^(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/, //       1,234.50
  /^(\d{1,3}(?:\.\d{3}){2,})$/, //              1.234.567
  /^(\d{1,3}(?:,\d{3}){2,})$/, //               1,234,567
];

/** Minor units from the digit strings themselves, so no binary fraction ever enters the sum. */
function parseNumber(text: string): number | undefined {
  for (const shape of NUMBER_SHAPES) {
    const m = shape.exec(text);
    if (!m) continue;
    const whole = (m[1] ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '');
    if (whole.length > 10) return undefined;
    const minor = Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
    return minor > 0 && minor <= MAX_AMOUNT_MINOR ? minor : undefined;
  }
  return undefined;
}

const PREFIX_AT_START = new RegExp(`^(${PREFIX_SRC})\\s*(?=\\d)`, 'u');
const SUFFIX_AT_END = new RegExp(`(?<=[\\d\\s-])\\s*(${SUFFIX_SRC})$`, 'u');
/** "120,-": Norwegian price notation for whole kroner. */
const WHOLE_MARK_AT_END = /\s*[.,]\s*-+$/;

export function parseAmount(input: string): ParsedAmount | undefined {
  let rest = fold(normalise(input)).trim().replace(/\s+/g, ' ');
  let currency: Currency | undefined;
  const prefix = PREFIX_AT_START.exec(rest);
  if (prefix) {
    currency = currencyOf(prefix[1] ?? '');
    rest = rest.slice(prefix[0].length);
  }
  const suffix = SUFFIX_AT_END.exec(rest);
  if (suffix) {
    // "NOK 120 kr" names the currency twice; rather than pick one, let the form ask.
    if (currency) return undefined;
    currency = currencyOf(suffix[1] ?? '');
    rest = rest.slice(0, suffix.index);
  }
  rest = rest.replace(WHOLE_MARK_AT_END, '').trim();
  const amountMinor = parseNumber(rest);
  if (amountMinor === undefined) return undefined;
  return currency ? { amountMinor, currency } : { amountMinor };
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC), or undefined for a date that does not exist (31.02). */
function dayOf(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31)
    return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function parseIsoDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * A day and month without a year: the most recent such date, allowing up to tomorrow (the user's
 * "today" may already be tomorrow where they travel). So "24.12" written on 3 January is last
 * Christmas Eve, and "01.01" written on New Year's Eve is tomorrow.
 */
function recentDay(month: number, day: number, today: number): number | undefined {
  const year = new Date(today * DAY_MS).getUTCFullYear();
  for (const y of [year + 1, year, year - 1]) {
    const candidate = dayOf(y, month, day);
    if (candidate !== undefined && candidate <= today + 1) return candidate;
  }
  return undefined;
}

/** "24.11.26": this century; a claim for 1926 is not a case worth supporting. */
function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

const MONTHS: Record<string, number> = {
  januar: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12,
};

/** getUTCDay numbering; folded spellings, so "måndag", "lørdag" and "søndag" are covered. */
const WEEKDAYS: Record<string, number> = {
  sondag: 0,
  sundag: 0,
  sunday: 0,
  mandag: 1,
  monday: 1,
  tirsdag: 2,
  tysdag: 2,
  tuesday: 2,
  onsdag: 3,
  wednesday: 3,
  torsdag: 4,
  thursday: 4,
  fredag: 5,
  friday: 5,
  lordag: 6,
  laurdag: 6,
  saturday: 6,
};

/** Longest first, so "mars" is not read as "mar" + "s". */
const alternation = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');
const MONTH_SRC = alternation(MONTHS);
const WEEKDAY_SRC = alternation(WEEKDAYS);
const ORDINAL = '(?:st|nd|rd|th)?';
/** Only this and last century: a bare "2000" next to a month is more likely a year than "1290". */
const YEAR4 = '((?:19|20)\\d{2})';

/** The most recent such weekday before today: an expense on "fredag" is never a future one. */
function lastWeekday(weekday: number, today: number): number {
  const todayWeekday = new Date(today * DAY_MS).getUTCDay();
  return today - ((todayWeekday - weekday + 7) % 7 || 7);
}

interface DatePattern {
  /** Folded text, groups as `resolve` expects them. */
  src: string;
  resolve(m: RegExpExecArray, today: number): number | undefined;
}

const num = (m: RegExpExecArray, i: number) => Number(m[i]);
const daysBack =
  (n: number): DatePattern['resolve'] =>
  (_m, today) =>
    today - n;

const DATE_PATTERNS: readonly DatePattern[] = [
  { src: '(\\d{4})-(\\d{1,2})-(\\d{1,2})', resolve: (m) => dayOf(num(m, 1), num(m, 2), num(m, 3)) },
  {
    // The same separator twice, so "24.11-26" is not a date.
    src: '(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})',
    resolve: (m) => dayOf(fullYear(m[4] ?? ''), num(m, 3), num(m, 1)),
  },
  {
    src: `(\\d{1,2})${ORDINAL}\\.?\\s*(?:of\\s+)?(${MONTH_SRC})\\.?(?:,?\\s*${YEAR4})?`,
    resolve: (m, today) => {
      const month = MONTHS[m[2] ?? ''] ?? 0;
      return m[3] ? dayOf(num(m, 3), month, num(m, 1)) : recentDay(month, num(m, 1), today);
    },
  },
  {
    src: `(${MONTH_SRC})\\.?\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+${YEAR4})?`,
    resolve: (m, today) => {
      const month = MONTHS[m[1] ?? ''] ?? 0;
      return m[3] ? dayOf(num(m, 3), month, num(m, 2)) : recentDay(month, num(m, 2), today);
    },
  },
  {
    src: '(\\d{1,2})[./](\\d{1,2})\\.?',
    resolve: (m, today) => recentDay(num(m, 2), num(m, 1), today),
  },
  { src: 'i\\s*dag|today', resolve: daysBack(0) },
  { src: 'i\\s*gar|yesterday', resolve: daysBack(1) },
  { src: 'i\\s*forgars|(?:the\\s+)?day\\s+before\\s+yesterday', resolve: daysBack(2) },
  // nynorsk "i fyrregårs", bokmål "i forforgårs".
  { src: 'i\\s*(?:fyrregars|forforgars)', resolve: daysBack(3) },
  // "i fredags" is how Norwegians say "last Friday".
  {
    src: `i\\s+(${WEEKDAY_SRC})s`,
    resolve: (m, today) => lastWeekday(WEEKDAYS[m[1] ?? ''] ?? 0, today),
  },
  {
    src: `(?:(?:pa|sist|siste|forrige|forre|last|on)\\s+)?(${WEEKDAY_SRC})`,
    resolve: (m, today) => lastWeekday(WEEKDAYS[m[1] ?? ''] ?? 0, today),
  },
];

const WHOLE_DATE = DATE_PATTERNS.map((p) => ({
  re: new RegExp(`^(?:${p.src})$`, 'u'),
  resolve: p.resolve,
}));
/** Inside a sentence: not glued to letters, and not a piece of a longer number or date. */
const DATE_IN_TEXT = DATE_PATTERNS.map((p) => ({
  re: new RegExp(
    `(?<![\\p{L}\\p{N}]|\\p{N}[.,/-])(?:${p.src})(?![\\p{L}\\p{N}]|[.,/-]\\p{N})`,
    'gu',
  ),
  resolve: p.resolve,
}));

export function parseDate(input: string, today: string): string | undefined {
  const todayDay = parseIsoDay(today);
  if (todayDay === undefined) return undefined;
  const text = fold(normalise(input))
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[,!]+$/, '');
  for (const { re, resolve } of WHOLE_DATE) {
    const m = re.exec(text);
    if (!m) continue;
    const day = resolve(m, todayDay);
    if (day !== undefined) return isoOf(day);
  }
  return undefined;
}

interface Span {
  start: number;
  end: number;
}

/** The leftmost date in the text (the longest reading where several start at the same place). */
function findDate(text: string, today: number): (Span & { day: number }) | undefined {
  let best: (Span & { day: number }) | undefined;
  for (const { re, resolve } of DATE_IN_TEXT) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const day = resolve(m, today);
      if (day === undefined) continue;
      const found = { start: m.index, end: m.index + m[0].length, day };
      if (!best || found.start < best.start || (found.start === best.start && found.end > best.end))
        best = found;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Kinds of expense

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
  { re: /park(?:er|ing)/, kind: 'parking', unless: /^spark/ },
  { re: /^p-|easypark|apcoa|onepark/, kind: 'parking' },
  { re: /fer[gj][ea]|ferr(?:y|ies)/, kind: 'ferry' },
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
    re: /lunsj|lunch|(?<!for|etter)middag|frokost|breakfast|dinner|brunch|kaffe|coffee|restaurant|kveldsmat|nattmat/,
    kind: 'meal',
  },
  { re: /^(?:mat|maten|meal|meals|food|kafe|kafeen|cafe)$/, kind: 'meal' },
  { re: /hotel|overnatting|losji|airbnb|accommodation|lodging|^motell?|^hostel/, kind: 'hotel' },
  {
    re: /bensin|diesel|drivstoff|^fuel|petrol|gasoline|^(?:el|bil|elbil|hurtig)?lading/,
    kind: 'fuel',
  },
  {
    re: /buss|^bus(?:es)?$|^tog(?:et|a|ene)?$|^togbill|^(?:natt|fly|lokal|regional)tog|(?<!s)trikk|^t-?bane|tunnelbane|^metro|subway|^trams?$|^trains?$|^train-?ticket|^flights?|^fly(?:et|ene|a)?$|^fly(?:reis|bill|tur)|^planes?$|airfare|kollektiv/,
    kind: 'transport',
  },
];

/**
 * The kind a word names. In a compound the last part is the head ("hotellparkering" is parking,
 * "hotellfrokost" is a meal), so the match that ends furthest right wins.
 */
function kindOfWord(word: string): ExpenseKind | undefined {
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

function kindOfFolded(folded: string): ExpenseKind | undefined {
  for (const m of folded.matchAll(WORD)) {
    const kind = kindOfWord(m[0]);
    if (kind) return kind;
  }
  return undefined;
}

/** The first kind of expense the text names, in any of the three languages. */
export function detectKind(text: string): ExpenseKind | undefined {
  return kindOfFolded(fold(normalise(text)));
}

// ---------------------------------------------------------------------------------------------
// Expense statements

export interface OutlayGuess {
  kind?: ExpenseKind;
  amountMinor?: number;
  currency?: Currency;
  date?: string;
  merchant?: string;
}

/** A figure not glued to letters ("E18"), not inside another figure, and not negative. */
const NUMBER_IN_TEXT =
  /(?<![\p{L}\p{N}]|\p{N}[.,/-]|(?:^|\s)-)(\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)*)/gu;
const SUFFIX_AFTER = new RegExp(`^\\s*(${SUFFIX_SRC})(?![\\p{L}\\p{N}])`, 'u');
const PREFIX_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${PREFIX_SRC})\\s*$`, 'u');
const WHOLE_MARK_AFTER = /^\s*[.,]-+/;
/** Part of a date or a time of day ("24/11", "2026-11-24", "14:30"). */
const PART_OF_DATE_OR_TIME = { after: /^(?:[/-]\d|:)/, before: /:$/ };
/** A figure counting something else: hours, kilometres, people, nights … */
const UNIT_AFTER =
  /^\s*(?:km|mil|t|h|timer?|timar|hours?|min|minutt(?:er|ar)?|minutes?|stk|pers|personer|people|persons|dager|dagar|days?|dogn|netter|natter|nights?|kg|l|liter|litre|liters|x|%)(?![\p{L}])/u;
const COUNTER_BEFORE = /(?:^|[^\p{L}])(?:kl\.?|klokka|klokken|nr\.?|no\.|rom|room|at)\s*$|#\s*$/u;

interface AmountHit extends Span {
  amountMinor?: number;
  currency?: Currency;
}

/**
 * The first figure with a currency marker next to it. If that figure cannot be read safely
 * ("1,234 kr") the hit carries no amount, and no other figure is tried: the user meant that one.
 */
function findMarkedAmount(text: string): AmountHit | undefined {
  for (const m of text.matchAll(NUMBER_IN_TEXT)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(0, start);
    const after = text.slice(end);
    if (PART_OF_DATE_OR_TIME.after.test(after) || PART_OF_DATE_OR_TIME.before.test(before))
      continue;
    const whole = WHOLE_MARK_AFTER.exec(after);
    const afterMark = whole ? after.slice(whole[0].length) : after;
    const suffix = SUFFIX_AFTER.exec(afterMark);
    const prefix = suffix ? undefined : PREFIX_BEFORE.exec(before);
    if (!whole && !suffix && !prefix) continue;
    const marker = suffix?.[1] ?? prefix?.[1];
    const hit: AmountHit = {
      start: prefix ? before.length - prefix[0].length + prefix[0].indexOf(prefix[1] ?? '') : start,
      end: end + (whole?.[0].length ?? 0) + (suffix?.[0].length ?? 0),
      // ",-" alone is kroner.
      currency: marker ? currencyOf(marker) : 'NOK',
    };
    const amountMinor = parseNumber(m[0]);
    if (amountMinor === undefined) return { start: hit.start, end: hit.end };
    return { ...hit, amountMinor };
  }
  return undefined;
}

/** The one bare figure in the text, if there is exactly one that could be a price. */
function findBareAmount(text: string): number | undefined {
  const found: number[] = [];
  for (const m of text.matchAll(NUMBER_IN_TEXT)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (PART_OF_DATE_OR_TIME.after.test(after) || PART_OF_DATE_OR_TIME.before.test(before))
      continue;
    if (/^\p{L}/u.test(after) || UNIT_AFTER.test(after) || COUNTER_BEFORE.test(before)) continue;
    const amountMinor = parseNumber(m[0]);
    if (amountMinor !== undefined) found.push(amountMinor);
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Folded first words that make the message a question about expenses rather than one. */
const QUESTION_WORDS = new Set([
  'hva',
  'hvordan',
  'hvorfor',
  'hvor',
  'hvem',
  'hvilken',
  'hvilket',
  'hvilke',
  'nar',
  'kva',
  'korleis',
  'korfor',
  'kvifor',
  'kvar',
  'kven',
  'kor',
  'how',
  'what',
  'why',
  'where',
  'when',
  'who',
  'whom',
  'whose',
  'which',
]);
/**
 * A first word that usually opens a yes/no question ("kan jeg føre taxi", "do I need a receipt
 * for parking"). Such text still counts as a statement when it carries an amount: "kan du føre
 * parkering 120 kr" asks for exactly what the bot does.
 */
const QUESTION_OPENERS = new Set([
  'kan',
  'kunne',
  'skal',
  'skulle',
  'bor',
  'ma',
  'er',
  'far',
  'trenger',
  'treng',
  'gjelder',
  'can',
  'could',
  'should',
  'would',
  'do',
  'does',
  'did',
  'is',
  'are',
  'am',
  'will',
  'may',
  'must',
  'shall',
]);

/**
 * Without an amount, only a short phrase is taken as naming an expense; in a longer sentence
 * ("jeg lurer på om hotell dekkes") a kind word is more likely just mentioned.
 */
const MAX_WORDS_WITHOUT_AMOUNT = 6;

const PREPOSITIONS = new Set([
  'fra',
  'til',
  'i',
  'pa',
  'ved',
  'hos',
  'mot',
  'via',
  'med',
  'av',
  'over',
  'for',
  'etter',
  'utanfor',
  'utenfor',
  'from',
  'to',
  'in',
  'at',
  'on',
  'near',
  'with',
  'of',
  'by',
  'outside',
]);
/** Capitalised words that are never a merchant's name. */
const NOT_A_NAME = new Set([
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...CURRENCIES.map((c) => c.toLowerCase()),
  'kr',
  'i',
  'today',
  'yesterday',
  'idag',
  'igar',
  'dag',
  'gar',
  'jeg',
  'eg',
  'vi',
  'me',
  'we',
  'the',
  'a',
  'an',
]);

/** Kind words that are themselves a business's name ("parkering EasyPark 120 kr"). */
const BRANDS = /^(?:easypark|apcoa|onepark|autopass|airbnb|uber)$/;

/**
 * A capitalised name right next to the kind word or the amount ("ferjebillett Bastø 450,-",
 * "parkering EasyPark 120 kr"). Names after a preposition are places or people ("fra
 * Gardermoen", "med Kari"), and a word opening a sentence is capitalised anyway, so neither counts.
 */
function findMerchant(
  original: string,
  folded: string,
  amount: Span | undefined,
): string | undefined {
  const words = [...original.matchAll(/\p{L}[\p{L}\p{N}'’&-]*/gu)].map((m) => {
    const start = m.index;
    const end = start + m[0].length;
    const key = folded.slice(start, end);
    return {
      text: m[0],
      start,
      end,
      key,
      generic: kindOfWord(key) !== undefined && !BRANDS.test(key),
    };
  });
  const onlySpaces = (from: number, to: number) =>
    from <= to && /^ *$/.test(original.slice(from, to));
  const sentenceStart = (i: number) => {
    const word = words[i];
    const prev = words[i - 1];
    if (!word) return false;
    return !prev || /[.!?:;\n]/.test(original.slice(prev.end, word.start));
  };
  const isNamePart = (i: number) => {
    const word = words[i];
    return !!word && /^\p{Lu}/u.test(word.text) && !NOT_A_NAME.has(word.key) && !sentenceStart(i);
  };

  for (let i = 0; i < words.length; i++) {
    if (!isNamePart(i)) continue;
    let j = i;
    while (isNamePart(j + 1) && onlySpaces((words[j] as Span).end, (words[j + 1] as Span).start))
      j++;
    const first = words[i] as (typeof words)[number];
    const last = words[j] as (typeof words)[number];
    const prev = words[i - 1];
    const next = words[j + 1];
    const run = words.slice(i, j + 1);
    i = j;
    if (run.every((w) => w.generic) || first.text.length < 2) continue;
    if (prev && onlySpaces(prev.end, first.start) && PREPOSITIONS.has(prev.key)) continue;
    const besideKind =
      (prev?.generic && onlySpaces(prev.end, first.start)) ||
      (next?.generic && onlySpaces(last.end, next.start));
    const besideAmount =
      amount && (onlySpaces(last.end, amount.start) || onlySpaces(amount.end, first.start));
    if (!besideKind && !besideAmount) continue;
    const name = original.slice(first.start, last.end);
    if (name.length <= 200) return name;
  }
  return undefined;
}

/**
 * Reads a chat message that states an expense ("parkering 120 kr i går", "ferry 450 NOK
 * yesterday", "ferjebillett Bastø 450,-"). Undefined for anything else: questions, commands,
 * greetings, or text with neither an amount nor a kind of expense. A figure counts as the amount
 * when a currency marker stands next to it, or, with a kind word present, when it is the only
 * figure that can be a price.
 */
/** A question rather than a statement: ends with "?" or opens with a question word or a yes/no opener. */
export function isQuestion(text: string): boolean {
  const trimmed = normalise(text).trim();
  if (trimmed.endsWith('?')) return true;
  const firstWord = /^[^\p{L}\p{N}]*(\p{L}+)/u.exec(fold(trimmed))?.[1];
  return Boolean(firstWord && (QUESTION_WORDS.has(firstWord) || QUESTION_OPENERS.has(firstWord)));
}

export function parseOutlayText(text: string, today: string): OutlayGuess | undefined {
  const original = normalise(text);
  const trimmed = original.trim();
  if (!trimmed || trimmed.endsWith('?')) return undefined;
  const folded = fold(original);
  const firstWord = /^[^\p{L}\p{N}]*(\p{L}+)/u.exec(folded)?.[1];
  if (firstWord && QUESTION_WORDS.has(firstWord)) return undefined;

  let rest = folded;
  const amount = findMarkedAmount(rest);
  if (amount) rest = blank(rest, amount.start, amount.end);
  if (firstWord && QUESTION_OPENERS.has(firstWord) && amount?.amountMinor === undefined)
    return undefined;

  const todayDay = parseIsoDay(today);
  const date = todayDay === undefined ? undefined : findDate(rest, todayDay);
  if (date) rest = blank(rest, date.start, date.end);

  const kind = kindOfFolded(rest);
  let amountMinor = amount?.amountMinor;
  if (!amount && kind) amountMinor = findBareAmount(rest);
  if (
    amountMinor === undefined &&
    (!kind || trimmed.split(/\s+/).length > MAX_WORDS_WITHOUT_AMOUNT)
  )
    return undefined;

  const guess: OutlayGuess = {};
  if (kind) guess.kind = kind;
  if (amountMinor !== undefined) {
    guess.amountMinor = amountMinor;
    if (amount?.currency) guess.currency = amount.currency;
  }
  if (date) guess.date = isoOf(date.day);
  const merchant = findMerchant(original, folded, amount);
  if (merchant) guess.merchant = merchant;
  return guess;
}
