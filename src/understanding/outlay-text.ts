/**
 * Reads what people type about an expense: amounts, dates and kinds of expense in bokmål,
 * nynorsk and English. Everything here guesses conservatively, because a guess pre-fills a form
 * the user then has to notice and correct: when the text does not say something clearly, the
 * answer leaves it out and the form asks.
 */
import { CURRENCIES, type Currency, type ExpenseKind } from '../claims/claim.js';
import { blank, foldInPlace as fold, normaliseTypography as normalise } from '../text/fold.js';
import { kindOfFoldedTolerant as kindOfFolded, kindOfWord } from '../text/expense-kind-words.js';
import { amountWordsToFigures } from '../text/number-words.js';
import {
  PREFIX_SRC,
  SUFFIX_SRC,
  currencyOf,
  parseMoney,
  parseNumber,
  sumsToFigures,
} from '../text/typed-amount.js';
import {
  MONTHS,
  MONTH_SRC,
  WEEKDAYS,
  findDate,
  isoOf,
  parseIsoDay,
  type Span,
} from '../text/typed-date.js';
import { findDateRange } from '../text/typed-range.js';

export { detectKind } from '../text/expense-kind-words.js';
export { parseAmount, type ParsedAmount } from '../text/typed-amount.js';
export { parseDate } from '../text/typed-date.js';

// ---------------------------------------------------------------------------------------------
// Expense statements

export interface OutlayGuess {
  kind?: ExpenseKind;
  amountMinor?: number;
  currency?: Currency;
  date?: string;
  merchant?: string;
  /** Something like a date was written but gives none ("31.02", "i morgen"): today's, to check. */
  dateUnread?: boolean;
  /** An amount was written but cannot be used ("0 kr", "1,234 kr"): the bot asks for it. */
  amountUnread?: boolean;
  /** The purpose given with a label in the same message ("…, formål: revisjonsmøte"). */
  purpose?: string;
}

/** "…, purpose: audit meeting", "Formål: kundemøte": the rest of the message is the purpose. */
const PURPOSE_LABEL =
  /(?:^|[,.;]\s*|\s)(?:formal|formalet|foremal|foremalet|purpose|reason)\s*:\s*(\S.{0,200})$/u;

/** Looks like a day and month, or says tomorrow: a date meant, if not one that can be used. */
const DATE_LIKE =
  /(?<![\p{N}.,/-]|\b(?:kl|klokka|klokken|at)\.?\s*)[0-3]?\d[./](?:0?[1-9]|1[0-2])(?:[./]\d{2,4})?(?![\p{N}]|\s*(?:timer|timar|tima|time|hours?|hrs?|h|t|km)(?!\p{L}))|(?<!\p{L})(?:i\s*morgen|i\s*overmorgen|tomorrow)(?!\p{L})/u;

/** A figure not glued to letters ("E18"), not inside another figure, and not negative. */
const NUMBER_IN_TEXT =
  /(?<![\p{L}\p{N}]|\p{N}[.,/-]|(?:^|\s)-)(\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)*)/gu;
