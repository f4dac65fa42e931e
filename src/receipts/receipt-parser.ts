/**
 * Reads the fields that matter off a receipt's OCR text: what was paid, when, in which currency,
 * the VAT, who was paid and for what kind of expense. Pure: text in, fields out, so it is tested
 * with receipts typed by hand, and so a better OCR engine can be put in front of it unchanged.
 *
 * OCR text of a phone photo is noisy: stray characters along the paper's edge, a comma read as a
 * full stop, an amount drifting away from its label. So nothing here trusts one cue alone: the
 * total is the amount whose line says "total" the clearest, backed by the card payment that
 * repeats it and by cash minus change; the date is the one labelled as the purchase date and
 * printed most often; the currency is what the codes, symbols and language of the slip agree on.
 * Each field carries a confidence from how clear its cue was and how sure the OCR was of the
 * characters, so the card can ask the user to check the shaky ones.
 */
import { CURRENCIES, type Currency, type ExpenseKind } from '../claims/claim.js';
import { detectKind } from '../conversation/free-text.js';
import type { ReceiptFields, ReceiptKind } from './receipt-fields.js';

export interface OcrWordInput {
  text: string;
  /** 0–100 as Tesseract reports it, or 0–1. */
  confidence: number;
  /** Top and bottom of the word on the page, when known: large print marks the total. */
  bbox?: { y0: number; y1: number };
}

export interface OcrLineInput {
  text: string;
  confidence?: number;
  words?: OcrWordInput[];
}

export interface ParseOptions {
  /** YYYY-MM-DD; dates after it (plus a day for time zones) are misreadings. Default: now. */
  today?: string;
  /** Lines with word confidences, when the OCR engine gives them; `text` is then their join. */
  lines?: OcrLineInput[];
}

// ---------------------------------------------------------------------------------------------
// Text preparation

const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;
const ODD_DASHES = /[\u2012-\u2015\u2212]/g;

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

/** Lower case without diacritics, one code unit per code unit, so positions carry over. */
function fold(text: string): string {
  let out = '';
  for (const unit of text) {
    const lower = unit.toLowerCase();
    const single = lower.length === 1 ? lower : unit.length === 1 ? unit : '?';
    out += FOLDED[single] ?? single;
  }
  return out;
}

/**
 * Repairs the OCR slips that break figures: "1O4,5O" (letter O), "1 085, 90" (a space after the
 * decimal comma), "12.30" read as "12-30" does not happen often enough to guess.
 */
function repairDigits(line: string): string {
  return (
    line
      .replace(/(?<=\d)[oO](?=[\d.,])|(?<=\d[.,])[oO](?=\d|\b)|(?<=\d[.,]\d)[oO]\b/g, '0')
      .replace(/(?<=\d[.,]) (?=\d{2}(?!\d))/g, '')
      .replace(/(?<=\d) (?=[.,]\d{2}(?!\d))/g, '')
      // "RMI4.18": a capital I or a bar for a 1 at the start of a figure.
      .replace(/(?<![a-z])[I|l](?=\d{0,5}[.,]\d{2}(?!\d))/g, '1')
  );
}

interface Line {
  index: number;
  /** Index of the input line (or text line) it came from. */
  source: number;
  text: string;
  folded: string;
  /** 0–1 */
  confidence: number;
  /** Relative print size: 1 = the receipt's usual line height. */
  size: number;
  words: Array<{ start: number; end: number; confidence: number }>;
}

function toConfidence(value: number | undefined): number {
  if (value === undefined || Number.isNaN(value)) return 0.85;
  return value > 1 ? Math.max(0, Math.min(1, value / 100)) : Math.max(0, value);
}

function prepareLines(text: string, inputs: OcrLineInput[] | undefined): Line[] {
  const raw: Array<{ text: string; confidence?: number; words?: OcrWordInput[] }> =
    inputs ?? text.split(/\r?\n/).map((t) => ({ text: t }));
  const heights: number[] = [];
  const lineHeights = raw.map((l) => {
    const hs = (l.words ?? [])
      .filter((w) => w.bbox && /[\p{L}\p{N}]{2}/u.test(w.text))
      .map(
        (w) =>
          (w.bbox as { y0: number; y1: number }).y1 - (w.bbox as { y0: number; y1: number }).y0,
      );
    if (hs.length === 0) return undefined;
    hs.sort((a, b) => a - b);
    const h = hs[Math.floor(hs.length / 2)] as number;
    heights.push(h);
    return h;
  });
  heights.sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)];
  const lines: Line[] = [];
  raw.forEach((l, i) => {
    const normal = repairDigits(
      l.text
        .normalize('NFC')
        .replace(ODD_SPACES, ' ')
        .replace(ODD_DASHES, '-')
        .replace(/[\r\n]+/g, ' '),
    )
      // A model without Norwegian letters reads Ø as @ ("BEL@P").
      .replace(/(?<=\p{L})@(?=\p{L})/gu, (m, at: number, all: string) =>
        /\p{Lu}/u.test(all[at - 1] ?? '') ? 'Ø' : 'ø',
      );
    if (!normal.trim()) return;
    const words: Line['words'] = [];
    let cursor = 0;
    for (const w of l.words ?? []) {
      const wt = repairDigits(w.text.normalize('NFC'));
      const at = normal.indexOf(wt, cursor);
      if (at < 0 || !wt) continue;
      words.push({ start: at, end: at + wt.length, confidence: toConfidence(w.confidence) });
      cursor = at + wt.length;
    }
    const h = lineHeights[i];
    lines.push({
      index: lines.length,
      source: i,
      text: normal,
      folded: fold(normal),
      confidence: toConfidence(l.confidence),
      size: h && usual ? h / usual : 1,
      words,
    });
  });
  return lines;
}

/** The OCR confidence of the characters in [start, end) of a line. */
function spanConfidence(line: Line, start: number, end: number): number {
  const overlapping = line.words.filter((w) => w.start < end && w.end > start);
  if (overlapping.length === 0) return line.confidence;
  return Math.min(...overlapping.map((w) => w.confidence));
}

// ---------------------------------------------------------------------------------------------
// Amounts

interface Amount {
  line: number;
  start: number;
  end: number;
  minor: number;
  negative: boolean;
  /** Written with a currency next to it ("kr 120", "EUR 19,90", "120,-"). */
  marked: boolean;
  /** A quantity or a rate ("48,62 L", "25,00 %"), not money. */
  measure: boolean;
  /** An amount that shares its line with a multiplication: a unit price or a line total. */
  rightmost: boolean;
}

const MONEY = new RegExp(
  [
    '(?<![\\d.,:/])',
    // A minus glued to the figure; "Total — 12.00" is a leader, not a refund.
    '(-)?',
    '(',
    '\\d{1,3}(?:[ .]\\d{3})+,\\d{2}', //     1 234,50 · 1.234,50
    '|\\d{1,3}(?:[ ,]\\d{3})+\\.\\d{2}', //  1,234.50 · 1 234.50
    '|\\d+[.,]\\d{2}', //                    1234,50 · 12.30
    '|\\d{1,3}(?:[ .]\\d{3})*[.,]-{1,2}', // 120,- · 1 200,-
    ')',
    // Not part of a longer figure or of a date: "21.04.20", and the German "21.04." too.
    '(?![\\d]|[.,]\\d|\\.)',
    '(-(?![\\d]))?',
  ].join(''),
  'g',
);

