/**
 * Turns a receipt photo or scan into what Tesseract reads best: upright, cropped to the paper,
 * lit evenly, and scaled so the characters are about the height its models were trained on.
 * Phone photos of receipts are the hard case: a dark table around the paper, a shadow across it,
 * and a slip whose print is three times larger than on an A4 invoice. Tesseract copes with none of
 * these by itself, and the time it spends grows with the pixels it is handed, so the work here
 * buys both accuracy and speed.
 */
import sharp from 'sharp';

/** Why an image could not be prepared; the caller turns it into a message for the user. */
export class ReceiptImageError extends Error {
  constructor(
    message: string,
    readonly code: 'too_large' | 'unreadable',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A decompression bomb, or simply an absurd image: a few hundred kilobytes of PNG can claim
 * 100 000 × 100 000 pixels, and decoding it would take the bot's memory with it.
 */
export class ImageTooLargeError extends ReceiptImageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'too_large', options);
  }
}

/** Not an image the decoder understands (corrupt, truncated beyond repair, or another format). */
export class UnreadableImageError extends ReceiptImageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'unreadable', options);
  }
}

/** An 8-bit greyscale bitmap, row by row. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface PreparedImage {
  /** Binary PGM (P5) of `grey`: Leptonica reads it without a PNG encode and decode round trip. */
  encoded: Buffer;
  /** The image handed to OCR, kept so a second pass can re-read a region without decoding again. */
  grey: GreyImage;
  /** Median character height found in `grey`, in pixels (undefined when no text-like marks were found). */
  charHeight?: number;
  /** Whether a sheet of paper was found on a darker background and the image cropped to it. */
  croppedToPaper: boolean;
}

export interface PrepOptions {
  /** Refuse images with more pixels than this before decoding them (default 40 megapixels). */
  maxInputPixels?: number;
  /** Character height to scale to, in pixels (default 30: Tesseract's LSTM models like 20–40). */
  targetCharHeight?: number;
  /** Upper bound on the pixels handed to OCR; the time Tesseract takes grows with them. */
  maxOutputPixels?: number;
}

const DEFAULT_MAX_INPUT_PIXELS = 40_000_000;
const DEFAULT_TARGET_CHAR_HEIGHT = 30;
const DEFAULT_MAX_OUTPUT_PIXELS = 3_200_000;
/**
 * The long side of the working copy. Enough for the small print of an A4 invoice photographed
 * whole; anything above only costs decode time.
 */
const WORKING_LONG_SIDE = 2600;

/**
 * Decodes, orients and normalises a receipt image for OCR. Throws `ImageTooLargeError` for
 * decompression bombs and `UnreadableImageError` for anything the decoder cannot read.
 */
export async function prepareForOcr(bytes: Buffer, opts: PrepOptions = {}): Promise<PreparedImage> {
  const working = await decodeGrey(bytes, opts.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS);
  const paper = findPaper(working);
  const cropped = paper ? cropGrey(working, paper) : working;
  const flat = flattenIllumination(cropped);
  const charHeight = estimateCharHeight(flat);
  const target = opts.targetCharHeight ?? DEFAULT_TARGET_CHAR_HEIGHT;
  // Without a measurable character size (a blank page, a photo of a cat) any sensible size will
  // do: assume a till slip, whose print fills about 1/40 of its width per character.
  let scale = charHeight ? target / charHeight : Math.min(1, 1000 / flat.width);
  scale = Math.min(2.5, Math.max(0.25, scale));
  const maxPixels = opts.maxOutputPixels ?? DEFAULT_MAX_OUTPUT_PIXELS;
  const pixels = flat.width * flat.height * scale * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
  const grey = scale > 0.97 && scale < 1.03 ? flat : await resizeGrey(flat, scale);
  const prepared: PreparedImage = { encoded: encodePgm(grey), grey, croppedToPaper: paper !== undefined };
  if (charHeight) prepared.charHeight = charHeight * scale;
  return prepared;
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

export function encodePgm(image: GreyImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  return Buffer.concat([header, image.data]);
}

// ---------------------------------------------------------------------------------------------
// Decoding

async function decodeGrey(bytes: Buffer, maxInputPixels: number): Promise<GreyImage> {
  try {
    // failOn 'error' rather than the default 'warning': phones and chat clients produce JPEGs
    // with harmless oddities (a truncated tail, a bad EXIF block) that still show a readable receipt.
    const { data, info } = await sharp(bytes, { limitInputPixels: maxInputPixels, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: WORKING_LONG_SIDE, height: WORKING_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) {
      throw new ImageTooLargeError(`The image has more than ${maxInputPixels} pixels`, { cause: err });
    }
    throw new UnreadableImageError(`The image could not be decoded: ${message}`, { cause: err });
  }
}

async function resizeGrey(image: GreyImage, scale: number): Promise<GreyImage> {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize({ width, height, fit: 'fill', kernel: scale < 1 ? 'lanczos3' : 'cubic' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

function clampRect(image: GreyImage, rect: Rect): Rect {
  const left = Math.max(0, Math.min(image.width - 1, Math.round(rect.left)));
  const top = Math.max(0, Math.min(image.height - 1, Math.round(rect.top)));
  const width = Math.max(1, Math.min(image.width - left, Math.round(rect.width)));
  const height = Math.max(1, Math.min(image.height - top, Math.round(rect.height)));
  return { left, top, width, height };
}

function cropGrey(image: GreyImage, rect: Rect): GreyImage {
  const data = new Uint8Array(rect.width * rect.height);
  for (let y = 0; y < rect.height; y++) {
    const from = (rect.top + y) * image.width + rect.left;
    data.set(image.data.subarray(from, from + rect.width), y * rect.width);
  }
  return { data, width: rect.width, height: rect.height };
}

// ---------------------------------------------------------------------------------------------
// Finding the paper

/** Averages blocks of pixels into a small image; cheap enough to analyse in plain JavaScript. */
function shrink(image: GreyImage, longSide: number): { image: GreyImage; factor: number } {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / longSide));
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx] ?? 0;
      }
      data[y * width + x] = Math.round(sum / area);
    }
  }
  return { image: { data, width, height }, factor };
}

