/**
 * Several bot instances and a worker on one PostgreSQL, as real processes behind no load balancer
 * at all: the test itself sends each activity to the instance it chooses, as a round-robin balancer
 * might. Instances A and B answer chat turns and leave receipt photos to the worker
 * (RECEIPT_READER=worker); W only works jobs. One local Bot Connector receives what all of them
 * send. On a real server (test/helpers/pg-test-database.ts says which, and when this file skips).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startBotProcess,
  startWorkerProcess,
  type BotProcess,
} from '../scripts/lib/bot-process.js';
import { FakeConnector } from '../scripts/lib/fake-connector.js';
import { channelActivity } from './helpers/bot-server.js';
import {
  describePg,
  freshSchemas,
  testDatabaseUrl,
  type TestSchemas,
} from './helpers/pg-test-database.js';

const TOKEN = 'scale-out-service-token-of-32-characters';
const receipt = readFileSync(path.join(import.meta.dirname, 'fixtures/receipts/parking-no.jpg'));

describePg('two bot instances and a worker on one PostgreSQL', () => {
  const connector = new FakeConnector();
  const dirs: string[] = [];
  let db: TestSchemas;
  let fileHost: http.Server;
  let fileUrl = '';
  const procs: Record<'a' | 'b' | 'w', BotProcess | undefined> = {
    a: undefined,
    b: undefined,
    w: undefined,
  };

  const env = () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'rr-scale-out-'));
    dirs.push(dataDir);
    return {
      DATA_DIR: dataDir,
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: db.schema,
      CLAIMS_API_TOKEN: TOKEN,
      RECEIPT_LINK_SECRET: 'scale-out-receipt-link-secret-of-32-chars',
      RECEIPT_READER: 'worker',
      // A worker killed mid-reading leaves its job to another after this long.
      RECEIPT_READ_LEASE_S: '5',
      CLAIMS_STATUS_POLL_S: '0',
      REMINDERS: 'off',
      LOG_LEVEL: 'info',
    };
  };
  const instance = (name: 'a' | 'b' | 'w') => {
    const found = procs[name];
    if (!found) throw new Error(`process ${name} is not running`);
    return found;
  };

  beforeAll(async () => {
    await connector.start();
    db = await freshSchemas(testDatabaseUrl(), 'scale_out');
    fileHost = http.createServer((req, res) => {
      res.writeHead(req.url === '/files/parkering.jpg' ? 200 : 404, {
        'content-type': 'image/jpeg',
      });
      res.end(req.url === '/files/parkering.jpg' ? receipt : undefined);
    });
    await new Promise<void>((resolve) => fileHost.listen(0, '127.0.0.1', resolve));
    fileUrl = `http://127.0.0.1:${(fileHost.address() as AddressInfo).port}/files`;
    // Both instances start at once: one migrates and starts the queue, the other waits for it.
    const [a, b] = await Promise.allSettled([startBotProcess(env()), startBotProcess(env())]);
    // Kept even when the other failed, so afterAll stops it.
    procs.a = a.status === 'fulfilled' ? a.value : undefined;
    procs.b = b.status === 'fulfilled' ? b.value : undefined;
    for (const started of [a, b]) if (started.status === 'rejected') throw started.reason;
    procs.w = await startWorkerProcess(env());
  }, 120_000);

  afterAll(async () => {
    await Promise.all(Object.values(procs).map((p) => p?.stop() ?? Promise.resolve(null)));
    await connector.stop();
    await new Promise<void>((resolve) => fileHost?.close(() => resolve()));
    await db?.dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const activity = (user: string, fields: Record<string, unknown>) =>
    channelActivity(connector.url, {
      from: { id: `29:${user}`, name: 'Kari Nordmann', aadObjectId: user },
      conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 'tenant-1' },
      locale: 'nb-NO',
      localTimezone: 'Europe/Oslo',
      ...fields,
    });

  async function post(to: 'a' | 'b', body: Record<string, unknown>) {
    const res = await fetch(`${instance(to).url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  }

  async function claimsOf(user: string, via: 'a' | 'b') {
    const res = await fetch(`${instance(via).url}/claims-api/v1/claims`, {
      headers: { authorization: `Bearer ${TOKEN}`, 'x-acting-employee': user },
    });
    return ((await res.json()) as { claims: Array<{ number: string; status: string }> }).claims;
  }

  const draftIdIn = (user: string) => {
    const ids = [...JSON.stringify(connector.cards(`a:${user}`)).matchAll(/"draftId":"([^"]+)"/g)];
    const id = ids.pop()?.[1];
    if (!id) throw new Error(`no draft card for ${user}`);
    return id;
  };

  async function waitFor<T>(
    probe: () => T | undefined | Promise<T | undefined>,
    ms = 30_000,
  ): Promise<T> {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
      const found = await probe();
      if (found !== undefined) return found;
    }
    throw new Error('timed out');
  }

  it('an outlay started on A, its purpose given on B and filed through A is one claim, listed by B', async () => {
    const user = 'aad-scale-1';
    expect(await post('a', activity(user, { text: 'parkering 120 kr i dag' }))).toBe(200);
    expect(await post('b', activity(user, { text: 'Kundemøte hos Equinor' }))).toBe(200);
    const draftId = draftIdIn(user);
    const file = { action: 'outlay.file', draftId };
    expect(await post('a', activity(user, { value: file, replyToId: 'card-1' }))).toBe(200);
    const filed = await waitFor(async () => {
      const found = await claimsOf(user, 'b');
      return found.length > 0 ? found : undefined;
    });
    expect(filed).toHaveLength(1);
    const before = connector.repliesTo(`a:${user}`).length;
    expect(await post('b', activity(user, { text: 'mine krav' }))).toBe(200);
    const listed = JSON.stringify(connector.repliesTo(`a:${user}`).slice(before));
    expect(listed).toContain(filed[0]?.number);
  });

  /** The person's stored conversation state, as every instance reads it. */
  async function stateOf(user: string) {
    const { rows } = await db
      .open(1)
      .query<{ doc: { state: Record<string, unknown> } }>(
        'SELECT doc FROM bot_state WHERE key = $1',
        [`users/${user}`],
      );
    return rows[0]?.doc.state;
  }

  const amountsIn = (replies: unknown[]) =>
    replies.map((r) => /(\d+),00\s?kr/.exec(JSON.stringify(r))?.[1]);

  it('ten quick messages of one person, split across A and B, make one consistent draft', async () => {
    const user = 'aad-scale-2';
    expect(await post('a', activity(user, { text: 'parkering 120 kr i dag' }))).toBe(200);
    const draftId = draftIdIn(user);
    const before = connector.cards(`a:${user}`).length;
    const amounts = Array.from({ length: 10 }, (_, i) => String(101 + i));
    const statuses = await Promise.all(
      amounts.map((amount, i) =>
        post(i % 2 ? 'b' : 'a', activity(user, { text: `nei, det var ${amount} kr` })),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const replies = connector.cards(`a:${user}`).slice(before);
    // Every message answered with one card, each with the amount it set: none lost, none said twice.
    expect(amountsIn(replies).sort()).toEqual(amounts);
    const outlay = (await stateOf(user))?.outlay as
      { id: string; fields: { amount: string } } | undefined;
    expect(outlay?.id).toBe(draftId);
    // The turns ran one after the other: the draft holds what the last answer showed.
    expect(outlay?.fields.amount).toBe(amountsIn(replies).at(-1));
  });

  const photo = (user: string, name: string) =>
    activity(user, {
      text: 'Parkering ved kunden',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name,
          content: {
            downloadUrl: `${fileUrl}/parkering.jpg`,
            uniqueId: randomUUID(),
            fileType: 'jpg',
          },
        },
      ],
    });

  /** The reading jobs of the worker processes, as pg-boss keeps them. */
  async function readingJobs() {
    const { rows } = await db
      .open(1)
      .query<{ state: string; retry_count: number }>(
        `SELECT state, retry_count FROM ${db.bossSchema}.job WHERE name = 'receipt.read'`,
      );
    return rows;
  }

  it('a photo sent to A is read by the worker, whose card takes the place of "Reading…"', async () => {
    const user = 'aad-scale-3';
    expect(await post('a', photo(user, 'kvittering.jpg'))).toBe(200);
    const ack = connector.repliesTo(`a:${user}`).find((r) => r.text === 'Leser kvitteringen …');
    expect(ack).toBeDefined();
    const update = await waitFor(() =>
      connector.repliesTo(`a:${user}`).find((r) => r.method === 'PUT'),
    );
    expect(JSON.stringify(update)).toMatch(/185,00\s?kr/);
    // The chat instances never load the reader: the photo was read in W alone.
    expect(instance('a').logs.join('')).not.toContain('OCR');
    expect(instance('b').logs.join('')).not.toContain('OCR');
  });

  it('a worker killed while reading leaves the job to another, which finishes it once', async () => {
    const user = 'aad-scale-4';
    const jobsBefore = (await readingJobs()).length;
    expect(await post('b', photo(user, 'kvittering-2.jpg'))).toBe(200);
    // Killed as soon as it holds the job, before its reading can be done.
    await waitFor(async () =>
      (await readingJobs()).some((j) => j.state === 'active') ? true : undefined,
    );
    await instance('w').kill();
    procs.w = await startWorkerProcess(env());
    const card = await waitFor(
      () => connector.repliesTo(`a:${user}`).find((r) => r.method === 'PUT'),
      60_000,
    );
    expect(JSON.stringify(card)).toMatch(/185,00\s?kr/);
    const jobs = await readingJobs();
    expect(jobs).toHaveLength(jobsBefore + 1);
    expect(jobs.filter((j) => j.state === 'completed')).toHaveLength(jobsBefore + 1);
    await sleep(1_000);
    // Told once: one card for the photo, no second message after it.
    expect(connector.cards(`a:${user}`)).toHaveLength(1);
  }, 90_000);

  it('a worker stopped (SIGTERM) while reading finishes the reading and tells the chat before it exits', async () => {
    const user = 'aad-scale-5';
    const done = (await readingJobs()).filter((j) => j.state === 'completed').length;
    expect(await post('a', photo(user, 'kvittering-3.jpg'))).toBe(200);
    await waitFor(async () =>
      (await readingJobs()).some((j) => j.state === 'active') ? true : undefined,
    );
    expect(await instance('w').stop()).toBe(0);
    procs.w = undefined;
    // Nothing left for another process: the job is done and the card was sent on the way out.
    const jobs = await readingJobs();
    expect(jobs.filter((j) => j.state === 'completed')).toHaveLength(done + 1);
    const card = connector.repliesTo(`a:${user}`).find((r) => r.method === 'PUT');
    expect(JSON.stringify(card)).toMatch(/185,00\s?kr/);
  }, 60_000);
});
