/**
 * The outbox in the application layer, against the reference claims API on a local port behind a
 * switch that can make it answer 503 with Retry-After or refuse a claim (422), as another claims
 * system might. The clock of the queue is injected, so backoff and Retry-After are checked
 * without waiting for them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimsClient } from '../src/claims-api/claims-client.js';
import type { TurnContextData, TurnResult, UserState, View } from '../src/conversation/types.js';
import { HelpService } from '../src/help/compose-answer.js';
import { loadGuide } from '../src/help/guide-loader.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { createOfflineExtractor } from '../src/receipts/offline-extractor.js';
import { ReceiptPipeline } from '../src/receipts/receipt-pipeline.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { ConversationRefs } from '../src/notifications/conversation-refs.js';
import { NOTIFY } from '../src/notifications/notification-job.js';
import { NotificationWorker } from '../src/notifications/notification-worker.js';
import { fileClaimJob } from '../src/services/claim-outbox.js';
import { createExpenseServices } from '../src/services/expense-services.js';
import { ProcessedActivities } from '../src/store/processed-activities.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';
import { startClaimsApi, type RunningClaimsApi } from './helpers/claims-api-server.js';

let setups = 0;
const KARI_CHAT = { conversation: { id: 'a:kari-personal' } };
let api: RunningClaimsApi;
let front: http.Server;
let frontUrl = '';
/** What the claims system does now: pass requests on, say "not now", or refuse the claim. */
let mode: 'up' | 'busy' | 'refuse' = 'up';

beforeAll(async () => {
  api = await startClaimsApi();
  front = http.createServer((req, res) => {
    if (mode === 'busy') {
      res.writeHead(503, { 'retry-after': '30', 'content-type': 'application/json' });
      return void res.end('{"error":"unavailable"}');
    }
    if (mode === 'refuse' && req.method === 'POST') {
      res.writeHead(422, { 'content-type': 'application/json' });
      return void res.end('{"error":"validation","message":"purpose: too short"}');
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'content-length'].includes(k)),
      ) as Record<string, string>;
      fetch(`${api.url}${req.url}`, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      })
        .then(async (answer) => {
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? '',
          });
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => front.close(resolve));
  await api.close();
});

function setup(locale = 'nb-NO') {
  mode = 'up';
  const KARI = `aad-outbox-${++setups}`;
  const db = openDatabase(':memory:');
  let now = Date.parse('2026-11-24T09:00:00Z');
  const clock = () => now;
  const storage = new SqliteStorage(db);
  const queue = new SqliteJobQueue(db, { now: clock });
  const processed = new ProcessedActivities(db);
  const services = createExpenseServices({
    storage,
    queue,
    replay: processed,
    outbox: { backoff: { baseMs: 1_000, maxMs: 60_000, random: () => 0.5 }, now: clock },
    help: new HelpService(loadGuide(), { warmUp: false }),
    receipts: new ReceiptPipeline({
      store: new SqliteReceiptStore(db, '/nonexistent-no-files-needed'),
      extractor: createOfflineExtractor(),
    }),
    claims: createClaimsClient({ baseUrl: frontUrl, token: api.token, timeoutMs: 2_000 }),
    intake: { authEnabled: false },
    logger: pino({ level: 'silent' }),
  });
  let ids = 0;
  const facts: TurnContextData = {
    today: '2026-11-24',
    scope: 'personal',
    locale,
    defaultLang: 'nb',
    newId: () => `outbox-draft-${++ids}`,
  };
  // What the user is told later goes through the notification jobs, to the chat filed from.
  const told: View[] = [];
  const notices = new NotificationWorker({
    queue,
    refs: new ConversationRefs(db),
    deliver: (reference, view) => {
      expect(reference).toEqual(KARI_CHAT);
      return Promise.resolve(void told.push(view));
    },
    langOf: () => Promise.resolve('nb'),
    logger: pino({ level: 'silent' }),
    now: () => new Date(now),
  });
  const worker = services.worker(
    { facts: () => facts, announced: () => notices.wake() },
    { pollMs: 20 },
  );
  const say = async (text: string, options = {}) => {
    const shown: TurnResult[] = [];
    await services.conversations.run(
      KARI,
      facts,
      [{ type: 'text', text }],
      (r) => Promise.resolve(void shown.push(r)),
      { origin: { reference: KARI_CHAT }, ...options },
    );
    return shown.flatMap((r) => r.messages.flatMap((m) => (m.kind === 'text' ? [m.text] : [])));
  };
  const state = async () =>
    ((await storage.read([`users/${KARI}`]))[`users/${KARI}`] as { state: UserState }).state;
  return {
    KARI,
    db,
    storage,
    queue,
    processed,
    worker,
    notices,
    conversations: services.conversations,
    told,
    say,
    state,
    tick: (ms: number) => (now += ms),
    at: () => now,
  };
}

