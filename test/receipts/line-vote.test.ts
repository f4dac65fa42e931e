/**
 * Readings of the same line at several scales, combined word by word: made-up OCR output, no
 * images.
 */
import { describe, expect, it } from 'vitest';
import { mapPage, voteBand, voteLine } from '../../src/receipts/line-vote.js';
import type { OcrLine, OcrPage, OcrPool, OcrWord } from '../../src/receipts/ocr-pool.js';

/** A word at `x0`–`x1` on the line from y 10 to 30. */
function word(text: string, x0: number, x1: number, confidence = 80): OcrWord {
  return { text, confidence, bbox: { x0, x1, y0: 10, y1: 30 } };
}

function line(words: OcrWord[], text = words.map((w) => w.text).join(' ')): OcrLine {
  const x0 = Math.min(...words.map((w) => w.bbox.x0));
  const x1 = Math.max(...words.map((w) => w.bbox.x1));
  return { text, confidence: 80, bbox: { x0, x1, y0: 10, y1: 30 }, words };
}

describe('voting on a line read at three scales', () => {
  const first = line([word('Mel', 0, 40, 70), word('Let', 50, 90), word('Cafe', 100, 150)]);

  it('takes the word two readings agree on over the first reading', () => {
    const a = line([word('Mei', 1, 41, 75), word('Let', 50, 90), word('Cafe', 100, 150)]);
    const b = line([word('Mei', 0, 40, 72), word('Let', 51, 91), word('Cafe', 99, 150)]);
    const voted = voteLine(first, [[a], [b]]);
    expect(voted.text).toBe('Mei Let Cafe');
    expect(voted.words.map((w) => w.text)).toEqual(['Mei', 'Let', 'Cafe']);
    // The word keeps the first reading's place on the page.
    expect(voted.words[0]?.bbox).toEqual(first.words[0]?.bbox);
  });

  it('keeps the first reading where the others disagree and are less sure together', () => {
    const a = line([word('Mei', 0, 40, 60), word('Let', 50, 90), word('Cafe', 100, 150)]);
    const b = line([word('Mol', 0, 40, 65), word('Let', 50, 90), word('Cafe', 100, 150)]);
    expect(voteLine(first, [[a], [b]])).toBe(first);
  });

  it('changes nothing when a word is found in only one other reading', () => {
    const a = line([word('Mei', 0, 40, 99), word('Let', 50, 90), word('Cafe', 100, 150)]);
    expect(voteLine(first, [[a], []])).toBe(first);
  });

  it('does not match a word to a much wider one, nor a line elsewhere on the page', () => {
    const wide = line([word('MeiLetCafe', 0, 150, 99)]);
    expect(voteLine(first, [[wide], [wide]])).toBe(first);
    const below = (l: OcrLine): OcrLine => ({
      ...l,
      bbox: { ...l.bbox, y0: 40, y1: 60 },
    });
    const a = line([word('Mei', 0, 40, 99), word('Let', 50, 90), word('Cafe', 100, 150)]);
    expect(voteLine(first, [[below(a)], [below(a)]])).toBe(first);
  });

  it('keeps the gaps between words, so the columns still line up', () => {
    const spaced = line([word('TOTAL', 0, 60), word('55.20', 200, 260, 60)], 'TOTAL        55.20');
    const a = line([word('TOTAL', 0, 60), word('53.20', 200, 260, 85)]);
    const b = line([word('TOTAL', 0, 60), word('53.20', 201, 259, 80)]);
    expect(voteLine(spaced, [[a], [b]]).text).toBe('TOTAL        53.20');
  });
});

describe('page coordinates of a region read larger', () => {
  it('divides by the scale and adds the region top', () => {
    const page = { text: 'x', confidence: 90, lines: [line([word('x', 20, 40)])] };
    const mapped = mapPage(page, 100, 2);
    expect(mapped.lines[0]?.bbox).toEqual({ x0: 10, x1: 20, y0: 105, y1: 115 });
    expect(mapped.lines[0]?.words[0]?.bbox).toEqual({ x0: 10, x1: 20, y0: 105, y1: 115 });
  });
});

describe('a band of lines read again at other scales', () => {
  /**
   * A pool that answers each image with the page for its width (one per scale), as if read from
   * the band's top. The regions of several scales are made at once, so they arrive in any order.
   */
  function fakePool(pagesByWidth: Record<number, OcrPage>): OcrPool & {
    sizes: Array<[number, number]>;
  } {
    const sizes: Array<[number, number]> = [];
    return {
      size: 2,
      sizes,
      running: () => 2,
      recognize(image: Buffer) {
        // The region comes as a binary PGM: "P5\n<width> <height>\n255\n".
        const [, w, h] = /^P5\s+(\d+)\s+(\d+)/.exec(image.toString('latin1', 0, 20)) ?? [];
        sizes.push([Number(w), Number(h)]);
        const page = pagesByWidth[Number(w)];
        return page ? Promise.resolve(page) : Promise.reject(new Error('no page for this size'));
      },
      warm: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }
  const grey = { data: new Uint8Array(200 * 100).fill(255), width: 200, height: 100 };
  const scaled = (l: OcrLine, top: number, scale: number): OcrLine => {
    const box = (b: OcrLine['bbox']) => ({
      x0: b.x0 * scale,
      x1: b.x1 * scale,
      y0: (b.y0 - top) * scale,
      y1: (b.y1 - top) * scale,
    });
    return { ...l, bbox: box(l.bbox), words: l.words.map((w) => ({ ...w, bbox: box(w.bbox) })) };
  };

  it('crops the band with a margin, reads it at each scale and votes in page coordinates', async () => {
    const first = line([word('Mel', 0, 40, 70), word('Let', 50, 90)]);
    const right = line([word('Mei', 0, 40, 80), word('Let', 50, 90)]);
    // The band starts 7 px above the line (0.35 of its 20 px height), at y 3.
    const page = (scale: number) => ({
      text: 'Mei Let',
      confidence: 80,
      lines: [scaled(right, 3, scale)],
    });
    const pool = fakePool({ 300: page(1.5), 400: page(2) });
    const [voted] = await voteBand(pool, grey, [first], [1.5, 2], {});
    expect(voted?.text).toBe('Mei Let');
    expect([...pool.sizes].sort((a, b) => a[0] - b[0])).toEqual([
      [300, 51],
      [400, 68],
    ]);
  });

  it('leaves a band too thin to read as it is, without OCR', async () => {
    const pool = fakePool({});
    const flat = { ...line([word('x', 0, 10)]), bbox: { x0: 0, x1: 10, y0: 50, y1: 51 } };
    expect(await voteBand(pool, grey, [flat], [1.5], {})).toEqual([flat]);
    expect(pool.sizes).toEqual([]);
  });
});
