/**
 * Turns a receipt photo or scan into what Tesseract reads best: upright, cropped to the paper,
 * lit evenly, and scaled so the characters are about the height its models were trained on.
 * Phone photos of receipts are the hard case: a dark table around the paper, a shadow across it,
 * and a slip whose print is three times larger than on an A4 invoice. Tesseract copes with none of
 * these by itself, and the time it spends grows with the pixels it is handed, so the work here
 * buys both accuracy and speed.
 */
import sharp from 'sharp';

// Each receipt is decoded once: libvips' operation cache would only hold on to memory (tens of
// megabytes per photo) that the OCR workers beside it need.
sharp.cache(false);

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
  /** Letter-like marks standing in rows, as print does. */
  marks: number;
  /**
   * Whether there is print worth reading. A photo of a person, a cat or a landscape has none,
   * and OCR on it mostly wastes seconds (on a textured one, many) reading grain as letters.
   */
  hasText: boolean;
}

export interface PrepOptions {
  /** Refuse images with more pixels than this before decoding them (default 40 megapixels). */
  maxInputPixels?: number;
  /** Character height to scale to, in pixels (default 24: Tesseract's LSTM models read 20–40 well, and time grows with size). */
  targetCharHeight?: number;
  /** Upper bound on the pixels handed to OCR; the time Tesseract takes grows with them. */
  maxOutputPixels?: number;
}

const DEFAULT_MAX_INPUT_PIXELS = 40_000_000;
const DEFAULT_TARGET_CHAR_HEIGHT = 24;
const DEFAULT_MAX_OUTPUT_PIXELS = 2_000_000;
/**
 * The long side of the working copy. Enough for the small print of an A4 invoice photographed
 * whole; anything above only costs decode time.
 */
const WORKING_LONG_SIDE = 2200;

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

async function resizeGrey(image: GreyImage, scale: number, blur?: number): Promise<GreyImage> {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  let pipeline = sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 1 },
  });
  if (scale !== 1)
    pipeline = pipeline.resize({
      width,
      height,
      fit: 'fill',
      kernel: scale < 1 ? 'lanczos3' : 'cubic',
    });
  if (blur) pipeline = pipeline.blur(blur);
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

interface Paper {
  rect: Rect;
  /** 1 where the shrunken image shows paper (holes such as a dark logo filled in), grown a little. */
  mask: Uint8Array;
  /** 1 where it certainly is paper: the mask before growing. */
  core: Uint8Array;
  maskWidth: number;
  maskHeight: number;
  factor: number;
  /** Brightness below which, near the paper's edge, a pixel is the table rather than the paper. */
  table: number;
}

/**
 * The largest bright region, when it is clearly a sheet lying on something darker. Undefined for
 * scans (the paper is the whole image) and for photos with no paper in them.
 */
