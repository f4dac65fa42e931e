/**
 * Where the status tracker keeps the furthest state of each claim told so far: SQLite (the bot's
 * file) or PostgreSQL (shared by every instance, migration 003). `advance` raises a claim's
 * progress and, in the same transaction, runs the work that tells it (the notification job), so a
 * change is recorded together with its message or not at all.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { Awaitable } from '../jobs/job-queue.js';
import { settle, type SqliteTx } from '../store/sqlite-database.js';
import type { PgTx } from '../store/pg/pg-database.js';
import { guardedPg, guardedSqlite } from './guarded-write.js';

export interface ClaimProgress {
  claimId: string;
  employeeId: string;
  progress: number;
}

export interface StatusLedger<Tx> {
  /**
   * Raises the claim's progress when `seen.progress` is further than the stored one, and then runs
   * `onNews` in that transaction; false (and nothing run) when it was not news.
   */
  advance(seen: ClaimProgress, onNews: (tx: Tx) => Awaitable<boolean>): Promise<boolean>;
  /** Whether the claim was seen before. */
  known(claimId: string): Promise<boolean>;
}

// One statement in both: of two instances seeing the same change, only one finds it news.
const ADVANCE = `INSERT INTO claim_status_seen (claim_id, employee_id, progress) VALUES ($1, $2, $3)
  ON CONFLICT (claim_id) DO UPDATE SET progress = excluded.progress
  WHERE claim_status_seen.progress < excluded.progress`;

export class SqliteStatusLedger implements StatusLedger<SqliteTx> {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS claim_status_seen (
        claim_id    TEXT PRIMARY KEY,
        employee_id TEXT NOT NULL,
        progress    INTEGER NOT NULL
      )
    `);
  }

  advance(seen: ClaimProgress, onNews: (tx: SqliteTx) => Awaitable<boolean>): Promise<boolean> {
    const args = [seen.claimId, seen.employeeId, seen.progress];
    return guardedSqlite(this.db, ADVANCE, args, onNews, 'SqliteStatusLedger.advance');
  }

  known(claimId: string): Promise<boolean> {
    return settle(() =>
      Boolean(this.db.prepare('SELECT 1 FROM claim_status_seen WHERE claim_id = ?').get(claimId)),
    );
  }
}

export class PgStatusLedger implements StatusLedger<PgTx> {
  constructor(private readonly pool: pg.Pool) {}

  advance(seen: ClaimProgress, onNews: (tx: PgTx) => Awaitable<boolean>): Promise<boolean> {
    return guardedPg(this.pool, ADVANCE, [seen.claimId, seen.employeeId, seen.progress], onNews);
  }

  async known(claimId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM claim_status_seen WHERE claim_id = $1',
      [claimId],
    );
    return rowCount === 1;
  }
}
