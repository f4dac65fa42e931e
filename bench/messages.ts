/**
 * Turns per second and latency of the whole bot over HTTP, as Teams drives it:
 *
 *   npm run -s bench:messages -- [--n 600] [--concurrency 4] [--conversations 40] [--warmup N] [--source] [--json] [--show]
 *
 * Starts the real bot (the compiled `dist/index.js` that `npm start` runs, built first when there is
 * none; with `--source`, `src/index.ts` through tsx), as test/helpers/bot-process.ts does: a temporary
 * DATA_DIR, a free port, no MicrosoftAppId so no auth, the allocator settings `npm start` sets)
 * with the embedded claims API and SQLite on disk, and plays the Teams channel: a local Bot
 * Connector (test/helpers/fake-connector.ts) receives the replies, and N message activities are
 * posted, C at a time, over M conversations (one user each). Each conversation says in turn
 * "parkering 120 kr i går", "hvordan fører jeg ferje?", "mine krav", … A turn ends when the bot
 * has answered the POST and at least one reply to that activity reached the connector; its
 * latency runs from the POST to the later of the two. Unmeasured warm-up turns go first.
 *
 * Prints turns/s, latency percentiles, replies per turn, and the bot process's memory (VmRSS from
 * /proc, sampled every 25 ms) and CPU. `--show` prints the first conversation's replies, to see
 * what the turns did. Exits 0 whatever the figures (it reports; it is not a test), 1 when the bot
 * failed turns.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAll, DIST } from '../scripts/build.js';
import {
  startBotProcess,
  MALLOC_ENV,
  startBuiltBotProcess,
  type BotProcess,
} from '../scripts/lib/bot-process.js';
import { FakeConnector, type ConnectorActivity } from '../scripts/lib/fake-connector.js';
import {
  MiB,
  distribution,
  intOption,
  machineLine,
  procCpuSeconds,
  procMemory,
  startPeakSampler,
} from '../scripts/lib/measure.js';
import { runWhenMain } from '../scripts/lib/cli.js';

const USAGE =
  'usage: npm run -s bench:messages -- [--n TURNS] [--concurrency C] [--conversations M] [--warmup W] [--timeout MS] [--source] [--json] [--show]';

/** What each conversation says, in this order, again and again: an outlay, a question, the list. */
export const BENCH_TEXTS = [
  'parkering 120 kr i går',
  'hvordan fører jeg ferje?',
  'mine krav',
] as const;

interface Pending {
  sent: number;
  httpAt?: number;
  replyAt?: number;
  replies: number;
  settle?: () => void;
}

/** The activity a connector request answers: the id in `/activities/:id`, else `replyToId`. */
function answeredActivity(a: ConnectorActivity): string | undefined {
  const inPath = /\/v3\/conversations\/[^/]+\/activities\/([^/?]+)/.exec(a.path)?.[1];
  if (inPath) return decodeURIComponent(inPath);
  return typeof a.replyToId === 'string' ? a.replyToId : undefined;
}

function describeReply(a: ConnectorActivity): string {
  if (a.text) return a.text.split('\n')[0] ?? '';
  const card = a.attachments?.[0]?.content;
  const firstText = JSON.stringify(card ?? {}).match(/"text":"([^"]{1,80})/)?.[1];
  return `[card${firstText ? `: ${firstText}` : ''}]`;
}

