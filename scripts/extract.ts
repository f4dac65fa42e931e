/**
 * Reads receipts without the bot:
 *
 *   npx tsx scripts/extract.ts FILE...
 *
 * prints one JSON line per file on stdout:
 *   {"file","kind","merchant","date","total","currency","vat","vatRate","orgNo","confidence":{…},"ms"}
 * with amounts as decimal strings ("1686.00") and null for what the receipt does not say. A file
 * that cannot be read gets a line with "error" instead, a message on stderr, and the exit code
 * is 1; the other files are still read.
 */
import { readFile } from 'node:fs/promises';
import { sniffReceiptType } from '../src/receipts/file-type.js';
import {
  createOfflineExtractor,
  type ExtractionResult,
} from '../src/receipts/offline-extractor.js';

function decimal(minor: number | undefined): string | null {
  return minor === undefined ? null : (minor / 100).toFixed(2);
}

function lineFor(file: string, result: ExtractionResult): Record<string, unknown> {
  const f = result.fields;
  return {
    file,
    kind: f.kind,
    merchant: f.merchant ?? null,
    date: f.date ?? null,
    total: decimal(f.totalMinor),
    currency: f.currency ?? null,
    vat: decimal(f.vatMinor),
    vatRate: f.vatRate ?? null,
    orgNo: f.orgNo ?? null,
    confidence: f.confidence,
    ms: result.ms,
  };
}

async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  if (files.length === 0) {
    console.error('usage: extract FILE...   (JPEG, PNG, WebP, HEIC or PDF receipts)');
    return 2;
  }
  const extractor = createOfflineExtractor();
  let failures = 0;
  try {
    for (const file of files) {
      const started = performance.now();
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (err) {
        failures++;
        const reason =
          (err as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file'
            : err instanceof Error
              ? err.message
              : String(err);
        console.error(`extract: ${file}: ${reason}`);
        console.log(
          JSON.stringify({ file, error: reason, ms: Math.round(performance.now() - started) }),
        );
        continue;
      }
      const type = sniffReceiptType(bytes);
      const result = await extractor.read(bytes, type ?? 'image/jpeg');
      if (result.error) {
        failures++;
        console.error(`extract: ${file}: ${result.error.message}`);
        console.log(
          JSON.stringify({
            file,
            error: result.error.message,
            code: result.error.code,
            ms: result.ms,
          }),
        );
        continue;
      }
      console.log(JSON.stringify(lineFor(file, result)));
    }
  } finally {
    await extractor.close();
  }
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`extract: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
