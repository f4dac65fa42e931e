/**
 * Text size: the dark marks on the page, which of them stand in rows as letters do, bar codes to
 * erase, the usual character height and a quiet row to split a page at.
 */
import { shrink, type GreyImage } from './grey.js';

/**
 * The median height of character-sized dark marks. Connected components at a reduced size are
 * enough: a character is a blob taller than a speck and narrower than a rule or a logo.
 */
export interface Mark {
  /** Centre and size in the measured image's pixels. */
  cx: number;
  cy: number;
  w: number;
  h: number;
}

export interface Component {
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
export function components(
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
export function findMarks(image: GreyImage): { marks: Mark[]; bars: Mark[] } {
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
export function alignedMarks(marks: Mark[]): Mark[] {
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
export function eraseBarcodes(image: GreyImage, bars: Mark[], charHeight: number): void {
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
export function typicalHeight(marks: Mark[]): number | undefined {
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
