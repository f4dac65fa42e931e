/**
 * Measures free-text understanding on the chat evaluation set (format of shared/eval/chat-dev):
 *
 *   npm run eval:chat [-- EVAL_DIR | CASES.jsonl]        (default ../shared/eval/chat-dev)
 *
 * Starts the bot itself (src/index.ts) on a free port with a temporary DATA_DIR, runs the set's own
 * runner (`run.sh`) against it — or chat-dev's runner for a set that has none, such as the project's
 * own eval/chat-own — and reports normal cases passed on the tune part and on the check part (ids
 * in eval/splits.json under the set's directory name; a set without a split is all "tune")
 * separately, stretch cases apart. `OUT_DIR` keeps the transcripts, as with the runner. Always
 * exits 0: the figures are for reading.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBotProcess } from './lib/bot-process.js';
import { runWhenMain } from './lib/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface ChatCase {
  id: string;
  stretch?: boolean;
}

export interface PartFigures {
  passed: number;
  total: number;
}

export interface ChatReport {
  tune: { normal: PartFigures; stretch: PartFigures };
  check: { normal: PartFigures; stretch: PartFigures };
  failing: string[];
  runnerSummary: string;
}

/** The ids that fail, from the runner's `FAIL id …` and `SETUP id: …` lines. */
export function failingIds(output: string): Set<string> {
  const ids = new Set<string>();
  for (const line of output.split('\n')) {
    const m = /^(?:FAIL|SETUP) ([^\s:]+)/.exec(line);
    if (m?.[1]) ids.add(m[1]);
  }
  return ids;
}

export function tally(
  cases: ChatCase[],
  checkIds: ReadonlySet<string>,
  failing: ReadonlySet<string>,
): Omit<ChatReport, 'failing' | 'runnerSummary'> {
  const empty = () => ({ passed: 0, total: 0 });
  const report = {
    tune: { normal: empty(), stretch: empty() },
    check: { normal: empty(), stretch: empty() },
  };
  for (const c of cases) {
    const part = checkIds.has(c.id) ? report.check : report.tune;
    const figures = c.stretch ? part.stretch : part.normal;
    figures.total += 1;
    if (!failing.has(c.id)) figures.passed += 1;
  }
  return report;
}

function runRunner(
  script: string,
  casesFile: string,
  env: NodeJS.ProcessEnv,
): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, casesFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ output, code }));
  });
}

const fmt = (f: PartFigures) => `${f.passed}/${f.total}`;

export function formatChatReport(r: ChatReport): string {
  const all = (k: 'normal' | 'stretch') => ({
    passed: r.tune[k].passed + r.check[k].passed,
    total: r.tune[k].total + r.check[k].total,
  });
  return [
    `chat eval: ${r.runnerSummary}`,
    `  tune  part: normal ${fmt(r.tune.normal)}, stretch ${fmt(r.tune.stretch)}`,
    `  check part: normal ${fmt(r.check.normal)}, stretch ${fmt(r.check.stretch)}`,
    `  all       : normal ${fmt(all('normal'))}, stretch ${fmt(all('stretch'))}`,
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const target = path.resolve(
    ROOT,
    argv.find((a) => !a.startsWith('--')) ?? '../shared/eval/chat-dev',
  );
  const casesFile = target.endsWith('.jsonl') ? target : path.join(target, 'cases.jsonl');
  const evalDir = path.dirname(casesFile);
  const ownRunner = path.join(evalDir, 'run.sh');
  const runner = existsSync(ownRunner)
    ? ownRunner
    : path.resolve(ROOT, '../shared/eval/chat-dev/run.sh');
  const cases = readFileSync(casesFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ChatCase);
  const splits = JSON.parse(readFileSync(path.join(ROOT, 'eval/splits.json'), 'utf8')) as Record<
    string,
    { check?: string[] }
  >;
  const checkIds = new Set(splits[path.basename(evalDir)]?.check ?? []);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'eval-chat-'));
  const bot = await startBotProcess({ DATA_DIR: dataDir });
  try {
    const { output } = await runRunner(runner, casesFile, {
      ...process.env,
      BOT_URL: `${bot.url}/api/messages`,
    });
    const failing = failingIds(output);
    // The per-case lines of the tune part only: check-part cases are counted, never read.
    for (const line of output.split('\n')) {
      const id = /^(?:FAIL|SETUP) ([^\s:]+)/.exec(line)?.[1];
      if (id && !checkIds.has(id)) console.log(line);
      if (line.startsWith('transcripts:')) console.log(line);
    }
    const summary = /chat-dev: .*$/m.exec(output)?.[0] ?? '(no summary from the runner)';
    const report: ChatReport = {
      ...tally(cases, checkIds, failing),
      failing: [...failing],
      runnerSummary: summary,
    };
    console.log(formatChatReport(report));
  } finally {
    await bot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, main);
