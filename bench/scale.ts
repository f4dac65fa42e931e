/**
 * What PostgreSQL costs per turn, and that several instances on it lose and double nothing:
 *
 *   npm run -s bench:scale -- [--n 2000] [--concurrency 32] [--conversations 320] [--rounds 3] [--loadgen PATH] [--json FILE]
 *
 * Three set-ups, one after the other in one run, each the compiled bot (`dist/`, built first) with the embedded claims API, auth off, as `npm start` runs it:
 *   1. one instance on SQLite (a temporary DATA_DIR);
 *   2. one instance on PostgreSQL (DATABASE_URL, a fresh schema);
 *   3. two instances on that PostgreSQL behind a round-robin proxy (this process), so one person's
 *      turns land on both.
 * Each is driven by `../shared/tools/loadgen.mjs` (the Teams channel under load, the same tool the
 * echo-bot comparison uses) with "parkering {i} kr i går" (an outlay: two replies a turn).
 *
 * The three run in turn, `--rounds` times (fresh processes each round), so a busy moment of the
 * machine falls on all of them; the medians are printed, with each round's turns/s.
 * Prints turns/s, first-reply p99, each bot process's RSS (peak while loaded, sampled here from
 * /proc) and the checks: every turn answered with exactly its two replies (none lost, none twice),
 * and on PostgreSQL every activity recorded once. The database is BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; its schemas are dropped at
 * the end. Exits 1 when a check fails; the figures themselves are reported, not judged.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildAll } from '../scripts/build.js';
import { startBuiltBotProcess, type BotProcess } from '../scripts/lib/bot-process.js';
import { runWhenMain } from '../scripts/lib/cli.js';
import {
  MiB,
  intOption,
  machineLine,
  procMemory,
  startPeakSampler,
} from '../scripts/lib/measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: npm run -s bench:scale -- [--n TURNS] [--concurrency C] [--conversations M] [--rounds R] [--loadgen PATH] [--json FILE]';
const TEXT = 'parkering {i} kr i går';
const REPLIES = 2;

interface LoadgenResult {
  attempted: number;
  ok: number;
  failed: number;
  turnsPerSecond: number;
  latencyMs: { firstReply: { p50: number; p99: number } };
  repliesPerTurn: Record<string, number>;
  checks: { unmatchedReplies: number; lateReplies: number };
  config: { warmup: number };
}

interface SetupResult {
  name: string;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  rss: Array<{ process: string; peakMiB: number }>;
  problems: string[];
}

function stringOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Forwards each request to the next target in turn: a load balancer with no affinity. */
async function roundRobin(targets: string[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? '/', targets[next++ % targets.length]);
    const upstream = http.request(
      target,
      { method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function runLoadgen(loadgen: string, url: string, args: string[]): Promise<LoadgenResult> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'rr-scale-')), 'result.json');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [loadgen, '--url', `${url}/api/messages`, '--pid', 'none', '--json', out, ...args],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', () => {
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as LoadgenResult);
      } catch (err) {
        reject(new Error(`loadgen wrote no result: ${(err as Error).message}`));
      } finally {
        rmSync(path.dirname(out), { recursive: true, force: true });
      }
    });
  });
}

/**
 * What loadgen saw that means a turn was lost or answered twice: a failed turn, a reply matched to
 * no turn, or replies per turn other than one instance on SQLite gave for the same messages (an
 * outlay's first message gets its two replies, a later one a third, the note that the draft it
 * replaces was put aside).
 */
function loadgenProblems(result: LoadgenResult, baseline?: LoadgenResult): string[] {
  const problems: string[] = [];
  if (result.failed > 0) problems.push(`${result.failed} turns failed`);
  const perTurn = JSON.stringify(result.repliesPerTurn);
  if (Object.keys(result.repliesPerTurn).some((k) => Number(k) < REPLIES))
    problems.push(`turns with fewer than ${REPLIES} replies: ${perTurn}`);
  if (baseline && perTurn !== JSON.stringify(baseline.repliesPerTurn))
    problems.push(
      `replies per turn ${perTurn}, on SQLite ${JSON.stringify(baseline.repliesPerTurn)}`,
    );
  if (result.checks.unmatchedReplies > 0)
    problems.push(`${result.checks.unmatchedReplies} replies matched no turn`);
  return problems;
}

