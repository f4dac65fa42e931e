/**
 * Reminders and the delivery of notifications, on a test clock (moved, never waited for) and
 * through the real adapter to the local Bot Connector: one nudge a week on a weekday in working
 * hours, none after "stopp påminnelser"; at most 7 messages a second per chat; a 429 waits as
 * long as Teams asks; a 403 (the app was removed) stops all further tries.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeConnector } from '../scripts/lib/fake-connector.js';
import { createAdapter } from '../src/bot/adapter.js';
import { CardRenderer } from '../src/bot/card-renderer.js';
import { proactiveDelivery } from '../src/bot/proactive.js';
import { loadConfig } from '../src/config.js';
import { handleEvent } from '../src/conversation/engine.js';
import type { TurnContextData, UserState } from '../src/conversation/types.js';
import { SqliteJobQueue } from '../src/jobs/sqlite-job-queue.js';
import { ConversationRefs } from '../src/notifications/conversation-refs.js';
import { NOTIFY } from '../src/notifications/notification-job.js';
import { NotificationWorker } from '../src/notifications/notification-worker.js';
import { inboxBefore, SqliteReminderStore } from '../src/notifications/reminder-store.js';
import { isWorkingHours, Reminders } from '../src/notifications/reminders.js';
import { StatusTracker } from '../src/notifications/status-tracker.js';
import { SqliteStatusLedger } from '../src/notifications/status-ledger.js';
import { SqliteReceiptStore } from '../src/receipts/sqlite-receipt-store.js';
import { openDatabase } from '../src/store/sqlite-database.js';
import { SqliteStorage } from '../src/store/sqlite-storage.js';

const OLA = 'ola-0001';
const CHAT = 'a:ola-personal-chat';
const blobs = mkdtempSync(path.join(tmpdir(), 'rr-reminders-'));
const connector = new FakeConnector();
beforeAll(async () => void (await connector.start()));
afterAll(async () => {
  await connector.stop();
  rmSync(blobs, { recursive: true, force: true });
});

/** Everything on one in-memory database, at a clock the test sets. */
function setUp(start: string) {
  let clock = new Date(start);
  const now = () => clock;
  const db = openDatabase(':memory:');
  const storage = new SqliteStorage(db);
  const receipts = new SqliteReceiptStore(db, blobs, { now });
  const queue = new SqliteJobQueue(db, { now: () => clock.getTime() });
  const refs = new ConversationRefs(db);
  const readState = async (id: string) =>
    ((await storage.read([`users/${id}`]))[`users/${id}`] as { state?: UserState } | undefined)
      ?.state ?? {};
  const worker = new NotificationWorker({
    queue,
    refs,
    deliver: proactiveDelivery(
      createAdapter(loadConfig({}), pino({ level: 'silent' })),
      '',
      new CardRenderer(),
    ),
    langOf: async (id) => (await readState(id)).lang ?? 'nb',
    logger: pino({ level: 'silent' }),
    now,
    random: () => 0.5,
  });
  // SQLite: written at once (the promise is settled already).
  void refs.remember(
    OLA,
    {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: CHAT } as never,
      user: { id: `29:${OLA}`, name: 'Ola' },
      bot: { id: '28:bot', name: 'Reiserekning' },
    },
    'nn-NO',
    clock,
  );
  return {
    db,
    storage,
    receipts,
    refs,
    queue,
    worker,
    tracker: new StatusTracker(new SqliteStatusLedger(db), queue),
    reminders: new Reminders({
      store: new SqliteReminderStore(db, {
        receiptsWaiting: (id, before) => inboxBefore(receipts.listInbox(id), before),
      }),
      queue,
      refs,
      readState,
      now,
    }),
    setClock: (iso: string) => void (clock = new Date(iso)),
    advance: (ms: number) => void (clock = new Date(clock.getTime() + ms)),
    /** Ola's state as the conversation leaves it, written `daysAgo` before the clock. */
    async writeState(state: UserState, daysAgo: number) {
      await storage.write({ [`users/${OLA}`]: { state } });
      db.prepare('UPDATE bot_state SET updated_at = ? WHERE key = ?').run(
        clock.getTime() - daysAgo * 86_400_000,
        `users/${OLA}`,
      );
    },
  };
}

const sentTo = () => connector.repliesTo(CHAT);
const facts: TurnContextData = {
  today: '2026-12-07',
  scope: 'personal',
  defaultLang: 'nb',
  newId: () => 'id-1',
};

