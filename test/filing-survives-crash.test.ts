/**
 * A claim is never lost: the real bot process is killed (`kill -9`) at many moments after a click
 * on File, restarted on the same data folder, and Teams' resend of the click is posted again. The
 * claims API is a process of its own that lives through it all. Every filing must end with exactly
 * one claim at the API and the draft settled as filed with that number: never stuck "filing",
 * never lost, and the number told in the chat (by the turn, or after the restart by the
 * notification its outcome committed). Then the claims API is stopped while a claim is filed: the user is told it is
 * queued, and when the API is back the claim is filed on its own and the user told so.
 *
 * KILL_LOOP_KILLS (default 10) kills, each with 5 filings clicked at different moments before it,
 * so the clicks land 0–200 ms before the kill, both card paths (Action.Execute and Action.Submit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startClaimsApiProcess, type BotProcess } from '../scripts/lib/bot-process.js';
import { useBotServer } from './helpers/bot-server.js';

const TOKEN = 'kill-loop-service-token-of-32-characters';
const KILLS = Number(process.env.KILL_LOOP_KILLS ?? 10);
const PER_KILL = 5;
const SPREAD_MS = 200;

const apiDir = mkdtempSync(path.join(tmpdir(), 'rr-crash-api-'));
let api: BotProcess | undefined;
const startApi = async (port = '0') => {
  api = await startClaimsApiProcess({
    DATA_DIR: apiDir,
    CLAIMS_API_TOKEN: TOKEN,
    CLAIMS_API_PORT: port,
  });
  return api;
};
const server = useBotServer('crash', {
  seed: async () => void (await startApi()),
  env: () => ({
    CLAIMS_API_URL: api?.url ?? '',
    CLAIMS_API_TOKEN: TOKEN,
    // The outbox retries quickly here, so waiting for the API to come back takes no long sleep.
    CLAIMS_OUTBOX_RETRY_BASE_MS: '20',
    CLAIMS_OUTBOX_RETRY_MAX_MS: '200',
  }),
});
afterAll(async () => {
  await api?.stop();
  rmSync(apiDir, { recursive: true, force: true });
});
const { connector, post } = server;

interface Run {
  aad: string;
  conversation: string;
  path: 'execute' | 'submit';
  /** Planned time from the click to the kill. */
  delay: number;
  draftId: string;
  click: Record<string, unknown>;
  clickedAt?: number;
  stage?: string;
}

function activity(aad: string, conversation: string, over: Record<string, unknown>) {
  return server.activity({
    from: { id: `29:${aad}`, name: 'Kari Nordmann', aadObjectId: aad },
    conversation: { id: conversation, conversationType: 'personal', tenantId: 'tenant-1' },
    locale: 'nb-NO',
    localTimezone: 'Europe/Oslo',
    ...over,
  });
}

function lastDraftId(conversation: string): string {
  const json = JSON.stringify(connector.cards(conversation));
  const ids = [...json.matchAll(/"draftId":"([^"]+)"/g)].map((m) => m[1] as string);
  const id = ids.pop();
  if (!id) throw new Error(`no draft card in ${conversation}`);
  return id;
}

/** A reviewed parking outlay, ready to file, and the click that files it. */
async function prepare(n: number, delay: number): Promise<Run> {
  const aad = `aad-crash-${n}`;
  const conversation = `a:crash-${n}`;
  await post(activity(aad, conversation, { text: 'parkering 120 kr i dag' }));
  await post(activity(aad, conversation, { text: 'Kundemøte hos Equinor' }));
  const draftId = lastDraftId(conversation);
  const runPath = n % 2 === 0 ? 'execute' : 'submit';
  const data = { action: 'outlay.file', draftId };
  const click =
    runPath === 'execute'
      ? activity(aad, conversation, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: data.action, data }, trigger: 'manual' },
        })
      : activity(aad, conversation, { value: data, replyToId: `card-${n}` });
  return { aad, conversation, path: runPath, delay, draftId, click };
}

