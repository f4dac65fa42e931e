/**
 * Cold start, as an operator sees it:
 *
 *   npm run -s bench:cold -- [--n 5] [--command "npm start"] [--json]
 *
 * Runs the command (default `npm start`, with the build already done: an unmeasured first run
 * builds when the sources are newer) N times, each on a fresh temporary DATA_DIR and a free port,
 * and times from the spawn to the first 200 of GET /healthz, then to the first reply of a first
 * turn ("hvordan fører jeg ferje?", which needs the guide index, and "parkering 120 kr i går",
 * which needs the card templates) through a local Bot Connector. Also reports the CPU seconds the
 * command's processes had used when /healthz answered: less sensitive to a busy machine than the
 * wall clock. Prints the median, min and max of each.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeConnector } from '../scripts/lib/fake-connector.js';
import { runWhenMain } from '../scripts/lib/cli.js';
import { distribution, intOption, machineLine, procCpuSeconds } from '../scripts/lib/measure.js';

const USAGE = 'usage: npm run -s bench:cold -- [--n RUNS] [--command "npm start"] [--json]';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIRST_TURNS = ['hvordan fører jeg ferje?', 'parkering 120 kr i går'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The process and all its descendants (npm → sh → node), from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i] as number) ?? []));
  return all;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  healthzMs: number;
  cpuSeconds: number;
  firstReplyMs: number;
}

async function once(command: string, connector: FakeConnector): Promise<Run> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-cold-'));
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(command, {
    shell: true,
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    let exited = false;
    child.once('exit', () => (exited = true));
    for (;;) {
      if (exited) throw new Error(`${command} exited before /healthz answered`);
      const ok = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(10);
    }
    const healthzMs = performance.now() - started;
    const cpuSeconds = processTree(child.pid as number).reduce(
      (sum, pid) => sum + (procCpuSeconds(pid) ?? 0),
      0,
    );
    const replies = FIRST_TURNS.map((text, i) => {
      const conversation = `a:cold-${i}-${randomUUID()}`;
      const replied = new Promise<void>((resolve) => {
        const previous = connector.onActivity;
        connector.onActivity = (a) => {
          previous?.(a);
          if (a.conversationId === conversation && a.type !== 'typing') resolve();
        };
      });
      return fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: randomUUID(),
          text,
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: `29:cold-${i}`, name: 'Kari', aadObjectId: `cold-${i}` },
          recipient: { id: '28:bot', name: 'Reiserekning' },
          conversation: { id: conversation, conversationType: 'personal', tenantId: 't' },
          locale: 'nb-NO',
        }),
      }).then(() => replied);
    });
    await Promise.all(replies);
    return { healthzMs, cpuSeconds, firstReplyMs: performance.now() - started };
  } finally {
    connector.onActivity = undefined;
    connector.activities.length = 0;
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve(0) : child.once('exit', resolve),
    );
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(args: string[]): Promise<void> {
  const n = intOption(args, 'n', 5, USAGE);
  const at = args.indexOf('--command');
  const command = at >= 0 ? (args[at + 1] ?? 'npm start') : 'npm start';
  const machine = machineLine();
  const connector = await new FakeConnector().start();
  try {
    await once(command, connector); // builds if stale; warms the file cache
    const runs: Run[] = [];
    for (let i = 0; i < n; i++) runs.push(await once(command, connector));
    const h = distribution(runs.map((r) => r.healthzMs));
    const c = distribution(runs.map((r) => r.cpuSeconds));
    const f = distribution(runs.map((r) => r.firstReplyMs));
    if (args.includes('--json')) {
      console.log(
        JSON.stringify({ command, n, healthzMs: h, cpuSeconds: c, firstReplyMs: f, machine }),
      );
      return;
    }
    const line = (d: typeof h, unit: string, k: number) =>
      `median ${(d.p50 * k).toFixed(2)} ${unit} (min ${(d.min * k).toFixed(2)}, max ${(d.max * k).toFixed(2)})`;
    console.log(`cold start: \`${command}\`, ${n} runs after one unmeasured (${machine})`);
    console.log(`  to /healthz          ${line(h, 's', 1 / 1000)}`);
    console.log(`  CPU by then          ${line(c, 's', 1)}  (all the command's processes)`);
    console.log(
      `  to a first reply     ${line(f, 's', 1 / 1000)}  (a help question and a claim, together)`,
    );
  } finally {
    await connector.stop();
  }
}

runWhenMain(import.meta.url, main);
