/**
 * Several OCR readings of the same lines, combined word by word. Tesseract's LSTM misreads a
 * letter or a digit at one scale ("Mel" for Mei, "55.20" for 53.20) and reads it right at
 * another; which scale is right differs from receipt to receipt, so no one scale wins. Read at
 * three scales, a word two readings agree on is taken; where all three differ, the one Tesseract
 * was surest of.
 */
import { regionForOcr, type GreyImage } from './image-prep.js';
import type { OcrBox, OcrLine, OcrPage, OcrPool, OcrWord, RecognizeOptions } from './ocr-pool.js';

/** Page coordinates of a region read at `scale` from `top` down. */
export function mapPage(page: OcrPage, top: number, scale: number): OcrPage {
  const map = <T extends { bbox: OcrBox }>(o: T): T => ({
    ...o,
    bbox: {
      x0: o.bbox.x0 / scale,
      x1: o.bbox.x1 / scale,
      y0: o.bbox.y0 / scale + top,
      y1: o.bbox.y1 / scale + top,
    },
  });
  return { ...page, lines: page.lines.map((l) => ({ ...map(l), words: l.words.map(map) })) };
}

/**
 * The line of `lines` that lies across the middle of `line`, the longest when several do: a band
 * read again may catch a sliver of the lines above and below.
 */
export function sameLine(line: OcrLine, lines: readonly OcrLine[]): OcrLine | undefined {
  const middle = (line.bbox.y0 + line.bbox.y1) / 2;
  return lines
    .filter((l) => l.bbox.y0 <= middle && l.bbox.y1 >= middle)
    .sort((a, b) => b.text.length - a.text.length)[0];
}

/**
 * How much of the wider of two words their overlap must cover for them to be one word read
 * twice: less, and a word split in one reading ("Baker Es") is matched to the whole of it in
 * another ("Bakeries"), and the vote splices a word into a line twice.
 */
const SAME_WORD_SHARE = 0.7;

/** The word of `words` covering most of `word` across, if it covers most of both. */
function sameWord(word: OcrWord, words: readonly OcrWord[]): OcrWord | undefined {
  let best: OcrWord | undefined;
  let bestShare = SAME_WORD_SHARE;
  for (const w of words) {
    const overlap = Math.min(w.bbox.x1, word.bbox.x1) - Math.max(w.bbox.x0, word.bbox.x0);
    const wider = Math.max(w.bbox.x1 - w.bbox.x0, word.bbox.x1 - word.bbox.x0, 1);
    const share = overlap / wider;
    if (share > bestShare) {
      best = w;
      bestShare = share;
    }
  }
  return best;
}

/** Among one word's readings: the text with the most confidence summed over its readings. */
function vote(readings: readonly OcrWord[]): OcrWord {
  const [first] = readings;
  if (!first) throw new Error('vote needs at least one reading');
  const weight = (w: OcrWord) =>
    readings.filter((r) => r.text === w.text).reduce((sum, r) => sum + r.confidence, 0);
  return readings.reduce((best, w) => (weight(w) > weight(best) ? w : best), first);
}

/**
 * `line` with each word replaced by the vote of its readings in `others` (other readings of the
 * same page region, in page coordinates). A word the others do not find in the same place keeps
 * its first reading; the gaps between words stay as they were, so the columns still line up.
 */
export function voteLine(line: OcrLine, others: readonly OcrLine[][]): OcrLine {
  const matches = others.map((lines) => sameLine(line, lines));
  let text = line.text;
  let from = 0;
  const words = line.words.map((word) => {
    const readings = [word];
    for (const other of matches) {
      const w = other && sameWord(word, other.words);
      if (w && w.text.trim() && !/\s/.test(w.text)) readings.push(w);
    }
    const chosen = readings.length >= 3 ? vote(readings) : word;
    const at = text.indexOf(word.text, from);
    if (at < 0 || chosen.text === word.text) {
      if (at >= 0) from = at + word.text.length;
      return word;
    }
    text = text.slice(0, at) + chosen.text + text.slice(at + word.text.length);
    from = at + chosen.text.length;
    return { ...chosen, bbox: word.bbox };
  });
  const changed = words.some((w, i) => w !== line.words[i]);
  return changed ? { ...line, text, words } : line;
}

/**
 * `lines` (neighbours on the page, in page coordinates) read again as one band of `grey` at
 * `scale`, with a margin of a third of a line above and below; the lines read, in page
 * coordinates, or undefined when the band is too thin to read.
 */
export async function readBand(
  pool: OcrPool,
  grey: GreyImage,
  lines: readonly OcrLine[],
  scale: number,
  opts: RecognizeOptions,
): Promise<OcrLine[] | undefined> {
  const top = Math.min(...lines.map((l) => l.bbox.y0));
  const bottom = Math.max(...lines.map((l) => l.bbox.y1));
  const margin = 0.35 * Math.max(...lines.map((l) => l.bbox.y1 - l.bbox.y0));
  const y0 = Math.max(0, Math.round(top - margin));
  const y1 = Math.min(grey.height, Math.round(bottom + margin));
  if (!(y1 - y0 >= 4)) return undefined;
  const rect = { left: 0, top: y0, width: grey.width, height: y1 - y0 };
  const region = await regionForOcr(grey, rect, scale);
  return mapPage(await pool.recognize(region, opts), y0, scale).lines;
}

/**
 * `lines` read again as one band (`readBand`) at each of `scales`, and voted on with these
 * readings; the lines as they were when nothing changed.
 */
export async function voteBand(
  pool: OcrPool,
  grey: GreyImage,
  lines: readonly OcrLine[],
  scales: readonly number[],
  opts: RecognizeOptions,
): Promise<OcrLine[]> {
  const others: OcrLine[][] = [];
  for (const read of await Promise.all(
    scales.map((scale) => readBand(pool, grey, lines, scale, opts)),
  ))
    if (read) others.push(read);
  if (others.length < scales.length) return [...lines];
  return lines.map((l) => voteLine(l, others));
}