async function main(args: string[]): Promise<void> {
  const n = intOption(args, 'n', 2000, USAGE);
  const concurrency = intOption(args, 'concurrency', 32, USAGE);
  const conversations = intOption(args, 'conversations', 320, USAGE);
  const roundCount = intOption(args, 'rounds', 3, USAGE);
  const loadgen = path.resolve(
    stringOption(args, 'loadgen') ?? path.join(ROOT, '../shared/tools/loadgen.mjs'),
  );
  if (!existsSync(loadgen))
    throw new Error(`no loadgen at ${loadgen}; pass --loadgen PATH (../shared/tools/loadgen.mjs)`);
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  // Built every time (under a second): a stale dist/ would measure old code.
  await buildAll();
  const loadArgs = [
    '--n',
    String(n),
    '--concurrency',
    String(concurrency),
    '--conversations',
    String(conversations),
    '--text',
    TEXT,
    '--expect-replies',
    String(REPLIES),
  ];
  console.log(
    `bench:scale — ${machineLine()}; ${n} turns, ${concurrency} in flight, ${conversations} conversations`,
  );

  const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const schema = `bench_scale_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dirs: string[] = [];
  const running: BotProcess[] = [];
  const startBot = async (env: Record<string, string>) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-scale-data-'));
    dirs.push(dataDir);
    const bot = await startBuiltBotProcess({
      DATA_DIR: dataDir,
      ...env,
    });
    running.push(bot);
    return bot;
  };
  const onPg = {
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    // The instances share the embedded claims API's data: they must accept each other's calls.
    CLAIMS_API_TOKEN: randomBytes(24).toString('base64url'),
    RECEIPT_LINK_SECRET: randomBytes(32).toString('base64url'),
  };

  let baseline: LoadgenResult | undefined;
  /** Runs loadgen against `url` while sampling the RSS of `bots`. */
  async function measure(name: string, url: string, bots: BotProcess[]): Promise<SetupResult> {
    const samplers = bots.map((bot) => startPeakSampler(() => procMemory(bot.child.pid as number)));
    const result = await runLoadgen(loadgen, url, loadArgs);
    const problems = loadgenProblems(result, baseline);
    baseline ??= result;
    const rss = samplers.map((s, i) => ({
      process: `bot ${String.fromCharCode(65 + i)}`,
      peakMiB: Math.round(s.stop() / MiB),
    }));
    return {
      name,
      turnsPerSecond: result.turnsPerSecond,
      p50: result.latencyMs.firstReply.p50,
      p99: result.latencyMs.firstReply.p99,
      rss,
      problems,
    };
  }

  const recorded = async () => {
    const { rows } = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${schema}.processed_activities`,
    );
    return Number(rows[0]?.n);
  };
  /** Every activity loadgen sent (its probe, warm-up and measured) recorded once on PostgreSQL. */
  async function onPgMeasure(name: string, url: string, bots: BotProcess[]) {
    const before = await recorded();
    const result = await measure(name, url, bots);
    const found = (await recorded()) - before;
    const sent = 1 + Math.min(200, Math.floor(n / 10)) + n;
    if (found !== sent) result.problems.push(`${found} activities recorded, ${sent} sent`);
    return result;
  }

  // Rounds of the three set-ups in turn, so a busy moment of the machine falls on all of them.
  const rounds: SetupResult[][] = [];
  try {
    for (let round = 0; round < roundCount; round++) {
      const results: SetupResult[] = [];
      const sqlite = await startBot({});
      results.push(await measure('1 instance, SQLite', sqlite.url, [sqlite]));
      await sqlite.stop();

      const single = await startBot(onPg);
      results.push(await onPgMeasure('1 instance, PostgreSQL', single.url, [single]));
      const second = await startBot(onPg);
      const proxy = await roundRobin([single.url, second.url]);
      const both = [single, second];
      results.push(await onPgMeasure('2 instances, PostgreSQL, round robin', proxy.url, both));
      await proxy.close();
      await Promise.all(both.map((bot) => bot.stop()));
      rounds.push(results);
      const base = results[0]?.turnsPerSecond ?? 0;
      console.log(
        `round ${round + 1}: ${results.map((r) => `${r.name} ${r.turnsPerSecond} turns/s${r === results[0] || !base ? '' : ` (${(r.turnsPerSecond / base).toFixed(2)}×)`}`).join('; ')}`,
      );
    }
  } finally {
    await Promise.all(running.map((bot) => bot.stop()));
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
    await admin.end();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  };
  const results = (rounds[0] ?? []).map((first, i) => {
    const runs = rounds.map((r) => r[i] as SetupResult);
    return {
      ...first,
      turnsPerSecond: median(runs.map((r) => r.turnsPerSecond)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      rss: first.rss.map((x, j) => ({
        process: x.process,
        peakMiB: Math.max(...runs.map((r) => r.rss[j]?.peakMiB ?? 0)),
      })),
      problems: runs.flatMap((r) => r.problems),
      runs: runs.map((r) => r.turnsPerSecond),
    };
  });
  const base = results[0]?.turnsPerSecond ?? 0;
  console.log(
    `\nmedians of ${roundCount} rounds\nset-up                                  turns/s   vs SQLite   p50 ms   p99 ms   RSS peak`,
  );
  for (const r of results) {
    const ratio = base > 0 ? (r.turnsPerSecond / base).toFixed(2) : '-';
    const rss = r.rss.map((x) => `${x.process} ${x.peakMiB} MiB`).join(', ');
    console.log(
      `${r.name.padEnd(38)} ${String(r.turnsPerSecond).padStart(8)} ${`${ratio}×`.padStart(10)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}   ${rss}`,
    );
  }
  const problems = results.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`));
  console.log(
    problems.length === 0
      ? 'checks: every turn answered, with the replies it got on SQLite and none twice; every activity recorded once'
      : `CHECKS FAILED:\n  ${problems.join('\n  ')}`,
  );
  const jsonFile = stringOption(args, 'json');
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify({ n, concurrency, conversations, results }, null, 2));
  }
  if (problems.length > 0) process.exitCode = 1;
}

runWhenMain(import.meta.url, main);