function findPaper(image: GreyImage): Paper | undefined {
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
  if (!darkCount || !brightCount || brightSum / brightCount - darkSum / darkCount < 40)
    return undefined;

  const bright = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bright[i] = (data[i] ?? 0) > threshold ? 1 : 0;
  const { label, found } = components(width, height, bright, false);
  const best = found.reduce<Component | undefined>(
    (b, c) => (!b || c.area > b.area ? c : b),
    undefined,
  );
  const stack: number[] = [];
  if (!best) return undefined;
  const boxWidth = best.x1 - best.x0 + 1;
  const boxHeight = best.y1 - best.y0 + 1;
  // Too small to be the receipt (a reflection, a label), or so large the image is the paper.
  if (best.area < 0.08 * data.length) return undefined;
  if (boxWidth > 0.94 * width && boxHeight > 0.94 * height) return undefined;

  // The sheet is often shaded towards one end (the phone's shadow), darker there than the
  // threshold: grow it into anything clearly brighter than the table, as long as it touches it.
  const paperId = best.id;
  const low = darkSum / darkCount + 0.3 * (brightSum / brightCount - darkSum / darkCount);
  for (let p = 0; p < label.length; p++) if (label[p] === paperId) stack.push(p);
  while (stack.length) {
    const p = stack.pop() as number;
    const x = p % width;
    const y = (p - x) / width;
    const grow = (q: number) => {
      if (label[q] !== paperId && (data[q] ?? 0) > low) {
        label[q] = paperId;
        stack.push(q);
      }
    };
    if (x > 0) grow(p - 1);
    if (x < width - 1) grow(p + 1);
    if (y > 0) grow(p - width);
    if (y < height - 1) grow(p + width);
  }
  // Outside = not paper and reachable from the image border without crossing paper; what is
  // enclosed by paper (a logo, a bar code, a block of bold print) stays.
  const outside = new Uint8Array(width * height);
  const spread = (q: number) => {
    if (!outside[q] && label[q] !== paperId) {
      outside[q] = 1;
      stack.push(q);
    }
  };
  for (let x = 0; x < width; x++) {
    spread(x);
    spread((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    spread(y * width);
    spread(y * width + width - 1);
  }
  while (stack.length) {
    const p = stack.pop() as number;
    const x = p % width;
    const y = (p - x) / width;
    if (x > 0) spread(p - 1);
    if (x < width - 1) spread(p + 1);
    if (y > 0) spread(p - width);
    if (y < height - 1) spread(p + width);
  }
  // Grown by three cells: the shrunken mask loses the paper's edge, and print runs close to it.
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let paper = 0;
      for (let dy = -3; dy <= 3 && !paper; dy++) {
        for (let dx = -3; dx <= 3 && !paper; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < width && yy < height && !outside[yy * width + xx])
            paper = 1;
        }
      }
      mask[y * width + x] = paper;
    }
  }
  const marginX = Math.ceil(boxWidth * 0.03) + 1;
  const marginY = Math.ceil(boxHeight * 0.03) + 1;
  const rect = clampRect(image, {
    left: (best.x0 - marginX) * factor,
    top: (best.y0 - marginY) * factor,
    width: (boxWidth + 2 * marginX) * factor,
    height: (boxHeight + 2 * marginY) * factor,
  });
  const core = outside.map((v) => (v ? 0 : 1));
  return { rect, mask, core, maskWidth: width, maskHeight: height, factor, table: low };
}

/** Paints everything that is not paper white: the table's grain is not for OCR to read. */
function whitenOutside(image: GreyImage, raw: GreyImage, paper: Paper): void {
  const { rect, mask, core, maskWidth, maskHeight, factor, table } = paper;
  for (let y = 0; y < image.height; y++) {
    const my = Math.min(maskHeight - 1, Math.floor((y + rect.top) / factor));
    for (let x = 0; x < image.width; x++) {
      const cell = my * maskWidth + Math.min(maskWidth - 1, Math.floor((x + rect.left) / factor));
      // In the band the mask was grown by, the table shows as a dark frame around the slip once
      // lighting is evened out against the paper next to it.
      const isTable =
        !mask[cell] ||
        (!core[cell] && (raw.data[(y + rect.top) * raw.width + x + rect.left] ?? 0) < table);
      if (isTable) image.data[y * image.width + x] = 255;
    }
  }
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
      const bottom =
        (smooth[y1 * cols + x0] ?? 255) * (1 - wx) + (smooth[y1 * cols + x1] ?? 255) * wx;
      const background = Math.max(24, top * (1 - wy) + bottom * wy);
      out[y * width + x] = Math.min(
        255,
        Math.round(((data[y * width + x] ?? 0) / background) * 255),
      );
    }
  }
  const levels = inkLevels(out);
  for (let i = 0; i < out.length; i++) out[i] = levels[out[i] ?? 255] ?? 255;
  return { data: out, width, height };
}

/**
 * Brightness relative to the paper → grey level handed to OCR. The paper's own grain (felt or
 * wood texture, sensor noise, JPEG artefacts, all amplified by the division above) becomes
 * white: on a phone photo it would otherwise reach Tesseract as thousands of specks it tries to
 * read, which costs seconds and, on a textured photo that is no receipt, minutes. How much is
 * grain is measured, not fixed: a clean scan keeps its faint print, a grainy photo loses its
 * grain. What is darker is stretched to full contrast, keeping anti-aliased edges grey.
 */
