/**
 * Reads the fields that matter off a receipt's OCR text: what was paid, when, in which currency,
 * the VAT, who was paid and for what kind of expense. Pure: text in, fields out, so it is tested
 * with receipts typed by hand, and so a better OCR engine can be put in front of it unchanged.
 *
 * OCR text of a phone photo is noisy: stray characters along the paper's edge, a comma read as a
 * full stop, an amount drifting away from its label. So nothing here trusts one cue alone, and
 * each field carries a confidence from how clear its cue was and how sure the OCR was of the
 * characters, so the card can ask the user to check the shaky ones.
 *
 * One module per field (total, date, currency, vat, org-number, merchant, kind) over the shared
 * tokenizer (lines) and the amount and date lexing; this module composes them.
 */
import { foldInPlace } from '../../text/fold.js';
import { stems } from '../../text/keywords.js';
import { emptyReading, zeroConfidence } from '../../claims/receipt-reading.js';
import type { ReceiptFields } from '../receipt-fields.js';
import { findAmounts, type Amount } from './amounts.js';
import { findBrand } from './brands.js';
import { pickCurrency } from './currency.js';
import { DATE_LABEL, findDates } from './date-lexing.js';
import { pickDate } from './date.js';
import { pickKind } from './kind.js';
import { prepareLines, spanConfidence, type Line, type OcrLineInput } from './lines.js';
import { pickMerchant } from './merchant.js';
import { pickOrgNo } from './org-number.js';
import { pickTotal, type TotalPick } from './total.js';
import { pickVat } from './vat.js';

export { isValidOrgNo } from './org-number.js';
export type { OcrLineInput, OcrWordInput } from './lines.js';

export interface ParseOptions {
  /** YYYY-MM-DD; dates after it (plus a day for time zones) are misreadings. Default: now. */
  today?: string;
  /** Lines with word confidences, when the OCR engine gives them; `text` is then their join. */
  lines?: OcrLineInput[];
}

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

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Fields the receipt itself vouches for: its own arithmetic, or a check digit. */
export type Confirmations = Partial<
  Record<'total' | 'vat' | 'vatRate' | 'orgNo', 'arithmetic' | 'checksum'>
>;

export interface ParseDetails {
  fields: ReceiptFields;
  /**
   * Which input lines (`opts.lines` indices, or text line numbers) the total and date were read
   * from, and the merchant's name (none when a chain's own spelling replaced the reading).
   */
  sources: { total?: number; date?: number; merchant?: number[] };
  confirmed: Confirmations;
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
  const f = foldInPlace(text);
  return (
    (DATE_LABEL.test(f) && /\d{4,}|\d{1,2}\D{1,2}\d{1,2}\D{1,2}\d{2}/.test(f)) ||
    /(?<!\d)\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}(?!\d)/.test(f)
  );
}

/** A receipt's lines and their figures, as every field picker reads them. */
interface Reading {
  lines: Line[];
  amounts: Amount[][];
  fields: ReceiptFields;
  sources: ParseDetails['sources'];
  confirmed: Confirmations;
}

function readTotal(r: Reading, total: TotalPick | undefined): void {
  if (!total) return;
  const line = r.lines[total.amount.line] as Line;
  const ocr = spanConfidence(line, total.amount.start, total.amount.end);
  const cue = { final: 0.95, total: 0.88, payment: 0.75, fallback: 0.4 }[total.cue];
  const support = Math.min(0.05, Math.max(0, total.score - 10) * 0.01);
  r.fields.totalMinor = total.amount.minor;
  r.sources.total = line.source;
  const read = (cue + support) * (0.55 + 0.45 * ocr);
  // The slip's arithmetic vouches for the figure however faint it was; a figure it had to mend
  // is still worth a look.
  r.fields.confidence.total = round(
    total.repaired
      ? Math.min(0.5, read)
      : total.confirmed
        ? Math.max(0.9, read)
        : Math.min(0.98, read),
  );
  if (total.confirmed) r.confirmed.total = 'arithmetic';
}

function readDate(r: Reading, today: string): void {
  const date = pickDate(
    r.lines,
    r.lines.flatMap((l) => findDates(l, today)),
  );
  if (!date) return;
  r.fields.date = date.iso;
  r.sources.date = (r.lines[date.line] as Line).source;
  r.fields.confidence.date = round(
    Math.max(0.3, Math.min(date.damaged ? 0.5 : 0.95, 0.35 + date.score * 0.1)),
  );
}

function readCurrency(r: Reading, total: TotalPick | undefined): void {
  const folded = r.lines.map((l) => l.folded).join('\n');
  const currency = pickCurrency(folded, total ? r.lines[total.amount.line]?.folded : undefined);
  if (!currency) return;
  r.fields.currency = currency.currency;
  r.fields.confidence.currency = round(currency.confidence);
}

function readVat(r: Reading): void {
  const vat = pickVat(r.lines, r.amounts, r.fields.totalMinor);
  if (vat?.minor !== undefined) {
    r.fields.vatMinor = vat.minor;
    r.fields.confidence.vat = round(vat.amountConfidence);
    if (vat.confirmed) r.confirmed.vat = 'arithmetic';
  }
  if (vat?.rate !== undefined) {
    r.fields.vatRate = vat.rate;
    r.fields.confidence.vatRate = round(vat.rateConfidence);
    if (vat.confirmed && vat.rateConfidence >= 0.9) r.confirmed.vatRate = 'arithmetic';
  }
}

function readOrgNo(r: Reading): void {
  const orgNo = pickOrgNo(r.lines);
  if (!orgNo) return;
  r.fields.orgNo = orgNo.orgNo;
  r.fields.confidence.orgNo = round(orgNo.confidence);
  r.confirmed.orgNo = 'checksum';
}

function readMerchantAndKind(r: Reading): void {
  const merchant = pickMerchant(r.lines, r.amounts, findBrand(r.lines));
  if (merchant) {
    r.fields.merchant = merchant.name;
    r.fields.confidence.merchant = round(merchant.confidence);
    if (merchant.lines) r.sources.merchant = merchant.lines;
  }
  const kind = pickKind(r.lines, r.fields.merchant);
  r.fields.kind = kind.kind;
  r.fields.confidence.kind = round(kind.confidence);
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
      fields: { kind: 'not_receipt', confidence: { ...zeroConfidence(), kind: confidence } },
      sources: {},
      confirmed: {},
    };
  }

  const r: Reading = {
    lines,
    amounts,
    fields: emptyReading('other'),
    sources: {},
    confirmed: {},
  };
  readTotal(r, total);
  readDate(r, today);
  readCurrency(r, total);
  readVat(r);
  readOrgNo(r);
  readMerchantAndKind(r);
  return { fields: r.fields, sources: r.sources, confirmed: r.confirmed };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