function otsu(data: Uint8Array): number {
  const histogram = new Array<number>(256).fill(0);
  for (const v of data) histogram[v] = (histogram[v] ?? 0) + 1;
  const total = data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * (histogram[i] ?? 0);
  let sumBelow = 0;
  let countBelow = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    countBelow += histogram[t] ?? 0;
    if (countBelow === 0) continue;
    const countAbove = total - countBelow;
    if (countAbove === 0) break;
    sumBelow += t * (histogram[t] ?? 0);
    const meanBelow = sumBelow / countBelow;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const between = countBelow * countAbove * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * The bounding box of the largest bright region, when it is clearly a sheet lying on something
 * darker. Undefined for scans (the paper is the whole image) and for photos with no paper in them.
 */
function findPaper(image: GreyImage): Rect | undefined {
  const { image: small, factor } = shrink(image, 240);
  const { width, height, data } = small;
  const threshold = otsu(data);
  // Paper and table of nearly the same brightness give Otsu nothing to separate.
  let darkSum = 0;
  let darkCount = 0;
  let brightSum = 0;
  let brightCount = 0;
  for (const v of data) {
    if (v > threshold) {
      brightSum += v;
      brightCount++;
    } else {
      darkSum += v;
      darkCount++;
    }
  }
  if (!darkCount || !brightCount || brightSum / brightCount - darkSum / darkCount < 40) return undefined;

  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  let best: { area: number; x0: number; y0: number; x1: number; y1: number } | undefined;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || (data[start] ?? 0) <= threshold) continue;
    let area = 0;
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      area++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const neighbours = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1];
      for (const q of neighbours) {
        if (q >= 0 && !seen[q] && (data[q] ?? 0) > threshold) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (!best || area > best.area) best = { area, x0, y0, x1, y1 };
  }
  if (!best) return undefined;
  const boxWidth = best.x1 - best.x0 + 1;
  const boxHeight = best.y1 - best.y0 + 1;
  // Too small to be the receipt (a reflection, a label), or so large the image is the paper.
  if (best.area < 0.08 * data.length) return undefined;
  if (boxWidth > 0.94 * width && boxHeight > 0.94 * height) return undefined;
  // A margin, because the shrunken mask loses the edge, and a tilted slip's corners stick out of it.
  const marginX = Math.ceil(boxWidth * 0.03) + 1;
  const marginY = Math.ceil(boxHeight * 0.03) + 1;
  return clampRect(image, {
    left: (best.x0 - marginX) * factor,
    top: (best.y0 - marginY) * factor,
    width: (boxWidth + 2 * marginX) * factor,
    height: (boxHeight + 2 * marginY) * factor,
  });
}

// ---------------------------------------------------------------------------------------------
// Lighting

