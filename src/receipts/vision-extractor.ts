/**
 * The optional second reader: a vision language model (any server speaking the OpenAI
 * chat-completions API) reads the photo alongside the offline OCR, and the two answers are
 * merged field by field. The model only ever adds to the offline result: if it is slow,
 * down or talks nonsense, the user gets the OCR fields exactly as without it.
 */
import type OpenAI from 'openai';
import { createModelClient } from '../model-client.js';
import sharp from 'sharp';
import { CURRENCIES, type Currency } from '../claims/claim.js';
import { emptyReading, zeroConfidence } from '../claims/receipt-reading.js';
import { foldSpelling } from '../text/fold.js';
import {
  LOW_CONFIDENCE,
  ReceiptReadError,
  RECEIPT_KINDS,
  receiptFieldsSchema,
  type ReceiptExtractor,
  type ReceiptFields,
  type ReceiptMime,
} from './receipt-fields.js';

export interface VisionExtractorOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
}

export interface VisionExtractor {
  /** Rejects on any failure (network, timeout, refusal, output off the schema): the caller falls back. */
  extract(
    bytes: Buffer,
    mime: ReceiptMime,
    opts?: { signal?: AbortSignal },
  ): Promise<ReceiptFields>;
}

export class VisionExtractionError extends Error {
  override readonly name = 'VisionExtractionError';
}

export const DEFAULT_VISION_MODEL = 'gpt-4o-mini';
export const DEFAULT_VISION_TIMEOUT_MS = 15_000;
/** Enough for the small print on a till receipt; more only costs tokens and upload time. */
const MAX_LONG_SIDE = 1600;

type FieldName = keyof ReceiptFields['confidence'];
const FIELD_NAMES: readonly FieldName[] = [
  'kind',
  'merchant',
  'orgNo',
  'date',
  'total',
  'currency',
  'vat',
  'vatRate',
];

const nullable = (schema: Record<string, unknown>): Record<string, unknown> => ({
  anyOf: [schema, { type: 'null' }],
});

/**
 * What the model must return. Structured outputs in strict mode want every property required,
 * so "not on the receipt" is null here and becomes an absent field after parsing. Amounts are
 * asked for as printed (kroner, euros) because models slip when told to multiply by 100.
 */
const MODEL_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [
    'kind',
    'merchant',
    'orgNo',
    'date',
    'total',
    'currency',
    'vat',
    'vatRate',
    'confidence',
  ],
  properties: {
    kind: { type: 'string', enum: [...RECEIPT_KINDS] },
    merchant: nullable({ type: 'string' }),
    orgNo: nullable({ type: 'string' }),
    date: nullable({ type: 'string' }),
    total: nullable({ type: 'number' }),
    currency: nullable({ type: 'string', enum: [...CURRENCIES] }),
    vat: nullable({ type: 'number' }),
    vatRate: nullable({ type: 'number' }),
    confidence: {
      type: 'object',
      additionalProperties: false,
      required: [...FIELD_NAMES],
      properties: Object.fromEntries(FIELD_NAMES.map((name) => [name, { type: 'number' }])),
    },
  },
} as const;

const INSTRUCTIONS = [
  'You read photos of receipts for a Norwegian travel-expense assistant and return the fields in the given JSON schema.',
  'kind: parking, ferry, toll, taxi, meal, hotel, fuel, transport (train, bus, flight, tram) or other, from what the receipt says was bought. If the image is not a receipt or ticket (a person, a landscape, an invitation, a blank page), kind is not_receipt and every other field is null.',
  'merchant: the business name as printed at the top, without address. orgNo: the Norwegian organisation number (9 digits, often "Org.nr 123 456 789 MVA"), digits only.',
  'date: the purchase date as YYYY-MM-DD. Norwegian and German receipts write day first (24.11.26 is 2026-11-24).',
  'total: the amount actually paid, as a number in the currency\'s main unit (1234.50). Use the line marked Totalt, Sum, Å betale, Beløp, Total, Summe or similar; never cash tendered (Kontant, Betalt), change (Tilbake, Veksel) or a subtotal before VAT. "kr 1 234,50" and "1.234,50" are 1234.5; "120,-" is 120.',
  'currency: ISO code. "kr" is NOK on a Norwegian receipt, SEK on a Swedish and DKK on a Danish one. null if the currency is not in the list.',
  'vat: the VAT amount included in the total ("herav MVA", "inkl. moms", "MwSt"), as a number in the main unit; vatRate: its percentage (25, 15, 12, 19, 7). If several rates apply, give the total VAT and the main rate.',
  'Use null for anything you cannot read. Never guess a field that is not printed.',
  'confidence: for each field, 0 to 1, how sure you are that the value is what the receipt says (1 = clearly printed and read, 0.5 = partly legible, 0 = null).',
].join('\n');