async function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const show = args.includes('--show');
  const n = intOption(args, 'n', 600, USAGE);
  const concurrency = intOption(args, 'concurrency', 4, USAGE);
  const conversations = intOption(args, 'conversations', Math.max(40, concurrency), USAGE);
  const warmup = args.includes('--warmup')
    ? intOption(args, 'warmup', 1, USAGE)
    : Math.min(60, Math.ceil(n / 10));
  const timeoutMs = intOption(args, 'timeout', 15_000, USAGE);
  const machine = machineLine();

  const connector = await new FakeConnector().start();
  const pending = new Map<string, Pending>();
  const shown: string[] = [];
  let unmatched = 0;
  connector.onActivity = (a) => {
    // Kept only as long as needed: a long run would otherwise hold every card in memory.
    connector.activities.length = 0;
    if (a.type === 'typing') return;
    if (show && a.conversationId === 'a:bench-0') shown.push(`${a.method} ${describeReply(a)}`);
    const turn = pending.get(answeredActivity(a) ?? '');
    if (!turn) {
      if (a.method === 'POST') unmatched++;
      return;
    }
    turn.replies++;
    turn.replyAt ??= performance.now();
    turn.settle?.();
  };

  const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-bench-'));
  let bot: BotProcess | undefined;
  const killBot = () => bot?.child.kill('SIGTERM');
  process.once('exit', killBot);
  try {
    const startedAt = performance.now();
    const source = args.includes('--source');
    if (!source && !existsSync(path.join(DIST, 'index.js'))) await buildAll();
    const start = source ? startBotProcess : startBuiltBotProcess;
    bot = await start({ DATA_DIR: dataDir, ...MALLOC_ENV });
    const startSeconds = (performance.now() - startedAt) / 1000;
    const pid = bot.child.pid as number;
    const url = `${bot.url}/api/messages`;
    const rssIdle = procMemory(pid);

    async function turn(
      i: number,
    ): Promise<{ ms: number; firstReplyMs: number; replies: number } | { error: string }> {
      const c = i % conversations;
      const text = BENCH_TEXTS[Math.floor(i / conversations) % BENCH_TEXTS.length] as string;
      const id = randomUUID();
      const user = `bench-user-${c}`;
      const body = {
        type: 'message',
        id,
        text,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `29:${user}`, name: `Bench ${c}`, aadObjectId: user },
        recipient: { id: '28:bot', name: 'Reiserekning' },
        conversation: {
          id: `a:bench-${c}`,
          conversationType: 'personal',
          tenantId: 'tenant-bench',
        },
        locale: 'nb-NO',
        localTimezone: 'Europe/Oslo',
        timestamp: new Date().toISOString(),
      };
      const p: Pending = { sent: performance.now(), replies: 0 };
      pending.set(id, p);
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await res.arrayBuffer();
        p.httpAt = performance.now();
        if (!res.ok) return { error: `HTTP ${res.status}` };
        if (p.replyAt === undefined) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            p.settle = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
        if (p.replyAt === undefined) return { error: `no reply within ${timeoutMs} ms` };
        return {
          ms: Math.max(p.httpAt, p.replyAt) - p.sent,
          firstReplyMs: p.replyAt - p.sent,
          replies: p.replies,
        };
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      } finally {
        pending.delete(id);
      }
    }

    /** Turns `from`…`to - 1`, `concurrency` at a time, each conversation's in order. */
    async function run(from: number, to: number) {
      const done: Array<Awaited<ReturnType<typeof turn>>> = [];
      let next = from;
      const worker = async () => {
        while (next < to) done.push(await turn(next++));
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, to - from) }, worker));
      return done;
    }

    await run(0, warmup);
    const rssAfterWarmup = procMemory(pid);
    const memory = startPeakSampler(() => procMemory(pid));
    const cpuBefore = procCpuSeconds(pid);
    const runStarted = performance.now();
    const results = await run(warmup, warmup + n);
    const runSeconds = (performance.now() - runStarted) / 1000;
    const cpuAfter = procCpuSeconds(pid);
    const peak = memory.stop();
    const rssEnd = procMemory(pid);
    const highWater = procMemory(pid, 'VmHWM');

    const ok = results.filter((r): r is Exclude<typeof r, { error: string }> => !('error' in r));
    const errors = new Map<string, number>();
    for (const r of results) if ('error' in r) errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
    const d = distribution(ok.map((r) => r.ms));
    const first = distribution(ok.map((r) => r.firstReplyMs));
    const cpuShare =
      cpuBefore !== undefined && cpuAfter !== undefined
        ? (cpuAfter - cpuBefore) / runSeconds
        : undefined;
    const mib = (b: number | undefined) => (b === undefined ? undefined : b / MiB);
    const summary = {
      turns: n,
      warmup,
      concurrency,
      conversations,
      texts: BENCH_TEXTS,
      botStartSeconds: startSeconds,
      turnsPerSecond: ok.length / runSeconds,
      ms: { p50: d.p50, p95: d.p95, p99: d.p99, max: d.max, mean: d.mean },
      firstReplyMs: { p50: first.p50, p95: first.p95, p99: first.p99 },
      repliesPerTurn: ok.length ? ok.reduce((s, r) => s + r.replies, 0) / ok.length : 0,
      failed: Object.fromEntries(errors),
      unmatchedReplies: unmatched,
      botRssMiB: {
        idle: mib(rssIdle),
        afterWarmup: mib(rssAfterWarmup),
        peak: mib(peak),
        end: mib(rssEnd),
        highWaterMark: mib(highWater),
      },
      botCpuShareOfOneCore: cpuShare,
      machine,
    };

    if (json) console.log(JSON.stringify(summary));
    else {
      const f = (x: number) => x.toFixed(1);
      const m = (x: number | undefined) => (x === undefined ? '?' : x.toFixed(0));
      console.log(
        `messages bench: ${n} turns (+${warmup} warm-up) over ${conversations} conversations, ${concurrency} in flight (${machine})`,
      );
      console.log(`  each conversation says ${BENCH_TEXTS.map((t) => `"${t}"`).join(', ')}, …`);
      console.log(`  bot start   ${startSeconds.toFixed(2)} s to listening`);
      console.log(`  throughput  ${summary.turnsPerSecond.toFixed(1)} turns/s`);
      console.log(
        `  latency     p50 ${f(d.p50)} ms  p95 ${f(d.p95)} ms  p99 ${f(d.p99)} ms  max ${f(d.max)} ms  (POST → answered and replied)`,
      );
      console.log(
        `  first reply p50 ${f(first.p50)} ms  p95 ${f(first.p95)} ms  p99 ${f(first.p99)} ms`,
      );
      console.log(
        `  replies     ${summary.repliesPerTurn.toFixed(2)} per turn${unmatched ? `, ${unmatched} not matched to a turn` : ''}`,
      );
      const mb = summary.botRssMiB;
      console.log(
        `  bot RSS     ${m(mb.idle)} MiB idle, ${m(mb.afterWarmup)} after warm-up, peak ${m(mb.peak)} during the run (sampled every 25 ms), ${m(mb.end)} at the end; high-water mark ${m(mb.highWaterMark)} MiB`,
      );
      if (cpuShare !== undefined)
        console.log(
          `  bot CPU     ${(cpuShare * 100).toFixed(0)} % of one core during the run (this process, the channel, shares the machine)`,
        );
      for (const [error, count] of errors)
        console.log(`  FAILED      ${count} turn${count === 1 ? '' : 's'}: ${error}`);
      if (show) {
        console.log('  conversation a:bench-0 saw:');
        for (const line of shown.slice(0, 20)) console.log(`    ${line}`);
      }
    }
    if (errors.size > 0) process.exitCode = 1;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    const code = await bot?.stop();
    process.off('exit', killBot);
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== undefined && code !== 0 && !json) console.error(`bot exited with ${code}`);
  }
}

runWhenMain(import.meta.url, main);
