/**
 * The tokenizer: OCR output (plain text, or lines with word confidences and positions) made into
 * lines the field pickers read. Each line is repaired where OCR breaks figures, folded for
 * keyword search with positions kept, and sized relative to the receipt's usual print.
 */
import { foldInPlace, normaliseTypography } from '../../text/fold.js';

export interface OcrWordInput {
  text: string;
  /** 0–100 as Tesseract reports it, or 0–1. */
  confidence: number;
  /** Top and bottom of the word on the page, when known: large print marks the total. */
  bbox?: { y0: number; y1: number };
}

export interface OcrLineInput {
  text: string;
  confidence?: number;
  words?: OcrWordInput[];
}

/**
 * Repairs the OCR slips that break figures: "1O4,5O" (letter O), "1 085, 90" (a space after the
 * decimal comma), "12.30" read as "12-30" does not happen often enough to guess.
 */
function repairDigits(line: string): string {
  return (
    line
      .replace(/(?<=\d)[oO](?=[\d.,])|(?<=\d[.,])[oO](?=\d|\b)|(?<=\d[.,]\d)[oO]\b/g, '0')
      .replace(/(?<=\d[.,]) (?=\d{2}(?!\d))/g, '')
      .replace(/(?<=\d) (?=[.,]\d{2}(?!\d))/g, '')
      // A capital I or a bar read for a 1 at the start of a figure.
      .replace(/(?<![a-z])[I|l](?=\d{0,5}[.,]\d{2}(?!\d))/g, '1')
  );
}

export interface Line {
  index: number;
  /** Index of the input line (or text line) it came from. */
  source: number;
  text: string;
  folded: string;
  /** 0–1 */
  confidence: number;
  /** Relative print size: 1 = the receipt's usual line height. */
  size: number;
  words: Array<{ start: number; end: number; confidence: number }>;
}

export function toConfidence(value: number | undefined): number {
  if (value === undefined || Number.isNaN(value)) return 0.85;
  return value > 1 ? Math.max(0, Math.min(1, value / 100)) : Math.max(0, value);
}

export function prepareLines(text: string, inputs: OcrLineInput[] | undefined): Line[] {
  const raw: Array<{ text: string; confidence?: number; words?: OcrWordInput[] }> =
    inputs ?? text.split(/\r?\n/).map((t) => ({ text: t }));
  const heights: number[] = [];
  const lineHeights = raw.map((l) => {
    const hs = (l.words ?? [])
      .filter((w) => w.bbox && /[\p{L}\p{N}]{2}/u.test(w.text))
      .map(
        (w) =>
          (w.bbox as { y0: number; y1: number }).y1 - (w.bbox as { y0: number; y1: number }).y0,
      );
    if (hs.length === 0) return undefined;
    hs.sort((a, b) => a - b);
    const h = hs[Math.floor(hs.length / 2)] as number;
    heights.push(h);
    return h;
  });
  heights.sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)];
  const lines: Line[] = [];
  raw.forEach((l, i) => {
    const normal = repairDigits(normaliseTypography(l.text).replace(/[\r\n]+/g, ' '))
      // A model without Norwegian letters reads Ø as @ ("BEL@P").
      .replace(/(?<=\p{L})@(?=\p{L})/gu, (m, at: number, all: string) =>
        /\p{Lu}/u.test(all[at - 1] ?? '') ? 'Ø' : 'ø',
      );
    if (!normal.trim()) return;
    const words: Line['words'] = [];
    let cursor = 0;
    for (const w of l.words ?? []) {
      const wt = repairDigits(w.text.normalize('NFC'));
      const at = normal.indexOf(wt, cursor);
      if (at < 0 || !wt) continue;
      words.push({ start: at, end: at + wt.length, confidence: toConfidence(w.confidence) });
      cursor = at + wt.length;
    }
    const h = lineHeights[i];
    lines.push({
      index: lines.length,
      source: i,
      text: normal,
      folded: foldInPlace(normal),
      confidence: toConfidence(l.confidence),
      size: h && usual ? h / usual : 1,
      words,
    });
  });
  return lines;
}

/** The OCR confidence of the characters in [start, end) of a line. */
export function spanConfidence(line: Line, start: number, end: number): number {
  const overlapping = line.words.filter((w) => w.start < end && w.end > start);
  if (overlapping.length === 0) return line.confidence;
  return Math.min(...overlapping.map((w) => w.confidence));
}