/** Creates the vision reader. One client is reused across calls; it holds no per-call state. */
export function createVisionExtractor(options: VisionExtractorOptions): VisionExtractor {
  const timeoutMs = options.timeoutMs ?? DEFAULT_VISION_TIMEOUT_MS;
  const model = options.model ?? DEFAULT_VISION_MODEL;
  const client = createModelClient({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeoutMs,
  });

  return {
    async extract(bytes, mime, opts = {}) {
      if (mime === 'application/pdf')
        throw new VisionExtractionError('PDF receipts are read by the offline extractor only');
      // One deadline for the resize and the request together, so `timeoutMs` is what the user waits at most.
      const signal = opts.signal
        ? AbortSignal.any([opts.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs);
      const jpeg = await prepareImage(bytes);
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model,
            messages: [
              { role: 'system', content: INSTRUCTIONS },
              {
                role: 'user',
                content: [
                  { type: 'text', text: 'Read this receipt.' },
                  {
                    type: 'image_url',
                    image_url: {
                      url: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
                      detail: 'high',
                    },
                  },
                ],
              },
            ],
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'receipt_fields', strict: true, schema: MODEL_SCHEMA },
            },
          },
          { signal },
        );
      } catch (cause) {
        throw new VisionExtractionError(`the vision model call failed: ${describe(cause)}`, {
          cause,
        });
      }
      return parseCompletion(completion);
    },
  };
}

/**
 * Upright (EXIF orientation applied, which the model does not do for us), at most
 * MAX_LONG_SIDE on the long side, and JPEG: a phone photo shrinks from megabytes to a few
 * hundred kilobytes of base64.
 */
