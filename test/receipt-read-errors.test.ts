/**
 * Receipts that could not be read reach the user as what happened, never as "not a receipt": an
 * OCR failure says "I could not read it", a HEIC photo this server cannot decode says how to send
 * a JPEG instead; and the pipeline logs the error with its cause.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/translate.js';
import { intakeMessage } from '../src/receipts/intake-messages.js';
import type { OcrPool } from '../src/receipts/ocr-pool.js';
import { createOfflineExtractor } from '../src/receipts/offline-extractor.js';
import {
  ReceiptReadError,
  type ReceiptExtractor,
  type ReceiptFields,
  type ReceiptMime,
} from '../src/receipts/receipt-fields.js';
import { ReceiptPipeline, type PipelineLogger } from '../src/receipts/receipt-pipeline.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { createCombinedExtractor } from '../src/receipts/vision-extractor.js';
import { openDatabase } from '../src/store/sqlite-database.js';

const LANGS = ['nb', 'nn', 'en'] as const;
const EMPLOYEE = '3f0c9a1e-0000-4000-8000-00000000000a';
const photo = readFileSync(path.join(import.meta.dirname, 'fixtures/receipts/taxi-no.jpg'));

/** The first bytes of an iPhone photo (an ISO-BMFF `ftyp` box, brand `heic`), then no image. */
function heicPhoto(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(2000, 0x42)]);
}

/** An OCR engine that crashes on every image. */
function crashingPool(): OcrPool {
  return {
    size: 1,
    running: () => 1,
    recognize: () => Promise.reject(new Error('worker exited with code 134')),
    warm: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

function failingExtractor(err: Error): ReceiptExtractor {
  return { extract: () => Promise.reject(err), close: () => Promise.resolve() };
}

const zero: ReceiptFields['confidence'] = {
  kind: 0,
  merchant: 0,
  orgNo: 0,
  date: 0,
  total: 0,
  currency: 0,
  vat: 0,
  vatRate: 0,
};

describe('the offline extractor', () => {
  it('throws "OCR failed", with the crash as its cause, instead of calling it no receipt', async () => {
    const extractor = createOfflineExtractor({ pool: crashingPool() });
    const err: unknown = await extractor.extract(photo, 'image/jpeg').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReceiptReadError);
    expect((err as ReceiptReadError).code).toBe('ocr_failed');
    expect(((err as ReceiptReadError).cause as Error).message).toContain('code 134');
    // `read` still reports it as a result, for the CLI and the evaluation.
    expect((await extractor.read(photo, 'image/jpeg')).error?.code).toBe('ocr_failed');
  });

  it('throws "HEIC undecodable" for an iPhone photo the decoder cannot open', async () => {
    const extractor = createOfflineExtractor({ pool: crashingPool() });
    const err: unknown = await extractor
      .extract(heicPhoto(), 'image/heic')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReceiptReadError);
    expect((err as ReceiptReadError).code).toBe('heic_undecodable');
  });
});

describe('the combined extractor', () => {
  const ocrFailed = new ReceiptReadError('ocr_failed', 'worker crashed');

  it('passes an OCR failure on when there is no vision model', async () => {
    const combined = createCombinedExtractor(failingExtractor(ocrFailed));
    await expect(combined.extract(photo, 'image/jpeg')).rejects.toBe(ocrFailed);
  });

  it("keeps the vision model's clear reading when OCR failed, and says so to the log", async () => {
    const seen: ReceiptFields = {
      kind: 'taxi',
      totalMinor: 74250,
      currency: 'NOK',
      confidence: { ...zero, kind: 0.9, total: 0.9, currency: 0.9 },
    };
    const told: unknown[] = [];
    const combined = createCombinedExtractor(
      failingExtractor(ocrFailed),
      { extract: () => Promise.resolve(seen) },
      { onOcrError: (err) => told.push(err) },
    );
    const fields = await combined.extract(photo, 'image/jpeg');
    expect(fields).toMatchObject({ kind: 'taxi', totalMinor: 74250 });
    expect(told).toEqual([ocrFailed]);
  });
});

describe('the receipt pipeline', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'receipt-read-errors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function pipeline(extractor: ReceiptExtractor, mime: ReceiptMime, bytes: Buffer) {
    const warnings: Array<{ obj: unknown; msg: string | undefined }> = [];
    const logger: PipelineLogger = {
      warn: (obj: unknown, msg?: string) => warnings.push({ obj, msg }),
    } as PipelineLogger;
    const db = openDatabase(path.join(dir, `${warnings.length}-${Date.now()}.sqlite`));
    const store = new SqliteReceiptStore(db, path.join(dir, 'blobs'));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const receipts = new ReceiptPipeline({
      store,
      extractor,
      logger,
      download: () => Promise.resolve({ bytes, mime, sha256 }),
    });
    const run = () =>
      receipts.process(EMPLOYEE, { kind: 'file', url: 'https://files.example/r' }, undefined, {
        fetch: () => Promise.reject(new Error('not used')),
        getBotToken: () => Promise.resolve('unused'),
        authEnabled: false,
      });
    return { run, warnings, close: () => db.close() };
  }

  it('answers an OCR failure with "I could not read it" and logs the error with its cause', async () => {
    const cause = new Error('worker exited with code 134');
    const err = new ReceiptReadError('ocr_failed', 'OCR failed', { cause });
    const { run, warnings, close } = pipeline(failingExtractor(err), 'image/jpeg', photo);
    expect(await run()).toEqual({ ok: false, code: 'unreadable' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.obj).toMatchObject({ err });
    expect(((warnings[0]?.obj as { err: Error }).err.cause as Error).message).toContain('134');
    close();
    for (const lang of LANGS) expect(t(lang, 'receipt.unreadable')).toMatch(/les|read/i);
  });

  it('answers an undecodable HEIC with how to send a JPEG, in every language', async () => {
    const extractor = createOfflineExtractor({ pool: crashingPool() });
    const { run, warnings, close } = pipeline(extractor, 'image/heic', heicPhoto());
    const result = await run();
    expect(result).toEqual({ ok: false, code: 'heicUndecodable' });
    expect(warnings).toHaveLength(1);
    close();
    for (const lang of LANGS) {
      expect(intakeMessage(lang, 'heicUndecodable')).toMatch(/HEIC/);
      expect(intakeMessage(lang, 'heicUndecodable')).toMatch(/JPEG/);
    }
  });
});
