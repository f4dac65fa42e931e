/**
 * Status messages wired on PostgreSQL stores (createNotifications with pgNotificationStores):
 * two bot instances receiving the same claims webhook queue one message, and an instance that
 * starts leaves alone a message another live instance is sending, where the SQLite wiring (one
 * process) takes a leased message back at start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import restify from 'restify';
import { afterEach, expect, it } from 'vitest';
import { createClaimsClient } from '../src/claims-api/claims-client.js';
import {
  signWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../src/claims-api/webhook-events.js';
import { CLAIM_EVENTS_PATH } from '../src/notifications/claim-events.js';
import { NOTIFY } from '../src/notifications/notification-job.js';
import {
  pgNotificationStores,
  sqliteNotificationStores,
  type NotificationStores,
} from '../src/notifications/notification-stores.js';
import { createNotifications } from '../src/notifications/notifications.js';
import { progressOf } from '../src/notifications/status-change.js';
import { StatusTracker } from '../src/notifications/status-tracker.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { usePgInstances } from './helpers/pg-instances.js';
import { describePg, useMigratedSchemas } from './helpers/pg-test-database.js';

const SECRET = 'webhook-secret-for-pg-notifications';
const OLA = 'ola-0001';
const CHAT = { channelId: 'msteams', conversation: { id: 'a:ola' } as never };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** One bot instance's notifications on `stores`, its server listening; `delivered` what it sent. */
async function instance<Tx>(stores: NotificationStores<Tx>) {
  const server = restify.createServer();
  const delivered: unknown[] = [];
  const notifications = createNotifications({
    stores,
    server,
    // Nothing answers there: subscribing fails, and with polling off start() says 'off'.
    claims: createClaimsClient({ baseUrl: 'http://127.0.0.1:9', token: 't', timeoutMs: 1_000 }),
    deliver: (_reference, view) => Promise.resolve(void delivered.push(view)),
    readState: () => Promise.resolve({}),
    defaultLang: 'nb',
    logger: pino({ level: 'silent' }),
    webhookSecret: SECRET,
    pollSeconds: 0,
    reminders: false,
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  closers.push(async () => {
    await notifications.close();
    server.close();
  });
  return { notifications, url, delivered };
}

const change = { claimId: 'c-1', number: 'RR-2026-000001', employeeId: OLA, version: 2 };

/** The claims API's delivery of `claim.approved`, signed now. */
function approvedEvent() {
  const body = JSON.stringify({
    id: 'evt-1',
    type: 'claim.approved',
    createdAt: new Date().toISOString(),
    data: { ...change, status: 'approved' },
  });
  const ts = Math.floor(Date.now() / 1000);
  return {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(SECRET, ts, body),
      [TIMESTAMP_HEADER]: String(ts),
    },
  };
}

const statusKey = (claimId = 'c-1') =>
  `status:${claimId}:${progressOf({ status: 'approved', version: 2 })}`;

/** The approval recorded and its message queued, then leased by a worker of this process. */
async function leasedMessage<Tx>(stores: NotificationStores<Tx>, claimId = 'c-1') {
  await stores.refs.remember(OLA, CHAT, 'nb-NO', new Date());
  const tracker = new StatusTracker(stores.ledger, stores.queue);
  expect(await tracker.observe({ ...change, claimId, status: 'approved' })).toBe(true);
  const taken = await stores.queue.take(NOTIFY, { leaseMs: 60_000 });
  expect(taken).toHaveLength(1);
  return taken[0]!;
}

it('SQLite (one process): start() takes back a message a gone run had leased', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-notifications-'));
  const db = openDatabase(join(dir, 'bot.sqlite'));
  closers.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  });
  const stores = sqliteNotificationStores(db, { receiptsWaiting: () => 0 });
  await leasedMessage(stores);
  const bot = await instance(stores);
  expect(await bot.notifications.start(bot.url)).toBe('off');
  await expect.poll(() => bot.delivered.length).toBe(1);
  expect((await stores.queue.find(NOTIFY, statusKey()))?.state).toBe('done');
});

describePg('notifications on PostgreSQL stores', () => {
  const schemas = useMigratedSchemas('notify', ['claim_status_seen', 'conversation_refs']);
  const instances = usePgInstances(schemas, [NOTIFY]);
  const stores = (n: number) => {
    const { pool, queue } = instances[n]!;
    return pgNotificationStores(pool, queue, { receiptsWaiting: () => 0 });
  };
  const jobs = async () =>
    (
      await schemas.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schemas.db.bossSchema}.job WHERE name = $1`,
        [NOTIFY.name],
      )
    ).rows[0]?.n;

  it('the same webhook at two instances at once queues one message', async () => {
    const [a, b] = [await instance(stores(0)), await instance(stores(1))];
    const answers = await Promise.all(
      [a, b, a, b].map((bot) => fetch(`${bot.url}${CLAIM_EVENTS_PATH}`, approvedEvent())),
    );
    expect(answers.map((r) => r.status)).toEqual([204, 204, 204, 204]);
    expect(await jobs()).toBe(1);
    // Whichever instance's worker took it (each wakes its own on news), it is the one message.
    expect(await stores(1).queue.find(NOTIFY, statusKey())).toMatchObject({
      payload: { employeeId: OLA, message: { type: 'status', change: { status: 'approved' } } },
    });
  });

  it('start() leaves alone a message another live instance holds or has put off', async () => {
    const first = stores(0);
    // Instance A is sending it (its lease runs for a minute) when instance B starts…
    await leasedMessage(first);
    const b = await instance(stores(1));
    expect(await b.notifications.start(b.url)).toBe('off');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await first.queue.find(NOTIFY, statusKey()))?.state).toBe('leased');
    await b.notifications.close();
    // …or Teams asked A to wait a minute (a 429), and B starts within it.
    const later = new Date(Date.now() + 60_000);
    expect(await first.queue.retryAt(await leasedMessage(first, 'c-2'), later, 'HTTP 429')).toBe(
      true,
    );
    const c = await instance(stores(1));
    expect(await c.notifications.start(c.url)).toBe('off');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...b.delivered, ...c.delivered]).toEqual([]);
    expect(await first.queue.find(NOTIFY, statusKey('c-2'))).toMatchObject({
      state: 'queued',
      runAt: later,
    });
  });
});
