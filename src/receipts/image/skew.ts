/**
 * Skew: how far the lines of print run downhill, turning the slip upright, and trimming to the ink.
 */
import { clampRect, cropGrey, fromGrey, shrink, toGrey, type GreyImage } from './grey.js';

/**
 * The angle, in degrees, by which the lines of print run downhill to the right: the shear at
 * which the rows of ink, projected sideways, pile up into the sharpest peaks.
 */
export function estimateSkew(image: GreyImage): number {
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

export function rotateGrey(image: GreyImage, degrees: number): Promise<GreyImage> {
  return toGrey(fromGrey(image).rotate(degrees, { background: { r: 255, g: 255, b: 255 } }));
}

/** Crops blank margins (a rotated page's corners, an A4 scan around a small slip). */
export function trimToInk(image: GreyImage): GreyImage {
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
