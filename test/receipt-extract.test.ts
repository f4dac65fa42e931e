/**
 * The offline receipt reader on real photos and scans: image preparation, tesseract.js with the
 * trained data from node_modules, the parser, and PDFs. One warm OCR pool for the whole file.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageTooLargeError, prepareForOcr } from '../src/receipts/image-prep.js';
import {
  createOfflineExtractor,
  sniffReceiptType,
  type OfflineExtractor,
} from '../src/receipts/offline-extractor.js';
import { OcrError, createOcrPool, type OcrPool } from '../src/receipts/ocr-pool.js';
import { receiptFieldsSchema } from '../src/receipts/receipt-fields.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/receipts', name));

let pool: OcrPool;
let extractor: OfflineExtractor;
beforeAll(async () => {
  pool = createOcrPool();
  extractor = createOfflineExtractor({ pool });
  await extractor.warm();
}, 60_000);
afterAll(async () => {
  await extractor.close();
  await pool.close();
});

async function read(bytes: Buffer) {
  const result = await extractor.read(bytes, sniffReceiptType(bytes) ?? 'image/jpeg');
  receiptFieldsSchema.parse(result.fields);
  return result;
}

describe('reading receipt photos', () => {
  it('reads a Norwegian fuel receipt photographed on a table', async () => {
    const { fields, error } = await read(fixture('fuel-no.jpg'));
    expect(error).toBeUndefined();
    expect(fields).toMatchObject({
      kind: 'fuel',
      totalMinor: 99788,
      currency: 'NOK',
      date: '2026-03-17',
      orgNo: '932181347',
      vatMinor: 19958,
      vatRate: 25,
    });
    expect(fields.merchant).toMatch(/^circle k hamar$/i);
  });

  it('reads a Norwegian taxi receipt: "Å betale", 12 % VAT, a two-digit year', async () => {
    const { fields } = await read(fixture('taxi-no.jpg'));
    expect(fields).toMatchObject({
      kind: 'taxi',
      totalMinor: 74250,
      currency: 'NOK',
      date: '2026-10-14',
      vatMinor: 7955,
      vatRate: 12,
    });
  });

  it('reads a German pharmacy receipt in euro', async () => {
    const { fields } = await read(fixture('pharmacy-de.jpg'));
    expect(fields).toMatchObject({
      totalMinor: 1944,
      currency: 'EUR',
      date: '2025-11-03',
      vatMinor: 310,
      vatRate: 19,
    });
    expect(fields.merchant).toMatch(/^l.wen-apotheke$/i);
  });

  it('reads a Malaysian-style tax invoice: the total, the date, the company at its head, and leaves the ringgit currency empty', async () => {
    const { fields } = await read(fixture('supermarket-my.jpg'));
    expect(fields).toMatchObject({ totalMinor: 3300, date: '2018-05-12' });
    expect(fields.merchant).toMatch(/^sri maju mini market sdn bhd$/i);
    expect(fields.currency).toBeUndefined();
  });

  it("reads with Tesseract's other layout settings too: its own block analysis, a line as a single line, no dictionaries", async () => {
    const other = createOcrPool({ size: 1, dictionaries: false });
    const reader = createOfflineExtractor({
      pool: other,
      layout: { page: 'auto', line: 'single-line' },
    });
    try {
      const bytes = fixture('supermarket-my.jpg');
      const { fields, error } = await reader.read(bytes, 'image/jpeg');
      expect(error).toBeUndefined();
      expect(fields.kind).not.toBe('not_receipt');
      expect(fields.totalMinor).toBe(3300);
    } finally {
      await reader.close();
      await other.close();
    }
  }, 60_000);
});

describe('other ways of reading, kept to measure them', () => {
  it('reads with the classic tessdata model, its legacy classifier and LSTM together (OEM 2)', async () => {
    const other = createOcrPool({ size: 1, model: 'combined' });
    const reader = createOfflineExtractor({ pool: other });
    try {
      const { fields, error } = await reader.read(fixture('supermarket-my.jpg'), 'image/jpeg');
      expect(error).toBeUndefined();
      expect(fields.totalMinor).toBe(3300);
    } finally {
      await reader.close();
      await other.close();
    }
  }, 60_000);

  it('votes on an unsure name with two more readings, and reads the same fields', async () => {
    const reader = createOfflineExtractor({ pool, merchantVote: true, figureVote: true });
    const bytes = fixture('pharmacy-de.jpg');
    const plain = await read(bytes);
    const voted = await reader.read(bytes, 'image/jpeg');
    expect(voted.error).toBeUndefined();
    expect(voted.passes).toBeGreaterThan(plain.passes);
    expect(voted.fields).toEqual(plain.fields);
  }, 60_000);
});

describe('what is no receipt', () => {
  it('says not_receipt for a drawing with no text, quickly and with nothing invented', async () => {
    const { fields, error, ms } = await read(fixture('not-a-receipt.jpg'));
    expect(error).toBeUndefined();
    expect(fields.kind).toBe('not_receipt');
    expect(fields.totalMinor ?? fields.date ?? fields.merchant).toBeUndefined();
    expect(ms).toBeLessThan(5_000);
  });

  it('gives a clear error for a corrupt JPEG and keeps working', async () => {
    const good = fixture('fuel-no.jpg');
    const corrupt = Buffer.concat([good.subarray(0, 600), Buffer.alloc(4000, 0x55)]);
    const result = await read(corrupt);
    expect(result.error?.code).toBe('unreadable');
    expect(result.fields.kind).toBe('not_receipt');
    await expect(extractor.extract(corrupt, 'image/jpeg')).resolves.toMatchObject({
      kind: 'not_receipt',
    });
    // The pool survived: the next photo is read as usual.
    expect((await read(fixture('taxi-no.jpg'))).fields.totalMinor).toBe(74250);
  });

  it('survives an OCR worker failing on bytes it cannot read', async () => {
    await expect(pool.recognize(Buffer.from('not an image at all'))).rejects.toBeInstanceOf(
      OcrError,
    );
    expect((await read(fixture('fuel-no.jpg'))).fields.totalMinor).toBe(99788);
  });

  it('rejects a web page sent as a photo by its bytes, not its name', async () => {
    const result = await read(
      Buffer.from('<!doctype html><html><body>Totalt kr 100,00</body></html>'),
    );
    expect(result.error?.code).toBe('unsupported_type');
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const bomb = await sharp({
      create: { width: 9000, height: 9000, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    await expect(prepareForOcr(bomb, { maxInputPixels: 40_000_000 })).rejects.toBeInstanceOf(
      ImageTooLargeError,
    );
    expect((await read(bomb)).error?.code).toBe('too_large');
  });
});

describe('PDF receipts', () => {
  it('reads a PDF with a text layer without OCR', async () => {
    const pdf = textPdf([
      'Go-Ahead Nordic AS',
      'Kvittering togbillett',
      'Dato: 12.02.2026',
      'Voksen Stavanger - Egersund    kr 260,00',
      'Totalt    kr 260,00',
      'herav mva 12 %    27,86',
    ]);
    const result = await read(pdf);
    expect(result.source).toBe('pdf-text');
    expect(result.fields).toMatchObject({
      kind: 'transport',
      totalMinor: 26000,
      date: '2026-02-12',
      vatMinor: 2786,
      vatRate: 12,
      currency: 'NOK',
    });
  });

  it('renders a scanned PDF without a text layer and reads it with OCR', async () => {
    const jpeg = fixture('taxi-no.jpg');
    const { width, height } = await sharp(jpeg).metadata();
    const result = await read(imagePdf(jpeg, width ?? 1000, height ?? 1000));
    expect(result.source).toBe('pdf-ocr');
    expect(result.fields).toMatchObject({ kind: 'taxi', totalMinor: 74250 });
  });

  it('says so when a PDF is broken', async () => {
    const result = await read(Buffer.from('%PDF-1.4\n1 0 obj garbage endobj\n%%EOF'));
    expect(result.error?.code).toBe('unreadable');
  });
});

describe('the extract CLI', () => {
  it('prints one JSON line per file, amounts as decimal strings, and exits 1 after an unreadable file', async () => {
    const { code, stdout, stderr } = await new Promise<{
      code: number;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/extract.ts',
          'test/fixtures/receipts/fuel-no.jpg',
          'test/fixtures/receipts/missing.jpg',
        ],
        { cwd: ROOT, timeout: 60_000 },
        (err, out, errOut) =>
          resolve({
            code: typeof err?.code === 'number' ? err.code : 0,
            stdout: out,
            stderr: errOut,
          }),
      );
    });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0] ?? {})).toEqual([
      'file',
      'kind',
      'merchant',
      'date',
      'total',
      'currency',
      'vat',
      'vatRate',
      'orgNo',
      'confidence',
      'ms',
    ]);
    expect(lines[0]).toMatchObject({
      file: 'test/fixtures/receipts/fuel-no.jpg',
      kind: 'fuel',
      total: '997.88',
      vat: '199.58',
      vatRate: 25,
      currency: 'NOK',
    });
    expect(lines[1]).toMatchObject({
      file: 'test/fixtures/receipts/missing.jpg',
      error: 'no such file',
    });
    expect(stderr).toContain('missing.jpg');
    expect(code).toBe(1);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Minimal PDFs, written by hand so the tests need no PDF library.

function buildPdf(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

function textPdf(lines: string[]): Buffer {
  const escape = (t: string) => t.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    'BT',
    '/F1 11 Tf',
    '40 780 Td',
    '14 TL',
    ...lines.map((l) => `(${escape(l)}) '`),
    'ET',
  ].join('\n');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

function imagePdf(jpeg: Buffer, width: number, height: number): Buffer {
  // A4-ish page at 150 dpi, the photo filling it: what a phone scanner app saves.
  const pageWidth = Math.round((width * 72) / 150);
  const pageHeight = Math.round((height * 72) / 150);
  const content = `q ${pageWidth} 0 0 ${pageHeight} 0 0 cm /Im0 Do Q`;
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
        'latin1',
      ),
      jpeg,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ]);
}
