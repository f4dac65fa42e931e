/**
 * Memory under a long, varied load:
 *
 *   npm run -s bench:soak -- [--n 20000] [--conversations 2000] [--concurrency 8] [--every 1000] [--json]
 *
 * Builds when needed and starts the compiled bot (`node dist/index.js`, as `npm start` runs it, on
 * a temporary DATA_DIR with the embedded claims API), plays the Teams channel through a local Bot
 * Connector, and posts N turns over M conversations (one user each), C at a time. Each
 * conversation goes through the same ten steps (each starting at another, so the mix is the same
 * throughout), with its own amounts, places, names and questions,
 * so no two turns say the same: an outlay statement, its purpose, the form submitted
 * (Action.Submit), filing it, a help question, "mine krav", an English outlay, "avbryt", a second
 * help question and a mileage trip. Prints the bot's RSS every E turns with the turns/s and
 * latency of that stretch, and whether the last RSS is within 10 % of the first after warm-up
 * (the first stretch). `SOAK_NODE_OPTIONS` is handed to the bot as NODE_OPTIONS, to try a V8 flag
 * or `--import` a probe.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAll, DIST } from '../scripts/build.js';
import { startBuiltBotProcess, type BotProcess } from '../scripts/lib/bot-process.js';
import { runWhenMain } from '../scripts/lib/cli.js';
import { FakeConnector, type ConnectorActivity } from '../scripts/lib/fake-connector.js';
import { MiB, distribution, intOption, machineLine, procMemory } from '../scripts/lib/measure.js';

const USAGE =
  'usage: npm run -s bench:soak -- [--n TURNS] [--conversations M] [--concurrency C] [--every E] [--json]';

const KINDS = ['parkering', 'taxi', 'ferjebillett', 'bompenger', 'hotell', 'togbillett', 'buss'];
const EN_KINDS = ['ferry', 'taxi', 'parking', 'train ticket', 'toll'];
const CUSTOMERS = ['Equinor', 'DNB', 'Telenor', 'Statkraft', 'Hydro', 'Orkla', 'Kongsberg'];
const PLACES = ['Drammen', 'Hamar', 'Moss', 'Lillehammer', 'Tønsberg', 'Gjøvik', 'Halden'];
const QUESTIONS = [
  'hvordan fører jeg ferje?',
  'hvordan legger jeg til passasjerer?',
  'korleis legg eg til passasjerar?',
  'how do I log a ferry ticket?',
  'jeg har glemt passordet',
  'hvordan fører jeg diett?',
  'how does mileage work?',
  'hva er forskjellen på utlegg og reise?',
  'where do I find my claims?',
  'hvordan sender jeg inn en reiseregning?',
  'kan jeg få refundert parkering?',
  'how do I add a receipt?',
];

/** What conversation `c` says at its step `s` (0–9); `n` makes the numbers differ between rounds. */
export function soakText(c: number, s: number, n: number): string {
  const pick = <T>(list: readonly T[], k: number) => list[k % list.length] as T;
  switch (s) {
    case 0:
      return `${pick(KINDS, c + n)} ${50 + ((c * 7 + n) % 900)} kr i går`;
    case 1:
      return `Kundemøte hos ${pick(CUSTOMERS, c + n)} om avtale ${c}-${n}`;
    case 4:
      return pick(QUESTIONS, c + n);
    case 5:
      return 'mine krav';
    case 6:
      return `${pick(EN_KINDS, c + n)} ${20 + ((c + n) % 400)} NOK yesterday`;
    case 7:
      return 'avbryt';
    case 8:
      return pick(QUESTIONS, c + n + 5);
    default:
      return `kjørte ${10 + ((c + n) % 300)} km fra Oslo til ${pick(PLACES, c + n)} i går`;
  }
}

function draftIdOf(a: ConnectorActivity): string | undefined {
  return /"draftId":"([^"]+)"/.exec(JSON.stringify(a.attachments ?? []))?.[1];
}

