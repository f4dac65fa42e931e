/**
 * Greyscale bitmaps for image preparation: decoding a photo (with sharp, refusing decompression
 * bombs), resizing, cropping and the PGM encoding Tesseract reads, and the errors of decoding.
 */
import sharp from 'sharp';

// Each receipt is decoded once: libvips' operation cache would only hold on to memory (tens of
// megabytes per photo) that the OCR workers beside it need.
sharp.cache(false);

/**
 * The long side of the working copy. Enough for the small print of an A4 invoice photographed
 * whole; anything above only costs decode time.
 */
const WORKING_LONG_SIDE = 2200;

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

export async function decodeGrey(bytes: Buffer, maxInputPixels: number): Promise<GreyImage> {
  try {
    // failOn 'error' rather than the default 'warning': phones and chat clients produce JPEGs
    // with harmless oddities (a truncated tail, a bad EXIF block) that still show a readable receipt.
    const { data, info } = await sharp(bytes, { limitInputPixels: maxInputPixels, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({
        width: WORKING_LONG_SIDE,
        height: WORKING_LONG_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected three channels, got ${info.channels}`);
    return {
      data: inkChannel(data, info.width * info.height),
      width: info.width,
      height: info.height,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) {
      throw new ImageTooLargeError(`The image has more than ${maxInputPixels} pixels`, {
        cause: err,
      });
    }
    throw new UnreadableImageError(`The image could not be decoded: ${message}`, { cause: err });
  }
}

/**
 * Grey from colour by the darkest channel rather than by luminance: purple or blue till-roll
 * ink on tinted paper is nearly as bright as the paper in luminance, but far darker in one
 * channel; black print and white paper come out the same either way.
 */
function inkChannel(rgb: Buffer, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += 3) {
    const r = rgb[j] ?? 0;
    const g = rgb[j + 1] ?? 0;
    const b = rgb[j + 2] ?? 0;
    out[i] = r < g ? (r < b ? r : b) : g < b ? g : b;
  }
  return out;
}

export async function resizeGrey(
  image: GreyImage,
  scale: number,
  blur?: number,
): Promise<GreyImage> {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  let pipeline = fromGrey(image);
  if (scale !== 1)
    pipeline = pipeline.resize({
      width,
      height,
      fit: 'fill',
      kernel: scale < 1 ? 'lanczos3' : 'cubic',
    });
  if (blur) pipeline = pipeline.blur(blur);
  return toGrey(pipeline);
}

/** A sharp pipeline over a grey bitmap. */
export function fromGrey(image: GreyImage): sharp.Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });
}

/** The grey bitmap a sharp pipeline ends in. */
export async function toGrey(pipeline: sharp.Sharp): Promise<GreyImage> {
  const { data, info } = await pipeline
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function clampRect(image: GreyImage, rect: Rect): Rect {
  const left = Math.max(0, Math.min(image.width - 1, Math.round(rect.left)));
  const top = Math.max(0, Math.min(image.height - 1, Math.round(rect.top)));
  const width = Math.max(1, Math.min(image.width - left, Math.round(rect.width)));
  const height = Math.max(1, Math.min(image.height - top, Math.round(rect.height)));
  return { left, top, width, height };
}

export function cropGrey(image: GreyImage, rect: Rect): GreyImage {
  const data = new Uint8Array(rect.width * rect.height);
  for (let y = 0; y < rect.height; y++) {
    const from = (rect.top + y) * image.width + rect.left;
    data.set(image.data.subarray(from, from + rect.width), y * rect.width);
  }
  return { data, width: rect.width, height: rect.height };
}

export function encodePgm(image: GreyImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  return Buffer.concat([header, image.data]);
}

/** Averages blocks of pixels into a small image; cheap enough to analyse in plain JavaScript. */
export function shrink(image: GreyImage, longSide: number): { image: GreyImage; factor: number } {
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