/**
 * Divides each pixel by the local paper brightness, so a shadow across the slip or a flash
 * hot spot no longer decides which strokes Tesseract's global threshold keeps. The paper's
 * brightness is the brightest part of each block (text is dark and thin), smoothed and
 * interpolated between block centres.
 */
function flattenIllumination(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  const block = Math.max(16, Math.round(Math.max(width, height) / 40));
  const cols = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const peak = new Float32Array(cols * rows);
  const histogram = new Uint32Array(256);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      histogram.fill(0);
      const x0 = bx * block;
      const y0 = by * block;
      const x1 = Math.min(width, x0 + block);
      const y1 = Math.min(height, y0 + block);
      for (let y = y0; y < y1; y++) {
        const row = y * width;
        for (let x = x0; x < x1; x++) histogram[data[row + x] ?? 0]!++;
      }
      // The 90th percentile rather than the maximum: a speck of glare must not set the level.
      const count = (x1 - x0) * (y1 - y0);
      let seen = 0;
      let level = 255;
      for (let v = 255; v >= 0; v--) {
        seen += histogram[v] ?? 0;
        if (seen >= count * 0.1) {
          level = v;
          break;
        }
      }
      peak[by * cols + bx] = level;
    }
  }
  const smooth = new Float32Array(cols * rows);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      // A block full of print (a logo, a bar code) reads dark; its brighter neighbours know better.
      let best = 0;
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x < 0 || y < 0 || x >= cols || y >= rows) continue;
          const v = peak[y * cols + x] ?? 0;
          best = Math.max(best, v);
          sum += v;
          n++;
        }
      }
      smooth[by * cols + bx] = Math.max(peak[by * cols + bx] ?? 0, 0.5 * best + 0.5 * (sum / n));
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(rows - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(rows - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(cols - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(cols - 1, x0 + 1);
      const wx = fx - x0;
      const top = (smooth[y0 * cols + x0] ?? 255) * (1 - wx) + (smooth[y0 * cols + x1] ?? 255) * wx;
      const bottom = (smooth[y1 * cols + x0] ?? 255) * (1 - wx) + (smooth[y1 * cols + x1] ?? 255) * wx;
      const background = Math.max(24, top * (1 - wy) + bottom * wy);
      const v = ((data[y * width + x] ?? 0) / background) * 255;
      out[y * width + x] = v >= 255 ? 255 : v;
    }
  }
  stretchContrast(out);
  return { data: out, width, height };
}

/** Faded thermal print: the darkest ink becomes black, so Tesseract's threshold has room. */
function stretchContrast(data: Uint8Array): void {
  const histogram = new Uint32Array(256);
  for (const v of data) histogram[v]!++;
  let seen = 0;
  let low = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] ?? 0;
    if (seen >= data.length * 0.005) {
      low = v;
      break;
    }
  }
  if (low < 8 || low > 180) return;
  const span = 255 - low;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? 255;
    data[i] = v <= low ? 0 : Math.round(((v - low) / span) * 255);
  }
}

// ---------------------------------------------------------------------------------------------
// Text size

/**
 * The median height of character-sized dark marks. Connected components at a reduced size are
 * enough: a character is a blob taller than a speck and narrower than a rule or a logo.
 */
function estimateCharHeight(image: GreyImage): number | undefined {
  const reduce = Math.max(1, Math.floor(Math.min(image.width, image.height) / 900));
  const small = reduce > 1 ? shrink(image, Math.ceil(Math.max(image.width, image.height) / reduce)).image : image;
  const factor = image.width / small.width;
  const { width, height, data } = small;
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) ink[i] = (data[i] ?? 255) < 140 ? 1 : 0;
  const heights: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start]) continue;
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    let area = 0;
    ink[start] = 0;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      area++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // 8-connected, so a thin diagonal stroke stays one character.
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (ink[q]) {
            ink[q] = 0;
            stack.push(q);
          }
        }
      }
    }
    const h = y1 - y0 + 1;
    const w = x1 - x0 + 1;
    if (h < 6 / factor || h > 200 / factor) continue;
    if (w > 2.5 * h || h > 4 * w) continue;
    // Mostly-filled blobs are noise or blocks of a bar code, not letters.
    if (area > 0.9 * w * h) continue;
    heights.push(h);
  }
  if (heights.length < 20) return undefined;
  heights.sort((a, b) => a - b);
  // The upper middle: capitals and digits, which is what receipts mostly print, are taller than
  // the lower-case x-height that drags a plain median down on invoices.
  const median = heights[Math.floor(heights.length * 0.6)] ?? 0;
  return median * factor;
}
