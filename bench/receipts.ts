/**
 * Speed and memory of the offline receipt reader, the one the bot uses without a vision model:
 *
 *   npm run -s bench:receipts -- [DIR] [--rounds N] [--json]
 *
 * Reads every receipt image or PDF in DIR (default test/fixtures/receipts; no labels needed)
 * N times (default 1) with warm OCR workers, one at a time as the bot does, and prints the cold
 * start (`warm()`), seconds per receipt, the peak resident memory of this process (the OCR
 * workers are its threads; sampled every 25 ms) and a line per target. It reports and exits 0
 * when a target is missed: it is not a test. Run it through npm, which sets MALLOC_ARENA_MAX=2
 * as `npm start` does.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sniffReceiptType } from '../src/receipts/file-type.js';
import { createOfflineExtractor, readTimed } from '../src/receipts/offline-extractor.js';
import {
  MiB,
  checkTarget,
  distribution,
  formatTarget,
  intOption,
  machineLine,
  positional,
  procMemory,
  readInputOrExit,
  startPeakSampler,
} from '../scripts/lib/measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIR = path.join(ROOT, 'test/fixtures/receipts');
const USAGE =
  'usage: npm run -s bench:receipts -- [DIR] [--rounds N] [--json]   (DIR default test/fixtures/receipts)';

/**
 * Issue 11's targets for the offline reader on a 2-core machine, measured on sroie-dev (the
 * fixtures are drawn receipts, easier than photos and scans).
 */
export const RECEIPT_TARGETS = { medianSeconds: 1.0, peakRssMiB: 300 } as const;

/** The files of DIR (not its subfolders) whose first bytes are a receipt type, by name. */
export function receiptFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name))
    .filter(
      (file) =>
        statSync(file).isFile() &&
        sniffReceiptType(readFileSync(file).subarray(0, 1024)) !== undefined,
    );
}

async function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const rounds = intOption(args, 'rounds', 1, USAGE);
  const dir = positional(args, ['rounds'])[0] ?? DEFAULT_DIR;
  const files = readInputOrExit(
    dir,
    () => receiptFiles(dir),
    `No receipt images or PDFs in ${dir}`,
    USAGE,
  );
  const arenas = process.env.MALLOC_ARENA_MAX;
  const machine = machineLine();

  const memory = startPeakSampler();
  const extractor = createOfflineExtractor();
  const coldStarted = performance.now();
  await extractor.warm();
  const coldStartSeconds = (performance.now() - coldStarted) / 1000;
  const rssAfterWarm = process.memoryUsage.rss();

  const seconds: number[] = [];
  const failures = new Map<string, string>();
  const runStarted = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const file of files) {
      const bytes = readFileSync(file);
      const { result, seconds: took } = await readTimed(extractor, bytes);
      seconds.push(took);
      memory.sample();
      if (result.error)
        failures.set(path.basename(file), `${result.error.code}: ${result.error.message}`);
      if (!json) process.stderr.write('.');
    }
  }
  const totalSeconds = (performance.now() - runStarted) / 1000;
  const peak = memory.stop();
  const highWater = procMemory('self', 'VmHWM');
  await extractor.close();
  if (!json) process.stderr.write('\n');

  const d = distribution(seconds);
  const targets = [
    checkTarget('median', d.p50, RECEIPT_TARGETS.medianSeconds, 's'),
    checkTarget('peak RSS', peak / MiB, RECEIPT_TARGETS.peakRssMiB, 'MiB'),
  ];
  const summary = {
    dir: path.relative(process.cwd(), dir) || '.',
    files: files.length,
    rounds,
    readings: seconds.length,
    coldStartSeconds,
    seconds: { median: d.p50, p90: d.p90, max: d.max, mean: d.mean, total: totalSeconds },
    peakRssMiB: peak / MiB,
    highWaterMarkMiB: highWater === undefined ? undefined : highWater / MiB,
    rssAfterWarmMiB: rssAfterWarm / MiB,
    mallocArenaMax: arenas ?? null,
    machine,
    failures: Object.fromEntries(failures),
    targets,
  };
  if (json) {
    console.log(JSON.stringify(summary));
    return;
  }
  const s = (x: number) => x.toFixed(2);
  console.log(
    `receipts bench: ${summary.dir}, ${files.length} files × ${rounds} round${rounds === 1 ? '' : 's'} = ${seconds.length} readings (${machine})`,
  );
  if (arenas === undefined)
    console.log(
      '  note: MALLOC_ARENA_MAX is not set; the bot runs with 2 — use `npm run bench:receipts` for its figures',
    );
  console.log(
    `  cold start  ${s(coldStartSeconds)} s (warm(): OCR workers and trained data), RSS then ${(rssAfterWarm / MiB).toFixed(0)} MiB`,
  );
  console.log(
    `  per receipt median ${s(d.p50)} s  p90 ${s(d.p90)} s  max ${s(d.max)} s  (total ${s(totalSeconds)} s)`,
  );
  const hwm =
    highWater === undefined ? '' : `; kernel high-water mark ${(highWater / MiB).toFixed(0)} MiB`;
  console.log(`  peak RSS    ${(peak / MiB).toFixed(0)} MiB (sampled every 25 ms${hwm})`);
  for (const [name, why] of failures) console.log(`  unreadable  ${name}: ${why}`);
  console.log('targets:');
  for (const t of targets) console.log(`  ${formatTarget(t, t.unit === 's' ? 2 : 0)}`);
  const over = targets.filter((t) => !t.ok).length;
  if (over > 0)
    console.log(
      `${over} target${over === 1 ? '' : 's'} OVER (figures on a busy machine run slower; see the load above)`,
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
