/**
 * The receipt reader that needs no network: image preparation (sharp), OCR (tesseract.js with
 * trained data from node_modules) and the receipt parser, or a PDF's own text layer when it has
 * one. It is the fallback behind the vision model and the whole reader when there is none.
 */
import { emptyReading } from '../claims/receipt-reading.js';
import {
  ImageTooLargeError,
  UnreadableImageError,
  encodePgm,
  findQuietRow,
  prepareForOcr,
  regionForOcr,
  scaleGrey,
  type PrepOptions,
  type PreparedImage,
} from './image-prep.js';
import {
  createOcrPool,
  type OcrLine,
  type OcrPage,
  type OcrPool,
  type OcrPoolOptions,
  type PageSegMode,
  type RecognizeOptions,
} from './ocr-pool.js';
import { mapPage, readBand, sameLine, voteBand } from './line-vote.js';
import { UnreadablePdfError, readPdfReceipt } from './pdf-receipt.js';
import {
  looksLikeDateLine,
  parseReceiptDetailed,
  readLine,
  type Confirmations,
  type ParseDetails,
} from './parser/index.js';
import { sniffReceiptType } from './file-type.js';
import {
  ReceiptReadError,
  type ReceiptExtractor,
  type ReceiptFields,
  type ReceiptMime,
} from './receipt-fields.js';

export { sniffReceiptType } from './file-type.js';

export type ExtractionErrorCode =
  'unsupported_type' | 'too_large' | 'unreadable' | 'scanned_pdf_without_text_layer' | 'ocr_failed';

export interface ExtractionResult {
  fields: ReceiptFields;
  /** Set when the file could not be read at all; `fields` is then an empty not_receipt. */
  error?: { code: ExtractionErrorCode; message: string; cause?: unknown };
  /** Where the text came from. */
  source: 'ocr' | 'pdf-text' | 'pdf-ocr' | 'none';
  /** The text the fields were read from, for logs and for a model that wants to look again. */
  text: string;
  /** OCR lines with word confidences and positions (none for a PDF's text layer). */
  lines: OcrLine[];
  /** OCR readings run: a second, larger one when the first found no date or no total, a closer look at shaky lines. */
  passes: number;
  /** Fields the receipt's own arithmetic or a check digit vouches for. */
  confirmed?: Confirmations;
  ms: number;
}

export interface OfflineExtractor extends ReceiptExtractor {
  /** Like `extract`, and says why when a file could not be read. */
  read(
    bytes: Buffer,
    mime: ReceiptMime,
    opts?: { signal?: AbortSignal },
  ): Promise<ExtractionResult>;
  /** Starts the OCR workers now, so the first receipt does not wait for them. */
  warm(): Promise<void>;
}

export interface OfflineExtractorOptions {
  /** A pool shared with others; when given, `close()` leaves it running. */
  pool?: OcrPool;
  poolOptions?: OcrPoolOptions;
  prep?: PrepOptions;
  /**
   * How Tesseract lays out what it reads: the page (default one uniform block, PSM 6) and a
   * line read again alone (default the same). Tesseract's own block analysis (auto, PSM 3) and
   * single-column (PSM 4) split a receipt's label from its amount; measured on the sroie-train
   * tuning part they read fewer totals, dates and names (see the README), single-line (PSM 7)
   * for a re-read line changed nothing. Kept as options so `eval:receipts` can measure them again.
   */
  layout?: { page?: PageSegMode; line?: PageSegMode };
  /**
   * The merchant's line(s), when OCR was unsure of a word in them, read again at two other scales
   * and each word taken by vote of the three readings (see line-vote.ts). Off: it read more names
   * on the sroie-train tuning part and fewer on the sets it was not chosen on (see the README's
   * third round); kept so `eval:receipts` can measure it again.
   */
  merchantVote?: boolean;
  /**
   * The same vote for the total's and the date's line when OCR was unsure of the figure, instead
   * of taking a re-read line only when two sizes agree. Off, for the same reason.
   */
  figureVote?: boolean;
  /** YYYY-MM-DD; dates after it are misreadings. Default: the real date. */
  today?: () => string;
}