async function until(check: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const texts = (views: View[]) => views.flatMap((m) => (m.kind === 'text' ? [m.text] : []));

/** A parking outlay filed while the claims system is busy: it waits in the outbox. */
async function queuedClaim(
  say: (text: string) => Promise<string[]>,
  state: () => Promise<UserState>,
): Promise<string> {
  await say('parkering 120 kr i dag');
  await say('Kundemøte hos Equinor');
  mode = 'busy';
  await say('send inn');
  return (await state()).outlay?.id ?? '';
}

describe('the claim outbox', () => {
  it('queues a claim the API cannot take now, waits as Retry-After asks, then files it and tells the user', async () => {
    const { KARI, queue, worker, told, say, state, tick, at } = setup();
    await say('parkering 120 kr i dag');
    await say('Kundemøte hos Equinor');
    mode = 'busy';
    expect(await say('send inn')).toContain(
      'Reiseregningssystemet svarer ikke akkurat nå. Kravet står i kø — jeg sender det inn så snart systemet svarer, og sier fra her.',
    );
    const draftId = (await state()).outlay?.id ?? '';
    expect(await state()).toMatchObject({ outlay: { step: 'filing', queued: true } });
    // 503 with Retry-After: 30 outweighs the first backoff (1 s).
    const waiting = await queue.find(fileClaimJob, draftId);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    expect(waiting?.runAt.getTime()).toBe(at() + 30_000);
    expect(waiting?.lastError).toMatch(/503/);
    // Filing again while it waits does not file it twice.
    expect(await say('send inn')).toEqual([
      'Dette kravet står i kø: jeg sender det inn så snart reiseregningssystemet svarer, og sier fra her. Du trenger ikke gjøre noe mer.',
    ]);

    worker.start();
    try {
      mode = 'up';
      tick(29_000);
      worker.wake();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(told).toEqual([]);
      tick(1_000);
      worker.wake();
      await until(() => told.length > 0);
    } finally {
      await worker.stop();
    }
    const [filed] = api.repo.listForEmployee(KARI);
    expect(texts(told)).toHaveLength(1);
    expect(texts(told)[0]).toMatch(
      new RegExp(
        `^Ferdig! Utlegget er sendt inn som \\*\\*${filed?.number}\\*\\* \\(120,00\\skr\\)`,
      ),
    );
    expect(await state()).toMatchObject({ lastFiled: { draftId, number: filed?.number } });
    expect((await state()).outlay).toBeUndefined();
    expect(await queue.find(fileClaimJob, draftId)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('brings a claim the API refuses for good back as a draft, with the reason in nynorsk', async () => {
    const { queue, say, state } = setup('nn-NO');
    await say('parkering 120 kr i dag');
    await say('Kundemøte hjå Equinor');
    mode = 'refuse';
    expect(await say('send inn')).toContain(
      'Reiserekningssystemet avviste utlegget: noko av innhaldet er ikkje gyldig der. Sjekk felta og prøv igjen.',
    );
    const draft = (await state()).outlay;
    expect(draft).toMatchObject({ step: 'review' });
    expect(draft?.queued).toBeUndefined();
    expect(await queue.find(fileClaimJob, draft?.id ?? '')).toMatchObject({ state: 'dead' });
    // Fixed on the claims side, the same draft files normally.
    mode = 'up';
    expect((await say('send inn')).join(' ')).toMatch(/Utlegget er sendt inn som \*\*RR-/);
  });

  it('at start-up files again a draft left "filing" with nothing in the outbox, once, under its key', async () => {
    const { KARI, db, storage, worker, say, state } = setup();
    await say('parkering 120 kr i dag');
    await say('Kundemøte hos Equinor');
    const draft = (await state()).outlay;
    await say('send inn');
    const [filed] = api.repo.listForEmployee(KARI);
    // As an older version could leave it: the API has the claim, the draft still says "filing".
    db.prepare('DELETE FROM jobs').run();
    const { lastFiled: _gone, ...rest } = await state();
    await storage.write({
      [`users/${KARI}`]: { state: { ...rest, outlay: { ...draft, step: 'filing' } } },
    });

    expect(await worker.recover(storage)).toEqual({ filing: 1, refiled: 1 });
    expect(await state()).toMatchObject({
      lastFiled: { draftId: draft?.id, number: filed?.number },
    });
    expect((await state()).outlay).toBeUndefined();
    expect(api.repo.listForEmployee(KARI).filter((c) => c.id === filed?.id)).toHaveLength(1);
    expect(await worker.recover(storage)).toEqual({ filing: 0, refiled: 0 });
  });

  it('tells a claim filed in a turn that died before answering, once the bot is back', async () => {
    const { KARI, queue, notices, conversations, told, say, state, tick } = setup();
    await say('parkering 120 kr i dag');
    await say('Kundemøte hos Equinor');
    const draftId = (await state()).outlay?.id ?? '';
    // The outcome commits, then the process dies before the answer reaches Teams.
    await expect(
      conversations.run(
        KARI,
        { today: '2026-11-24', scope: 'personal', defaultLang: 'nb', newId: () => 'x' },
        [{ type: 'text', text: 'send inn' }],
        (result) =>
          result.state.lastFiled ? Promise.reject(new Error('killed')) : Promise.resolve(),
        { origin: { reference: KARI_CHAT } },
      ),
    ).rejects.toThrow('killed');
    expect(await state()).toMatchObject({ lastFiled: { draftId } });
    const [filed] = api.repo.listForEmployee(KARI);
    // Start-up makes the announcement due at once; the notification worker sends it.
    expect(await queue.find(NOTIFY, `told:filed:${draftId}:0`)).toMatchObject({ state: 'queued' });
    await queue.wakeAll(NOTIFY);
    expect(await notices.runDue()).toBeGreaterThan(0);
    expect(texts(told)).toEqual([
      expect.stringMatching(new RegExp(`sendt inn som \\*\\*${filed?.number}\\*\\*`)),
    ]);
    // A turn that did answer settles its announcement: nothing is sent twice.
    await say('parkering 80 kr i dag');
    await say('Kundemøte hos Aker');
    const second = (await state()).outlay?.id ?? '';
    expect((await say('send inn')).join(' ')).toMatch(/sendt inn som/);
    expect(await queue.find(NOTIFY, `told:filed:${second}:0`)).toMatchObject({ state: 'done' });
    tick(120_000);
    expect(await notices.runDue()).toBe(0);
  });

  it('cancels a queued claim: the job leaves the queue with the draft, and nothing is filed', async () => {
    const { KARI, queue, worker, say, state, tick } = setup();
    const draftId = await queuedClaim(say, state);
    expect((await say('avbryt')).join(' ')).toMatch(/^Stoppet: kravet ble ikke sendt inn/);
    expect(await state()).toMatchObject({ outlay: { id: draftId, step: 'review' } });
    expect(await queue.find(fileClaimJob, draftId)).toMatchObject({
      state: 'dead',
      lastError: 'cancelled by the user',
    });
    // The claims system answers again: the worker finds nothing to file.
    mode = 'up';
    tick(60_000);
    worker.start();
    worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop();
    expect(api.repo.listForEmployee(KARI)).toEqual([]);
    // Filed again, it is filed once, under the same key.
    expect((await say('send inn')).join(' ')).toMatch(/sendt inn som \*\*RR-/);
    expect(api.repo.listForEmployee(KARI)).toHaveLength(1);
  });

  it('does not cancel a claim a worker is delivering right now', async () => {
    const { queue, say, state, tick } = setup();
    const draftId = await queuedClaim(say, state);
    tick(60_000);
    // A worker has taken the job and waits for the claims API.
    const [held] = await queue.take(fileClaimJob, { leaseMs: 60_000 });
    expect(held?.key).toBe(draftId);
    expect(await say('avbryt')).toEqual([
      'Kravet sendes inn akkurat nå og kan ikke avbrytes. Jeg sier fra her når det er sendt inn.',
    ]);
    expect(await state()).toMatchObject({ outlay: { step: 'filing', queued: true } });
    expect(await queue.find(fileClaimJob, draftId)).toMatchObject({ state: 'leased' });
  });

  it('marks an activity handled only when its turn commits', async () => {
    const { db, processed, say } = setup();
    expect(() =>
      db.transaction(() => {
        processed.claimIn({ db }, 'msteams:c:1');
        throw new Error('the state write failed');
      })(),
    ).toThrow();
    expect(processed.seen('msteams:c:1')).toBe(false);
    await say('hei', { activityKey: 'msteams:c:1' });
    expect(processed.seen('msteams:c:1')).toBe(true);
    // A copy that raced past the check is dropped when it tries to commit.
    await expect(say('hei', { activityKey: 'msteams:c:1' })).rejects.toThrow(/handled already/);
  });
});
