/**
 * Turns a receipt photo or scan into what Tesseract reads best: upright, cropped to the paper,
 * lit evenly, and scaled so the characters are about the height its models were trained on.
 * Phone photos of receipts are the hard case: a dark table around the paper, a shadow across it,
 * and a slip whose print is three times larger than on an A4 invoice. Tesseract copes with none of
 * these by itself, and the time it spends grows with the pixels it is handed, so the work here
 * buys both accuracy and speed.
 */
import {
  clampRect,
  cropGrey,
  decodeGrey,
  encodePgm,
  resizeGrey,
  type GreyImage,
} from './image/grey.js';
import { flattenIllumination } from './image/lighting.js';
import { alignedMarks, eraseBarcodes, findMarks, typicalHeight, type Mark } from './image/marks.js';
import { findPaper, whitenOutside, type Paper } from './image/paper.js';
import { estimateSkew, rotateGrey, trimToInk } from './image/skew.js';

export {
  ImageTooLargeError,
  ReceiptImageError,
  UnreadableImageError,
  encodePgm,
  type GreyImage,
} from './image/grey.js';
export { findQuietRow } from './image/marks.js';

export interface PreparedImage {
  /** Binary PGM (P5) of `grey`: Leptonica reads it without a PNG encode and decode round trip. */
  encoded: Buffer;
  /** The image handed to OCR, kept so a second pass can re-read a region without decoding again. */
  grey: GreyImage;
  /** Median character height found in `grey`, in pixels (undefined when no text-like marks were found). */
  charHeight?: number;
  /** Whether a sheet of paper was found on a darker background and the image cropped to it. */
  croppedToPaper: boolean;
  /** Letter-like marks standing in rows, as print does. */
  marks: number;
  /**
   * Whether the marks look like rows of print. Only a hint: faint, dark or dot-matrix scans can
   * hide their letters from this analysis, so the reader OCRs the page once either way.
   */
  hasText: boolean;
}

export interface PrepOptions {
  /** Refuse images with more pixels than this before decoding them (default 40 megapixels). */
  maxInputPixels?: number;
  /**
   * Character height to scale to, in pixels. Default 24: Tesseract's LSTM models read 20–40 well,
   * and time and memory grow with size. 30 px read more on the sroie-train tuning part but raised
   * the peak past 300 MiB and did not hold up on the sets it was not chosen on (see the README).
   */
  targetCharHeight?: number;
  /** Upper bound on the pixels handed to OCR; the time Tesseract takes grows with them. */
  maxOutputPixels?: number;
}

const DEFAULT_MAX_INPUT_PIXELS = 40_000_000;
const DEFAULT_TARGET_CHAR_HEIGHT = 24;
const DEFAULT_MAX_OUTPUT_PIXELS = 2_000_000;

/**
 * Decodes, orients and normalises a receipt image for OCR. Throws `ImageTooLargeError` for
 * decompression bombs and `UnreadableImageError` for anything the decoder cannot read.
 */
export async function prepareForOcr(bytes: Buffer, opts: PrepOptions = {}): Promise<PreparedImage> {
  const working = await decodeGrey(bytes, opts.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS);
  let flat = flattenIllumination(working);
  let { marks, bars } = findMarks(flat);
  let letters = alignedMarks(marks);
  let paper = findPaper(working);
  if (paper && !holdsTheText(paper, letters)) paper = undefined;
  if (paper) {
    flat = cropGrey(flat, paper.rect);
    whitenOutside(flat, working, paper);
    ({ marks, bars } = findMarks(flat));
    letters = alignedMarks(marks);
  }
  const charHeight = typicalHeight(letters.length >= 20 ? letters : marks);
  if (charHeight) eraseBarcodes(flat, bars, charHeight);
  // A slip photographed a few degrees off: Tesseract's line finder then merges or splits lines,
  // and a label parts from its amount.
  const skew = letters.length >= 20 ? estimateSkew(flat) : 0;
  const upright = trimToInk(Math.abs(skew) >= 0.4 ? await rotateGrey(flat, -skew) : flat);
  const target = opts.targetCharHeight ?? DEFAULT_TARGET_CHAR_HEIGHT;
  // Without a measurable character size (a blank page, a photo of a cat) any sensible size will
  // do: assume a till slip, whose print fills about 1/40 of its width per character.
  let scale = charHeight ? target / charHeight : Math.min(1, 1000 / upright.width);
  scale = Math.min(2.5, Math.max(0.25, scale));
  const maxPixels = opts.maxOutputPixels ?? DEFAULT_MAX_OUTPUT_PIXELS;
  const pixels = upright.width * upright.height * scale * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
  // A slight blur joins the dots of dot-matrix print and smooths the ragged edges that the
  // lighting correction leaves on faint thermal print; Tesseract reads both better for it.
  const grey = await resizeGrey(upright, scale > 0.97 && scale < 1.03 ? 1 : scale, 1);
  const hasText =
    letters.length >= 60 || (letters.length >= 12 && letters.length >= 0.2 * marks.length);
  const prepared: PreparedImage = {
    encoded: encodePgm(grey),
    grey,
    croppedToPaper: paper !== undefined,
    marks: letters.length,
    hasText,
  };
  if (charHeight) prepared.charHeight = charHeight * scale;
  return prepared;
}

/**
 * A paper found by brightness alone is wrong when the light falls unevenly (a bright table
 * beside a shaded slip): then print lies outside it. Letter-sized marks outside the paper
 * say so; the table's grain makes marks too, but mostly smaller than the letters.
 */
function holdsTheText(paper: Paper, marks: Mark[]): boolean {
  const height = typicalHeight(marks);
  if (!height) return true;
  const { rect, mask, maskWidth, maskHeight, factor } = paper;
  let inside = 0;
  let outside = 0;
  for (const m of marks) {
    if (m.h < 0.6 * height || m.h > 1.6 * height) continue;
    const mx = Math.min(maskWidth - 1, Math.floor(m.cx / factor));
    const my = Math.min(maskHeight - 1, Math.floor(m.cy / factor));
    const inRect =
      m.cx >= rect.left &&
      m.cy >= rect.top &&
      m.cx < rect.left + rect.width &&
      m.cy < rect.top + rect.height;
    if (inRect && mask[my * maskWidth + mx]) inside++;
    else outside++;
  }
  return outside <= Math.max(4, inside * 0.04);
}

/** A region of `grey`, upscaled, ready for a second OCR pass on what the first one missed. */
export async function regionForOcr(
  grey: GreyImage,
  rect: { left: number; top: number; width: number; height: number },
  scale = 1,
): Promise<Buffer> {
  const box = clampRect(grey, rect);
  const region = cropGrey(grey, box);
  return encodePgm(scale === 1 ? region : await resizeGrey(region, scale));
}

/** `image` resized by `scale`, for a second, larger reading. */
export function scaleGrey(image: GreyImage, scale: number): Promise<GreyImage> {
  return resizeGrey(image, scale);
}
