/**
 * The receipt reader that needs no network: image preparation (sharp), OCR (tesseract.js with
 * trained data from node_modules) and the receipt parser, or a PDF's own text layer when it has
 * one. It is the fallback behind the vision model and the whole reader when there is none.
 */
import { ImageTooLargeError, UnreadableImageError, findQuietRow, prepareForOcr, regionForOcr, type PrepOptions, type PreparedImage } from './image-prep.js';
import { createOcrPool, type OcrLine, type OcrPage, type OcrPool, type OcrPoolOptions, type PageSegMode } from './ocr-pool.js';
import { UnreadablePdfError, readPdfReceipt } from './pdf-receipt.js';
import { parseReceipt } from './receipt-parser.js';
import type { ReceiptExtractor, ReceiptFields, ReceiptMime } from './receipt-fields.js';

export type ExtractionErrorCode = 'unsupported_type' | 'too_large' | 'unreadable' | 'scanned_pdf_without_text_layer' | 'ocr_failed';

export interface ExtractionResult {
  fields: ReceiptFields;
  /** Set when the file could not be read at all; `fields` is then an empty not_receipt. */
  error?: { code: ExtractionErrorCode; message: string };
  /** Where the text came from. */
  source: 'ocr' | 'pdf-text' | 'pdf-ocr' | 'none';
  /** The text the fields were read from, for logs and for a model that wants to look again. */
  text: string;
  /** OCR lines with word confidences and positions (none for a PDF's text layer). */
  lines: OcrLine[];
  /** OCR passes run: a second one re-reads the image when the first found no total. */
  passes: number;
  ms: number;
}

export interface OfflineExtractor extends ReceiptExtractor {
  /** Like `extract`, and says why when a file could not be read. */
  read(bytes: Buffer, mime: ReceiptMime, opts?: { signal?: AbortSignal }): Promise<ExtractionResult>;
  /** Starts the OCR workers now, so the first receipt does not wait for them. */
  warm(): Promise<void>;
}

export interface OfflineExtractorOptions {
  /** A pool shared with others; when given, `close()` leaves it running. */
  pool?: OcrPool;
  poolOptions?: OcrPoolOptions;
  prep?: PrepOptions;
  /** YYYY-MM-DD; dates after it are misreadings. Default: the real date. */
  today?: () => string;
}

/** Fewer character-like marks than this, and there is no printed text worth an OCR pass. */
const MIN_MARKS = 12;

/** The type from the first bytes; the MIME type a chat client sends is only a hint. */
export function sniffReceiptType(bytes: Uint8Array): ReceiptMime | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && /^(?:heic|heix|hevc|hevx|mif1|msf1|heim|heis)$/.test(ascii(8, 12))) return 'image/heic';
  if (ascii(0, 1024).includes('%PDF-')) return 'application/pdf';
  return undefined;
}

function emptyFields(): ReceiptFields {
  return {
    kind: 'not_receipt',
    confidence: { kind: 0, merchant: 0, orgNo: 0, date: 0, total: 0, currency: 0, vat: 0, vatRate: 0 },
  };
}