/**
 * Reads a file that only its bytes can say the type of (a file on disk, for the CLI, the
 * evaluation and the benchmark), timed in seconds as the caller sees it.
 */
export async function readTimed(
  extractor: OfflineExtractor,
  bytes: Buffer,
): Promise<{ result: ExtractionResult; seconds: number }> {
  const started = performance.now();
  const result = await extractor.read(bytes, sniffReceiptType(bytes) ?? 'image/jpeg');
  return { result, seconds: (performance.now() - started) / 1000 };
}

export function createOfflineExtractor(opts: OfflineExtractorOptions = {}): OfflineExtractor {
  const ownPool = !opts.pool;
  const pool = opts.pool ?? createOcrPool(opts.poolOptions);
  const today = opts.today ?? (() => new Date().toISOString().slice(0, 10));
  const pagePsm = opts.layout?.page ?? 'single-block';
  const linePsm = opts.layout?.line ?? 'single-block';

  async function read(
    bytes: Buffer,
    mime: ReceiptMime,
    ropts: { signal?: AbortSignal } = {},
  ): Promise<ExtractionResult> {
    const started = performance.now();
    const done = (result: Omit<ExtractionResult, 'ms'>): ExtractionResult => ({
      ...result,
      ms: Math.round(performance.now() - started),
    });
    const failed = (code: ExtractionErrorCode, message: string, cause?: unknown) =>
      done({
        fields: emptyReading('not_receipt'),
        error: { code, message, ...(cause === undefined ? {} : { cause }) },
        source: 'none',
        text: '',
        lines: [],
        passes: 0,
      });

    const type = sniffReceiptType(bytes);
    if (!type) return failed('unsupported_type', `Not a receipt image or PDF (declared ${mime})`);
    try {
      if (type === 'application/pdf') {
        const pdf = await readPdfReceipt(bytes, ropts.signal ? { signal: ropts.signal } : {});
        if (pdf.kind === 'text') {
          const details = parseReceiptDetailed(pdf.text, { today: today() });
          return done({
            fields: details.fields,
            confirmed: details.confirmed,
            source: 'pdf-text',
            text: pdf.text,
            lines: [],
            passes: 0,
          });
        }
        if (pdf.kind === 'scanned-without-renderer') {
          return failed(
            'scanned_pdf_without_text_layer',
            `Scanned PDF without text layer, and no renderer to OCR it: ${pdf.reason}`,
          );
        }
        const read = await readImage(pdf.image, ropts.signal);
        return done({ ...read, source: 'pdf-ocr' });
      }
      const read = await readImage(bytes, ropts.signal);
      return done({ ...read, source: 'ocr' });
    } catch (err) {
      if (ropts.signal?.aborted) throw ropts.signal.reason;
      if (err instanceof ImageTooLargeError) return failed('too_large', err.message, err);
      if (err instanceof UnreadableImageError && type === 'image/heic') {
        // sharp's bundled libheif decodes AVIF but not the HEVC inside an iPhone's HEIC.
        return failed(
          'unsupported_type',
          'HEIC photos cannot be decoded here; send the photo as JPEG (iPhone: Settings → Camera → Formats → Most Compatible)',
          err,
        );
      }
      if (err instanceof UnreadableImageError || err instanceof UnreadablePdfError)
        return failed('unreadable', err.message, err);
      return failed('ocr_failed', err instanceof Error ? err.message : String(err), err);
    }
  }

  async function readImage(
    bytes: Buffer,
    signal: AbortSignal | undefined,
  ): Promise<Omit<ExtractionResult, 'ms' | 'source'>> {
    const prepared = await prepareForOcr(bytes, opts.prep);
    signal?.throwIfAborted();
    // Few letter-like marks is no proof of no print: faint, dark or dot-matrix scans leave their
    // letters joined or broken. Tesseract's own segmentation reads the page once either way, and
    // a page without money or receipt words on it is still no receipt (and gets no second pass).
    let source = prepared;
    let page = await recognizeSplit(prepared, signal);
    let passes = 1;
    let details = parseReceiptDetailed(page.text, { today: today(), lines: page.lines });
    let other: ParseDetails | undefined;
    if (
      details.fields.kind !== 'not_receipt' &&
      (details.fields.date === undefined || details.fields.confidence.total < 0.5)
    ) {
      // No date, or no total worth the name: small or faint print. Read the page again, larger;
      // keep the better reading and fill its gaps from the other.
      const larger = await enlarge(prepared, SECOND_READING_SCALE);
      const again = await recognizeSplit(larger, signal);
      passes++;
      const second = parseReceiptDetailed(again.text, { today: today(), lines: again.lines });
      if (completeness(second.fields) > completeness(details.fields)) {
        other = details;
        details = second;
        page = again;
        source = larger;
      } else {
        other = second;
      }
    }
    const checked = await secondLook(source, page, details, signal);
    if (checked !== page) {
      passes++;
      page = checked;
      details = parseReceiptDetailed(page.text, { today: today(), lines: page.lines });
    }
    if (other) fillGaps(details.fields, other.fields);
    if (opts.merchantVote && (await voteMerchant(source, page, details, signal))) passes++;
    return {
      fields: details.fields,
      confirmed: details.confirmed,
      text: page.text,
      lines: page.lines,
      passes,
    };
  }

  /**
   * The merchant's name, when OCR was unsure of a word in it, mended by a vote of three readings
   * of its line(s). The vote mends letters of the name; it does not make another line the name.
   * Whether the line(s) were read again.
   */
  async function voteMerchant(
    prepared: PreparedImage,
    page: OcrPage,
    details: ParseDetails,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    const name = (details.sources.merchant ?? []).flatMap((i) => page.lines[i] ?? []);
    if (!name.some((l) => l.words.some((w) => w.confidence < SURE_NAME))) return false;
    const common = recognizeOptions(pagePsm, signal);
    const voted = await voteBand(pool, prepared.grey, name, VOTE_SCALES, common);
    if (voted.every((l, i) => l === name[i])) return true;
    const lines = page.lines.map((l) => voted[name.indexOf(l)] ?? l);
    const again = parseReceiptDetailed(pageOf(lines).text, { today: today(), lines });
    const same = String(again.sources.merchant) === String(details.sources.merchant);
    if (again.fields.merchant !== undefined && same) {
      details.fields.merchant = again.fields.merchant;
      details.fields.confidence.merchant = again.fields.confidence.merchant;
    }
    return true;
  }

  /**
   * One image, read by two workers at once when there are two: cut at a quiet row near the
   * middle of the print, each half is OCRed on its own core, and the lines are put back in order.
   */
  async function recognizeSplit(
    prepared: PreparedImage,
    signal: AbortSignal | undefined,
  ): Promise<OcrPage> {
    const { grey } = prepared;
    const cut = pool.size >= 2 && grey.height > 600 ? findQuietRow(grey) : undefined;
    const common = recognizeOptions(pagePsm, signal);
    if (cut === undefined) return pool.recognize(prepared.encoded, common);
    const [top, bottom] = await Promise.all([
      regionForOcr(grey, { left: 0, top: 0, width: grey.width, height: cut }),
      regionForOcr(grey, { left: 0, top: cut, width: grey.width, height: grey.height - cut }),
    ]);
    const [upper, lower] = await Promise.all([
      pool.recognize(top, common),
      pool.recognize(bottom, common),
    ]);
    return mergePages(upper, mapPage(lower, cut, 1));
  }

  /**
   * A closer look at the lines the total and the date were read from, when OCR was unsure of
   * them: each is cut out and read again on its own, at two sizes. On a full page Tesseract reads
   * a line along with its neighbours, and a faint figure can come out garbled; alone it is often
   * read right. The line changes only when both new readings agree with each other, differ from
   * the first, and are surer of the figure than the first reading was.
   */
  async function secondLook(
    prepared: PreparedImage,
    page: OcrPage,
    details: ParseDetails,
    signal: AbortSignal | undefined,
  ): Promise<OcrPage> {
    const { fields, sources } = details;
    const now = today();
    const targets: Target[] = [];
    if (sources.total !== undefined && fields.totalMinor !== undefined) {
      const value = (text: string) => readLine(text, now).amounts.at(-1)?.toString();
      if (value(page.lines[sources.total]?.text ?? '') === String(fields.totalMinor))
        targets.push({ index: sources.total, value, token: AMOUNT_TOKEN, last: true });
    }
    if (sources.date !== undefined && fields.date !== undefined) {
      const dates = readLine(page.lines[sources.date]?.text ?? '', now).dates;
      const at = dates.indexOf(fields.date);
      if (at === 0)
        targets.push({
          index: sources.date,
          value: (text) => readLine(text, now).dates[0],
          token: DATE_TOKEN,
          last: false,
        });
    } else if (fields.kind !== 'not_receipt') {
      // No date could be read, but a line looks like one: a digit of it may have been misread.
      const index = page.lines.findIndex((l) => looksLikeDateLine(l.text));
      if (index >= 0)
        targets.push({
          index,
          value: (text) => readLine(text, now).dates[0],
          token: DATE_TOKEN,
          last: false,
        });
    }
    const shaky = targets.filter((t, i) => {
      const line = page.lines[t.index] as OcrLine;
      return (
        targets.findIndex((u) => u.index === t.index) === i && tokenConfidence(line, t) < SURE_WORD
      );
    });
    if (shaky.length === 0) return page;
    const rereads = await Promise.all(
      shaky.map(async (target) => {
        const line = page.lines[target.index] as OcrLine;
        if (opts.figureVote) {
          const common = recognizeOptions(linePsm, signal);
          const [voted] = await voteBand(pool, prepared.grey, [line], VOTE_SCALES, common);
          const value = voted && target.value(voted.text);
          return voted && value !== undefined && value !== target.value(line.text)
            ? { index: target.index, line: voted }
            : undefined;
        }
        const [a, b] = await Promise.all(
          [1, 1.6].map((scale) => rereadLine(prepared, line, scale, signal)),
        );
        if (!a || !b) return undefined;
        const value = target.value(a.text);
        if (
          value === undefined ||
          value !== target.value(b.text) ||
          value === target.value(line.text)
        )
          return undefined;
        const surer =
          Math.min(tokenConfidence(a, target), tokenConfidence(b, target)) >
          tokenConfidence(line, target);
        return surer ? { index: target.index, line: a } : undefined;
      }),
    );
    const changes = rereads.filter((r): r is { index: number; line: OcrLine } => r !== undefined);
    if (changes.length === 0) return page;
    return pageOf(page.lines.map((l, i) => changes.find((c) => c.index === i)?.line ?? l));
  }

  async function rereadLine(
    prepared: PreparedImage,
    line: OcrLine,
    scale: number,
    signal: AbortSignal | undefined,
  ): Promise<OcrLine | undefined> {
    if (line.bbox.y1 - line.bbox.y0 < 4) return undefined;
    const opts = recognizeOptions(linePsm, signal);
    const band = await readBand(pool, prepared.grey, [line], scale, opts);
    return band && sameLine(line, band);
  }

  return {
    read,
    async extract(bytes, mime, ropts) {
      const result = await read(bytes, mime, ropts);
      const error = result.error;
      if (error?.code === 'ocr_failed') {
        throw new ReceiptReadError('ocr_failed', error.message, { cause: error.cause });
      }
      if (error?.code === 'unsupported_type' && sniffReceiptType(bytes) === 'image/heic') {
        throw new ReceiptReadError('heic_undecodable', error.message, { cause: error.cause });
      }
      // Anything else that could not be read (a corrupt image, a scanned PDF without a renderer)
      // is, to the user, no receipt: the not_receipt fields say so.
      return result.fields;
    },
    warm: () => pool.warm(),
    async close() {
      if (ownPool) await pool.close();
    },
  };
}