async function main(args: string[]): Promise<void> {
  const n = intOption(args, 'n', 20_000, USAGE);
  const conversations = intOption(args, 'conversations', 2_000, USAGE);
  const concurrency = intOption(args, 'concurrency', 8, USAGE);
  const every = intOption(args, 'every', 1_000, USAGE);
  const json = args.includes('--json');
  const machine = machineLine();
  if (!existsSync(path.join(DIST, 'index.js'))) await buildAll();

  const connector = await new FakeConnector().start();
  const drafts = new Map<string, string>();
  connector.onActivity = (a) => {
    connector.activities.length = 0;
    const id = draftIdOf(a);
    if (id) drafts.set(a.conversationId, id);
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-soak-'));
  let bot: BotProcess | undefined;
  try {
    bot = await startBuiltBotProcess({
      DATA_DIR: dataDir,
      ...(process.env.SOAK_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SOAK_NODE_OPTIONS } : {}),
    });
    const pid = bot.child.pid as number;
    const url = `${bot.url}/api/messages`;

    async function turn(i: number): Promise<number | string> {
      const c = i % conversations;
      const round = Math.floor(i / conversations);
      // Each conversation starts at another of the ten steps, so every stretch of turns holds the
      // same mix and the RSS of one stretch compares like with like with the next.
      const step = (round + c) % 10;
      const conversation = `a:soak-${c}`;
      const user = `soak-user-${c}`;
      const draftId = drafts.get(conversation);
      const value =
        step === 2 && draftId
          ? {
              action: 'outlay.submit',
              draftId,
              date: '2026-11-23',
              amount: String(100 + ((c + round) % 500)),
              currency: 'NOK',
              kind: 'parking',
              merchant: `EasyPark ${c % 50}`,
              purpose: `Kundemøte ${c}`,
              comment: '',
            }
          : step === 3 && draftId
            ? { action: 'outlay.file', draftId }
            : undefined;
      const started = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: randomUUID(),
          ...(value ? { value, replyToId: `card-${c}` } : { text: soakText(c, step, round) }),
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: `29:${user}`, name: `Soak ${c}`, aadObjectId: user },
          recipient: { id: '28:bot', name: 'Reiserekning' },
          conversation: { id: conversation, conversationType: 'personal', tenantId: 'tenant-soak' },
          locale: c % 3 === 0 ? 'en-US' : c % 3 === 1 ? 'nb-NO' : 'nn-NO',
          localTimezone: 'Europe/Oslo',
          timestamp: new Date().toISOString(),
        }),
      }).catch((err: unknown) => err);
      if (!(res instanceof Response)) return String(res);
      await res.arrayBuffer();
      return res.ok ? performance.now() - started : `HTTP ${res.status}`;
    }

    const rows: Array<{
      turns: number;
      rssMiB: number;
      turnsPerSecond: number;
      p50: number;
      p99: number;
    }> = [];
    const failures = new Map<string, number>();
    if (!json)
      console.log(
        `soak: ${n} turns over ${conversations} conversations, ${concurrency} in flight, the compiled bot (${machine})`,
      );
    if (!json)
      console.log(`  ${'turns'.padStart(6)}  ${'RSS MiB'.padStart(8)}  turns/s   p50 ms   p99 ms`);
    for (let from = 0; from < n; from += every) {
      const to = Math.min(n, from + every);
      const times: number[] = [];
      let next = from;
      const started = performance.now();
      const worker = async () => {
        while (next < to) {
          const r = await turn(next++);
          if (typeof r === 'number') times.push(r);
          else failures.set(r, (failures.get(r) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const seconds = (performance.now() - started) / 1000;
      const d = distribution(times);
      const row = {
        turns: to,
        rssMiB: (procMemory(pid) ?? 0) / MiB,
        turnsPerSecond: times.length / seconds,
        p50: d.p50,
        p99: d.p99,
      };
      rows.push(row);
      if (!json)
        console.log(
          `  ${String(row.turns).padStart(6)}  ${row.rssMiB.toFixed(0).padStart(8)}  ${row.turnsPerSecond.toFixed(1).padStart(7)}  ${row.p50.toFixed(1).padStart(7)}  ${row.p99.toFixed(1).padStart(7)}`,
        );
    }
    const first = rows[0]?.rssMiB ?? 0;
    const last = rows[rows.length - 1]?.rssMiB ?? 0;
    const growth = first ? (last - first) / first : 0;
    const summary = {
      n,
      conversations,
      concurrency,
      rows,
      rssGrowthAfterWarmup: growth,
      highWaterMarkMiB: (procMemory(pid, 'VmHWM') ?? 0) / MiB,
      failed: Object.fromEntries(failures),
      machine,
    };
    if (json) console.log(JSON.stringify(summary));
    else {
      console.log(
        `  RSS after warm-up ${first.toFixed(0)} MiB → ${last.toFixed(0)} MiB at the end: ${(growth * 100).toFixed(1)} % (target within 10 %: ${Math.abs(growth) <= 0.1 ? 'ok' : 'over'}); high-water mark ${summary.highWaterMarkMiB.toFixed(0)} MiB`,
      );
      for (const [error, count] of failures) console.log(`  FAILED  ${count} turns: ${error}`);
    }
    if (failures.size > 0) process.exitCode = 1;
  } finally {
    await bot?.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, main);