async function claimsAt(aad: string): Promise<Array<{ number: string }>> {
  const res = await fetch(`${api?.url}/claims-api/v1/claims`, {
    headers: { authorization: `Bearer ${TOKEN}`, 'x-acting-employee': aad },
  });
  return ((await res.json()) as { claims: Array<{ number: string }> }).claims;
}

interface Seen {
  step?: string;
  filedAs?: string;
  job?: string;
}

/** What the bot's own database says about a run's draft: read from the file, as it is on disk. */
function seenInBot(run: Run): Seen {
  const db = new Database(path.join(server.dataDir, 'bot.sqlite'));
  try {
    const row = db.prepare('SELECT doc FROM bot_state WHERE key = ?').get(`users/${run.aad}`) as
      { doc: string } | undefined;
    const state = (row ? JSON.parse(row.doc) : {}) as {
      state?: {
        outlay?: { id: string; step: string };
        lastFiled?: { draftId: string; number: string };
      };
    };
    const job = db
      .prepare('SELECT state FROM jobs WHERE key = ? ORDER BY created_at DESC LIMIT 1')
      .get(run.draftId) as { state: string } | undefined;
    const outlay = state.state?.outlay;
    const filed = state.state?.lastFiled;
    return {
      ...(outlay?.id === run.draftId ? { step: outlay.step } : {}),
      ...(filed?.draftId === run.draftId ? { filedAs: filed.number } : {}),
      ...(job ? { job: job.state } : {}),
    };
  } finally {
    db.close();
  }
}