const SUFFIX_AFTER = new RegExp(`^\\s*(${SUFFIX_SRC})(?![\\p{L}\\p{N}])`, 'u');
const PREFIX_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${PREFIX_SRC})\\s*$`, 'u');
/** "120,-", and the Swedish "349:-". */
const WHOLE_MARK_AFTER = /^\s*[.,:]-+/;
/** Part of a date or a time of day ("24/11", "2026-11-24", "14:30"). */
const PART_OF_DATE_OR_TIME = { after: /^(?:[/-]\d|:(?!-))/, before: /:$/ };
/** A figure counting something else: hours, kilometres, people, nights … */
const UNIT_AFTER =
  /^\s*(?:km|mil|t|h|timer?|timar|hours?|min|minutt(?:er|ar)?|minutes?|stk|pers|personer|people|persons|dager|dagar|days?|dogn|netter|natter|nights?|kg|l|liter|litre|liters|x|%)(?![\p{L}])/u;
const COUNTER_BEFORE = /(?:^|[^\p{L}])(?:kl\.?|klokka|klokken|nr\.?|no\.|rom|room|at)\s*$|#\s*$/u;

const FIGURE_NEXT = /^\s*\d/;
const MONTH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${MONTH_SRC})\\.?\\s*$`, 'u');
/** A day and month ("4.12") or a day after its month ("nov 15"). */
function dateLike(figure: string, before: string): boolean {
  return (
    /^\d{1,2}[./]\d{1,2}(?:[./]\d{2}(?:\d{2})?)?$/.test(figure) ||
    (/^\d{1,2}$/.test(figure) && MONTH_BEFORE.test(before))
  );
}

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
    // "nov 15 NOK 899", "4.12 kr 720": a date before a marker that leads the real amount.
    if (suffix && FIGURE_NEXT.test(afterMark.slice(suffix[0].length)) && dateLike(m[0], before))
      continue;
    const prefix = suffix ? undefined : PREFIX_BEFORE.exec(before);
    if (!whole && !suffix && !prefix) continue;
    const marker = suffix?.[1] ?? prefix?.[1];
    const hit: AmountHit = {
      start: prefix ? before.length - prefix[0].length + prefix[0].indexOf(prefix[1] ?? '') : start,
      end: end + (whole?.[0].length ?? 0) + (suffix?.[0].length ?? 0),
      // ",-" alone is kroner.
      currency: marker ? currencyOf(marker) : 'NOK',
    };
    const amountMinor = parseMoney(m[0]);
    if (amountMinor === undefined) return { start: hit.start, end: hit.end };
    return { ...hit, amountMinor };
  }
  return undefined;
}

/** "2 x 142 kr", "2 nights at 1 190 NOK", "3 netter à 990 kr": a count before a unit price (a count
 * without "x", "à" or "at" — "2 personer 540 kr" — is a total already). */
const COUNT_BEFORE =
  /(?<![\p{L}\p{N}.,])(\d{1,2})\s*(?:x|×|\*|(?:netter|natter|dogn|nights?|stk|billett(?:er)?|bilett(?:ar)?|tickets?|dager|dagar|days?|personer|people|pers|rom|rooms?)\s*(?:a|à|@|at|x|per|each)?\s*(?:a|à|@|at|x))\s*$/u;

/**
 * "2 stk. bussbillett à 45 kr", "3 timer à 45 kr", "3 passeringer à 27 kr", "4 kaffe @ 35": a
 * count, the item in a word or two, then a unit price. Little words between ("2 colleagues to a
 * 450 kr dinner") say it is no item.
 */
const COUNT_ITEM_BEFORE =
  /(?<![\p{L}\p{N}.,])(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:(?:stk\.?|stykk|pcs|timer|timar|time|hours?|t)\s+(?:[\p{L}-]+\s+){0,2}(?:a|à|@|at|each)|((?:[\p{L}-]+\s+){1,2})(?:a|à|@|each))\s*$/u;
const LITTLE_WORDS = new Set(
  'to til for med with og and the en ei et ein eit a an of av i in on pa at som who'.split(' '),
);

function countedItem(before: string): RegExpExecArray | undefined {
  const m = COUNT_ITEM_BEFORE.exec(before);
  if (!m) return undefined;
  const words = (m[2] ?? '').trim().split(/\s+/u);
  return words.some((w) => LITTLE_WORDS.has(w)) ? undefined : m;
}

/** "142 kr x 2", "60 kr * 3 dager": the count after the unit price. */
const TIMES_AFTER = /^\s*(?:x|×|\*)\s*(\d{1,2})(?![\p{N}.,])/u;
/** "990 kr per natt", "1 100 each", "60 kr/dag": the figure is a unit price … */
const PER_UNIT_AFTER =
  /^\s*(?:(?:per|pr\.?|a|an|à|hver|kvar|\/)\s*(?:natt|natta|night|dogn|dag|day|stk|styk+|person|pers|billett|ticket|rom|room|time|timen|timer|hour|hr|h|t)\b|(?:i|the)\s+(?:timen|hour)\b|each\b|(?:hver|kvar|stykket|per\s+stk|natta|natten|dognet|timen|hourly)(?![\p{L}]))/u;
