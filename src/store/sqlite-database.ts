import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

// Long enough to ride out another process's write transaction (ours are all short),
// short enough that a wedged lock surfaces as an error instead of a hung turn.
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Each connection's page cache, in KiB. better-sqlite3 builds SQLite with 16 MiB per connection,
 * which a growing database fills slowly from the process's own heap: RSS that creeps up for hours.
 * The pages of a turn are few; a miss is read back from the operating system's file cache.
 */
export const PAGE_CACHE_KIB = 2_048;

function isInMemory(file: string): boolean {
  // '' is SQLite's private temporary database: nothing on disk we need a folder for.
  return file === ':memory:' || file === '';
}

/**
 * Opens (creating if needed) the bot's SQLite file with the settings every store here
 * relies on. Pass ':memory:' for a throwaway database in tests.
 */
export function openDatabase(file: string): Database.Database {
  if (!isInMemory(file)) {
    mkdirSync(dirname(resolve(file)), { recursive: true });
  }
  const db = new Database(file);
  try {
    // WAL lets readers proceed while one writer commits, which is what a bot answering
    // several conversations at once needs. An in-memory database reports 'memory'
    // instead; that is fine.
    db.pragma('journal_mode = WAL');
    // Without this, a second process sharing the file gets SQLITE_BUSY immediately
    // instead of waiting for the lock.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // SQLite leaves foreign keys off by default, per connection.
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Handed to work that must commit or roll back with a write (an outbox job, the replay mark):
 * statements on `db` run inside the transaction that is open on it.
 */
export interface SqliteTx {
  readonly db: Database.Database;
}

/** Checks that `tx` is an open transaction on `db`, so work meant to be atomic cannot run alone. */
export function assertInTransaction(tx: SqliteTx, db: Database.Database): void {
  if (tx.db !== db || !db.inTransaction)
    throw new Error('expected an open transaction on this database');
}

/**
 * Runs synchronous SQLite work behind a promise-based interface (botbuilder's Storage, the job
 * queue): done at once, and a throw becomes a rejection as callers of an async store expect.
 */
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}
