/**
 * What the reminder round reads and writes, behind one interface with a SQLite and a PostgreSQL
 * implementation (`pg-reminder-store.ts`): when a person was last reminded, how many receipts wait
 * in their inbox (counted by the receipt store, handed in, so this knows no receipt table), and
 * when they last touched their conversation (the state store's write time).
 */
import type Database from 'better-sqlite3';
import type { Awaitable } from '../jobs/job-queue.js';
import { settle, type SqliteTx } from '../store/sqlite-database.js';
import { guardedSqlite, type OnChanged } from './guarded-write.js';

/** Receipts in this person's inbox since before `before` (the receipt store answers). */
export type ReceiptsWaiting = (employeeId: string, before: Date) => Awaitable<number>;

/**
 * `receiptsWaiting` from a receipt store that lists a person's inbox (synchronously or not, its
 * times as ISO text or dates): how many of them came in before `before`.
 */
export async function inboxBefore(
  inbox: Awaitable<ReadonlyArray<{ createdAt: string | Date }>>,
  before: Date,
): Promise<number> {
  return (await inbox).filter((receipt) => new Date(receipt.createdAt) < before).length;
}

export interface ReminderStore<Tx> {
  lastSent(employeeId: string): Promise<Date | undefined>;
  /**
   * Records a reminder sent `at`, unless one was sent after `notAfter`, and runs `then` (queueing
   * it) in that transaction. Of several instances running the round at once, one gets true; the
   * others (and a reminder already sent this week) get false, with nothing run.
   */
  markSent(employeeId: string, at: Date, notAfter: Date, then: OnChanged<Tx>): Promise<boolean>;
  receiptsWaiting(employeeId: string, before: Date): Promise<number>;
  /** When the person's conversation state was last written: drafts carry no clock of their own. */
  lastTouched(employeeId: string): Promise<Date | undefined>;
}

export interface ReminderStoreOptions {
  receiptsWaiting: ReceiptsWaiting;
}

/** One statement in both (ms since the epoch in both, migration 003): the later writer finds a fresh row. */
export const MARK_SENT = `INSERT INTO reminders_sent (employee_id, sent_at) VALUES ($1, $2)
  ON CONFLICT (employee_id) DO UPDATE SET sent_at = excluded.sent_at
  WHERE reminders_sent.sent_at <= $3`;
export const LAST_SENT = 'SELECT sent_at FROM reminders_sent WHERE employee_id = $1';
/** The conversation state's row of a person (the botbuilder user-state key). */
export const stateKey = (employeeId: string) => `users/${employeeId}`;

export class SqliteReminderStore implements ReminderStore<SqliteTx> {
  constructor(
    private readonly db: Database.Database,
    private readonly options: ReminderStoreOptions,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS reminders_sent (
        employee_id TEXT PRIMARY KEY,
        sent_at     INTEGER NOT NULL
      )
    `);
  }

  lastSent(employeeId: string): Promise<Date | undefined> {
    return settle(() => {
      const row = this.db
        .prepare<[string], { sent_at: number }>(LAST_SENT.replace('$1', '?'))
        .get(employeeId);
      return row ? new Date(row.sent_at) : undefined;
    });
  }

  markSent(
    employeeId: string,
    at: Date,
    notAfter: Date,
    then: OnChanged<SqliteTx>,
  ): Promise<boolean> {
    const args = [employeeId, at.getTime(), notAfter.getTime()];
    return guardedSqlite(this.db, MARK_SENT, args, then, 'SqliteReminderStore.markSent');
  }

  async receiptsWaiting(employeeId: string, before: Date): Promise<number> {
    return this.options.receiptsWaiting(employeeId, before);
  }

  /** The bot state table's own write time (SqliteStorage: ms since the epoch). */
  lastTouched(employeeId: string): Promise<Date | undefined> {
    return settle(() => {
      const row = this.db
        .prepare<[string], { updated_at: number }>('SELECT updated_at FROM bot_state WHERE key = ?')
        .get(stateKey(employeeId));
      return row ? new Date(row.updated_at) : undefined;
    });
  }
}