function inkLevels(relative: Uint8Array): Uint8Array {
  // The typical shortfall of paper-coloured pixels from pure paper white.
  const histogram = new Uint32Array(256);
  let paper = 0;
  for (const v of relative) {
    if (v >= 178) {
      histogram[255 - v]!++;
      paper++;
    }
  }
  let seen = 0;
  let grain = 0;
  for (let d = 0; d < 78; d++) {
    seen += histogram[d] ?? 0;
    if (seen >= paper / 2) {
      grain = d;
      break;
    }
  }
  const white = Math.max(0.8 * 255, Math.min(250, 255 - Math.max(6, 3.5 * grain)));
  const black = Math.min(0.5 * 255, white - 0.3 * 255);
  const levels = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    levels[v] =
      v <= black ? 0 : v >= white ? 255 : Math.round(((v - black) / (white - black)) * 255);
  }
  return levels;
}

// ---------------------------------------------------------------------------------------------
// Skew

/**
 * The angle, in degrees, by which the lines of print run downhill to the right: the shear at
 * which the rows of ink, projected sideways, pile up into the sharpest peaks.
 */
function estimateSkew(image: GreyImage): number {
  const { image: small } = shrink(image, 700);
  const { width, height, data } = small;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[y * width + x] ?? 255) < 128) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 200) return 0;
  const bins = new Float64Array(height * 2 + width * 2);
  const sharpness = (degrees: number) => {
    const t = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    const offset = width;
    for (let i = 0; i < xs.length; i++) {
      const row = Math.round((ys[i] as number) - (xs[i] as number) * t) + offset;
      bins[row] = (bins[row] ?? 0) + 1;
    }
    let sum = 0;
    for (const b of bins) sum += b * b;
    return sum;
  };
  const level = sharpness(0);
  let best = 0;
  let bestScore = level;
  for (let d = -10; d <= 10; d += 0.5) {
    const score = sharpness(d);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  for (let d = best - 0.4; d <= best + 0.4; d += 0.1) {
    const score = sharpness(d);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  // A gain of a few per cent is noise (a table's ruling, a logo), not a tilted page.
  return bestScore > level * 1.05 ? Math.round(best * 10) / 10 : 0;
}

async function rotateGrey(image: GreyImage, degrees: number): Promise<GreyImage> {
  const { data, info } = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .rotate(degrees, { background: { r: 255, g: 255, b: 255 } })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

/** Crops blank margins (a rotated page's corners, an A4 scan around a small slip). */
function trimToInk(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if ((data[row + x] ?? 255) < 128) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return image;
  const margin = Math.round(Math.min(width, height) * 0.02) + 4;
  const rect = clampRect(image, {
    left: x0 - margin,
    top: y0 - margin,
    width: x1 - x0 + 1 + 2 * margin,
    height: y1 - y0 + 1 + 2 * margin,
  });
  if (rect.width * rect.height > 0.92 * width * height) return image;
  return cropGrey(image, rect);
}

// ---------------------------------------------------------------------------------------------
// Text size

/**
 * The median height of character-sized dark marks. Connected components at a reduced size are
 * enough: a character is a blob taller than a speck and narrower than a rule or a logo.
 */
interface Mark {
  /** Centre and size in the measured image's pixels. */
  cx: number;
  cy: number;
  w: number;
  h: number;
}

interface Component {
  id: number;
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Connected components of the pixels set in `mask`, with their bounding boxes; `label` holds each
 * pixel's component id (from 1). Plain loops over typed arrays: this runs over every pixel of a
 * photo, twice per receipt.
 */
function components(
  width: number,
  height: number,
  mask: Uint8Array,
  eightConnected: boolean,
): { label: Int32Array; found: Component[] } {
  const label = new Int32Array(width * height);
  const found: Component[] = [];
  const stack: number[] = [];
  const reach = eightConnected ? 1 : 0;
  for (let start = 0; start < label.length; start++) {
    if (label[start] || !mask[start]) continue;
    const id = found.length + 1;
    let area = 0;
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    label[start] = id;
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
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        const from = dy === 0 ? -1 : -reach;
        const to = dy === 0 ? 1 : reach;
        for (let dx = from; dx <= to; dx++) {
          if (dx === 0 && dy === 0) continue;
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (!label[q] && mask[q]) {
            label[q] = id;
            stack.push(q);
          }
        }
      }
    }
    found.push({ id, area, x0, y0, x1, y1 });
  }
  return { label, found };
}

/**
 * Character-like dark marks: blobs taller than a speck, narrower than a rule or a logo, and not
 * solid (a solid blob is noise or a block of a bar code). Connected components on a copy of at
 * most ~900 pixels on its short side: enough to see print, cheap in plain JavaScript. The solid
 * upright bars of a bar code come back apart, in `bars`.
 */
function findMarks(image: GreyImage): { marks: Mark[]; bars: Mark[] } {
  const reduce = Math.max(1, Math.floor(Math.min(image.width, image.height) / 900));
  const small =
    reduce > 1
      ? shrink(image, Math.ceil(Math.max(image.width, image.height) / reduce)).image
      : image;
  const factor = image.width / small.width;
  const { width, height, data } = small;
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) ink[i] = (data[i] ?? 255) < 140 ? 1 : 0;
  const marks: Mark[] = [];
  const bars: Mark[] = [];
  // 8-connected, so a thin diagonal stroke stays one character.
  for (const { area, x0, y0, x1, y1 } of components(width, height, ink, true).found) {
    const h = y1 - y0 + 1;
    const w = x1 - x0 + 1;
    if (h < 6 / factor) continue;
    const mark = {
      cx: ((x0 + x1 + 1) / 2) * factor,
      cy: ((y0 + y1 + 1) / 2) * factor,
      w: w * factor,
      h: h * factor,
    };
    if (h > 4 * w && area > 0.6 * w * h) {
      bars.push(mark);
      continue;
    }
    if (h > 200 / factor || w > 2.5 * h || h > 4 * w) continue;
    if (area > 0.9 * w * h) continue;
    marks.push(mark);
  }
  return { marks, bars };
}