async function prepareImage(bytes: Buffer): Promise<Buffer> {
  try {
    return await sharp(bytes, { failOn: 'error' })
      .rotate()
      .resize({
        width: MAX_LONG_SIDE,
        height: MAX_LONG_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch (cause) {
    // E.g. HEIC: sharp's prebuilt libvips decodes AVIF but not HEVC-coded HEIC.
    throw new VisionExtractionError(`could not prepare the image: ${describe(cause)}`, { cause });
  }
}

function parseCompletion(completion: OpenAI.Chat.Completions.ChatCompletion): ReceiptFields {
  const choice = completion.choices?.[0];
  if (!choice) throw new VisionExtractionError('the model returned no choices');
  if (choice.message.refusal)
    throw new VisionExtractionError(`the model refused: ${choice.message.refusal}`);
  if (choice.finish_reason === 'length')
    throw new VisionExtractionError('the model output was cut off');
  const content = choice.message.content;
  if (!content) throw new VisionExtractionError('the model returned no content');
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (cause) {
    throw new VisionExtractionError('the model output is not JSON', { cause });
  }
  const fields = fromModelOutput(raw);
  const checked = receiptFieldsSchema.safeParse(fields);
  if (!checked.success)
    throw new VisionExtractionError(
      `the model output breaks the receipt contract: ${checked.error.message}`,
    );
  return checked.data;
}

/**
 * Turns the model's JSON (nulls, amounts in main units) into ReceiptFields (absent fields,
 * minor units). A value that cannot be right (a 10-digit org number, 31 February) is dropped
 * with its confidence set to 0, rather than failing the whole reading over one field.
 */
export function fromModelOutput(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw['confidence'])) return raw;
  const conf = raw['confidence'];
  const confidence = Object.fromEntries(
    FIELD_NAMES.map((name) => [name, clamp01(conf[name])]),
  ) as ReceiptFields['confidence'];
  const out: Record<string, unknown> = { kind: raw['kind'], confidence };
  const drop = (name: FieldName): void => {
    confidence[name] = 0;
  };

  const merchant =
    typeof raw['merchant'] === 'string' ? raw['merchant'].trim().slice(0, 200) : undefined;
  if (merchant) out['merchant'] = merchant;
  else drop('merchant');

  const orgNo = typeof raw['orgNo'] === 'string' ? raw['orgNo'].replace(/\D/g, '') : '';
  if (/^\d{9}$/.test(orgNo)) out['orgNo'] = orgNo;
  else drop('orgNo');

  const date = typeof raw['date'] === 'string' ? raw['date'].trim() : '';
  if (isRealDate(date)) out['date'] = date;
  else drop('date');

  const currency =
    typeof raw['currency'] === 'string' &&
    (CURRENCIES as readonly string[]).includes(raw['currency'])
      ? (raw['currency'] as Currency)
      : undefined;
  if (currency) out['currency'] = currency;
  else drop('currency');

  const total = toMinor(raw['total']);
  if (total !== undefined && total > 0) out['totalMinor'] = total;
  else drop('total');

  const vat = toMinor(raw['vat']);
  if (vat !== undefined && vat >= 0 && (total === undefined || vat < total)) out['vatMinor'] = vat;
  else drop('vat');

  const vatRate = raw['vatRate'];
  if (typeof vatRate === 'number' && Number.isFinite(vatRate) && vatRate >= 0 && vatRate <= 100)
    out['vatRate'] = vatRate;
  else drop('vatRate');

  return out;
}

/** Every currency we offer has two decimals, so minor units are hundredths. */
function toMinor(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.round(value * 100);
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function clamp01(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Two independent readers agreeing is stronger evidence than either alone, but never certainty. */
const MAX_AGREED_CONFIDENCE = 0.99;

/**
 * Merges the offline OCR reading with the vision model's, field by field: where they agree the
 * value stands with a raised confidence; where one is silent the other's value stands; where
 * they disagree the more confident one wins, its confidence lowered by the other's so that a
 * real disagreement shows up on the card as "please check".
 */
export function mergeReceiptFields(
  ocr: ReceiptFields,
  vision: ReceiptFields | undefined,
): ReceiptFields {
  if (!vision) return ocr;
  let a = ocr;
  let b = vision;
  // OCR often fails on a crumpled or dark photo and calls it no receipt; a reader that found a
  // clear total is the better judge of that, and the other side's fields are then not trusted.
  if (a.kind === 'not_receipt' && hasClearTotal(b)) a = emptyReading('other');
  if (b.kind === 'not_receipt' && hasClearTotal(a)) b = emptyReading('other');

  const confidence = {} as ReceiptFields['confidence'];
  const merged: Partial<ReceiptFields> = {};
  const pick = <V>(
    field: FieldName,
    va: V | undefined,
    vb: V | undefined,
    same: (x: V, y: V) => boolean = Object.is,
  ): V | undefined => {
    const ca = a.confidence[field];
    const cb = b.confidence[field];
    if (va === undefined && vb === undefined) {
      confidence[field] = 0;
      return undefined;
    }
    if (va === undefined || vb === undefined) {
      confidence[field] = va === undefined ? cb : ca;
      return va ?? vb;
    }
    if (same(va, vb)) {
      confidence[field] = Math.min(
        MAX_AGREED_CONFIDENCE,
        Math.max(ca, cb, 1 - (1 - ca) * (1 - cb)),
      );
      return cb >= ca ? vb : va;
    }
    // Ties go to the vision model: it reads layout, which is where OCR parsers slip.
    const winner = cb >= ca ? vb : va;
    // How sure the winner is, times how unsure the other: two confident readers that disagree
    // land well below LOW_CONFIDENCE, while a near-zero other reading barely counts.
    confidence[field] = Math.max(ca, cb) * (1 - Math.min(ca, cb));
    return winner;
  };

  const kind = pick('kind', a.kind, b.kind) ?? 'other';
  merged.kind = kind;
  if (kind === 'not_receipt') {
    // The contract: a photo that is no receipt carries no invented fields.
    return { kind, confidence: { ...zeroConfidence(), kind: confidence.kind } };
  }
  const merchant = pick('merchant', a.merchant, b.merchant, sameMerchant);
  const orgNo = pick('orgNo', a.orgNo, b.orgNo);
  const date = pick('date', a.date, b.date);
  const totalMinor = pick('total', a.totalMinor, b.totalMinor);
  const currency = pick('currency', a.currency, b.currency);
  const vatMinor = pick('vat', a.vatMinor, b.vatMinor);
  const vatRate = pick('vatRate', a.vatRate, b.vatRate);
  if (merchant !== undefined) merged.merchant = merchant;
  if (orgNo !== undefined) merged.orgNo = orgNo;
  if (date !== undefined) merged.date = date;
  if (totalMinor !== undefined) merged.totalMinor = totalMinor;
  if (currency !== undefined) merged.currency = currency;
  if (vatMinor !== undefined) merged.vatMinor = vatMinor;
  if (vatRate !== undefined) merged.vatRate = vatRate;
  return { ...merged, kind, confidence };
}

function hasClearTotal(fields: ReceiptFields): boolean {
  return (
    fields.kind !== 'not_receipt' &&
    fields.totalMinor !== undefined &&
    fields.confidence.total >= LOW_CONFIDENCE
  );
}

function sameMerchant(x: string, y: string): boolean {
  const norm = (s: string): string => foldSpelling(s).replace(/[^\p{L}\p{N}]+/gu, '');
  const nx = norm(x);
  const ny = norm(y);
  // "Circle K" read by one and "CIRCLE K NORGE AS" by the other are the same shop.
  return (
    nx === ny || (nx.length >= 4 && ny.length >= 4 && (nx.startsWith(ny) || ny.startsWith(nx)))
  );
}

export interface CombinedExtractorOptions {
  /** Told about every vision failure, for the log; the user never sees them. */
  onVisionError?: (err: unknown) => void;
  /** Told about an OCR failure the vision model's reading made up for, for the log. */
  onOcrError?: (err: ReceiptReadError) => void;
}

/**
 * The extractor the bot uses: OCR alone, or OCR and the vision model in parallel, merged.
 * A vision failure simply leaves the OCR reading; an OCR failure (`ReceiptReadError`) is
 * thrown on unless the vision model read the receipt.
 */
export function createCombinedExtractor(
  offline: ReceiptExtractor,
  vision?: VisionExtractor,
  options: CombinedExtractorOptions = {},
): ReceiptExtractor {
  if (!vision) return offline;
  return {
    async extract(bytes, mime, opts) {
      const visionReading = vision.extract(bytes, mime, opts).catch((err: unknown) => {
        options.onVisionError?.(err);
        return undefined;
      });
      const ocrReading = offline.extract(bytes, mime, opts).catch((err: unknown) => {
        if (err instanceof ReceiptReadError) return err;
        throw err;
      });
      const [ocr, seen] = await Promise.all([ocrReading, visionReading]);
      if (!(ocr instanceof ReceiptReadError)) return mergeReceiptFields(ocr, seen);
      // OCR failed but the model read a clear total: its reading stands, as it would beside an
      // OCR reading of "no receipt". Otherwise the user hears why the receipt was not read.
      if (!seen || !hasClearTotal(seen)) throw ocr;
      options.onOcrError?.(ocr);
      return mergeReceiptFields(emptyReading('not_receipt'), seen);
    },
    close: () => offline.close(),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