/** The parser's confidence in a date read through an OCR slip: worth a second reading. */
const DAMAGED_DATE = 0.5;

/**
 * The scales an unsure line is read again at for a vote: one smaller and one larger than the
 * page (on the sroie-train tuning part they read more names than 1.3 and 1.6: see the README),
 * and the word confidence under which a name is worth the vote.
 */
const VOTE_SCALES = [0.8, 1.3];
const SURE_NAME = 90;

/** The second, larger reading: 1.3 × the usual character height. */
const SECOND_READING_SCALE = 1.3;

/**
 * Each OCR worker's WebAssembly memory grows to the largest image it has read and never shrinks,
 * so the larger reading is held to a pixel budget too.
 */
const SECOND_READING_MAX_PIXELS = 2_400_000;

async function enlarge(prepared: PreparedImage, wanted: number): Promise<PreparedImage> {
  const pixels = prepared.grey.width * prepared.grey.height;
  const scale = Math.max(1, Math.min(wanted, Math.sqrt(SECOND_READING_MAX_PIXELS / pixels)));
  const grey = await scaleGrey(prepared.grey, scale);
  return {
    ...prepared,
    grey,
    encoded: encodePgm(grey),
    ...(prepared.charHeight ? { charHeight: prepared.charHeight * scale } : {}),
  };
}