/**
 * Marks that sit in a row with another of about their size, as letters in a line of print do.
 * Grain, foliage or fur make marks of letter size too, but scattered: few have such a neighbour.
 */
function alignedMarks(marks: Mark[]): Mark[] {
  if (marks.length < 2) return [];
  const heights = marks.map((m) => m.h).sort((a, b) => a - b);
  const cell = Math.max(4, 3 * (heights[Math.floor(heights.length / 2)] ?? 4));
  const grid = new Map<string, Mark[]>();
  const key = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  for (const m of marks) {
    const k = key(m.cx, m.cy);
    const bucket = grid.get(k);
    if (bucket) bucket.push(m);
    else grid.set(k, [m]);
  }
  const aligned: Mark[] = [];
  for (const m of marks) {
    let found = false;
    for (let dx = -1; dx <= 1 && !found; dx++) {
      for (let dy = -1; dy <= 1 && !found; dy++) {
        for (const n of grid.get(key(m.cx + dx * cell, m.cy + dy * cell)) ?? []) {
          if (n === m) continue;
          const ratio = n.h / m.h;
          const gap = Math.abs(n.cx - m.cx) - (n.w + m.w) / 2;
          if (
            ratio > 0.75 &&
            ratio < 1.33 &&
            Math.abs(n.cy - m.cy) < 0.2 * m.h &&
            gap < 0.8 * m.h &&
            gap > -0.2 * m.h
          ) {
            found = true;
            break;
          }
        }
      }
    }
    if (found) aligned.push(m);
  }
  return aligned;
}

/**
 * Bar codes: a row of solid bars, each taller than the print and thin. Tesseract takes them for
 * a line of tall letters and, in a single-block layout, swallows the line of print beside or
 * below them (the date on a German till slip sits right under its bar code).
 */
