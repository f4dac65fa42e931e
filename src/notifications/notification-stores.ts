/**
 * Everything status messages and reminders keep, as one set on one database: SQLite (the bot's
 * file, one bot process) or PostgreSQL (shared by every instance). `createNotifications` takes
 * either; these build them.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { JobQueue } from '../jobs/job-queue.js';
import { SqliteJobQueue } from '../jobs/sqlite-job-queue.js';
import type { PgTx } from '../store/pg/pg-database.js';
import type { SqliteTx } from '../store/sqlite-database.js';
import {
  ConversationRefs,
  PgConversationRefs,
  type ConversationRefStore,
} from './conversation-refs.js';
import { PgReminderStore } from './pg-reminder-store.js';
import {
  SqliteReminderStore,
  type ReminderStore,
  type ReminderStoreOptions,
} from './reminder-store.js';
import { PgStatusLedger, SqliteStatusLedger, type StatusLedger } from './status-ledger.js';

export interface NotificationStores<Tx> {
  /** The notification jobs' queue; a ledger or reminder write enqueues in its transaction. */
  queue: JobQueue<Tx>;
  refs: ConversationRefStore;
  ledger: StatusLedger<Tx>;
  reminders: ReminderStore<Tx>;
  /**
   * Only this process works on the database (SQLite): a notification job leased when it starts
   * was leased by a run that is gone, so every live one is made due at once. With several
   * instances a lease may be a live instance's, and a lease that runs out makes its job due again.
   */
  soleProcess: boolean;
}

export interface SqliteNotificationStoreOptions extends ReminderStoreOptions {
  /** The bot's queue on `db`; without, one on `now` (tests on a fake clock). */
  queue?: JobQueue<SqliteTx>;
  now?: () => Date;
}

export function sqliteNotificationStores(
  db: Database.Database,
  options: SqliteNotificationStoreOptions,
): NotificationStores<SqliteTx> {
  const now = options.now ?? (() => new Date());
  return {
    queue: options.queue ?? new SqliteJobQueue(db, { now: () => now().getTime() }),
    refs: new ConversationRefs(db),
    ledger: new SqliteStatusLedger(db),
    reminders: new SqliteReminderStore(db, options),
    soleProcess: true,
  };
}

/** On a migrated PostgreSQL database (migrations 001 and 003), with the instance's job queue on it. */
export function pgNotificationStores(
  pool: pg.Pool,
  queue: JobQueue<PgTx>,
  options: ReminderStoreOptions,
): NotificationStores<PgTx> {
  return {
    queue,
    refs: new PgConversationRefs(pool),
    ledger: new PgStatusLedger(pool),
    reminders: new PgReminderStore(pool, options),
    soleProcess: false,
  };
}