/** … of as many as the text counts ("2 netter", "3 nights", "2 billetter", "vi var 3", "3 of us"). */
const COUNT_OF_UNITS =
  /(?<![\p{L}\p{N}.,])(\d{1,2})\s*(?:netter|natter|dogn|nights?|dager|dagar|days?|stk|billett(?:er|ar)?|tickets?|personer|people|pers|rom|rooms?|of\s+us)(?![\p{L}])|\b(?:vi|me|we)\s+(?:var|va|were)\s+(\d{1,2})(?!\p{N}|[.,]\d)|(?<![\p{L}\p{N}.,])(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:timer|timar|tima|time|hours?|hrs?|h|t)(?![\p{L}])/u;

const EACH_WAY_AFTER = /^\s*(?:hver|kvar|each|per|pr\.?)\s+(?:vei|veg|way|retning)(?![\p{L}])/u;
const PER_PIECE_AFTER =
  /^\s*(?:stykket|per\s+stykk|per\s+stk|each|apiece|per\s+(?:person|pers|elev|deltaker|deltakar|participant|piece))(?![\p{L}])/u;
const COUNT_OF_ANYTHING =
  /(?<![\p{L}\p{N}.,/-])(\d{1,3})\s+(?!(?:kr|nok|km|mil|kroner|timer?|t)\b)\p{L}{3,}/u;

function timesCount(text: string, hit: AmountHit | undefined): AmountHit | undefined {
  if (hit?.amountMinor === undefined) return hit;
  const before = text.slice(0, hit.start);
  const item = COUNT_BEFORE.test(before) ? undefined : countedItem(before);
  const count = COUNT_BEFORE.exec(before) ?? item;
  const after = text.slice(hit.end);
  const times = count ? undefined : TIMES_AFTER.exec(after);
  const units =
    count || times || !PER_UNIT_AFTER.test(after)
      ? undefined
      : COUNT_OF_UNITS.exec(blank(text, hit.start, hit.end));
  // "til 24 elever …, 25 kr stykket": with a price per piece, a count before any noun counts.
  const pieces =
    count || times || units || !PER_PIECE_AFTER.test(after)
      ? undefined
      : COUNT_OF_ANYTHING.exec(blank(text, hit.start, hit.end));
  // "132 kr kvar veg", "NOK 60 each way": a price per direction of a trip both ways, paid twice.
  const eachWay = count || times || units || pieces ? undefined : EACH_WAY_AFTER.exec(after);
  if (eachWay)
    return { ...hit, end: hit.end + eachWay[0].length, amountMinor: hit.amountMinor * 2 };
  // Hours may be a fraction ("2,5 timer à 40 kr", "1.5 hours at 30 NOK an hour").
  const n = Number(
    (count?.[1] ?? times?.[1] ?? units?.[1] ?? units?.[2] ?? units?.[3] ?? pieces?.[1])?.replace(
      ',',
      '.',
    ),
  );
  if (!(n >= 2 || (n > 1 && !Number.isInteger(n)))) return hit;
  const total = Math.round(hit.amountMinor * n);
  if (total > 10_000_000_00) return hit;
  // The item between a count and its price ("2 stk. bussbillett à 45 kr") keeps its words.
  if (item) return { ...hit, amountMinor: total };
  if (count) return { ...hit, start: count.index, amountMinor: total };
  return { ...hit, end: hit.end + (times?.[0].length ?? 0), amountMinor: total };
}

/** The one bare figure in the text, if there is exactly one that could be a price. */
function findBareAmount(text: string): AmountHit | undefined {
  const found: AmountHit[] = [];
  for (const m of text.matchAll(NUMBER_IN_TEXT)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (PART_OF_DATE_OR_TIME.after.test(after) || PART_OF_DATE_OR_TIME.before.test(before))
      continue;
    if (/^\p{L}/u.test(after) || UNIT_AFTER.test(after) || COUNTER_BEFORE.test(before)) continue;
    const amountMinor = parseNumber(m[0]);
    if (amountMinor !== undefined)
      found.push({ start: m.index, end: m.index + m[0].length, amountMinor });
  }
  return found.length === 1 ? timesCount(text, found[0]) : undefined;
}

