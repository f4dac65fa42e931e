/**
 * Lighting: evening out shadows and hot spots, so one threshold keeps every stroke.
 */
import type { GreyImage } from './grey.js';

/**
 * Divides each pixel by the local paper brightness, so a shadow across the slip or a flash
 * hot spot no longer decides which strokes Tesseract's global threshold keeps. The paper's
 * brightness is the brightest part of each block (text is dark and thin), smoothed and
 * interpolated between block centres.
 */
export function flattenIllumination(image: GreyImage): GreyImage {
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
export function inkLevels(relative: Uint8Array): Uint8Array {
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
