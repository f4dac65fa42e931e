/**
 * A friendly nudge, at most once a week, about receipts left in the inbox and drafts left alone
 * for more than three days — only on a weekday during working hours in Norway, and never for
 * someone who wrote "stopp påminnelser". The clock is handed in, so tests move it instead of
 * waiting; the nudge itself is a notification job like a status change. What it reads and
 * records comes through a `ReminderStore` (SQLite or PostgreSQL), whose conditional write lets
 * several instances run the round at once and still remind each person once.
 */
import type { UserState } from '../conversation/types.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ConversationRefStore } from './conversation-refs.js';
import { NOTIFY } from './notification-job.js';
import type { ReminderStore } from './reminder-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const LEFT_FOR_MS = 3 * DAY_MS;
export const REMINDER_EVERY_MS = 7 * DAY_MS;

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  weekday: 'short',
  hour: 'numeric',
  hourCycle: 'h23',
});

/** Monday to Friday, 09:00–15:59 in Oslo (summer and winter time alike). */
export function isWorkingHours(now: Date): boolean {
  const parts = Object.fromEntries(osloParts.formatToParts(now).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  return !['Sat', 'Sun'].includes(parts.weekday ?? '') && hour >= 9 && hour < 16;
}

/** Left alone since before this: three days before `now`. */
const leftSince = (now: Date) => new Date(now.getTime() - LEFT_FOR_MS);

export interface RemindersDeps<Tx> {
  store: ReminderStore<Tx>;
  queue: JobQueue<Tx>;
  refs: ConversationRefStore;
  /** The user's conversation state (drafts, "stopp påminnelser"). */
  readState: (employeeId: string) => Promise<UserState>;
  now: () => Date;
}

export class Reminders<Tx> {
  constructor(private readonly deps: RemindersDeps<Tx>) {}

  /** Queues the nudges due now; how many (this instance's: another may queue others). */
  async runOnce(): Promise<number> {
    const now = this.deps.now();
    if (!isWorkingHours(now)) return 0;
    const { store, queue } = this.deps;
    // Reminded after this, and it is too soon for another.
    const recent = new Date(now.getTime() - REMINDER_EVERY_MS);
    let queued = 0;
    for (const employeeId of await this.deps.refs.reachable()) {
      const last = await store.lastSent(employeeId);
      if (last !== undefined && last > recent) continue;
      const state = await this.deps.readState(employeeId);
      if (state.remindersOff) continue;
      const receipts = await store.receiptsWaiting(employeeId, leftSince(now));
      const drafts = await this.draftsLeft(employeeId, state, now);
      if (receipts + drafts === 0) continue;
      const sent = await store.markSent(employeeId, now, recent, (tx) =>
        queue.enqueue(tx, NOTIFY, {
          key: `reminder:${employeeId}:${now.toISOString().slice(0, 10)}`,
          payload: { employeeId, message: { type: 'reminder', receipts, drafts } },
        }),
      );
      if (sent) queued++;
    }
    return queued;
  }

  /** Unfiled drafts whose owner has not touched the conversation for three days. */
  private async draftsLeft(employeeId: string, state: UserState, now: Date): Promise<number> {
    const drafts = [state.outlay, state.outlayClaim, state.mileage, state.travel].filter(
      (d) => d && d.step !== 'filing',
    ).length;
    if (drafts === 0) return 0;
    const touched = await this.deps.store.lastTouched(employeeId);
    return touched !== undefined && touched < leftSince(now) ? drafts : 0;
  }
}