describe('reminders', () => {
  it('knows working hours in Oslo, summer and winter', () => {
    expect(isWorkingHours(new Date('2026-12-07T08:00:00Z'))).toBe(true); // Monday 09:00 in Oslo
    expect(isWorkingHours(new Date('2026-12-07T07:59:00Z'))).toBe(false);
    expect(isWorkingHours(new Date('2026-12-07T15:00:00Z'))).toBe(false); // 16:00
    expect(isWorkingHours(new Date('2026-06-08T07:30:00Z'))).toBe(true); // 09:30 summer time
    expect(isWorkingHours(new Date('2026-12-05T10:00:00Z'))).toBe(false); // Saturday
  });

  it('nudges once a week on a weekday about receipts and drafts left, and not after "stopp påminningar"', async () => {
    const t = setUp('2026-12-01T09:00:00Z');
    const bytes = Buffer.from('%PDF-1.4 receipt');
    await t.receipts.add(OLA, {
      bytes,
      mime: 'application/pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const draft = handleEvent({ lang: 'nn' }, { type: 'text', text: 'ny utlegg' }, facts).state;
    t.setClock('2026-12-05T10:00:00Z'); // Saturday: never at the weekend
    await t.writeState(draft, 4);
    expect(await t.reminders.runOnce()).toBe(0);
    t.setClock('2026-12-07T06:30:00Z'); // Monday 07:30: before working hours
    expect(await t.reminders.runOnce()).toBe(0);
    t.setClock('2026-12-07T09:00:00Z'); // Monday 10:00
    expect(await t.reminders.runOnce()).toBe(1);
    const before = sentTo().length;
    expect(await t.worker.runDue()).toBe(1);
    const card = JSON.stringify(sentTo().slice(before));
    expect(card).toContain('Ei venleg påminning');
    expect(card).toContain('1 kvittering ventar i innboksen din.');
    expect(card).toContain('Eit krav du byrja på, er ikkje sendt inn enno.');
    expect(card).toContain('"action":"reminder.finish"');
    expect(card).toContain('"action":"reminder.drop"');
    t.setClock('2026-12-10T09:00:00Z'); // Thursday the same week: once a week
    expect(await t.reminders.runOnce()).toBe(0);
    const stopped = handleEvent(draft, { type: 'text', text: 'stopp påminningar' }, facts);
    expect(stopped.messages).toHaveLength(1);
    expect(stopped.messages[0]).toMatchObject({ kind: 'text' });
    expect(JSON.stringify(stopped.messages)).toContain('ingen fleire påminningar');
    t.setClock('2026-12-14T09:00:00Z'); // the next Monday
    await t.writeState(stopped.state, 4);
    expect(await t.reminders.runOnce()).toBe(0);
    const started = handleEvent(stopped.state, { type: 'text', text: 'start påminningar' }, facts);
    await t.writeState(started.state, 4);
    expect(await t.reminders.runOnce()).toBe(1);
  });

  it('leaves alone a draft touched in the last three days and an empty inbox', async () => {
    const t = setUp('2026-12-07T09:00:00Z');
    await t.writeState(handleEvent({}, { type: 'text', text: 'ny utlegg' }, facts).state, 2);
    expect(await t.reminders.runOnce()).toBe(0);
  });
});

describe('delivering notifications', () => {
  const change = (n: number) => ({
    employeeId: OLA,
    claimId: `c-${n}`,
    number: `RR-2026-00000${n}`,
    status: 'approved' as const,
    version: 1,
  });

  it('sends at most 7 a second to one chat, and the rest a second later', async () => {
    const t = setUp('2026-12-07T09:00:00Z');
    for (let n = 1; n <= 9; n++) expect(await t.tracker.observe(change(n))).toBe(true);
    // The same change again (a webhook retry, a poll) is no news.
    expect(await t.tracker.observe(change(1))).toBe(false);
    expect(await t.worker.runDue()).toBe(7);
    t.advance(1_001);
    expect(await t.worker.runDue()).toBe(2);
  });

  it('backs off after repeated 429s, and stops for good after a 403', async () => {
    const t = setUp('2026-12-07T09:00:00Z');
    // The connector client waits out Retry-After and tries 3 more times itself; when Teams keeps
    // refusing, the job goes back to the queue and waits its back-off (the clock is the test's).
    connector.retryAfterS = 0;
    connector.refusals.push(429, 429, 429, 429);
    await t.tracker.observe(change(1));
    expect(await t.worker.runDue()).toBe(0);
    expect(connector.refused.filter((r) => r.status === 429)).toHaveLength(4);
    const job = await t.queue.find(NOTIFY, 'status:c-1:12');
    expect(job?.state).toBe('queued');
    const wait = job!.runAt.getTime() - new Date('2026-12-07T09:00:00Z').getTime();
    expect(wait).toBeGreaterThanOrEqual(500);
    expect(await t.worker.runDue()).toBe(0); // not due yet
    t.advance(wait);
    expect(await t.worker.runDue()).toBe(1);

    connector.refusals.push(403);
    await t.tracker.observe(change(2));
    expect(await t.worker.runDue()).toBe(0);
    expect((await t.refs.get(OLA))?.usable).toBe(false);
    const refused = connector.refused.length;
    const sent = connector.activities.length;
    await t.tracker.observe(change(3));
    t.advance(3_600_000);
    expect(await t.worker.runDue()).toBe(0);
    expect([connector.refused.length, connector.activities.length]).toEqual([refused, sent]);
    expect((await t.queue.find(NOTIFY, 'status:c-3:12'))?.state).toBe('dead');
  });
});
