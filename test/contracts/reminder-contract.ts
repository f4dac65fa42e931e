/**
 * What the reminder round promises on a reminder store, run against SQLite and PostgreSQL: a due
 * nudge queued once, at most one a week, never outside working hours in Oslo or after "stopp
 * påminnelser", and one per person when several instances run the round at once.
 */
import type { Storage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { handleEvent } from '../../src/conversation/engine.js';
import type { TurnContextData, UserState } from '../../src/conversation/types.js';
import { NOTIFY } from '../../src/notifications/notification-job.js';
import type { NotificationStores } from '../../src/notifications/notification-stores.js';
import type { ReceiptsWaiting } from '../../src/notifications/reminder-store.js';
import { Reminders } from '../../src/notifications/reminders.js';

export interface ReminderWorld<Tx> {
  stores: NotificationStores<Tx>;
  /** The conversation state store on the same database (what `readState` reads). */
  storage: Storage;
}

export interface ReminderHarness<Tx> {
  /** Stores on an empty database, the inbox counted by `receiptsWaiting`, at the clock `now`. */
  fresh(receiptsWaiting: ReceiptsWaiting, now: () => Date): Promise<ReminderWorld<Tx>>;
  /** The same database through a connection of its own (another instance). */
  another(receiptsWaiting: ReceiptsWaiting, now: () => Date): Promise<ReminderWorld<Tx>>;
  /** Dates the person's state row as last written at `at` (the store writes its own time). */
  touch(employeeId: string, at: Date): Promise<void>;
}

const OLA = 'ola-0001';
const DAY = 86_400_000;
const MONDAY = '2026-12-07T09:00:00Z'; // 10:00 in Oslo
const facts: TurnContextData = {
  today: '2026-12-07',
  scope: 'personal',
  defaultLang: 'nb',
  newId: () => 'id-1',
};
const withDraft = (state: UserState = {}) =>
  handleEvent(state, { type: 'text', text: 'ny utlegg' }, facts).state;

export function reminderContract<Tx>(name: string, h: ReminderHarness<Tx>): void {
  /** Ola reachable, his inbox the receipts added with `receipt(at)`, the clock at `start`. */
  async function setUp(start: string) {
    let clock = new Date(start);
    const now = () => clock;
    const inbox: Date[] = [];
    const receiptsWaiting: ReceiptsWaiting = (id, before) =>
      id === OLA ? inbox.filter((at) => at < before).length : 0;
    const world = await h.fresh(receiptsWaiting, now);
    const instance = ({ stores, storage }: ReminderWorld<Tx>) =>
      new Reminders({
        store: stores.reminders,
        queue: stores.queue,
        refs: stores.refs,
        readState: async (id) =>
          ((await storage.read([`users/${id}`]))[`users/${id}`] as { state?: UserState })?.state ??
          {},
        now,
      });
    await world.stores.refs.remember(
      OLA,
      { channelId: 'msteams', conversation: { id: 'a:ola' } as never },
      'nb-NO',
      clock,
    );
    return {
      world,
      reminders: instance(world),
      another: async () => instance(await h.another(receiptsWaiting, now)),
      setClock: (iso: string) => void (clock = new Date(iso)),
      receipt: (daysAgo: number) => void inbox.push(new Date(clock.getTime() - daysAgo * DAY)),
      async writeState(state: UserState, daysAgo: number) {
        await world.storage.write({ [`users/${OLA}`]: { state } });
        await h.touch(OLA, new Date(clock.getTime() - daysAgo * DAY));
      },
      job: (day: string) => world.stores.queue.find(NOTIFY, `reminder:${OLA}:${day}`),
    };
  }

  describe(`${name}: reminder contract`, () => {
    it('queues a due reminder once, saying what waits', async () => {
      const t = await setUp(MONDAY);
      t.receipt(6);
      await t.writeState(withDraft(), 4);
      expect(await t.reminders.runOnce()).toBe(1);
      const job = await t.job('2026-12-07');
      expect(job?.state).toBe('queued');
      expect(job?.payload).toEqual({
        employeeId: OLA,
        message: { type: 'reminder', receipts: 1, drafts: 1 },
      });
      t.setClock('2026-12-07T10:00:00Z');
      expect(await t.reminders.runOnce()).toBe(0);
      expect(await t.world.stores.reminders.lastSent(OLA)).toEqual(new Date(MONDAY));
    });

    it('not twice in a week; the next week again', async () => {
      const t = await setUp(MONDAY);
      t.receipt(4);
      expect(await t.reminders.runOnce()).toBe(1);
      t.setClock('2026-12-10T09:00:00Z'); // Thursday
      expect(await t.reminders.runOnce()).toBe(0);
      t.setClock('2026-12-14T08:59:00Z'); // the next Monday, a minute short of a week
      expect(await t.reminders.runOnce()).toBe(0);
      t.setClock('2026-12-14T09:00:00Z');
      expect(await t.reminders.runOnce()).toBe(1);
      expect((await t.job('2026-12-14'))?.state).toBe('queued');
    });

    it('respects "stopp påminnelser", and reminds again once they are back on', async () => {
      const t = await setUp(MONDAY);
      t.receipt(5);
      await t.writeState(withDraft({ remindersOff: true }), 5);
      expect(await t.reminders.runOnce()).toBe(0);
      expect(await t.world.stores.reminders.lastSent(OLA)).toBeUndefined();
      await t.writeState(withDraft({ remindersOff: false }), 5);
      expect(await t.reminders.runOnce()).toBe(1);
    });

    it('never outside working hours in Oslo, and records nothing then', async () => {
      const t = await setUp('2026-12-05T10:00:00Z'); // Saturday
      t.receipt(5);
      expect(await t.reminders.runOnce()).toBe(0);
      t.setClock('2026-12-07T07:59:00Z'); // Monday 08:59 in Oslo
      expect(await t.reminders.runOnce()).toBe(0);
      t.setClock('2026-12-07T15:00:00Z'); // Monday 16:00 in Oslo
      expect(await t.reminders.runOnce()).toBe(0);
      expect(await t.world.stores.reminders.lastSent(OLA)).toBeUndefined();
    });

    it('leaves alone a draft touched in the last three days and receipts newer than that', async () => {
      const t = await setUp(MONDAY);
      t.receipt(2);
      await t.writeState(withDraft(), 2);
      expect(await t.reminders.runOnce()).toBe(0);
      await t.writeState(withDraft(), 3.5);
      expect(await t.reminders.runOnce()).toBe(1);
      expect((await t.job('2026-12-07'))?.payload).toMatchObject({
        message: { receipts: 0, drafts: 1 },
      });
    });

    it('of two instances running the round at once, one reminds', async () => {
      const t = await setUp(MONDAY);
      t.receipt(4);
      const other = await t.another();
      const counts = await Promise.all([t.reminders.runOnce(), other.runOnce()]);
      expect(counts.reduce((a, b) => a + b)).toBe(1);
      expect((await t.job('2026-12-07'))?.state).toBe('queued');
    });

    it('marks a reminder sent for one of two writers, and not when queueing it failed', async () => {
      const t = await setUp(MONDAY);
      const store = t.world.stores.reminders;
      const other = (
        await h.another(
          () => 0,
          () => new Date(MONDAY),
        )
      ).stores.reminders;
      const at = new Date(MONDAY);
      const weekBefore = new Date(at.getTime() - 7 * DAY);
      await expect(
        store.markSent(OLA, at, weekBefore, () => {
          throw new Error('queue down');
        }),
      ).rejects.toThrow('queue down');
      expect(await store.lastSent(OLA)).toBeUndefined();
      let told = 0;
      const tell = () => (told++, true);
      const marks = await Promise.all([
        store.markSent(OLA, at, weekBefore, tell),
        other.markSent(OLA, at, weekBefore, tell),
      ]);
      expect([marks.filter(Boolean).length, told]).toEqual([1, 1]);
      const later = new Date(at.getTime() + DAY);
      expect(await other.markSent(OLA, later, new Date(later.getTime() - 7 * DAY), tell)).toBe(
        false,
      );
      expect(await other.lastSent(OLA)).toEqual(at);
    });
  });
}