function eraseBarcodes(image: GreyImage, bars: Mark[], charHeight: number): void {
  const tall = bars.filter((b) => b.h >= 1.5 * charHeight);
  const inCode = tall.filter(
    (b) =>
      tall.filter((o) => Math.abs(o.cy - b.cy) < 0.25 * b.h && Math.abs(o.h - b.h) < 0.3 * b.h)
        .length >= 8,
  );
  if (inCode.length === 0) return;
  // One rectangle per band of bars, taking in the thick bars that merged into blocks. Its
  // bottom is left alone: tills print the date and receipt number into the foot of the code.
  const bands: Array<{ x0: number; x1: number; y0: number; y1: number }> = [];
  for (const b of inCode.sort((p, q) => p.cy - q.cy)) {
    const band = bands.find((r) => b.cy > r.y0 && b.cy < r.y1);
    const box = { x0: b.cx - b.w / 2, x1: b.cx + b.w / 2, y0: b.cy - b.h / 2, y1: b.cy + b.h / 2 };
    if (!band) bands.push(box);
    else
      Object.assign(band, {
        x0: Math.min(band.x0, box.x0),
        x1: Math.max(band.x1, box.x1),
        y0: Math.min(band.y0, box.y0),
        y1: Math.max(band.y1, box.y1),
      });
  }
  for (const r of bands) {
    const x0 = Math.max(0, Math.floor(r.x0) - 2);
    const x1 = Math.min(image.width - 1, Math.ceil(r.x1) + 2);
    const y0 = Math.max(0, Math.floor(r.y0) - 2);
    const y1 = Math.min(image.height - 1, Math.floor(r.y1 - 1.05 * charHeight));
    for (let y = y0; y <= y1; y++)
      image.data.fill(255, y * image.width + x0, y * image.width + x1 + 1);
  }
}

/**
 * The upper middle of the marks' heights: capitals and digits, which is what receipts mostly
 * print, are taller than the lower-case x-height that drags a plain median down on invoices.
 */
function typicalHeight(marks: Mark[]): number | undefined {
  if (marks.length < 20) return undefined;
  const heights = marks.map((m) => m.h).sort((a, b) => a - b);
  return heights[Math.floor(heights.length * 0.6)];
}

/**
 * A row near `fraction` of the height (by amount of print, not by pixels) with no print on it,
 * where the image can be cut in two without cutting a line of text: both halves are then read at
 * the same time by two OCR workers.
 */
export function findQuietRow(image: GreyImage, fraction = 0.5): number | undefined {
  const { width, height, data } = image;
  const ink = new Uint32Array(height);
  let total = 0;
  // The outer columns are left out: a photographed slip's edges and shadows run its full height.
  const from = Math.floor(width * 0.06);
  const to = Math.ceil(width * 0.94);
  for (let y = 0; y < height; y++) {
    let n = 0;
    const row = y * width;
    for (let x = from; x < to; x++) if ((data[row + x] ?? 255) < 128) n++;
    ink[y] = n;
    total += n;
  }
  if (total === 0) return undefined;
  let seen = 0;
  let middle = 0;
  for (let y = 0; y < height; y++) {
    seen += ink[y] ?? 0;
    if (seen >= total * fraction) {
      middle = y;
      break;
    }
  }
  // Quiet: little ink over a few rows running, so the cut passes between two lines of print.
  // "Little" is relative to a line of print, because specks survive on a grainy photo.
  const busy = [...ink].filter((n) => n > 0).sort((a, b) => a - b);
  const typical = busy[Math.floor(busy.length / 2)] ?? 0;
  const limit = Math.max(1, width * 0.002, typical * 0.08);
  const run = 2;
  let best: { y: number; ink: number } | undefined;
  for (let d = 0; d < height * 0.25; d++) {
    for (const y of [middle + d, middle - d]) {
      if (y - run < 0 || y + run >= height) continue;
      let sum = 0;
      let ok = true;
      for (let k = -run; k <= run && ok; k++) {
        const n = ink[y + k] ?? width;
        ok = n <= limit;
        sum += n;
      }
      if (ok && (!best || sum < best.ink)) best = { y, ink: sum };
    }
    // The first quiet stretch found this close to the middle will do.
    if (best && d > 20) break;
  }
  return best?.y;
}