const CODE_SRC = CURRENCIES.map((c) => c.toLowerCase()).join('|');
const MARK_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:kr|${CODE_SRC}|rm|€|\\$|£)\\.?\\s*$`, 'u');
const MARK_AFTER = new RegExp(`^\\s*(?:kr|${CODE_SRC}|€|£|euro)(?![\\p{L}])`, 'u');
/**
 * Whole amounts count only with a currency next to them: "kr 250", "NOK 79", "250 kr". Grouped
 * by spaces only: "EUR 19.416" is a misread "19,46", not nineteen thousand euros.
 */
const WHOLE_MARKED = new RegExp(
  `(?:(?<![\\p{L}])(?:kr|${CODE_SRC}|€)\\.?\\s*(\\d{1,3}(?: \\d{3})+|\\d{1,6})(?![\\d]|[.,]\\d))|(?:(?<![\\d.,])(\\d{1,3}(?: \\d{3})+|\\d{1,6})\\s*(?:kr|${CODE_SRC}|€)(?![\\p{L}]))`,
  'gu',
);
const MEASURE_AFTER = /^\s?(?:%|l\b|ltr|liter|litre|kg\b|kwh|km\b|x\b|stk|pcs|g\b|uhr\b)/;
const MAX_MINOR = 1_000_000_00;

function minorOf(figure: string): number | undefined {
  const trimmed = figure.replace(/[.,]-+$/, '');
  const decimals = /[.,](\d{2})$/.exec(trimmed);
  const whole = (decimals ? trimmed.slice(0, -3) : trimmed).replace(/[ .,]/g, '');
  if (!/^\d+$/.test(whole) || whole.length > 9) return undefined;
  const minor = Number(whole) * 100 + (decimals ? Number(decimals[1]) : 0);
  return minor <= MAX_MINOR ? minor : undefined;
}

/** Opening hours and times of day: "8.00 - 20.00 Uhr", "09.00–17.00". */
const TIME_RANGE =
  /(?<![\d.,])(?:[01]?\d|2[0-4])[.:][0-5]\d\s?(?:-|–|til|bis|to)\s?(?:[01]?\d|2[0-4])[.:][0-5]\d(?![\d]|[.,]\d)/g;

/** What tells a range of times from "20.00 - 5.00" off a price: a clock or a weekday beside it. */
const HOURS_CONTEXT =
  /(?:^|[^a-z])(?:uhr|kl|klokka|apent|apningstid\w*|offnungszeit\w*|open|opening|hours|mo|di|mi|do|fr|sa|so|man|tir|ons|tor|fre|lor|son|mon|tue|wed|thu|fri|sat|sun|hverdager|werktags)(?![a-z])/;

function findAmounts(line: Line): Amount[] {
  const found: Amount[] = [];
  const text = line.folded;
  const hours = HOURS_CONTEXT.test(text)
    ? [...text.matchAll(TIME_RANGE)].map((m) => [m.index, m.index + m[0].length] as const)
    : [];
  for (const m of text.matchAll(MONEY)) {
    const figure = m[2] ?? '';
    const minor = minorOf(figure);
    if (minor === undefined) continue;
    const start = m.index + (m[1]?.length ?? 0);
    const end = start + figure.length;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    found.push({
      line: line.index,
      start,
      end,
      minor,
      negative: Boolean(m[1] || m[3]),
      marked: MARK_BEFORE.test(before) || MARK_AFTER.test(after) || /[.,]-+$/.test(figure),
      measure:
        MEASURE_AFTER.test(after) ||
        /(?:@|a-pris|a pris)\s*$/.test(before) ||
        hours.some(([s, e]) => start >= s && end <= e),
      rightmost: false,
    });
  }
  for (const m of text.matchAll(WHOLE_MARKED)) {
    const figure = m[1] ?? m[2] ?? '';
    const start = m.index + m[0].indexOf(figure);
    const end = start + figure.length;
    if (found.some((a) => a.start < end && a.end > start)) continue;
    // "kl 1348" and "NOK 2026" are not prices; years and times are what whole figures mostly are.
    if (/^(?:19|20)\d{2}$/.test(figure)) continue;
    const minor = minorOf(figure);
    if (minor === undefined) continue;
    found.push({
      line: line.index,
      start,
      end,
      minor,
      negative: false,
      marked: true,
      measure: false,
      rightmost: false,
    });
  }
  found.sort((a, b) => a.start - b.start);
  const money = found.filter((a) => !a.measure);
  const last = money[money.length - 1];
  if (last) last.rightmost = true;
  return found;
}

// ---------------------------------------------------------------------------------------------
// Keywords

/** Folded text; `\b` does not know å/ø, but folding removed them. */
const words = (...alternatives: string[]) =>
  new RegExp(`(?:^|[^a-z])(?:${alternatives.join('|')})(?![a-z])`);
const stems = (...alternatives: string[]) =>
  new RegExp(`(?:^|[^a-z])(?:${alternatives.join('|')})`);

const TOTAL_FINAL = stems(
  'a betale',
  'til betaling',
  'att betala',
  '[zi1l]u zahlen',
  'zahlbetrag',
  'endbetrag',
  'gesamtbetrag',
  'amount due',
  'balance due',
  'grand total',
  'total amount',
  'total due',
  'total payable',
  'total to pay',
  'rounded total',
  'total rounded',
  'total after',
  'totalt betalt',
  'total betalt',
  'totalbelop',
  'sum total',
  'total inkl',
  'total incl',
  'totalt inkl',
  'total sum',
  'totalsum',
  'grand ?to',
  '[gao]rand ?tota',
  'nett a betale',
  'betalt belop',
  'total \\(?rm\\)?',
  'net total',
  'nettbetrag',
);
const TOTAL = stems(
  'total',
  'totalt',
  'totaal',
  'sum(?!mary)',
  'summe',
  'summa',
  'gesamt',
  'belop',
  'betalt',
  'amount',
  'bedrag',
  'i alt',
  'totale',
  'montant',
);
const PAYMENT = stems(
  'bankaxept',
  'bank axept',
  'bankkort',
  'kredittkort',
  'debetkort',
  'gavekort',
  'gift ?card',
  'gutschein',
  'visa',
  'master ?card',
  'maestro',
  'amex',
  'american express',
  'kort',
  'karte',
  'girocard',
  'ec-karte',
  'card',
  'debit',
  'credit',
  'kredit',
  'vipps',
  'apple ?pay',
  'google ?pay',
  'mobile ?pay',
  'swish',
  'betalt med',
  'betaling',
  'zahlung',
  'payment',
  'paid',
  'gegeben',
  'terminal',
  'kontaktlos',
  'contactless',
  'ec-?cash',
  'elec\\.?-?cash',
  'electronic cash',
);
const SUBTOTAL = stems(
  'sub ?-?total',
  'delsum',
  'mellomsum',
  'zwischensum',
  'netto',
  'grunnlag',
  'excl',
  'ekskl',
  'exkl',
  'ohne',
  'before',
  'eks\\.? mva',
  'nettobelop',
);
const TAX = stems(
  'mva',
  'moms',
  'mwst',
  'ust',
  'vat',
  'gst',
  'sst',
  'tax',
  'steuer',
  'merverdi',
  'avgift',
);
const INCLUSIVE = stems(
  'inkl',
  'incl',
  'including',
  'herav',
  'hvorav',
  'derav',
  'darav',
  'enthalten',
);
/** "EC-Cash" and "electronic cash" are German debit cards, not cash. */
const CASH =
  /(?:^|[^a-z])(?<!ec-|ec |elec\.?-|electronic )(?:kontant|kontanter|cash|bar|bargeld|tendered|received|innbetalt|mottatt|erhalten|tunai)(?![a-z])/;
// The ü of Rückgeld and zurück comes out of OCR as u, i, ii or ti.
const CHANGE = stems(
  'veksel',
  'tilbake',
  'change',
  'r[uiot]{1,2}c?kgeld',
  'ruckgabe',
  'wechselgeld',
  'zur[uiot]{1,2}ck',
  'kembalian',
  'baki',
  'retur',
);
const DISCOUNT = stems(
  'rabatt',
  'discount',
  'savings',
  'spart',
  'du sparer',
  'you saved',
  'diskaun',
  'kupong',
  'coupon',
);
const ROUNDING = stems('rounding', 'avrunding', 'oreavrunding', 'rundung', 'adj(?!.*total)');
const TIPS = stems('tips', 'driks', 'trinkgeld', 'gratuity');
const PREAUTH = stems('forhandsautoris', 'autoris', 'reserv', 'pre-?auth', 'frigitt');
const BALANCE = words('saldo', 'balance', 'rest', 'restbelop');
const COUNTS = stems(
  'item count',
  'items',
  'qty',
  'quantity',
  'antall',
  'anzahl',
  'stk',
  'points',
  'poeng',
  'bonus',
  'punkte',
);
const UNIT_PRICE = stems(
  'pris pr',
  'a-pris',
  'einzelpreis',
  'unit price',
  'per liter',
  'pr\\.? liter',
  'literpris',
  'stykkpris',
);

// ---------------------------------------------------------------------------------------------
// Total

interface TotalPick {
  amount: Amount;
  score: number;
  cue: 'final' | 'total' | 'payment' | 'fallback';
  /** Worked out rather than read: the user is asked to check it. */
  repaired?: boolean;
}

/**
 * A total that nothing vouches for, one digit away from what net plus tax make, lost that digit
 * to OCR: the sum is the total. Only where exactly one such sum exists.
 */
function repairedBySum(
  pick: TotalPick,
  sums: Set<number>,
  changeGiven: Set<number>,
  vouched: (minor: number) => boolean,
  printedAgain: boolean,
): TotalPick | undefined {
  // Printed again on a line of its own (the card terminal's slip, "Zu zahlen"), the figure is
  // what the till meant: the sum is then one of several tax rates' rows, not the total.
  if (printedAgain || vouched(pick.amount.minor) || changeGiven.has(pick.amount.minor))
    return undefined;
  const near = [...sums].filter((s) => oneDigitApart(s, pick.amount.minor));
  if (near.length !== 1) return undefined;
  return { ...pick, amount: { ...pick.amount, minor: near[0] as number }, repaired: true };
}

/**
 * Cash payments are rounded (to 5 sen, to whole kroner): when a rounding adjustment follows the
 * total and no rounded total is legible after it, the amount paid is the total plus the
 * adjustment, and cash minus change, when legible, must agree.
 */
function roundedTotal(
  best: TotalPick,
  lines: Line[],
  amounts: Amount[][],
  tendered: Set<Amount>,
  change: Amount[],
): TotalPick | undefined {
  const rounding = lines.find(
    (l) =>
      l.index > best.amount.line &&
      l.index - best.amount.line <= 2 &&
      ROUNDING.test(l.folded) &&
      !TOTAL_FINAL.test(l.folded),
  );
  if (!rounding) return undefined;
  // A rounded figure just below, however its label came out ("Rounded Total", "Grand Total"
  // misread): the closest figure within ten cents of the total.
  const later = amounts
    .slice(rounding.index + 1, rounding.index + 3)
    .flat()
    .filter(
      (a) =>
        !a.measure &&
        !a.negative &&
        a.minor !== best.amount.minor &&
        Math.abs(a.minor - best.amount.minor) <= 10,
    );
  const below = later.filter(
    (a) => !CASH.test(lines[a.line]?.folded ?? '') && !CHANGE.test(lines[a.line]?.folded ?? ''),
  )[0];
  if (below) return { ...best, amount: below };
  const adjustment = (amounts[rounding.index] ?? []).filter((a) => !a.measure).at(-1);
  if (!adjustment || adjustment.minor === 0 || adjustment.minor > 99) return undefined;
  const signed = adjustment.negative ? -adjustment.minor : adjustment.minor;
  const rounded = best.amount.minor + signed;
  const paid = [...tendered].flatMap((c) =>
    change
      .filter((x) => x.line > c.line && x.line - c.line <= 2 && c.minor > x.minor)
      .map((x) => c.minor - x.minor),
  );
  if (paid.length > 0 && !paid.includes(rounded) && paid.includes(best.amount.minor - signed)) {
    return { ...best, amount: { ...best.amount, minor: best.amount.minor - signed } };
  }
  if (paid.length > 0 && !paid.includes(rounded)) return undefined;
  return { ...best, amount: { ...best.amount, minor: rounded } };
}

/** Lines whose figure is something else than the total: cash, change, tax, discount … */
const OTHER_FIGURE = [
  SUBTOTAL,
  TAX,
  CASH,
  CHANGE,
  DISCOUNT,
  ROUNDING,
  TIPS,
  PREAUTH,
  BALANCE,
  COUNTS,
  UNIT_PRICE,
];

function lineTotalScore(line: Line): { score: number; cue: TotalPick['cue'] | undefined } {
  const f = line.folded;
  let score = 0;
  let cue: TotalPick['cue'] | undefined;
  if (TOTAL_FINAL.test(f)) {
    score = 10;
    cue = 'final';
  } else if (TOTAL.test(f)) {
    score = 7;
    cue = 'total';
  } else if (PAYMENT.test(f)) {
    score = 4;
    cue = 'payment';
  }
  if (SUBTOTAL.test(f) && !TOTAL_FINAL.test(f)) score -= 7;
  if (TAX.test(f) && !(INCLUSIVE.test(f) && (cue === 'total' || cue === 'final'))) score -= 6;
  if (CASH.test(f) && cue !== 'final') score -= 8;
  if (CHANGE.test(f)) score -= 12;
  if (DISCOUNT.test(f)) score -= 8;
  if (ROUNDING.test(f) && cue !== 'final') score -= 8;
  if (TIPS.test(f)) score -= 6;
  if (PREAUTH.test(f)) score -= 12;
  if (BALANCE.test(f) && cue !== 'final') score -= 6;
  if (COUNTS.test(f)) score -= 5;
  if (UNIT_PRICE.test(f)) score -= 5;
  return { score, cue };
}

/** A tax summary header ("GST Summary", "Sats  Grunnlag  Mva", "MwSt Netto Brutto"). */
const TAX_TABLE_HEADER = stems(
  'summary',
  'sammendrag',
  'oversikt',
  'code',
  'kode',
  'rate',
  'sats',
  'satz',
  'grunnlag',
  'netto',
  'brutto',
  'amt',
  'amount',
  'basis',
  'underlag',
  'steuer',
);

/** Lines of a tax summary table: its "Total" row is the tax, or the amount before tax. */
function taxTableLines(lines: Line[]): Set<number> {
  const inside = new Set<number>();
  for (const line of lines) {
    const f = line.folded;
    if (!TAX.test(f) || !TAX_TABLE_HEADER.test(f)) continue;
    if (TOTAL_FINAL.test(f)) continue;
    for (let j = line.index + 1; j < lines.length && j <= line.index + 5; j++) {
      const next = lines[j] as Line;
      if (CASH.test(next.folded) || CHANGE.test(next.folded) || PAYMENT.test(next.folded)) break;
      inside.add(j);
    }
  }
  return inside;
}

/** Tax rates seen on receipts: a net and a tax that agree with one of them belong together. */
const SUM_RATES = [5, 6, 7, 8, 10, 12, 15, 19, 20, 21, 24, 25];

/**
 * Totals the slip's own arithmetic vouches for: a net figure plus a tax figure that is one of the
 * usual rates of it ("Excl. GST 37.50", "GST 6 % 2.25" → 39.75), or a total whose "herav mva" is
 * the rate's share of it. OCR misreads one figure at a time, so where the labels are misread or
 * a digit of the total is, the sum still stands.
 */
function checkedSums(
  lines: Line[],
  amounts: Amount[][],
): { sums: Set<number>; inclusive: (total: number) => boolean } {
  const money = amounts.flat().filter((a) => !a.measure && !a.negative && a.minor > 0);
  const taxes = money.filter((a) => {
    const f = lines[a.line]?.folded ?? '';
    return TAX.test(f) && !CASH.test(f) && !CHANGE.test(f);
  });
  // A tax table row prints the net and the tax side by side, often under a header that names
  // the tax; its tax figure counts as a tax too.
  const rows = amounts.filter(
    (row) => row.filter((a) => !a.measure && !a.negative && a.minor > 0).length >= 2,
  );
  for (const row of rows) {
    const figures = row.filter((a) => !a.measure && !a.negative && a.minor > 0);
    for (const y of figures.slice(1)) if (!taxes.includes(y)) taxes.push(y);
  }
  const agrees = (net: number, tax: number) =>
    SUM_RATES.some((r) => Math.abs((net * r) / 100 - tax) <= 1);
  const sums = new Set<number>();
  for (const y of taxes) {
    for (const x of money) {
      if (x === y || x.minor <= y.minor) continue;
      const f = lines[x.line]?.folded ?? '';
      if (CASH.test(f) || CHANGE.test(f) || DISCOUNT.test(f) || ROUNDING.test(f)) continue;
      if (agrees(x.minor, y.minor)) sums.add(x.minor + y.minor);
    }
  }
  const taxFigures = taxes.map((y) => y.minor);
  const inclusive = (total: number) => taxFigures.some((y) => y < total && agrees(total - y, y));
  return { sums, inclusive };
}

/** Same length, one digit different: the way OCR misreads a figure ("38.75" for "39.75"). */
function oneDigitApart(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length || x.length < 3) return false;
  let differ = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differ++;
  return differ === 1;
}

function pickTotal(lines: Line[], amounts: Amount[][]): TotalPick | undefined {
  const money = amounts.flat().filter((a) => !a.measure && !a.negative && a.minor > 0);
  if (money.length === 0) return undefined;
  const counts = new Map<number, number>();
  for (const a of money) counts.set(a.minor, (counts.get(a.minor) ?? 0) + 1);

  // Cash handed over minus change given back is what was paid, read from two figures other than
  // the total: where it agrees with a figure on the slip, that figure is the total even when its
  // label is misread. The amount handed over is labelled as cash, or sits right above the change.
  const change = amounts
    .flat()
    .filter((a) => CHANGE.test(lines[a.line]?.folded ?? '') && !a.measure);
  const tendered = new Set<Amount>();
  for (const a of money) {
    if (CASH.test(lines[a.line]?.folded ?? '') && !CHANGE.test(lines[a.line]?.folded ?? ''))
      tendered.add(a);
  }
  for (const x of change) {
    // Unlabelled (or misread) cash: the figure right above the change.
    const above = money
      .filter((a) => a.line < x.line && !CHANGE.test(lines[a.line]?.folded ?? ''))
      .pop();
    if (above && x.line - above.line === 1 && ![...tendered].some((t) => t.line === above.line))
      tendered.add(above);
  }
  // Cash handed over is at least the total: a "total" above it is a misreading. Unless the
  // cash figure is the misreading: it cannot be less than the dearest item either.
  const taxTable = taxTableLines(lines);
  const dearestItem = money
    .filter((a) => {
      const line = lines[a.line] as Line;
      return (
        !lineTotalScore(line).cue &&
        !OTHER_FIGURE.some((re) => re.test(line.folded)) &&
        !taxTable.has(a.line)
      );
    })
    .reduce((m, a) => Math.max(m, a.minor), 0);
  const fromCash = new Set<number>();
  // Paid amounts worked out with change given: arithmetic, unlike exact cash that repeats the total.
  const changeGiven = new Set<number>();
  const handedOver = new Set<Amount>();
  const cashCandidates: Amount[] = [];
  for (const c of tendered) {
    for (const x of change) {
      if (x.line <= c.line || x.line - c.line > 2 || c.minor < x.minor) continue;
      const paid = c.minor - x.minor;
      const elsewhere = money.filter(
        (a) => a.minor === paid && a.line !== c.line && a.line !== x.line,
      );
      if (elsewhere.length > 0) {
        fromCash.add(paid);
        if (x.minor > 0) changeGiven.add(paid);
        handedOver.add(c);
        cashCandidates.push(...elsewhere);
      } else if (x.minor === 0 && c.minor >= dearestItem) {
        // Exact cash, no change: the cash line is the total.
        cashCandidates.push(c);
      }
    }
  }
  const cashCeiling = [...tendered]
    .filter(
      (t) => CASH.test(lines[t.line]?.folded ?? '') && change.length > 0 && t.minor >= dearestItem,
    )
    .reduce((m, t) => Math.max(m, t.minor), 0);
  // A total printed after a rounding adjustment is the rounded one, the amount actually paid.
  const roundingLines = lines
    .filter((l) => ROUNDING.test(l.folded) && !TOTAL_FINAL.test(l.folded))
    .map((l) => l.index);
  const checked = checkedSums(lines, amounts);
  const vouched = (minor: number) => checked.sums.has(minor) || checked.inclusive(minor);

  const candidates: TotalPick[] = [];
  for (const a of cashCandidates) {
    candidates.push({ amount: a, score: fromCash.has(a.minor) ? 6 + 4 : 5, cue: 'total' });
  }
  lines.forEach((line, i) => {
    const { score, cue } = lineTotalScore(line);
    if (!cue) return;
    const own = (amounts[i] ?? []).filter((a) => !a.measure && !a.negative && a.minor > 0);
    let targets = own;
    let distance = 0;
    if (own.length === 0) {
      // The label and its figure on separate OCR lines ("Sum" / "kr 147,00" further right).
      for (let j = i + 1; j <= i + 2 && j < lines.length; j++) {
        const next = lines[j] as Line;
        const nextAmounts = (amounts[j] ?? []).filter(
          (a) => !a.measure && !a.negative && a.minor > 0,
        );
        if (nextAmounts.length === 0) continue;
        if (lineTotalScore(next).cue || OTHER_FIGURE.some((re) => re.test(next.folded))) break;
        targets = nextAmounts;
        distance = j - i;
        break;
      }
    }
    for (const a of targets) {
      let s = score - distance * 1.5;
      if (!a.rightmost) s -= 2;
      if (targets.length >= 3) s -= 1.5;
      const repeats = (counts.get(a.minor) ?? 1) - 1;
      s += Math.min(3, repeats * 1.5);
      if (fromCash.has(a.minor)) s += 4;
      if (handedOver.has(a) && !fromCash.has(a.minor)) s -= 8;
      // "Total paid 50.00" right above the change is the cash handed over.
      else if (
        tendered.has(a) &&
        change.some((x) => x.line > a.line && x.line - a.line <= 2 && x.minor > 0) &&
        !fromCash.has(a.minor)
      )
        s -= 8;
      if (roundingLines.some((r) => a.line > r && a.line - r <= 3)) s += 3.5;
      if (taxTable.has(a.line)) s -= 6;
      if (cashCeiling > 0 && a.minor > cashCeiling) s -= 6;
      // Nothing is paid for with much less than its dearest item: a figure that small lost a digit
      // (a misread total line can itself pass for an item, hence the margin).
      if (a.minor < 0.75 * dearestItem) s -= 8;
      if (a.marked) s += 0.5;
      if ((lines[a.line]?.size ?? 1) >= 1.25) s += 1;
      candidates.push({ amount: a, score: s, cue });
    }
  });
  // Across equal scores the later line wins: a total after rounding or after a discount comes last.
  candidates.sort((a, b) => b.score - a.score || b.amount.line - a.amount.line);
  const printedAgain = (minor: number) =>
    money.filter((a) => a.minor === minor && !CASH.test(lines[a.line]?.folded ?? '')).length > 1;
  let best = candidates[0];
  // Net plus tax make a labelled figure: where the best-labelled one stands alone, the slip's
  // arithmetic outweighs a misread label ("Sub Total" for the total on Malaysian slips, an
  // "Amount paid" that is really the cash handed over).
  const summed = candidates.find(
    (c) => vouched(c.amount.minor) && !taxTable.has(c.amount.line) && c.score >= 0,
  );
  if (
    best &&
    summed &&
    (best === summed || (!vouched(best.amount.minor) && !printedAgain(best.amount.minor)))
  ) {
    best = { ...summed, score: Math.max(summed.score, 3) };
  }
  if (best && best.score >= 3) {
    const picked = roundedTotal(best, lines, amounts, tendered, change) ?? best;
    return (
      repairedBySum(
        picked,
        checked.sums,
        changeGiven,
        vouched,
        printedAgain(picked.amount.minor),
      ) ?? picked
    );
  }

  // No readable total line: what was handed over minus what came back.
  for (const c of [...tendered]
    .filter((t) => CASH.test(lines[t.line]?.folded ?? ''))
    .concat([...tendered])) {
    for (const x of change) {
      if (x.line > c.line && x.line - c.line <= 2 && c.minor > x.minor && x.minor > 0) {
        return {
          amount: { ...x, minor: c.minor - x.minor, marked: false, rightmost: true },
          score: 2,
          cue: 'fallback',
        };
      }
    }
  }
  // No labelled total: the largest figure that is no cash, change or pre-authorisation, which
  // is right for the plainest slips (one item, one price).
  const plain = money.filter((a) => {
    const f = lines[a.line]?.folded ?? '';
    return (
      !CASH.test(f) && !CHANGE.test(f) && !PREAUTH.test(f) && !DISCOUNT.test(f) && !TAX.test(f)
    );
  });
  const largest = [...plain].sort(
    (a, b) => b.minor - a.minor || (counts.get(b.minor) ?? 0) - (counts.get(a.minor) ?? 0),
  )[0];
  if (largest)
    return {
      amount: largest,
      score: (counts.get(largest.minor) ?? 1) > 1 ? 2 : 1,
      cue: 'fallback',
    };
  return best ? { ...best, cue: 'fallback' } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  janvier: 1,
  feb: 2,
  februar: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  marz: 3,
  mrz: 3,
  apr: 4,
  april: 4,
  mai: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};
const MONTH_SRC = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

interface DateHit {
  line: number;
  start: number;
  end: number;
  iso: string;
  /** Printed with a time of day next to it: a transaction stamp. */
  timed: boolean;
  /** Read through an OCR slip: the user is asked to check it. */
  damaged?: boolean;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

const DATE_PATTERNS: Array<{ re: RegExp; read(m: RegExpExecArray): string | undefined }> = [
  {
    // 2026-11-24, 2026.07.31, 2026/11/24
    re: /(?<![\d.,/-])(20\d{2})\s?([-./])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?![\d]|[.,/]\d)/g,
    read: (m) => isoDate(Number(m[1]), Number(m[3]), Number(m[4])),
  },
  {
    // 24.11.2026, 24.11.26, 22/04/2018, 26-05-2018, 9/3/2018; month first only when the day cannot be one.
    re: /(?<![\d.,/-])(\d{1,2})\s?([-./])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d]|[.,/]\d)/g,
    read: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = fullYear(m[4] ?? '');
      return isoDate(year, b, a) ?? (a <= 12 && b > 12 ? isoDate(year, a, b) : undefined);
    },
  },
  {
    // 24. nov. 2026, 24 Nov 2026, 05 MAY 18, 15-JAN-2018
    re: new RegExp(
      `(?<![\\d])(\\d{1,2})\\.?[\\s-]*(${MONTH_SRC})[a-z]*\\.?[\\s,-]*(\\d{4}|\\d{2})(?![\\d])`,
      'g',
    ),
    read: (m) => isoDate(fullYear(m[3] ?? ''), MONTHS[m[2] ?? ''] ?? 0, Number(m[1])),
  },
  {
    // Nov 24, 2026
    re: new RegExp(`(?<![a-z])(${MONTH_SRC})[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?![\\d])`, 'g'),
    read: (m) => isoDate(Number(m[3]), MONTHS[m[1] ?? ''] ?? 0, Number(m[2])),
  },
];

const TIME_NEAR = /(?:^|\D)(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d)?(?!\d)|kl\.?\s*\d/;

/**
 * On a line labelled as a date ("Dato:", "Kjøpt", "Date"), OCR that lost a separator still
 * leaves a date: "19 03 2025", "11.10 26", "11.1026".
 */
const LOOSE_DATES = [
  {
    re: /(?<![\d.,/-])(\d{1,2})\s?[./ -]\s?(\d{1,2})\s?[./ -]?\s?(20\d{2}|\d{2})(?![\d]|[.,/]\d|[a-z])/g,
    read: (m: RegExpExecArray) => isoDate(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1])),
  },
  {
    // "131125", "13112025": every separator lost.
    re: /(?<![\d.,/-])(\d{2})(\d{2})(20\d{2}|\d{2})(?![\d]|[.,/]\d)/g,
    read: (m: RegExpExecArray) => isoDate(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1])),
  },
];

/**
 * Dates OCR damaged, looked for only when no date reads cleanly: every separator lost
 * ("21032018"), or a 0 read as 8 ("17/83/2817"), the commonest digit slip in print.
 */
const DAMAGED_DATES = [
  {
    re: /(?<![\d.,/-])(\d{2})(\d{2})(20\d{2})(?![\d]|[.,/]\d)/g,
    read: (m: RegExpExecArray) => isoDate(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    re: /(?<![\d.,/-])(\d{1,2})([./-])(\d{2})\2(\d{4})(?![\d]|[.,/]\d)/g,
    read: (m: RegExpExecArray) => {
      const month = (m[3] ?? '').replace(/^8/, '0');
      const year = (m[4] ?? '').replace(/^28/, '20');
      if (month === m[3] && year === m[4]) return undefined;
      return isoDate(Number(year), Number(month), Number(m[1]));
    },
  },
];

function findDamagedDates(line: Line, today: string): DateHit[] {
  const hits: DateHit[] = [];
  const latest = addDays(today, 1);
  for (const { re, read } of DAMAGED_DATES) {
    for (const m of line.folded.matchAll(re)) {
      const iso = read(m);
      if (!iso || iso < '2000-01-01' || iso > latest) continue;
      hits.push({
        line: line.index,
        start: m.index,
        end: m.index + m[0].length,
        iso,
        timed: false,
        damaged: true,
      });
    }
  }
  return hits;
}

/** Letters OCR reads for digits inside a figure: "202s" is 2025, "1O.03" is 10.03. */
const DIGIT_LOOKALIKES: Record<string, string> = { s: '5', o: '0', l: '1', i: '1', b: '8', z: '2' };

function findDates(line: Line, today: string): DateHit[] {
  const hits = findCleanDates(line, today);
  if (hits.length > 0 || !DATE_LABEL.test(line.folded)) return hits;
  // A line labelled as a date with none on it: read its figures with the letters OCR put in them.
  const repaired = line.folded.replace(
    /(?<=\d)[solibz]|[solibz](?=\d)/g,
    (c) => DIGIT_LOOKALIKES[c] ?? c,
  );
  if (repaired === line.folded) return hits;
  return findCleanDates({ ...line, folded: repaired }, today).map((h) => ({ ...h, damaged: true }));
}

function findCleanDates(line: Line, today: string): DateHit[] {
  const hits: DateHit[] = [];
  const latest = addDays(today, 1);
  const patterns = DATE_LABEL.test(line.folded)
    ? [...DATE_PATTERNS, ...LOOSE_DATES]
    : DATE_PATTERNS;
  for (const { re, read } of patterns) {
    for (const m of line.folded.matchAll(re)) {
      const iso = read(m);
      if (!iso || iso < '2000-01-01' || iso > latest) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => h.start < end && h.end > start)) continue;
      const rest = line.folded.slice(0, start) + ' '.repeat(end - start) + line.folded.slice(end);
      hits.push({ line: line.index, start, end, iso, timed: TIME_NEAR.test(rest) });
    }
  }
  return hits;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DATE_LABEL = stems(
  'dato',
  'date',
  'datum',
  'data',
  'tarikh',
  'kjopt',
  'kjopsdato',
  'betalingsdato',
  'purchase',
  'transaksjon',
  'salgsdato',
  'fakturadato',
  'invoice date',
  'bill date',
  'avgang',
  'departure',
  'abfahrt',
  'utstedt',
  'issued',
);
const NOT_PURCHASE_DATE = stems(
  'utlop',
  'utloper',
  'expir',
  'exp\\.?(?![a-z])',
  'gyldig',
  'valid',
  'haltbar',
  'bytte',
  'retur',
  'innen',
  'forfall',
  'due date',
  'born',
  'fodt',
  'ankomst',
  'arrival',
  'check-?in',
  'innsjekk',
  'fra dato',
  'from',
  'seit',
  'member since',
  'medlem',
);

function pickDate(
  lines: Line[],
  dates: DateHit[],
): { iso: string; score: number; line: number; damaged?: boolean } | undefined {
  if (dates.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d.iso, (counts.get(d.iso) ?? 0) + 1);
  let best: { iso: string; score: number; line: number; damaged?: boolean } | undefined;
  for (const d of dates) {
    const f = lines[d.line]?.folded ?? '';
    let score = 2;
    if (DATE_LABEL.test(f)) score += 2;
    if (d.timed) score += 1;
    if (NOT_PURCHASE_DATE.test(f)) score -= 4;
    score += Math.min(2, ((counts.get(d.iso) ?? 1) - 1) * 0.75);
    if (d.line < lines.length * 0.6) score += 0.5;
    if (!best || score > best.score || (score === best.score && d.line < best.line))
      best = { iso: d.iso, score, line: d.line, ...(d.damaged ? { damaged: true } : {}) };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Currency

type CurrencyVote = Currency | 'foreign';

const CURRENCY_CUES: Array<{
  re: RegExp;
  currency: CurrencyVote;
  weight: number;
  explicit?: boolean;
}> = [
  { re: /(?:^|[^a-z])nok(?![a-z])/g, currency: 'NOK', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])sek(?![a-z])/g, currency: 'SEK', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])dkk(?![a-z])/g, currency: 'DKK', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])eur(?:o|os)?(?![a-z])/g, currency: 'EUR', weight: 3, explicit: true },
  // Symbols are weaker than codes: OCR makes € of @ and $ of S.
  { re: /€/g, currency: 'EUR', weight: 2, explicit: true },
  { re: /(?:^|[^a-z])usd(?![a-z])|us\$/g, currency: 'USD', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])gbp(?![a-z])/g, currency: 'GBP', weight: 3, explicit: true },
  { re: /£/g, currency: 'GBP', weight: 2, explicit: true },
  { re: /(?:^|[^a-z])chf(?![a-z])/g, currency: 'CHF', weight: 3, explicit: true },
  { re: /(?:^|[^a-z])pln(?![a-z])|zl(?![a-z])/g, currency: 'PLN', weight: 3, explicit: true },
  // Currencies outside the form's list: the field stays empty rather than wrong.
  {
    re: /(?:^|[^a-z])(?:rm|myr|ringgit)\s?\d|(?:^|[^a-z])(?:rm|myr)(?![a-z])/g,
    currency: 'foreign',
    weight: 3,
    explicit: true,
  },
  {
    re: /(?:^|[^a-z])(?:sdn\.? ?bhd|bhd|s\/b|gst|jalan|jln|selangor|kuala lumpur|malaysia|singapore)(?![a-z])/g,
    currency: 'foreign',
    weight: 2,
  },
  // "kr" and ",-" are kroner; the language around them says whose.
  { re: /(?:^|[^a-z])kr\.?(?![a-z])/g, currency: 'NOK', weight: 1 },
  // "120,-" is Norwegian; Swedes write "120:-".
  { re: /\d,-/g, currency: 'NOK', weight: 2 },
  { re: /\d:-/g, currency: 'SEK', weight: 2 },
  {
    re: /(?:^|[^a-z])(?:mva|org\.? ?nr|orgnr|foretaksregisteret|foretaksnr|bankaxept|vipps|kvittering|totalt|a betale|takk for|belop|herav|kjop|parkering|ferje|bompenger)(?![a-z])/g,
    currency: 'NOK',
    weight: 1,
  },
  {
    re: /(?:^|[^a-z])(?:moms|kvitto|att betala|summa|swish|tack for|godkant|belopp|kassa)(?![a-z])|org\.? ?nr:? ?5\d{5}-\d{4}/g,
    currency: 'SEK',
    weight: 1,
  },
  { re: /(?:^|[^a-z])(?:cvr|mobilepay|i alt|belob|danmark)(?![a-z])/g, currency: 'DKK', weight: 1 },
  {
    re: /(?:^|[^a-z])(?:mwst|ust|ust-idnr|steuer|summe|gesamt|quittung|kassenbon|bon-nr|gegeben|ruckgeld|gmbh|strasse|vielen dank|tva|iva|deutschland|danke)(?![a-z])/g,
    currency: 'EUR',
    weight: 1,
  },
];

/**
 * The currency the slip is in. `totalLine` is the line the total was read from: a code or
 * symbol there says most, since it is printed on the amount the card will show.
 */
function pickCurrency(
  folded: string,
  totalLine?: string,
): { currency: Currency; confidence: number } | undefined {
  const votes = new Map<CurrencyVote, number>();
  const explicit = new Map<CurrencyVote, number>();
  for (const cue of CURRENCY_CUES) {
    const n = Math.min(4, [...folded.matchAll(cue.re)].length);
    if (!n) continue;
    votes.set(cue.currency, (votes.get(cue.currency) ?? 0) + n * cue.weight);
    if (cue.explicit) explicit.set(cue.currency, (explicit.get(cue.currency) ?? 0) + n);
    if (cue.explicit && totalLine && ((cue.re.lastIndex = 0), cue.re.test(totalLine)))
      votes.set(cue.currency, (votes.get(cue.currency) ?? 0) + 4);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[0] === 'foreign' || top[1] < 2) return undefined;
  const margin = top[1] - (second?.[1] ?? 0);
  const base = explicit.has(top[0]) ? 0.9 : 0.65;
  return {
    currency: top[0],
    confidence: Math.max(
      0.3,
      Math.min(0.98, base + Math.min(0.08, margin * 0.01) - (margin < 2 ? 0.25 : 0)),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// VAT

interface VatPick {
  minor?: number;
  rate?: number;
  amountConfidence: number;
  rateConfidence: number;
}

const VAT_WORD = stems(
  'mva',
  'moms',
  'mwst',
  'ust',
  'vat',
  'gst',
  'tax',
  'steuer',
  'merverdiavgift',
  'tva',
  'iva',
  'sst',
  '(?:herav|hvorav|inkl\\.?)mva',
);
const RATE = /(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%/g;
const PLAUSIBLE_RATES = new Set([0, 5, 6, 7, 8, 10, 12, 15, 19, 20, 21, 24, 25]);
const BASE_HEADER = stems(
  'grunnlag',
  'netto',
  'net',
  'basis',
  'excl',
  'ekskl',
  'exkl',
  'amount',
  'belop',
  'underlag',
);

function ratesIn(text: string): number[] {
  const rates: number[] = [];
  for (const m of text.matchAll(RATE)) {
    const r = Number((m[1] ?? '').replace(',', '.'));
    if (PLAUSIBLE_RATES.has(r)) rates.push(r);
  }
  return rates;
}

function near(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance;
}

/**
 * The VAT on the receipt: a "herav MVA 12 % 231,43" line, or a table of rate, base, VAT and
 * gross. Amounts are checked against each other: VAT is rate × base, base + VAT is the gross,
 * and the gross is the total.
 */
function pickVat(
  lines: Line[],
  amounts: Amount[][],
  totalMinor: number | undefined,
): VatPick | undefined {
  const found: Array<{ rate?: number; minor: number; sure: boolean }> = [];
  const allRates = new Set<number>();
  // Rows under a table header ("Sats  Grunnlag  Mva  Inkl. mva") carry no VAT word themselves.
  let tableRows = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const f = line.folded;
    const isHeader =
      VAT_WORD.test(f) &&
      (BASE_HEADER.test(f) || /%|sats|rate|satz/.test(f)) &&
      (amounts[i] ?? []).length === 0;
    const header = tableRows > 0;
    tableRows = isHeader ? 4 : header && (amounts[i] ?? []).length > 0 ? tableRows - 1 : 0;
    const rates = ratesIn(f);
    const money = (amounts[i] ?? []).filter((a) => !a.measure && !a.negative);
    // Percentages written as "12,00 %" are amounts to the figure pattern; drop them.
    const values = money.filter((a) => !/^\s?%/.test(f.slice(a.end))).map((a) => a.minor);
    const rate = rates.length === 1 ? rates[0] : undefined;
    // A row of a VAT table whose heading OCR lost or that has none ("25 %  407,20  101,80  509,00"):
    // base, VAT and gross that agree with its rate say what it is.
    const provesItself =
      rate !== undefined &&
      rate > 0 &&
      values.length >= 3 &&
      values.some((base) =>
        values.some(
          (vat) =>
            vat < base &&
            near((base * rate) / 100, vat, Math.max(2, base * 0.002)) &&
            values.some((gross) => near(base + vat, gross, 1)),
        ),
      );
    if (!VAT_WORD.test(f) && !header && !provesItself) continue;
    for (const r of rates) allRates.add(r);
    if (values.length === 0) {
      const zero = /(?:mva|vat|moms|mwst)\s*:?\s*0[.,]00|0[.,]00\s*(?:kr|nok)?\s*(?:mva|vat)/.test(
        f,
      );
      if (zero) found.push({ rate: rates[0] ?? 0, minor: 0, sure: true });
      // "herav mva 12 %  23143": OCR lost the decimal comma, but the rate's share of the total
      // tells the figure it was.
      const share =
        totalMinor !== undefined && rate !== undefined && rate > 0
          ? (totalMinor * rate) / (100 + rate)
          : undefined;
      const bare =
        share === undefined
          ? undefined
          : [...f.matchAll(/(?<![\d.,])\d{3,7}(?![\d.,%])/g)]
              .map((m) => Number(m[0]))
              .find((n) => near(n, share, 1));
      if (!zero && bare !== undefined && rate !== undefined)
        found.push({ rate, minor: bare, sure: true });
      continue;
    }
    // rate × base = VAT among the figures of one row: the strongest evidence there is.
    let chosen: { minor: number; sure: boolean } | undefined;
    if (rate !== undefined && rate > 0) {
      for (const base of values) {
        for (const vat of values) {
          if (vat < base && near((base * rate) / 100, vat, Math.max(2, base * 0.002)))
            chosen = { minor: vat, sure: true };
          else if (vat < base && near((base * rate) / (100 + rate), vat, Math.max(2, base * 0.002)))
            chosen ??= { minor: vat, sure: true };
        }
      }
    }
    if (!chosen && rate !== undefined && rate > 0) {
      // Base and gross that agree with the row's rate, the VAT between them misread ("220" for
      // 220,71): the VAT is their difference.
      for (const base of values) {
        for (const gross of values) {
          if (
            !chosen &&
            gross > base &&
            near((base * (100 + rate)) / 100, gross, Math.max(2, gross * 0.001))
          )
            chosen = { minor: gross - base, sure: true };
        }
      }
    }
    if (!chosen && values.length >= 3) {
      // base, VAT, gross: two that add up to the third.
      for (const a of values)
        for (const b of values)
          for (const c of values)
            if (a > b && near(a + b, c, 1) && !chosen) chosen = { minor: b, sure: true };
    }
    if (!chosen && totalMinor !== undefined) {
      // Base and VAT that add up to the total.
      for (const a of values)
        for (const b of values)
          if (a < b && near(a + b, totalMinor, 1)) chosen ??= { minor: a, sure: true };
    }
    if (!chosen && totalMinor !== undefined && rate !== undefined && rate > 0) {
      const expected = (totalMinor * rate) / (100 + rate);
      const match = values.find((v) => near(v, expected, Math.max(3, expected * 0.01)));
      if (match !== undefined) chosen = { minor: match, sure: true };
    }
    if (
      !chosen &&
      values.length === 1 &&
      VAT_WORD.test(f) &&
      !SUBTOTAL.test(f) &&
      values[0] !== totalMinor
    ) {
      chosen = { minor: values[0] as number, sure: false };
    }
    if (!chosen && values.length === 2 && header) {
      // A two-column row under a "base  VAT" header: the smaller is the VAT.
      chosen = { minor: Math.min(...values), sure: false };
    }
    let rowRate = rate;
    if (chosen && rowRate === undefined && chosen.minor > 0) {
      // No legible "%": the rate is what VAT over base comes to, if that is a rate in use.
      for (const base of values) {
        if (base <= chosen.minor) continue;
        const r = (100 * chosen.minor) / base;
        const match = [...PLAUSIBLE_RATES].find((p) => p > 0 && Math.abs(r - p) < 0.1);
        if (match !== undefined) {
          rowRate = match;
          allRates.add(match);
          break;
        }
      }
    }
    // No VAT rate in use here exceeds 25 %, so the VAT in a price is at most a fifth of it.
    const ceiling = totalMinor === undefined ? Infinity : totalMinor * 0.2 + 2;
    if (chosen && chosen.minor <= ceiling)
      found.push({ ...chosen, ...(rowRate !== undefined ? { rate: rowRate } : {}) });
  }
  if (found.length === 0 && allRates.size === 0) return undefined;
  // One VAT figure per rate; a receipt with several rates sums them and has no single rate.
  const byRate = new Map<string, { minor: number; sure: boolean }>();
  for (const f of found) {
    const key = f.rate === undefined ? '?' : String(f.rate);
    const had = byRate.get(key);
    if (!had || (f.sure && !had.sure)) byRate.set(key, f);
  }
  const rates = [...allRates].filter((r) => r > 0 || found.some((f) => f.minor === 0));
  const entries = [...byRate.entries()];
  const known = entries.filter(([k]) => k !== '?');
  const picked = known.length > 0 ? known : entries.slice(0, 1);
  const pick: VatPick = { amountConfidence: 0, rateConfidence: 0 };
  if (picked.length > 0) {
    pick.minor = picked.reduce((sum, [, v]) => sum + v.minor, 0);
    pick.amountConfidence = picked.every(([, v]) => v.sure) ? 0.85 : 0.55;
  }
  const distinct = [...new Set(rates)];
  if (distinct.length === 1) {
    pick.rate = distinct[0] as number;
    pick.rateConfidence = 0.85;
  } else if (distinct.length === 0 && pick.minor === 0) {
    pick.rate = 0;
    pick.rateConfidence = 0.7;
  }
  return pick;
}

// ---------------------------------------------------------------------------------------------
// Organisation number

/** Brønnøysund's modulus-11 check: weights 3 2 7 6 5 4 3 2 over the first eight digits. */
export function isValidOrgNo(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === Number(digits[8]);
}

const ORG_LABEL = stems(
  'org\\.?\\s?-?n',
  'orgnr',
  'organisasjonsn',
  'foretaksn',
  'foretaksreg',
  'mva-?n',
  'vat no',
  'vat reg',
);
const NINE_DIGITS = /(?<![\d])(?:no\s?)?(\d{3})[ .]?(\d{3})[ .]?(\d{3})(?![\d])/g;

function pickOrgNo(lines: Line[]): { orgNo: string; confidence: number } | undefined {
  let best: { orgNo: string; confidence: number } | undefined;
  for (const line of lines) {
    const f = line.folded;
    const labelled = ORG_LABEL.test(f);
    const mvaSuffix = /\d\s*mva(?![a-z])/.test(f);
    if (!labelled && !mvaSuffix) continue;
    for (const m of f.matchAll(NINE_DIGITS)) {
      const digits = `${m[1]}${m[2]}${m[3]}`;
      if (!isValidOrgNo(digits)) continue;
      const confidence =
        (labelled ? 0.95 : 0.8) *
        Math.max(0.6, spanConfidence(line, m.index, m.index + m[0].length));
      if (!best || confidence > best.confidence) best = { orgNo: digits, confidence };
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Merchant and kind

interface Brand {
  re: RegExp;
  /** The whole of a line (spaces removed) is the brand: the OCR split or misread its logo. */
  whole: RegExp;
  name: string;
  kind?: ExpenseKind;
}

/** What OCR makes of each character, so "Fjordt" still finds Fjord1 and "Ess0" Esso. */
const LOOKALIKES: Record<string, string> = {
  o: '[o0]',
  '0': '[0o]',
  l: '[l1i|]',
  i: '[il1|!]',
  '1': '[1lit|!]',
  s: '[s5]',
  '5': '[5s]',
  b: '[b8]',
  '8': '[8b]',
  ' ': '\\s?',
  '-': '[- ]?',
  '.': '\\.?',
};

/** An OCR-tolerant pattern for folded names, matched as whole words. */
function brand(names: string[], name: string, kind?: ExpenseKind): Brand {
  const pattern = (n: string) =>
    [...fold(n)].map((c) => LOOKALIKES[c] ?? c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('');
  const whole = new RegExp(`^(?:${names.map((n) => pattern(n.replace(/[\s-]/g, ''))).join('|')})$`);
  return { re: words(...names.map(pattern)), whole, name, ...(kind ? { kind } : {}) };
}

/**
 * Chains and operators a Norwegian business traveller meets, named as they brand themselves.
 * A match names the merchant even when the logo OCRs badly, and tells the kind of expense.
 * An empty name: the word says the kind but is no name to put on the card.
 */
const BRANDS: readonly Brand[] = [
  brand(['easypark', 'easy park'], 'EasyPark', 'parking'),
  brand(['apcoa'], 'Apcoa Parking', 'parking'),
  brand(['onepark'], 'Onepark', 'parking'),
  brand(['europark'], 'Europark', 'parking'),
  brand(['aimo park'], 'Aimo Park', 'parking'),
  brand(['q-park'], 'Q-Park', 'parking'),
  brand(
    ['bergen parkering', 'oslo parkering', 'trondheim parkering', 'stavanger parkering'],
    '',
    'parking',
  ),
  brand(['fjord1'], 'Fjord1', 'ferry'),
  brand(['basto fosen', 'basto'], 'Bastø Fosen', 'ferry'),
  brand(['torghatten'], 'Torghatten', 'ferry'),
  brand(['norled'], 'Norled', 'ferry'),
  brand(['boreal'], 'Boreal', 'ferry'),
  brand(['fosen namsos'], 'FosenNamsos', 'ferry'),
  brand(['color line'], 'Color Line', 'ferry'),
  brand(['fjord line'], 'Fjord Line', 'ferry'),
  brand(['hurtigruten', 'havila'], '', 'ferry'),
  brand(['autopass'], 'AutoPASS', 'toll'),
  brand(['fjellinjen'], 'Fjellinjen', 'toll'),
  brand(['ferde'], 'Ferde', 'toll'),
  brand(['vegamot'], 'Vegamot', 'toll'),
  brand(['vegfinans'], 'Vegfinans', 'toll'),
  brand(['bompengeselskap', 'bomvegselskap', 'bompenger'], '', 'toll'),
  brand(['norgestaxi', 'norges taxi'], 'Norgestaxi', 'taxi'),
  brand(['oslo taxi'], 'Oslo Taxi', 'taxi'),
  brand(['circle k'], 'Circle K', 'fuel'),
  brand(['uno-x'], 'Uno-X', 'fuel'),
  brand(['esso'], 'Esso', 'fuel'),
  brand(['shell'], 'Shell', 'fuel'),
  brand(['yx'], 'YX', 'fuel'),
  brand(['st1'], 'St1', 'fuel'),
  brand(['aral'], 'Aral', 'fuel'),
  brand(['preem'], 'Preem', 'fuel'),
  brand(['okq8'], 'OKQ8', 'fuel'),
  brand(
    ['tesla supercharger', 'ionity', 'mer lading', 'recharge', 'fortum charge', 'kempower'],
    '',
    'fuel',
  ),
  brand(['scandic'], 'Scandic', 'hotel'),
  brand(['thon hotel'], 'Thon Hotel', 'hotel'),
  brand(['radisson'], 'Radisson', 'hotel'),
  brand(
    [
      'clarion',
      'comfort hotel',
      'quality hotel',
      'nordic choice',
      'strawberry',
      'best western',
      'smarthotel',
      'citybox',
    ],
    '',
    'hotel',
  ),
  brand(['espresso house'], 'Espresso House', 'meal'),
  brand(['narvesen'], 'Narvesen', 'meal'),
  brand(['7-eleven'], '7-Eleven', 'meal'),
  brand(['deli de luca'], 'Deli de Luca', 'meal'),
  brand(
    [
      'burger king',
      "mcdonald's",
      'mcdonalds',
      'peppes',
      'starbucks',
      'max burgers',
      'joe & the juice',
      'kaffebrenneriet',
    ],
    '',
    'meal',
  ),
  brand(['vy', 'vy tog', 'nsb'], 'Vy', 'transport'),
  brand(['flytoget'], 'Flytoget', 'transport'),
  brand(['ruter'], 'Ruter', 'transport'),
  brand(['skyss'], 'Skyss', 'transport'),
  brand(['atb'], 'AtB', 'transport'),
  brand(
    ['kolumbus', 'brakar', 'kringom', 'go-ahead', 'flybussen', 'flybuss', 'sj ab'],
    '',
    'transport',
  ),
  brand(['sas', 'scandinavian airlines', 'norwegian air shuttle', 'wideroe'], '', 'transport'),
];

/**
 * Shops: groceries, pharmacies, hardware and electronics, at home and in the neighbouring
 * countries. Their names are also words ("Netto", "Kiwi", "Penny"), so they count only at the
 * head of a receipt, where the shop names itself.
 */
const SHOP_HEAD_LINES = 6;
const SHOPS: readonly Brand[] = [
  brand(['rema 1000'], 'Rema 1000'),
  brand(['kiwi'], 'Kiwi'),
  brand(['meny'], 'Meny'),
  brand(['coop extra', 'coop prix', 'coop mega', 'coop obs', 'obs bygg'], 'Coop'),
  brand(['joker'], 'Joker'),
  brand(['bunnpris'], 'Bunnpris'),
  brand(['europris'], 'Europris'),
  brand(['vinmonopolet'], 'Vinmonopolet'),
  brand(['apotek 1', 'apotek1'], 'Apotek 1'),
  brand(['vitusapotek'], 'Vitusapotek'),
  brand(['boots apotek'], 'Boots apotek'),
  brand(['clas ohlson'], 'Clas Ohlson'),
  brand(['elkjop'], 'Elkjøp'),
  brand(['biltema'], 'Biltema'),
  brand(['jernia'], 'Jernia'),
  brand(['ica'], 'ICA'),
  brand(['willys'], 'Willys'),
  brand(['hemkop'], 'Hemköp'),
  brand(['systembolaget'], 'Systembolaget'),
  brand(['aldi'], 'Aldi'),
  brand(['lidl'], 'Lidl'),
  brand(['rewe'], 'Rewe'),
  brand(['edeka'], 'Edeka'),
  brand(['kaufland'], 'Kaufland'),
  brand(['marktkauf'], 'Marktkauf'),
  brand(['netto'], 'Netto'),
  brand(['penny'], 'Penny'),
  brand(['rossmann'], 'Rossmann'),
  brand(['dm-drogerie', 'dm drogerie'], 'dm'),
  brand(['ikea'], 'IKEA'),
  brand(['bauhaus'], 'Bauhaus'),
  brand(['hornbach'], 'Hornbach'),
  brand(['media markt', 'mediamarkt'], 'MediaMarkt'),
];

/**
 * A logo OCR misread by one letter ("LeDL", "TKEA"): only a short line at the very top that is
 * nothing but the near-name, and only names of four letters or more, where one slip still leaves
 * the name recognisable.
 */
function nearBrand(lines: Line[]): FoundBrand | undefined {
  for (const line of lines.slice(0, 3)) {
    const bare = fold(cleanLine(line.text)).replace(/[^a-z0-9]/g, '');
    if (bare.length < 3 || bare.length > 12) continue;
    const brand = [...BRANDS, ...SHOPS].find(
      (b) =>
        b.name &&
        b.name.length >= 4 &&
        !/\s/.test(b.name) &&
        oneEditApart(bare, fold(b.name).replace(/[^a-z0-9]/g, '')),
    );
    if (brand) return { brand, line: line.index };
  }
  return undefined;
}

/** At most one letter inserted, dropped or changed. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}

/** Words that name a kind of expense on a receipt, folded; weight 2 is a clear cue, 1 a hint. */
const KIND_WORDS: Array<{ re: RegExp; kind: ExpenseKind; weight: number }> = [
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

const NOT_A_NAME = stems(
  'kvittering',
  'salgskvittering',
  'kvitto',
  'receipt',
  'quittung',
  'kassenbon',
  'kassabon',
  'bon',
  'tax invoice',
  'invoice',
  'faktura',
  'simplified',
  'velkommen',
  'welcome',
  'willkommen',
  'takk',
  'thank',
  'danke',
  'tel',
  'tlf',
  'telefon',
  'phone',
  'fax',
  'www',
  'http',
  'org',
  'foretak',
  'mva',
  'gst',
  'ust',
  'st-nr',
  'reg',
  'co\\.? ?no',
  'company no',
  'dato',
  'date',
  'datum',
  'kasse',
  'kassa',
  'bord',
  'copy',
  'kopi',
  'original',
  'ordre',
  'order',
  'ordrenummer',
  'kundenr',
  'kvitteringsnr',
  'nr\\.',
  'side \\d',
  'apningstid',
  'offnungszeit',
  'opening hours',
  'oppettider',
  'salg',
  'kjop',
  'loyvehaver',
  'drosjeeier',
  'sjafor',
  'inhaber',
  'proprietor',
  'betjent',
  'cashier',
  'kasserer',
  'served',
);
/** A street address or a postcode with a town. */
const ADDRESS = new RegExp(
  [
    '(?:gate|gata|gaten|veien|vegen|vei|veg|plass|plassen|allé|alle|bryggen|torget|kaia|straße|strasse|str\\.|weg|platz|road|rd\\.|street|st\\.|jalan|jln|lorong|taman|avenue|ave\\.|boulevard|gatan|vagen|torg)\\s*\\d',
    '(?:^|\\s)\\d{4,5}\\s+\\p{L}{3,}',
    '\\d+\\s*,\\s*jalan',
    '^\\s*(?:no|lot|unit)\\.?\\s*\\d',
    // Malaysian addresses name the road and the estate without a number on the same line.
    '(?:^|\\s)(?:jalan|jln|lorong|taman|persiaran|lebuh|bandar|kawasan|seksyen)\\s',
  ].join('|'),
  'iu',
);
const LEGAL_SUFFIX =
  /\b(?:as|asa|ab|a\/s|aps|gmbh|ag|kg|ug|ltd|limited|inc|llc|sdn\.? bhd|bhd|s\/b|plc|oy|sa|srl|bv|nv)\b\.?/i;

function cleanLine(text: string): string {
  // A logo in spaced capitals ("A L D I", "AL DI") reads as letters with gaps between them.
  const tokens = text.trim().split(/\s+/);
  if (
    tokens.length >= 2 &&
    tokens.every((w) => /^\p{Lu}{1,2}$/u.test(w)) &&
    tokens.join('').length >= 3
  )
    return tokens.join('');
  let t = text.replace(/\s{3,}.*$/, (rest) =>
    /[\p{L}]{3,}/u.test(rest) && !/[\p{L}]{3,}/u.test(text.slice(0, text.length - rest.length))
      ? rest
      : '',
  );
  // Edge noise: single characters and symbols the paper's border leaves at either end of a line.
  t = t.replace(/^(?:\s*(?:[^\p{L}\p{N}\s]+|\p{L}|\d)(?=\s))+\s*/u, '');
  t = t.replace(/(?:\s+(?:[^\p{L}\p{N}\s]+|\p{L}|\d))+\s*$/u, '');
  t = t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}).]+$/gu, '');
  return t.replace(/\s+/g, ' ').trim();
}

function isNameLike(text: string): boolean {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const digits = (text.match(/\d/g) ?? []).length;
  if (letters < 2 || digits > letters) return false;
  if (letters / text.replace(/\s/g, '').length < 0.6) return false;
  // OCR garbage: many one- and two-letter fragments.
  const tokens = text.split(/\s+/);
  const tiny = tokens.filter((t) => t.replace(/[^\p{L}]/gu, '').length <= 2).length;
  return !(tokens.length >= 3 && tiny / tokens.length > 0.5);
}

/** "UNO-X NORGE AS" → "Uno-X Norge AS"; names printed in capitals are shouting, not spelling. */
function tidyName(text: string): string {
  let name = text
    .replace(/\s*\((?:[\dA-Z-]{4,}|m|kl|pj)\)\s*/gi, ' ')
    .replace(/\s+[-–|·:]\s+.*$/, '')
    .trim();
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length > 3 && letters === letters.toUpperCase()) {
    name = name
      .toLowerCase()
      .replace(/(^|[\s\-/&(.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
      .replace(LEGAL_SUFFIX, (s) => s.toUpperCase().replace('SDN BHD', 'Sdn Bhd'));
  }
  return name.slice(0, 200);
}

/** "Storgata 6", "Goethestraße 60": a street and a house number, whatever the street is called. */
const STREET_LINE = /^\p{L}[\p{L} .'’-]*\s\d{1,4}\s?[a-z]?$/iu;

function pickMerchant(
  lines: Line[],
  amounts: Amount[][],
  brand: FoundBrand | undefined,
): { name: string; confidence: number } | undefined {
  const top = lines.slice(0, Math.min(lines.length, 10));
  let best: { name: string; text: string; score: number } | undefined;
  const showsBrand = (text: string) =>
    Boolean(brand?.brand.name && brand.brand.re.test(fold(text)));
  top.forEach((line, position) => {
    const text = cleanLine(line.text);
    const f = fold(text);
    if (
      !text ||
      !isNameLike(text) ||
      NOT_A_NAME.test(f) ||
      ADDRESS.test(text) ||
      STREET_LINE.test(text)
    )
      return;
    // A column heading: "EUR", "NOK", "Beløp".
    if (
      CURRENCIES.some((c) => c.toLowerCase() === f) ||
      /^(?:kr|belop|betrag|amount|pris|price|preis)$/.test(f)
    )
      return;
    // A line with a price on it is an item, a total or a payment.
    if ((amounts[line.index] ?? []).some((a) => !a.measure)) return;
    if (/^\d|:\s*\d/.test(text) && !LEGAL_SUFFIX.test(text)) return;
    let score = 4 - position * 0.6;
    if (LEGAL_SUFFIX.test(text)) score += 1;
    if (line.size >= 1.3) score += 1.5;
    if (showsBrand(text)) score += 2;
    if (text.length > 45) score -= 2;
    // Names are printed capitalised; a lower-case scrap at the top is a logo OCR made words of.
    if (!/\p{Lu}/u.test(text)) score -= 1.5;
    score += (line.confidence - 0.7) * 3;
    if (line.confidence < 0.5) score -= 1.5;
    if (!best || score > best.score) best = { name: tidyName(text), text, score };
  });
  const found = brand?.brand;
  if (best && found?.name) {
    // The line is the brand and nothing else: its own spelling beats the OCR's reading of a logo.
    const bare = fold(best.text.replace(LEGAL_SUFFIX, '')).replace(/[\s-]/g, '');
    if (found.whole.test(bare)) return { name: found.name, confidence: 0.9 };
  }
  if (found?.name && brand && (!best || !showsBrand(best.text))) {
    // The logo did not OCR, or OCRed as noise; the brand printed further down names the shop.
    if (!best || best.score < 3 || brand.line < 4) return { name: found.name, confidence: 0.7 };
  }
  if (!best) return undefined;
  return { name: best.name, confidence: Math.max(0.3, Math.min(0.9, 0.45 + best.score * 0.08)) };
}

interface FoundBrand {
  brand: Brand;
  line: number;
}

function findBrand(lines: Line[]): FoundBrand | undefined {
  for (const line of lines) {
    for (const brand of BRANDS) {
      if (brand.re.test(line.folded)) return { brand, line: line.index };
    }
  }
  for (const line of lines.slice(0, SHOP_HEAD_LINES)) {
    const shop = SHOPS.find((b) => b.re.test(line.folded));
    if (shop) return { brand: shop, line: line.index };
  }
  return nearBrand(lines);
}

function pickKind(
  lines: Line[],
  merchant: string | undefined,
): { kind: ExpenseKind; confidence: number } {
  const scores = new Map<ExpenseKind, number>();
  const add = (kind: ExpenseKind, weight: number) =>
    scores.set(kind, (scores.get(kind) ?? 0) + weight);
  for (const line of lines) {
    const headerWeight = line.index < 4 ? 2 : 1;
    for (const brand of BRANDS)
      if (brand.kind && brand.re.test(line.folded)) add(brand.kind, 3 * headerWeight);
    for (const cue of KIND_WORDS) {
      if (cue.re.test(line.folded)) add(cue.kind, cue.weight * headerWeight);
    }
  }
  if (merchant) {
    const fromName = detectKind(merchant);
    if (fromName && fromName !== 'other') add(fromName, 3);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 2) return { kind: 'other', confidence: 0.4 };
  const margin = top[1] - (second?.[1] ?? 0);
  return {
    kind: top[0],
    confidence: Math.max(0.4, Math.min(0.95, 0.5 + margin * 0.06 + top[1] * 0.02)),
  };
}

// ---------------------------------------------------------------------------------------------
// The receipt

const RECEIPT_CUES = stems(
  'total',
  'sum',
  'belop',
  'betalt',
  'a betale',
  'kvittering',
  'kvitto',
  'receipt',
  'quittung',
  'kassenbon',
  'bon',
  'mva',
  'moms',
  'mwst',
  'vat',
  'gst',
  'cash',
  'kontant',
  'bankaxept',
  'visa',
  'mastercard',
  'change',
  'invoice',
  'faktura',
  'org\\.? ?nr',
  'foretaks',
  'zahlen',
  'bargeld',
  'beleg',
  'kasse',
  'artikel',
  'eur',
  'nok',
  'sek',
  'kr',
  'rm',
);

const EMPTY_CONFIDENCE: ReceiptFields['confidence'] = {
  kind: 0,
  merchant: 0,
  orgNo: 0,
  date: 0,
  total: 0,
  currency: 0,
  vat: 0,
  vatRate: 0,
};

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface ParseDetails {
  fields: ReceiptFields;
  /** Which input lines (`opts.lines` indices, or text line numbers) the total and date were read from. */
  sources: { total?: number; date?: number };
}

/**
 * Reads a receipt's OCR text. Returns kind `not_receipt` (and no other fields) when the text has
 * no amounts and nothing that looks like a receipt: a photo of a whiteboard, a cat, a screenshot.
 */
export function parseReceipt(text: string, opts: ParseOptions = {}): ReceiptFields {
  return parseReceiptDetailed(text, opts).fields;
}

/** The figures and dates on one line of text, for a second, closer reading of a line. */
export function readLine(
  text: string,
  today: string = todayIso(),
): { amounts: number[]; dates: string[] } {
  const [line] = prepareLines(text.replace(/\r?\n/g, ' '), undefined);
  if (!line) return { amounts: [], dates: [] };
  return {
    amounts: findAmounts(line)
      .filter((a) => !a.measure && !a.negative)
      .map((a) => a.minor),
    dates: findDates(line, today)
      .sort((a, b) => a.start - b.start)
      .map((d) => d.iso),
  };
}

/** A line that holds, or is labelled as holding, a date, whether or not it reads as a valid one. */
export function looksLikeDateLine(text: string): boolean {
  const f = fold(text);
  return (
    (DATE_LABEL.test(f) && /\d{4,}|\d{1,2}\D{1,2}\d{1,2}\D{1,2}\d{2}/.test(f)) ||
    /(?<!\d)\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}(?!\d)/.test(f)
  );
}

export function parseReceiptDetailed(text: string, opts: ParseOptions = {}): ParseDetails {
  const today = opts.today ?? todayIso();
  const lines = prepareLines(text, opts.lines);
  const amounts = lines.map(findAmounts);
  const money = amounts.flat().filter((a) => !a.measure && !a.negative && a.minor > 0);
  const cues = lines.filter((l) => RECEIPT_CUES.test(l.folded)).length;

  const total = pickTotal(lines, amounts);
  const labelled = total && total.cue !== 'fallback';
  // A slip full of prices is a receipt even when OCR garbled every label on it.
  if (!labelled && (money.length === 0 || (money.length < 3 && cues === 0))) {
    const confidence = lines.length === 0 ? 0.9 : money.length === 0 ? 0.8 : 0.6;
    return {
      fields: { kind: 'not_receipt', confidence: { ...EMPTY_CONFIDENCE, kind: confidence } },
      sources: {},
    };
  }

  const fields: ReceiptFields = { kind: 'other', confidence: { ...EMPTY_CONFIDENCE } };
  const sources: ParseDetails['sources'] = {};
  if (total) {
    const line = lines[total.amount.line] as Line;
    const ocr = spanConfidence(line, total.amount.start, total.amount.end);
    const cue = { final: 0.95, total: 0.88, payment: 0.75, fallback: 0.4 }[total.cue];
    const support = Math.min(0.05, Math.max(0, total.score - 10) * 0.01);
    fields.totalMinor = total.amount.minor;
    sources.total = line.source;
    fields.confidence.total = round(
      Math.min(total.repaired ? 0.5 : 0.98, (cue + support) * (0.55 + 0.45 * ocr)),
    );
  }

  const clean = lines.flatMap((l) => findDates(l, today));
  const date = pickDate(
    lines,
    clean.length > 0 ? clean : lines.flatMap((l) => findDamagedDates(l, today)),
  );
  if (date) {
    fields.date = date.iso;
    sources.date = (lines[date.line] as Line).source;
    fields.confidence.date = round(
      Math.max(0.3, Math.min(date.damaged ? 0.5 : 0.95, 0.35 + date.score * 0.1)),
    );
  }

  const folded = lines.map((l) => l.folded).join('\n');
  const currency = pickCurrency(folded, total ? lines[total.amount.line]?.folded : undefined);
  if (currency) {
    fields.currency = currency.currency;
    fields.confidence.currency = round(currency.confidence);
  }

  const vat = pickVat(lines, amounts, fields.totalMinor);
  if (vat?.minor !== undefined) {
    fields.vatMinor = vat.minor;
    fields.confidence.vat = round(vat.amountConfidence);
  }
  if (vat?.rate !== undefined) {
    fields.vatRate = vat.rate;
    fields.confidence.vatRate = round(vat.rateConfidence);
  }

  const orgNo = pickOrgNo(lines);
  if (orgNo) {
    fields.orgNo = orgNo.orgNo;
    fields.confidence.orgNo = round(orgNo.confidence);
  }

  const brand = findBrand(lines);
  const merchant = pickMerchant(lines, amounts, brand);
  if (merchant) {
    fields.merchant = merchant.name;
    fields.confidence.merchant = round(merchant.confidence);
  }

  const kind = pickKind(lines, fields.merchant);
  fields.kind = kind.kind as ReceiptKind;
  fields.confidence.kind = round(kind.confidence);
  return { fields, sources };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
