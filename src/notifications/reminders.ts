/**
 * A friendly nudge, at most once a week, about receipts left in the inbox and drafts left alone
 * for more than three days — only on a weekday during working hours in Norway, and never for
 * someone who wrote "stopp påminnelser". The clock is handed in, so tests move it instead of
 * waiting; the nudge itself is a notification job like a status change.
 */
import type Database from 'better-sqlite3';
import type { UserState } from '../conversation/types.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { SqliteTx } from '../store/sqlite-database.js';
import type { ConversationRefStore } from './conversation-refs.js';
import { NOTIFY } from './notification-job.js';

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

export interface RemindersDeps {
  db: Database.Database;
  queue: JobQueue<SqliteTx>;
  refs: ConversationRefStore;
  /** The user's conversation state (drafts, "stopp påminnelser"). */
  readState: (employeeId: string) => Promise<UserState>;
  now: () => Date;
}

export class Reminders {
  constructor(private readonly deps: RemindersDeps) {
    deps.db.exec(`
      CREATE TABLE IF NOT EXISTS reminders_sent (
        employee_id TEXT PRIMARY KEY,
        sent_at     INTEGER NOT NULL
      )
    `);
  }

  /** Queues the nudges due now; how many. */
  async runOnce(): Promise<number> {
    const now = this.deps.now();
    if (!isWorkingHours(now)) return 0;
    let queued = 0;
    for (const employeeId of await this.deps.refs.reachable()) {
      const last = this.lastSent(employeeId);
      if (last !== undefined && now.getTime() - last < REMINDER_EVERY_MS) continue;
      const state = await this.deps.readState(employeeId);
      if (state.remindersOff) continue;
      const receipts = this.receiptsWaiting(employeeId, now);
      const drafts = this.draftsLeft(employeeId, state, now);
      if (receipts + drafts === 0) continue;
      const { db, queue } = this.deps;
      db.transaction(() => {
        db.prepare(
          `INSERT INTO reminders_sent (employee_id, sent_at) VALUES (?, ?)
           ON CONFLICT (employee_id) DO UPDATE SET sent_at = excluded.sent_at`,
        ).run(employeeId, now.getTime());
        void queue.enqueue({ db }, NOTIFY, {
          key: `reminder:${employeeId}:${now.toISOString().slice(0, 10)}`,
          payload: { employeeId, message: { type: 'reminder', receipts, drafts } },
        });
      }).immediate();
      queued++;
    }
    return queued;
  }

  private lastSent(employeeId: string): number | undefined {
    return this.deps.db
      .prepare<[string], { sent_at: number }>(
        'SELECT sent_at FROM reminders_sent WHERE employee_id = ?',
      )
      .get(employeeId)?.sent_at;
  }

  /** Photos in "my receipts" for more than three days (the receipt store's table). */
  private receiptsWaiting(employeeId: string, now: Date): number {
    const before = new Date(now.getTime() - LEFT_FOR_MS).toISOString();
    return (
      this.deps.db
        .prepare<[string, string], { n: number }>(
          "SELECT COUNT(*) AS n FROM receipts WHERE employee_id = ? AND status = 'inbox' AND created_at < ?",
        )
        .get(employeeId, before)?.n ?? 0
    );
  }

  /**
   * Unfiled drafts whose owner has not touched the conversation for three days. The state row's
   * write time is the last touch (the bot state table's own column): drafts carry no clock.
   */
  private draftsLeft(employeeId: string, state: UserState, now: Date): number {
    const drafts = [state.outlay, state.outlayClaim, state.mileage, state.travel].filter(
      (d) => d && d.step !== 'filing',
    ).length;
    if (drafts === 0) return 0;
    const touched = this.deps.db
      .prepare<[string], { updated_at: number }>('SELECT updated_at FROM bot_state WHERE key = ?')
      .get(`users/${employeeId}`)?.updated_at;
    return touched !== undefined && now.getTime() - touched > LEFT_FOR_MS ? drafts : 0;
  }
}