export function createOfflineExtractor(opts: OfflineExtractorOptions = {}): OfflineExtractor {
  const ownPool = !opts.pool;
  const pool = opts.pool ?? createOcrPool(opts.poolOptions);
  const today = opts.today ?? (() => new Date().toISOString().slice(0, 10));

  async function read(bytes: Buffer, mime: ReceiptMime, ropts: { signal?: AbortSignal } = {}): Promise<ExtractionResult> {
    const started = performance.now();
    const done = (result: Omit<ExtractionResult, 'ms'>): ExtractionResult => ({ ...result, ms: Math.round(performance.now() - started) });
    const failed = (code: ExtractionErrorCode, message: string) => done({ fields: emptyFields(), error: { code, message }, source: 'none', text: '', lines: [], passes: 0 });

    const type = sniffReceiptType(bytes);
    if (!type) return failed('unsupported_type', `Not a receipt image or PDF (declared ${mime})`);
    try {
      if (type === 'application/pdf') {
        const pdf = await readPdfReceipt(bytes, ropts.signal ? { signal: ropts.signal } : {});
        if (pdf.kind === 'text') {
          return done({ fields: parseReceipt(pdf.text, { today: today() }), source: 'pdf-text', text: pdf.text, lines: [], passes: 0 });
        }
        if (pdf.kind === 'scanned-without-renderer') {
          return failed('scanned_pdf_without_text_layer', `Scanned PDF without text layer, and no renderer to OCR it: ${pdf.reason}`);
        }
        const read = await readImage(pdf.image, ropts.signal);
        return done({ ...read, source: 'pdf-ocr' });
      }
      const read = await readImage(bytes, ropts.signal);
      return done({ ...read, source: 'ocr' });
    } catch (err) {
      if (ropts.signal?.aborted) throw ropts.signal.reason;
      if (err instanceof ImageTooLargeError) return failed('too_large', err.message);
      if (err instanceof UnreadableImageError || err instanceof UnreadablePdfError) return failed('unreadable', err.message);
      return failed('ocr_failed', err instanceof Error ? err.message : String(err));
    }
  }

  async function readImage(bytes: Buffer, signal: AbortSignal | undefined): Promise<Omit<ExtractionResult, 'ms' | 'source'>> {
    const prepared = await prepareForOcr(bytes, opts.prep);
    signal?.throwIfAborted();
    if (prepared.marks < MIN_MARKS) {
      return { fields: parseReceipt('', { today: today() }), text: '', lines: [], passes: 0 };
    }
    const page = await recognizeSplit(prepared, 'single-block', signal);
    let fields = parseReceipt(page.text, { today: today(), lines: page.lines });
    let passes = 1;
    let text = page.text;
    let lines = page.lines;
    if (fields.totalMinor === undefined && fields.kind !== 'not_receipt') {
      // The first pass missed the total: read the lower part again, larger and as a single
      // column, where a total line most often sits and a block layout most often splits it.
      const again = await recognizeRegion(prepared, signal);
      passes++;
      const merged = mergePages(page, again);
      const second = parseReceipt(merged.text, { today: today(), lines: merged.lines });
      if (second.totalMinor !== undefined) {
        fields = second;
        text = merged.text;
        lines = merged.lines;
      }
    }
    return { fields, text, lines, passes };
  }

  /**
   * One image, read by two workers at once when there are two: cut at a quiet row near the
   * middle of the print, each half is OCRed on its own core, and the lines are put back in order.
   */
  async function recognizeSplit(prepared: PreparedImage, psm: PageSegMode, signal: AbortSignal | undefined): Promise<OcrPage> {
    const { grey } = prepared;
    const cut = pool.size >= 2 && grey.height > 600 ? findQuietRow(grey) : undefined;
    const common = signal ? { psm, signal } : { psm };
    if (cut === undefined) return pool.recognize(prepared.encoded, common);
    const [top, bottom] = await Promise.all([
      regionForOcr(grey, { left: 0, top: 0, width: grey.width, height: cut }),
      regionForOcr(grey, { left: 0, top: cut, width: grey.width, height: grey.height - cut }),
    ]);
    const [upper, lower] = await Promise.all([pool.recognize(top, common), pool.recognize(bottom, common)]);
    return mergePages(upper, shiftPage(lower, cut));
  }

  async function recognizeRegion(prepared: PreparedImage, signal: AbortSignal | undefined): Promise<OcrPage> {
    const { grey } = prepared;
    const from = Math.floor(grey.height * 0.35);
    const region = await regionForOcr(grey, { left: 0, top: from, width: grey.width, height: grey.height - from }, 1.3);
    const page = await pool.recognize(region, signal ? { psm: 'single-column', signal } : { psm: 'single-column' });
    return page;
  }

  return {
    read,
    async extract(bytes, mime, ropts) {
      return (await read(bytes, mime, ropts)).fields;
    },
    warm: () => pool.warm(),
    async close() {
      if (ownPool) await pool.close();
    },
  };
}

function shiftPage(page: OcrPage, dy: number): OcrPage {
  const shift = <T extends { bbox: { x0: number; y0: number; x1: number; y1: number } }>(o: T): T => ({
    ...o,
    bbox: { ...o.bbox, y0: o.bbox.y0 + dy, y1: o.bbox.y1 + dy },
  });
  return { ...page, lines: page.lines.map((l) => ({ ...shift(l), words: l.words.map(shift) })) };
}

function mergePages(first: OcrPage, second: OcrPage): OcrPage {
  const lines: OcrLine[] = [...first.lines, ...second.lines];
  const text = `${first.text.replace(/\n*$/, '\n')}${second.text}`;
  const confidence = lines.length ? lines.reduce((s, l) => s + l.confidence, 0) / lines.length : 0;
  return { text, confidence, lines };
}
