/**
 * PDF receipts: hotel invoices and e-tickets arrive as PDFs with a text layer, which is read
 * directly (exact, and a hundred times faster than OCR); scans saved as PDF have none, so their
 * first page is rendered to an image for OCR.
 *
 * pdf.js runs in-process ("fake worker", its default in Node) and is given local paths for the
 * fonts, character maps and WebAssembly decoders it may need, so it never reaches the network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';

export type PdfReading =
  | { kind: 'text'; text: string; pages: number }
  | { kind: 'image'; image: Buffer; pages: number }
  /** A scan without a text layer, on a machine where pdf.js has no canvas to render it on. */
  | { kind: 'scanned-without-renderer'; pages: number; reason: string };

export class UnreadablePdfError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreadablePdfError';
  }
}

export interface PdfOptions {
  /** Text-layer pages to read; a receipt is one page, an itemised hotel bill two or three. */
  maxTextPages?: number;
  /** Long side of the rendered first page, in pixels. */
  renderLongSide?: number;
  signal?: AbortSignal;
}

/** Below this many letters and digits a page's "text layer" is a scanner's stamp, not the receipt. */
const MIN_TEXT_CHARS = 25;
/** Embedded images larger than this are not decoded: a PDF can be a decompression bomb too. */
const MAX_IMAGE_PIXELS = 40_000_000;

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
/** pdf.js wants folder URLs with a trailing slash; in Node it reads them from disk. */
const folder = (name: string) => `${join(pdfjsRoot, name)}/`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The fake worker is imported from this path in the same thread; set it explicitly so a
    // bundler's rewrite of pdf.mjs's location cannot send pdf.js looking for it elsewhere.
    lib.GlobalWorkerOptions.workerSrc = pathToFileURL(
      join(pdfjsRoot, 'legacy/build/pdf.worker.mjs'),
    ).href;
    return lib;
  })();
  return pdfjs;
}

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

export async function readPdfReceipt(bytes: Buffer, opts: PdfOptions = {}): Promise<PdfReading> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js may take ownership of the buffer it is given; hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: folder('standard_fonts'),
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    wasmUrl: folder('wasm'),
    iccUrl: folder('iccs'),
    // Errors only: its warnings would land on stdout, in the middle of the CLI's JSON lines.
    verbosity: 0,
  });
  const onAbort = () => void task.destroy();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    opts.signal?.removeEventListener('abort', onAbort);
    const message = err instanceof Error ? err.message : String(err);
    throw new UnreadablePdfError(
      /password/i.test(message)
        ? 'The PDF is password-protected'
        : `The PDF could not be read: ${message}`,
      { cause: err },
    );
  }
  try {
    const pages = doc.numPages;
    const texts: string[] = [];
    for (let n = 1; n <= Math.min(pages, opts.maxTextPages ?? 3); n++) {
      opts.signal?.throwIfAborted();
      const page = await doc.getPage(n);
      texts.push(textOfPage(await page.getTextContent()));
      page.cleanup();
    }
    const text = texts.join('\n').trim();
    if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length >= MIN_TEXT_CHARS)
      return { kind: 'text', text, pages };

    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const longSide = opts.renderLongSide ?? 2400;
    // About 300 dpi for a till slip, less for a full page: enough for OCR, not a pixel more.
    const scale = Math.min(300 / 72, longSide / Math.max(base.width, base.height));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    // Typed as a bare Object in pdf.js's declarations; in Node it is a NodeCanvasFactory on
    // @napi-rs/canvas, pdf.js's optional dependency.
    const factory = doc.canvasFactory as CanvasFactory;
    let entry: CanvasEntry;
    try {
      entry = factory.create(width, height);
    } catch (err) {
      return {
        kind: 'scanned-without-renderer',
        pages,
        reason: err instanceof Error ? err.message : String(err),
      };
    }
    opts.signal?.throwIfAborted();
    await page.render({
      canvasContext: entry.context,
      canvas: entry.canvas as HTMLCanvasElement,
      viewport,
      background: '#ffffff',
    }).promise;
    const pixels = entry.context.getImageData(0, 0, width, height);
    const image = await sharp(
      Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength),
      {
        raw: { width, height, channels: 4 },
      },
    )
      .png({ compressionLevel: 1 })
      .toBuffer();
    factory.destroy(entry);
    page.cleanup();
    return { kind: 'image', image, pages };
  } catch (err) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (err instanceof UnreadablePdfError) throw err;
    throw new UnreadablePdfError(
      `The PDF could not be read: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    // Only frees pdf.js's memory; the result (or the error above) is what the caller needs.
    await doc.destroy().catch(() => {});
  }
}

interface CanvasEntry {
  canvas: unknown;
  context: CanvasRenderingContext2D;
}

interface CanvasFactory {
  create(width: number, height: number): CanvasEntry;
  destroy(entry: CanvasEntry): void;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

/**
 * The page's text as lines, top to bottom, with wide gaps kept as runs of spaces: the parser
 * pairs a label with the amount at the end of its line, as on the printed page.
 */
function textOfPage(content: { items: unknown[] }): string {
  const items = (content.items as TextItemLike[])
    .filter((i) => typeof i.str === 'string' && i.str.trim() && Array.isArray(i.transform))
    .map((i) => {
      const t = i.transform as number[];
      return {
        str: i.str as string,
        x: t[4] ?? 0,
        y: t[5] ?? 0,
        width: i.width ?? 0,
        height: Math.abs(i.height ?? t[3] ?? 10) || 10,
      };
    });
  // PDF y grows upwards.
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Array<typeof items> = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (
      row &&
      first &&
      Math.abs(first.y - item.y) <= Math.max(2, 0.5 * Math.min(first.height, item.height))
    )
      row.push(item);
    else rows.push([item]);
  }
  return rows
    .map((row) => {
      row.sort((a, b) => a.x - b.x);
      let line = '';
      let end: number | undefined;
      for (const item of row) {
        if (end !== undefined) {
          const gap = item.x - end;
          line += gap > item.height * 1.5 ? '    ' : gap > item.height * 0.15 ? ' ' : '';
        }
        line += item.str;
        end = item.x + item.width;
      }
      return line.replace(/ +$/, '');
    })
    .join('\n');
}
