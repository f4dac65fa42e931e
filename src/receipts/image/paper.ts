/**
 * Finding the paper: the bright sheet of a receipt on a darker table, as a rectangle and a mask,
 * so the table's grain is not read as letters.
 */
import { clampRect, shrink, type GreyImage, type Rect } from './grey.js';
import { components, type Component } from './marks.js';

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

export interface Paper {
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
export function findPaper(image: GreyImage): Paper | undefined {
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
export function whitenOutside(image: GreyImage, raw: GreyImage, paper: Paper): void {
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
