/**
 * Speed of the help answers, the way the bot gives them offline:
 *
 *   npm run -s bench:help -- [FILE.jsonl] [--rounds N] [--json]
 *
 * Loads and indexes the user guide as the bot does at start-up (timed), answers every question
 * of FILE (default test/fixtures/help-questions.jsonl, the format of scripts/eval-help.ts) once
 * to warm up, then N times (default 20) through the conversation engine and HelpService, as
 * `askLikeTheBot` in scripts/lib/help-eval.ts does, and prints latency percentiles, answers per
 * second and memory. The language model is never called, even with OPENAI_API_KEY set: this
 * measures the bot's own work. Exits 0 whatever the figures: it reports, it is not a test.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { askLikeTheBot, readEvalFile, type EvalItem } from '../scripts/lib/help-eval.js';
import {
  MiB,
  checkTarget,
  distribution,
  formatTarget,
  intOption,
  machineLine,
  positional,
  readInputOrExit,
  startPeakSampler,
} from '../scripts/lib/measure.js';
import { runWhenMain } from '../scripts/lib/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILE = path.join(ROOT, 'test/fixtures/help-questions.jsonl');
const USAGE =
  'usage: npm run -s bench:help -- [FILE.jsonl] [--rounds N] [--json]   (FILE default test/fixtures/help-questions.jsonl)';

/** The p99 target scripts/eval-help.ts states for an offline answer. */
export const HELP_P99_TARGET_MS = 20;

async function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const rounds = intOption(args, 'rounds', 20, USAGE);
  const file = positional(args, ['rounds'])[0] ?? DEFAULT_FILE;
  const items: EvalItem[] = readInputOrExit(
    file,
    () => readEvalFile(file),
    `No questions in ${file}`,
    USAGE,
  );
  const machine = machineLine();

  const memory = startPeakSampler();
  const rssAtStart = process.memoryUsage.rss();
  const config = loadConfig();
  const loadStarted = performance.now();
  const guide = loadGuide({
    nb: config.GUIDE_NB_PATH,
    nn: config.GUIDE_NN_PATH,
    en: config.GUIDE_EN_PATH,
  });
  const loadMs = performance.now() - loadStarted;
  const buildStarted = performance.now();
  // As src/app.ts builds it, without the model: the index, and the headings asked once to warm up.
  const service = new HelpService(guide);
  const buildMs = performance.now() - buildStarted;
  memory.sample();
  const rssAfterBuild = process.memoryUsage.rss();

  for (const item of items) await askLikeTheBot(service, item.q, item.lang);

  const ms: number[] = [];
  const runStarted = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const started = performance.now();
      await askLikeTheBot(service, item.q, item.lang);
      ms.push(performance.now() - started);
    }
  }
  const runSeconds = (performance.now() - runStarted) / 1000;
  const peak = memory.stop();

  const d = distribution(ms);
  const targets = [checkTarget('p99', d.p99, HELP_P99_TARGET_MS, 'ms')];
  const summary = {
    file: path.relative(process.cwd(), file),
    questions: items.length,
    rounds,
    answers: ms.length,
    guideLoadMs: loadMs,
    indexBuildMs: buildMs,
    ms: { p50: d.p50, p90: d.p90, p99: d.p99, max: d.max, mean: d.mean },
    answersPerSecond: ms.length / runSeconds,
    rssAtStartMiB: rssAtStart / MiB,
    rssAfterBuildMiB: rssAfterBuild / MiB,
    peakRssMiB: peak / MiB,
    machine,
    targets,
  };
  if (json) {
    console.log(JSON.stringify(summary));
    return;
  }
  const f = (x: number) => x.toFixed(2);
  console.log(
    `help bench: ${summary.file}, ${items.length} questions × ${rounds} rounds = ${ms.length} answers, offline (${machine})`,
  );
  console.log(
    `  start-up   guide loaded in ${f(loadMs)} ms, indexed (with the headings' warm-up) in ${f(buildMs)} ms`,
  );
  console.log(
    `  latency    p50 ${f(d.p50)} ms  p90 ${f(d.p90)} ms  p99 ${f(d.p99)} ms  max ${f(d.max)} ms`,
  );
  console.log(`  throughput ${summary.answersPerSecond.toFixed(0)} answers/s (one at a time)`);
  console.log(
    `  RSS        ${(rssAtStart / MiB).toFixed(0)} MiB at start, ${(rssAfterBuild / MiB).toFixed(0)} MiB with the index, peak ${(peak / MiB).toFixed(0)} MiB`,
  );
  console.log('targets:');
  for (const t of targets) console.log(`  ${formatTarget(t)}`);
}

runWhenMain(import.meta.url, main);