/** Folded first words that make the message a question about expenses rather than one. */
export const QUESTION_WORDS = new Set([
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
 * "må føre en parkering fra i går", "trenger å registrere en taxi", "skal ha reiseregning": a
 * modal with its subject left out, before an infinitive, states what the user needs to do; with
 * its subject ("må jeg føre …?") it asks.
 */
const STATED_MODAL =
  /^[^\p{L}\p{N}]*(?:ma|matte|skal|trenger|treng|need|needs|have|has)\s+(?:a\s+|to\s+)?(?:fore|fora|registrere|registrera|legge|leggje|levere|sende|lage|ha|fa|fa\s+fort|file|log|claim|register|add|submit|enter|record)\b/u;

/** The first word opens a question, unless it is a modal stating a need ("må føre …"). */
function opensQuestion(folded: string): boolean {
  const firstWord = /^[^\p{L}\p{N}]*(\p{L}+)/u.exec(folded)?.[1];
  if (!firstWord) return false;
  if (QUESTION_WORDS.has(firstWord)) return true;
  return QUESTION_OPENERS.has(firstWord) && !STATED_MODAL.test(folded);
}

/**
 * Without an amount, only a short phrase is taken as naming an expense; in a longer sentence
 * ("jeg lurer på om hotell dekkes") a kind word is more likely just mentioned.
 */
const MAX_WORDS_WITHOUT_AMOUNT = 6;
/** A dated statement may be longer: "drosje frå Bergen stasjon til kontoret i går". */
const MAX_DATED_WORDS_WITHOUT_AMOUNT = 8;
/** Asking the bot to do it: "kan du føre …?", "could you log …?", "please add …". */
export const REQUEST =
  /^(?:(?:kan|kunne|vil|could|can|would|will)\s+(?:du|you)\s+(?:(?:please|vennligst|ogsa|also)\s+)?(?:fore|registrere|legge\s+inn|lage|lag|ta|log|add|file|register|create|make|put|record|enter|sende\s+inn|submit|sette\s+opp|setje\s+opp|starte|start|opprette|apne|opne|open|set\s+up|begin)\b|please\s+(?:log|add|file|register|start|create))/u;
/**
 * A statement of an expense with its amount, closed by a request or an ask ("I paid 39 NOK for a
 * bus ticket today, can I get that refunded?"): the statement is what is meant.
 */
export function statedThenAsked(text: string, today: string): boolean {
  if (!CLOSING_REQUEST.test(text)) return false;
  return parseOutlayText(text, today)?.amountMinor !== undefined;
}

/** A short request closing a statement: "Kan du ta den?", "Can you log it?", "Fiks?". */
const CLOSING_REQUEST =
  /(?<=[.!,;]\s*)(?:(?:kan|kunne|vil|could|can|would|will)\s+(?:du|you)\s+[^.!?]{1,40}|(?:kan|can|could|may)\s+(?:jeg|eg|i)\s+(?:fa|få|get|have)\s+(?:den|det|dei|it|that|this|them|pengene|the\s+money)\s+(?:refundert|refusert|dekket|dekka|igjen|tilbake|refunded|reimbursed|covered|back|paid\s+back)[^.!?]{0,20}|(?:kan|can|could)\s+(?:jeg|eg|i)\s+(?:claim|expense|føre|fore|registrere)\s+(?:den|det|dei|it|that|this|them)[^.!?]{0,20}|(?:is|er)\s+(?:that|this|it|det|dette|den)\s+(?:something|noe|noko)\s+(?:(?:that\s+)?i|jeg|eg)\s+(?:can|kan)\s+(?:claim|expense|føre|fore|få\s+dekket|få\s+refundert|get\s+back)[^.!?]{0,20})\?\s*$/iu;
/** Asking to claim an expense ("need to claim a taxi from last night"): longer, still an outlay. */
const CLAIM_VERB =
  /\b(?:claim|expense|refund\w*|reimburs\w*|fore|registrer\w*|register|record|legg\w*\s+inn|fa\s+(?:refundert|dekket|dekka|igjen)|put\s+in|hand\s+in|send\s+in|sende\s+inn|levere\s+inn|enter|submit|file|log)\b/u;
/**
 * "could I please register …", "kan eg få føre …", "may I add …": asking leave to enter an
 * expense; the first group holds the politeness that makes it a request whatever else it says.
 */
const ASKED_LEAVE =
  /^[^\p{L}\p{N}]*(?:kan|kunne|could|can|may|might)\s+(?:jeg|eg|i)\s+((?:please|pls|vennligst|gjerne|fa|just|bare|berre)\s+)?(?:fore|registrere|registrera|legge\s+inn|leggje\s+inn|register|add|log|record|enter|file|claim|submit)\b/u;

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
/** "charged the EV 340 kr": after a determiner a name is a thing, unless a kind word names it ("the Bastø ferry"). */
const DETERMINERS = new Set(['the', 'my', 'our']);
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
    // "Oslo-Tromsø": two places joined by a dash are the route travelled, not who was paid.
    if (run.length === 1 && /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(first.text)) continue;
    if (prev && onlySpaces(prev.end, first.start) && PREPOSITIONS.has(prev.key)) continue;
    const besideKind =
      (prev?.generic && onlySpaces(prev.end, first.start)) ||
      (next?.generic && onlySpaces(last.end, next.start));
    const besideAmount =
      amount &&
      !(prev && DETERMINERS.has(prev.key)) &&
      (onlySpaces(last.end, amount.start) || onlySpaces(amount.end, first.start));
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
  return opensQuestion(fold(trimmed));
}

export function parseOutlayText(text: string, today: string): OutlayGuess | undefined {
  const label = PURPOSE_LABEL.exec(fold(normalise(text)));
  if (label?.[1] && label.index > 0) {
    const guess = parseOutlayText(text.slice(0, label.index), today);
    const purpose = normalise(text)
      .slice(label.index + label[0].length - label[1].length)
      .trim()
      .replace(/[.!]+$/u, '');
    return guess && purpose ? { ...guess, purpose } : guess;
  }
  // "… 75 kr for parkering der. Kan du ta den?": the closing request is not the statement.
  const stated = text.replace(CLOSING_REQUEST, '').trim() || text;
  const original = normalise(sumsToFigures(amountWordsToFigures(stated)));
  const trimmed = original.trim();
  const folded = fold(original);
  // "could I please register a train ticket from yesterday?": asking leave to do it, politely or
  // for a given day, is asking the bot to do it; "kan jeg føre taxi?" alone asks what is allowed.
  const askedLeave = ASKED_LEAVE.exec(folded);
  // "kan du føre et utlegg på 230 kr for taxi i går?" asks the bot to do it: a statement still.
  if (!trimmed || (trimmed.endsWith('?') && !REQUEST.test(folded) && !askedLeave)) return undefined;
  const firstWord = /^[^\p{L}\p{N}]*(\p{L}+)/u.exec(folded)?.[1];
  if (firstWord && QUESTION_WORDS.has(firstWord)) return undefined;

  const todayDay = parseIsoDay(today);
  // A range of days ("12.-14. mars") is a span of a trip, never an amount.
  const range = todayDay === undefined ? undefined : findDateRange(folded, todayDay);
  let rest = range ? blank(folded, range.start, range.end) : folded;
  const amount = timesCount(rest, findMarkedAmount(rest));
  if (amount) rest = blank(rest, amount.start, amount.end);
  if (opensQuestion(folded) && amount?.amountMinor === undefined && !askedLeave) return undefined;

  const date = todayDay === undefined ? undefined : findDate(rest, todayDay);
  if (date) rest = blank(rest, date.start, date.end);
  if (askedLeave && !askedLeave[1] && !date && amount?.amountMinor === undefined) return undefined;

  const kind = kindOfFolded(rest);
  let amountMinor = amount?.amountMinor;
  const bare = !amount && kind ? findBareAmount(rest) : undefined;
  if (bare) amountMinor = bare.amountMinor;
  const words = trimmed.split(/\s+/).length;
  if (
    amountMinor === undefined &&
    (!kind ||
      (words > (date ? MAX_DATED_WORDS_WITHOUT_AMOUNT : MAX_WORDS_WITHOUT_AMOUNT) &&
        !(words <= 12 && CLAIM_VERB.test(folded))))
  )
    return undefined;

  const guess: OutlayGuess = {};
  if (kind) guess.kind = kind;
  if (amountMinor !== undefined) {
    guess.amountMinor = amountMinor;
    if (amount?.currency) guess.currency = amount.currency;
  } else if (amount) guess.amountUnread = true;
  if (date) guess.date = isoOf(date.day);
  else if (range) guess.date = range.from;
  else if (DATE_LIKE.test(bare ? blank(rest, bare.start, bare.end) : rest)) guess.dateUnread = true;
  const merchant = findMerchant(original, folded, amount);
  if (merchant) guess.merchant = merchant;
  return guess;
}