/** How much of what matters a reading found: a labelled total most, then the date. */
function completeness(fields: ReceiptFields): number {
  let score = 0;
  if (fields.totalMinor !== undefined) score += fields.confidence.total >= 0.5 ? 2 : 1;
  if (fields.date !== undefined) score += fields.confidence.date > DAMAGED_DATE ? 1 : 0.5;
  if (fields.vatMinor !== undefined) score += 0.25;
  if (fields.merchant !== undefined) score += 0.25;
  return score;
}

/** Fields the chosen reading lacks, taken from the other one, each with its confidence. */
const GAPS = [
  ['date', 'date'],
  ['totalMinor', 'total'],
  ['currency', 'currency'],
  ['orgNo', 'orgNo'],
] as const;

function fillGaps(fields: ReceiptFields, other: ReceiptFields): void {
  for (const [field, confidence] of GAPS) {
    if (fields[field] !== undefined || other[field] === undefined) continue;
    Object.assign(fields, { [field]: other[field] });
    fields.confidence[confidence] = other.confidence[confidence];
  }
}

interface Target {
  /** Line in the page. */
  index: number;
  /** The field's value as read from a line's text. */
  value: (text: string) => string | undefined;
  /** The word that holds the value, and whether it is the last such word on the line. */
  token: RegExp;
  last: boolean;
}

const AMOUNT_TOKEN = /\d[.,]\s?\d{2}|\d,-/;
const DATE_TOKEN = /\d{1,4}\s?[./-]\s?\d{1,2}|\d{6,8}/;
/** Tesseract word confidence (0–100) above which a figure is not worth a second look. */
const SURE_WORD = 88;

function tokenConfidence(line: OcrLine, target: Target): number {
  const words = line.words.filter((w) => target.token.test(w.text));
  const word = target.last ? words.at(-1) : words[0];
  return word?.confidence ?? 0;
}

/** OCR options with a page segmentation mode and, when there is one, the caller's abort signal. */
function recognizeOptions(psm: PageSegMode, signal: AbortSignal | undefined): RecognizeOptions {
  return signal ? { psm, signal } : { psm };
}

function pageOf(lines: OcrLine[]): OcrPage {
  const text = lines.map((l) => l.text).join('\n');
  const confidence = lines.length ? lines.reduce((s, l) => s + l.confidence, 0) / lines.length : 0;
  return { text, confidence, lines };
}

function mergePages(first: OcrPage, second: OcrPage): OcrPage {
  return pageOf([...first.lines, ...second.lines]);
}