/** Where the filing stood when the process died. */
function stageAtKill(seen: Seen, claims: number): string {
  if (seen.filedAs) return 'filed and recorded';
  if (seen.step === 'filing') return claims > 0 ? 'filed, not yet recorded' : 'in the outbox';
  return 'not yet committed';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function settled(runs: Run[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(
      runs.map(async (run) => ({ run, seen: seenInBot(run), claims: await claimsAt(run.aad) })),
    );
    const done = states.every(
      ({ seen, claims }) => claims.length === 1 && seen.filedAs === claims[0]?.number && !seen.step,
    );
    if (done || Date.now() > deadline) return states;
    await sleep(100);
  }
}

async function toldIn(conversation: string, number: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!connector.texts(conversation).some((t) => t.includes(number))) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

describe('filing survives kill -9 of the bot', () => {
  it(`ends every filing with exactly one claim and no stuck draft (${KILLS * PER_KILL} filings, ${KILLS} kills)`, async () => {
    const total = KILLS * PER_KILL;
    const stages = new Map<string, number>();
    const delays: number[] = [];
    let told = 0;
    const untold: string[] = [];
    const started = performance.now();
    for (let kill = 0; kill < KILLS; kill++) {
      // Delays spread evenly over 0–200 ms across all runs; each kill gets some from the whole range.
      const runs: Run[] = [];
      for (let j = 0; j < PER_KILL; j++) {
        const k = j * KILLS + kill;
        runs.push(await prepare(k, Math.round((k * SPREAD_MS) / Math.max(1, total - 1))));
      }
      const killAt = performance.now() + SPREAD_MS + 20;
      for (const run of runs) {
        setTimeout(
          () => {
            run.clickedAt = performance.now();
            post(run.click).catch(() => undefined);
          },
          killAt - run.delay - performance.now(),
        );
      }
      await sleep(killAt - performance.now());
      const killedAt = performance.now();
      await server.bot.kill();
      for (const run of runs) {
        delays.push(Math.round(killedAt - (run.clickedAt ?? killedAt)));
        run.stage = stageAtKill(seenInBot(run), (await claimsAt(run.aad)).length);
        stages.set(run.stage, (stages.get(run.stage) ?? 0) + 1);
      }

      await server.restart();
      // Teams resends a click that got no answer; the replay guard must let it through only when
      // the turn it belonged to never committed.
      for (const run of runs) await post(run.click);
      const states = await settled(runs, 20_000);
      for (const { run, seen, claims } of states) {
        expect(claims, `${run.path} killed ${run.delay} ms after the click`).toHaveLength(1);
        expect(seen, `${run.path} killed ${run.delay} ms after the click`).toEqual({
          filedAs: claims[0]?.number,
          job: 'done',
        });
      }
      // The number reaches the chat, from the turn itself or from the notification its outcome
      // committed (sent after a restart when the turn died before answering).
      for (const { run, claims } of states) {
        const number = claims[0]?.number ?? '?';
        if (await toldIn(run.conversation, number, 15_000)) told++;
        else untold.push(`${run.path} (${run.stage})`);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const spread = `${Math.min(...delays)}–${Math.max(...delays)} ms`;
    console.log(
      `kill loop: ${total} filings over ${KILLS} kills, click→kill ${spread}, in ${seconds} s; ` +
        `at the kill: ${[...stages].map(([s, n]) => `${s} ${n}`).join(', ')}; ` +
        `one claim each ${total}/${total}, none stuck; the number told in the chat ${told}/${total}` +
        (untold.length ? ` (not told: ${untold.join(', ')})` : ''),
    );
    expect(untold).toEqual([]);
    expect(told).toBe(total);
    // Where the kills landed depends on the machine's speed, so it is reported, not asserted.
  }, 600_000);
});

describe('with the claims API down', () => {
  it('queues the claim, files it on its own when the API is back, and tells the user', async () => {
    const port = new URL(api?.url ?? '').port;
    await api?.stop();
    const run = await prepare(10_000, 0);
    const res = await post(run.click);
    expect(res.status).toBe(200);
    expect(connector.texts(run.conversation).pop()).toMatch(
      /Kravet står i kø — jeg sender det inn så snart systemet svarer, og sier fra her/,
    );
    // A second click while it waits does not file it again; it says it is queued.
    await post({ ...run.click, id: `${String(run.click.id)}-again` });
    expect(connector.texts(run.conversation).pop()).toMatch(/Dette kravet står i kø/);
    expect(seenInBot(run)).toMatchObject({ step: 'filing', job: 'queued' });

    await startApi(port);
    const [state] = await settled([run], 20_000);
    expect(state?.claims).toHaveLength(1);
    const number = state?.claims[0]?.number ?? '?';
    expect(state?.seen).toEqual({ filedAs: number, job: 'done' });
    expect(await toldIn(run.conversation, number, 10_000)).toBe(true);
    // The proactive message, in the conversation the claim was filed from.
    expect(connector.texts(run.conversation).pop()).toMatch(
      new RegExp(`^Ferdig! Utlegget er sendt inn som \\*\\*${number}\\*\\*`),
    );
  }, 120_000);
});

describe('cancelling a queued claim, with the claims API process stopped', () => {
  it('takes it out of the outbox: back as a draft, never filed when the API returns', async () => {
    const port = new URL(api?.url ?? '').port;
    await api?.stop();
    const run = await prepare(10_001, 0);
    await post(run.click);
    expect(seenInBot(run)).toMatchObject({ step: 'filing', job: 'queued' });
    // The queued card's Cancel button (Action.Submit path).
    const cancel = activity(run.aad, run.conversation, {
      value: { action: 'outlay.cancel', draftId: run.draftId },
      replyToId: 'card-cancel',
    });
    await post(cancel);
    expect(connector.texts(run.conversation).pop()).toMatch(/^Stoppet: kravet ble ikke sendt inn/);
    expect(seenInBot(run)).toEqual({ step: 'review', job: 'dead' });

    await startApi(port);
    // The outbox retries every 20–200 ms here: a live job would be filed well within this wait.
    await sleep(1_500);
    expect(await claimsAt(run.aad)).toEqual([]);
    // Filed again by the user, it is filed once.
    await post(activity(run.aad, run.conversation, { text: 'send inn' }));
    const [state] = await settled([run], 20_000);
    expect(state?.claims).toHaveLength(1);
    expect(state?.seen).toEqual({ filedAs: state?.claims[0]?.number, job: 'done' });
  }, 120_000);
});
