/**
 * Speed of understanding a typed message, the layer every text goes through first:
 *
 *   npm run -s bench:understand -- [FILE.txt] [--rounds N] [--json]
 *
 * Reads the project's own messages (default bench/understand-messages.txt, one a line, `#` for
 * comments: outlays, trips, travel requests, corrections, questions and small talk in nb, nn and
 * en), understands each once to warm up, then N times (default 50) in three contexts (nothing
 * open, an outlay waiting for its purpose, a mileage claim waiting for its purpose), and prints
 * p50/p99 per message. The target is < 2 ms at p99. Exits 0 whatever the figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { understand, type UnderstandingContext } from '../src/understanding/understand.js';
import { runWhenMain } from '../scripts/lib/cli.js';
import {
  checkTarget,
  distribution,
  formatTarget,
  intOption,
  machineLine,
  positional,
  readInputOrExit,
} from '../scripts/lib/measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILE = path.join(ROOT, 'bench/understand-messages.txt');
const USAGE = 'usage: npm run -s bench:understand -- [FILE.txt] [--rounds N] [--json]';
export const UNDERSTAND_P99_TARGET_MS = 2;

export function readMessages(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const TODAY = '2026-11-24';
const CONTEXTS: UnderstandingContext[] = [
  { today: TODAY },
  { today: TODAY, draft: 'outlay', awaitingPurpose: 'outlay' },
  { today: TODAY, draft: 'mileage', awaitingPurpose: 'mileage' },
];

function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const rounds = intOption(args, 'rounds', 50, USAGE);
  const file = positional(args, ['rounds'])[0] ?? DEFAULT_FILE;
  const messages = readInputOrExit(file, () => readMessages(file), `No messages in ${file}`, USAGE);
  const machine = machineLine();
  const intents = new Map<string, number>();
  for (const m of messages) {
    const intent = understand(m, CONTEXTS[0] as UnderstandingContext).intent;
    intents.set(intent, (intents.get(intent) ?? 0) + 1);
    for (const c of CONTEXTS) understand(m, c);
  }
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const c of CONTEXTS)
      for (const m of messages) {
        const started = performance.now();
        understand(m, c);
        times.push(performance.now() - started);
      }
  const d = distribution(times);
  const target = checkTarget('p99', d.p99, UNDERSTAND_P99_TARGET_MS, 'ms');
  if (json) {
    console.log(JSON.stringify({ messages: messages.length, rounds, ...d, target, machine }));
    return Promise.resolve();
  }
  console.log(
    [
      `bench:understand — ${messages.length} messages × ${CONTEXTS.length} contexts × ${rounds} rounds (${machine})`,
      `intents (no draft open): ${[...intents].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `p50 ${d.p50.toFixed(3)} ms · p90 ${d.p90.toFixed(3)} ms · p99 ${d.p99.toFixed(3)} ms · max ${d.max.toFixed(2)} ms`,
      formatTarget(target, 3),
    ].join('\n'),
  );
  return Promise.resolve();
}

runWhenMain(import.meta.url, main);
